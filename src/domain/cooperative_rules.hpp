#pragma once
// Rules of the Law on Cooperatives 2023, TT 01/2020 and QĐ 148/QĐ-TTg (see shared RULES.md §1–2).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/cooperative.hpp"
#include "domain/failure.hpp"

namespace hoptac::domain {

struct CodeName {
  std::string_view code;
  std::string_view vi;
  std::string_view en;
};

const std::vector<CodeName>& cooperative_kinds();
const std::vector<CodeName>& cooperative_statuses();
const std::vector<CodeName>& sectors();
const std::vector<CodeName>& classifications();
const std::vector<CodeName>& ocop_groups();
bool is_one_of(const std::vector<CodeName>& list, std::string_view code);

// Minimum official members: THT 2, HTX 5, liên hiệp 3 (member HTX).
int minimum_members(std::string_view kind);

// Checks name prefix, registration code and sectors of a whole record; adds to `problems`.
void check_cooperative(const Cooperative& c, Problems& problems);

// Checks yearly figures against the kind's rules.
void check_year(std::string_view kind, const CooperativeYear& y, Problems& problems);

// TT 01/2020 bands: tốt 80–100, khá 65–<80, trung bình 50–<65, yếu <50.
std::string classification_for_score(int score);

// QĐ 148: 3★ 50–69, 4★ 70–89, 5★ 90–100; below 50 is not an OCOP product.
std::optional<int> ocop_stars_for_score(int score);
void check_product(const OcopProduct& p, Problems& problems);
constexpr int kOcopValidityMonths = 36;

void check_contract(const OfftakeContract& c, Problems& problems);

}  // namespace hoptac::domain
