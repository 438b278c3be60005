#pragma once
// Instants as UTC ISO 8601 text ("2026-11-28T09:30:05Z"), which sort as they compare.
#include <string>

namespace hoptac::core {

std::string now_iso();
std::string iso_from_now(long seconds);  // negative: in the past

}  // namespace hoptac::core
