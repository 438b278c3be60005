#pragma once
// Importing cooperatives from CSV or XLSX (all or nothing, with a dry run) and exporting the
// register's list in the same columns.
#include <string>
#include <string_view>
#include <vector>

#include "core/cooperatives.hpp"

namespace hoptac::core {

enum class SheetFormat { csv, xlsx };

// The columns of an import file; an export starts with the same ones, so it can be re-read.
const std::vector<std::string>& register_columns();

struct ImportIssue {
  int line = 0;
  std::string field, message_vi, message_en;
};

struct ImportResult {
  bool dry_run = false;
  int rows = 0;
  int created = 0;                  // in a dry run: how many would be created
  std::vector<ImportIssue> errors;  // the first kMaxImportErrors of them
  int errors_total = 0;
};
constexpr std::size_t kMaxImportErrors = 1000;

// A dry run, or a run with any bad row, changes nothing. A wrong header or an unreadable file
// fails as a whole (422 naming the header or the line).
ImportResult import_cooperatives(store::Connection& c, const MaybeActor& actor,
                                 std::string_view data, SheetFormat format, bool dry_run);

std::string export_cooperatives(store::Connection& c, const MaybeActor& actor,
                                store::CooperativeFilter filter, SheetFormat format);

}  // namespace hoptac::core
