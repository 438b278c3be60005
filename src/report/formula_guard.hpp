#pragma once
// Spreadsheet formula injection (OWASP "CSV Injection"): a cell that begins with = + - @, a tab
// or a carriage return may run as a formula when a clerk opens the file in Excel. Every CSV and
// XLSX cell hoptac writes goes through guard_cell; numbers ("-1.500.000", "+84912345678",
// "-4,5%") are left as they are, so amounts still read as amounts.
#include <string>
#include <string_view>

namespace hoptac::report {

// The cell to write: prefixed with an apostrophe when it could start a formula.
std::string guard_cell(std::string_view cell);
// The inverse, for imports: a guarded cell read back is the text that was stored.
std::string unguard_cell(std::string_view cell);

}  // namespace hoptac::report
