#pragma once
// The ranges of the numbers hoptac stores: wide enough for any real cooperative, narrow enough
// that every sum over a national register fits in int64 even if every record held the largest
// value (Σ avg income × members: 2·10^5 × 10^9 per cooperative, 46,000 of them), and every
// figure is exact in a double. See docs/decisions.md "Bounded numbers".
#include <cstdint>
#include <string>

#include "domain/failure.hpp"

namespace hoptac::domain {

constexpr int64_t kMaxPeople = 100'000;                     // members or workers of one cooperative
constexpr int64_t kMaxAmountVnd = 10'000'000'000'000;       // 10^13 VND: one cooperative's yearly
                                                            // revenue, profit or charter capital
constexpr int64_t kMaxIncomeVnd = 1'000'000'000;            // 10^9 VND: a member's yearly income
constexpr double kMaxTarget = 1e15;                         // a plan's or a scheme's target
constexpr int64_t kMaxSafeInteger = 9'007'199'254'740'991;  // 2^53 - 1: exact in JSON clients

// Adds a problem for `field` unless min <= v <= max.
void check_range(Problems& p, const std::string& field, int64_t v, int64_t min, int64_t max);

}  // namespace hoptac::domain
