#include "domain/contact.hpp"

namespace hoptac::domain {

namespace {
bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool valid_local_part(std::string_view s) {
  if (s.empty() || s.size() > 64 || s.front() == '.' || s.back() == '.') return false;
  constexpr std::string_view kSpecials = "!#$%&'*+/=?^_`{|}~-.";
  char previous = 0;
  for (char c : s) {
    if (!is_alnum(c) && kSpecials.find(c) == std::string_view::npos) return false;
    if (c == '.' && previous == '.') return false;
    previous = c;
  }
  return true;
}

bool valid_domain(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  int labels = 0;
  std::string_view last;
  while (true) {
    auto dot = s.find('.');
    std::string_view label = s.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
      return false;
    for (char c : label)
      if (!is_alnum(c) && c != '-') return false;
    ++labels;
    last = label;
    if (dot == std::string_view::npos) break;
    s.remove_prefix(dot + 1);
  }
  if (labels < 2 || last.size() < 2) return false;
  for (char c : last)  // a top-level domain has no digits ("xn--" IDNs aside)
    if (is_digit(c)) return false;
  return true;
}
}  // namespace

bool is_valid_email(std::string_view s) {
  if (s.size() > 254) return false;
  auto at = s.rfind('@');
  if (at == std::string_view::npos) return false;
  return valid_local_part(s.substr(0, at)) && valid_domain(s.substr(at + 1));
}

bool is_valid_phone(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  int digits = 0;
  char previous = ' ';  // a number may not begin with a separator
  for (char c : s) {
    bool separator = c == ' ' || c == '.' || c == '-';
    if (!is_digit(c) && !separator) return false;
    if (separator && !is_digit(previous)) return false;
    digits += is_digit(c);
    previous = c;
  }
  return digits >= 9 && digits <= 15 && is_digit(previous);
}

}  // namespace hoptac::domain
