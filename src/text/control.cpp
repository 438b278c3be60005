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
    } else if (c == 0xe2 && i + 2 < s.size()) {
      auto mid = static_cast<unsigned char>(s[i + 1]);
      auto last = static_cast<unsigned char>(s[i + 2]);
      if (mid == 0x80 && (last == 0xa8 || last == 0xa9)) return true;  // U+2028/9: line breaks
      // Bidirectional overrides and isolates (U+202A–202E, U+2066–2069): "a\u202Egnp.exe"
      // shows as "aexe.png".
      if (mid == 0x80 && last >= 0xaa && last <= 0xae) return true;
      if (mid == 0x81 && last >= 0xa6 && last <= 0xa9) return true;
      // Zero-width characters and direction marks (U+200B–200F) hide in a short text.
      if (lines == Lines::single && mid == 0x80 && last >= 0x8b && last <= 0x8f) return true;
    } else if (c == 0xef && i + 2 < s.size()) {
      auto mid = static_cast<unsigned char>(s[i + 1]);
      auto last = static_cast<unsigned char>(s[i + 2]);
      if (mid == 0xbb && last == 0xbf) return true;                    // U+FEFF, a stray BOM
      if (mid == 0xbf && (last == 0xbe || last == 0xbf)) return true;  // U+FFFE, U+FFFF
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
