#include "text/control.hpp"

namespace hoptac::text {

bool has_forbidden_control(std::string_view s, Lines lines) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || c == '\r' || c == '\t') {
      if (lines == Lines::single) return true;
    } else if (c < 0x20 || c == 0x7f) {
      return true;
    } else if (c == 0xc2 && i + 1 < s.size()) {
      auto next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0x80 && next <= 0x9f) return true;  // C1 controls U+0080–U+009F
    } else if (c == 0xe2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      auto last = static_cast<unsigned char>(s[i + 2]);
      if (last == 0xa8 || last == 0xa9) return true;  // U+2028, U+2029: line breaks too
    }
  }
  return false;
}

std::string normalise_line_breaks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace hoptac::text
