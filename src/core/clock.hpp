#pragma once
// Instants as UTC ISO 8601 text ("2026-11-28T09:30:05Z"), which sort as they compare.
#include <cstdint>
#include <string>

namespace hoptac::core {

std::string now_iso();
std::string iso_from_now(long seconds);  // negative: in the past
int64_t now_unix_ms();

}  // namespace hoptac::core
