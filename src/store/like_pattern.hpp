#pragma once
// A LIKE pattern that matches `text` anywhere, with the wildcards of the text escaped, for
// `column LIKE ? ESCAPE '\'`: a search for "%" or "_" finds those characters, not every row.
#include <string>
#include <string_view>

namespace hoptac::store {

inline std::string like_contains(std::string_view text) {
  std::string p = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') p += '\\';
    p += ch;
  }
  return p + "%";
}

}  // namespace hoptac::store
