#pragma once
// What an e-mail address and a telephone number look like. An address goes into mail headers
// (issue 13), so nothing but the plain addr-spec of RFC 5321 is accepted: no display names,
// comments, quoted local parts, spaces or line breaks.
#include <string_view>

namespace hoptac::domain {

bool is_valid_email(std::string_view s);
// A Vietnamese or international number: an optional "+", then 9 to 15 digits, which may be
// grouped by single spaces, dots or hyphens ("0912 345 678", "+84 209.3870.123").
bool is_valid_phone(std::string_view s);

}  // namespace hoptac::domain
