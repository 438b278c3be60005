#include "report/formula_guard.hpp"

namespace hoptac::report {

namespace {
bool starts_formula(std::string_view s) {
  return !s.empty() &&
         (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

// A signed number as hoptac writes it: digits grouped by "." or ",", an optional "%".
bool plain_number(std::string_view s) {
  if (s.size() < 2 || (s[0] != '-' && s[0] != '+')) return false;
  s.remove_prefix(1);
  if (!s.empty() && s.back() == '%') s.remove_suffix(1);
  if (s.empty() || s.front() < '0' || s.front() > '9' || s.back() < '0' || s.back() > '9')
    return false;
  for (char ch : s)
    if (!((ch >= '0' && ch <= '9') || ch == '.' || ch == ',')) return false;
  return true;
}
}  // namespace

std::string guard_cell(std::string_view cell) {
  if (!starts_formula(cell) || plain_number(cell)) return std::string(cell);
  return "'" + std::string(cell);
}

std::string unguard_cell(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'' && starts_formula(cell.substr(1)) &&
      !plain_number(cell.substr(1)))
    return std::string(cell.substr(1));
  return std::string(cell);
}

}  // namespace hoptac::report
