#pragma once
// The per-engine seam for the petitions' full-text search over their folded text: FTS5 on
// SQLite (petitions_fts), a tsvector with a GIN index on PostgreSQL (petition_search). Every
// token must be there as a word, the last one as a prefix, as one types ("mien do" finds
// "miến dong" and "miễn đóng góp").
//
// A search list is driven by the index: its rows come in id order (newest first) straight
// from the index, joined to the petitions, so that the first page of a word found in a
// million petitions costs as little as that of a rare one.
#include <cstdint>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace hoptac::store {

struct PetitionSearchSql {
  std::string from;       // "<index> f JOIN petitions p ON ..."; p is the petition
  std::string index;      // "<index> f" alone: to count matches without reading petitions
  std::string condition;  // on f, one parameter: match_value()
  std::string order_asc, order_desc;  // the index's own order
};
PetitionSearchSql petition_search_sql(Engine e);
std::string petition_match_value(Engine e, const std::vector<std::string>& tokens);

// Replaces the searchable text of a petition.
void write_petition_search(Connection& c, int64_t petition_id, const std::string& folded);

// Bulk loads: the searchable texts of new petitions kept aside, then indexed all at once.
void begin_search_load(Connection& c);
void add_search_load(Connection& c, int64_t petition_id, const std::string& folded);
void flush_search_load(Connection& c);

}  // namespace hoptac::store
