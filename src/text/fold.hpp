#pragma once
// Vietnamese text helpers: validation, NFC normalisation and the folded form used for search.
#include <string>
#include <string_view>

namespace hoptac::text {

// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view s);

// NFC form of valid UTF-8 text; what we store.
std::string to_nfc(std::string_view s);

// The search form: NFD, combining marks dropped, đ/Đ -> d, lower case, runs of
// white space folded to one space. "Chợ Đồn" -> "cho don".
std::string fold(std::string_view s);

// Upper case as Vietnamese writes it ("Bắc Kạn" -> "BẮC KẠN"), for administrative headers.
std::string to_upper(std::string_view s);

// Number of Unicode code points in valid UTF-8 text (limits are counted in characters).
std::size_t length_in_characters(std::string_view s);

}  // namespace hoptac::text
