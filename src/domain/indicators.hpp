#pragma once
// The collective economy's indicators, computed from the register (never typed in), and
// their achievement against a plan. Formulas are documented in docs/indicators.md.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"

namespace hoptac::domain {

// What the indicators need to know of one cooperative for one year.
struct CooperativeFacts {
  std::string kind;    // tht | htx | lhhtx
  std::string status;  // as recorded now
  std::optional<Date> founded_on, dissolved_on;
  bool reported = false;  // has figures for the year
  int64_t members_official = 0, members_associate = 0, workers = 0;
  int64_t revenue_vnd = 0, profit_vnd = 0, avg_income_vnd = 0;
  std::string classification;  // "" = not rated
};

struct OcopFacts {
  int stars = 3;
  Date decided_on, expires_on;
};

struct Indicators {
  int year = 0;
  int64_t cooperatives = 0;  // that reported figures for the year
  std::map<std::string, int64_t> by_kind, by_status, by_classification;
  int64_t new_cooperatives = 0, dissolved_cooperatives = 0;
  int64_t members = 0, members_official = 0, members_associate = 0, workers = 0;
  int64_t avg_revenue_vnd = 0, avg_profit_vnd = 0;  // per reporting cooperative
  int64_t avg_income_vnd = 0;                       // weighted by members
  int64_t rated = 0, effective = 0;                 // effective = tốt + khá
  double effective_share_pct = 0;                   // effective / rated
  int64_t ocop_products = 0;                        // certificate valid at the reference day
  std::map<int, int64_t> ocop_by_stars;
};

// Reporting cooperatives of one kind, status and classification, added up: what a database
// GROUP BY gives, so that national-size data need not travel row by row.
struct FactGroup {
  std::string kind, status, classification;
  int64_t count = 0, members_official = 0, members_associate = 0, workers = 0;
  int64_t revenue_vnd = 0, profit_vnd = 0;
  int64_t income_weighted = 0;  // Σ avg_income × members
};

Indicators compute_indicators(int year, const std::vector<FactGroup>& groups,
                              int64_t new_cooperatives, int64_t dissolved_cooperatives,
                              const std::vector<OcopFacts>& products, Date reference_day);

// `reference_day`: the day OCOP certificates must be valid on (the year's last day, or today
// for the current year).
Indicators compute_indicators(int year, const std::vector<CooperativeFacts>& cooperatives,
                              const std::vector<OcopFacts>& products, Date reference_day);

struct IndicatorDef {
  std::string_view code;
  std::string_view name_vi;
  std::string_view name_en;
  std::string_view unit;  // count | people | vnd | pct | products
};
// The indicators a plan or a scheme may target, in report order.
const std::vector<IndicatorDef>& plan_indicators();
bool is_plan_indicator(std::string_view code);
double indicator_value(const Indicators& x, std::string_view code);

// actual / target in percent, one decimal; nothing when the target is zero.
std::optional<double> achievement_pct(double actual, double target);

}  // namespace hoptac::domain
