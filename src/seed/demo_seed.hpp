#pragma once
// The demo data set: Bắc Kạn at the end of 2024 as the newspaper reported it (455
// cooperatives, 5,506 members, average member income 59,000,000 VND), with demo accounts.
#include <ostream>

#include "store/database.hpp"

namespace hoptac::seed {

constexpr const char* kDemoPassword = "hoptac-demo";
constexpr int kDemoCooperatives = 455;
constexpr int kDemoMembers2024 = 5506;
constexpr long long kDemoAverageIncome2024 = 59'000'000;

// Deterministic: the same database content on every run. Does nothing (but list the
// accounts) when the demo is already there; refuses a database that holds other data.
void seed_demo(store::Connection& c, std::ostream& out);

}  // namespace hoptac::seed
