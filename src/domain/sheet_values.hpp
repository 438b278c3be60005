#pragma once
// Values as a clerk writes them in a spreadsheet: dates dd/mm/yyyy (or ISO), amounts in dong
// with Vietnamese thousands separators ("1.000.000", "1 000 000"), headers compared without
// diacritics, case or extra spaces.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"

namespace hoptac::domain {

// dd/mm/yyyy or d/m/yyyy (also with '-' or '.'), or strict ISO YYYY-MM-DD; the day must exist.
std::optional<Date> parse_sheet_date(std::string_view s);

// A whole, non-negative amount: plain digits, or groups of three after the first one to three
// digits, separated by '.' or by spaces (one kind throughout). At most 18 digits.
std::optional<int64_t> parse_amount(std::string_view s);

// A header as compared: folded (no diacritics, lower case), runs of spaces made one, trimmed.
std::string header_key(std::string_view header);

}  // namespace hoptac::domain
