#pragma once
// Moving a whole database from SQLite to PostgreSQL (`hoptac migrate-data`): every table in
// the order of its foreign keys, ids kept, the running totals copied as they are (the target's
// triggers are off meanwhile), the search index rebuilt, attachments from files into the
// database; then each table's row count and checksum compared on both sides.
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace hoptac::store {

struct TableMoved {
  std::string table;
  int64_t rows = 0;
  std::string checksum;  // SHA-256 of the rows, the same on both sides
};

struct DataMoved {
  std::vector<TableMoved> tables;
  int64_t attachments = 0;
};

// Fails (std::runtime_error, nothing committed) when the target holds data, or when a count
// or a checksum differs at the end.
DataMoved move_data(Database& from, Database& to);

}  // namespace hoptac::store
