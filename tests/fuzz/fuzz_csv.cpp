// libFuzzer harness: the CSV reader (report::parse_csv) and, for what it accepts, a round
// trip through the writer: what CsvWriter writes (each cell through guard_cell, against
// formula injection), parse_csv must read back cell for cell; and unguard_cell undoes
// guard_cell for every cell that does not itself begin with an apostrophe.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "report/csv.hpp"
#include "report/formula_guard.hpp"

using hoptac::report::CsvError;
using hoptac::report::CsvWriter;
using hoptac::report::parse_csv;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::optional<CsvError> error;
  auto rows = parse_csv(in, &error);
  if (error) {
    if (!rows.empty() || error->line < 1 || error->message_en.empty()) __builtin_trap();
    return 0;
  }
  int previous = 0;
  for (const auto& r : rows) {
    // Rows come in file order, each from a line of its own, none of them empty.
    if (r.line <= previous || r.cells.empty()) __builtin_trap();
    if (r.cells.size() == 1 && r.cells[0].empty()) __builtin_trap();
    previous = r.line;
  }
  CsvWriter w;
  for (const auto& r : rows) w.row(r.cells);
  std::optional<CsvError> again_error;
  auto again = parse_csv(w.str(), &again_error);
  if (again_error || again.size() != rows.size()) __builtin_trap();
  for (size_t i = 0; i < rows.size(); ++i) {
    if (again[i].cells.size() != rows[i].cells.size()) __builtin_trap();
    for (size_t j = 0; j < rows[i].cells.size(); ++j) {
      const std::string& cell = rows[i].cells[j];
      if (again[i].cells[j] != hoptac::report::guard_cell(cell)) __builtin_trap();
      if (!cell.starts_with('\'') && hoptac::report::unguard_cell(again[i].cells[j]) != cell)
        __builtin_trap();
    }
  }
  return 0;
}
