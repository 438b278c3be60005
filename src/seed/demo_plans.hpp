#pragma once
// The demo's plans, schemes and awards: the 2023 and 2024 plans (the 2024 income target is
// 59,000,000 VND, met at 100%), the 2021–2025 scheme and a draft 2025–2030 one, and the 2024
// awards (8 Bằng khen of the UBND, 16 Giấy khen of the Alliance).
#include <vector>

#include "store/database.hpp"

namespace hoptac::seed {

constexpr int kDemoBangKhen = 8;
constexpr int kDemoGiayKhen = 16;

void seed_demo_plans(store::Connection& c);
// `good` and `fair`: cooperatives rated tốt and khá in 2024, in a fixed order.
void seed_demo_awards(store::Connection& c, const std::vector<int64_t>& good,
                      const std::vector<int64_t>& fair);

}  // namespace hoptac::seed
