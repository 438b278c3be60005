#include "domain/sheet_values.hpp"

#include "text/fold.hpp"

namespace hoptac::domain {

namespace {
bool digit(char c) {
  return c >= '0' && c <= '9';
}

// The digits of s from its start while they last, at most max of them; -1 when none.
int read_number(std::string_view& s, size_t max) {
  size_t n = 0;
  int value = 0;
  while (n < s.size() && n < max && digit(s[n])) value = value * 10 + (s[n++] - '0');
  if (n == 0 || (n < s.size() && digit(s[n]))) return -1;
  s.remove_prefix(n);
  return value;
}
}  // namespace

std::optional<Date> parse_sheet_date(std::string_view s) {
  if (s.size() == 10 && s[4] == '-') return Date::parse(s);
  const int day = read_number(s, 2);
  if (day < 0 || s.empty()) return std::nullopt;
  const char sep = s.front();
  if (sep != '/' && sep != '-' && sep != '.') return std::nullopt;
  s.remove_prefix(1);
  const int month = read_number(s, 2);
  if (month < 0 || s.size() != 5 || s.front() != sep) return std::nullopt;
  s.remove_prefix(1);
  const int year = read_number(s, 4);
  if (year < 1000 || !s.empty()) return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return Date{year, month, day};
}

std::optional<int64_t> parse_amount(std::string_view s) {
  if (s.empty() || !digit(s.front()) || !digit(s.back())) return std::nullopt;
  char sep = 0;
  size_t group = 0, digits = 0;  // digits in the current group, in all
  bool grouped = false;
  int64_t value = 0;
  for (char c : s) {
    if (digit(c)) {
      if (++digits > 18) return std::nullopt;
      value = value * 10 + (c - '0');
      ++group;
      continue;
    }
    if ((c != '.' && c != ' ') || (sep && c != sep)) return std::nullopt;
    // Before a separator: 1-3 digits first, exactly 3 after.
    if (grouped ? group != 3 : group > 3) return std::nullopt;
    sep = c;
    grouped = true;
    group = 0;
  }
  if (grouped && group != 3) return std::nullopt;
  return value;
}

std::string header_key(std::string_view header) {
  const std::string folded = text::fold(header);
  std::string out;
  for (char c : folded) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace hoptac::domain
