#pragma once
// Sorting as Vietnamese does ("Ấp" after "An", "Đ" after "D"): ICU's collator for "vi".
#include <string>
#include <string_view>

namespace hoptac::text {

// The collator's sort key of valid UTF-8 text: comparing two keys byte by byte (memcmp, an
// SQLite BLOB, a PostgreSQL bytea) orders the texts as the collator does.
std::string sort_key(std::string_view s);

}  // namespace hoptac::text
