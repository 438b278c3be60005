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
// Each has its English key (accepted) and the Vietnamese header a clerk reads (written).
struct SheetColumn {
  std::string_view key, vi;
};
const std::vector<SheetColumn>& register_sheet_columns();
const std::vector<std::string>& register_columns();
// The Vietnamese header of a field's column ("representative.email" too); "" when none.
std::string column_header(const std::string& field);

struct ImportIssue {
  int line = 0;
  std::string field, column, message_vi, message_en;  // column: its Vietnamese header
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

// The import template: the headers, an example row, and a sheet of the coded columns' values.
std::string import_template();

std::string export_cooperatives(store::Connection& c, const MaybeActor& actor,
                                domain::CooperativeFilter filter, SheetFormat format);

}  // namespace hoptac::core
