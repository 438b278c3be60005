#include "domain/indicators.hpp"

#include <algorithm>
#include <cmath>

namespace hoptac::domain {

namespace {
int64_t rounded_div(__int128 numerator, int64_t denominator) {
  if (denominator == 0) return 0;
  __int128 q = numerator / denominator;
  __int128 r = numerator % denominator;
  if (2 * (r < 0 ? -r : r) >= denominator) q += numerator >= 0 ? 1 : -1;
  return static_cast<int64_t>(q);
}
}  // namespace

Indicators compute_indicators(int year, const std::vector<FactGroup>& groups,
                              int64_t new_cooperatives, int64_t dissolved_cooperatives,
                              const std::vector<OcopFacts>& products, Date reference_day) {
  Indicators x;
  x.year = year;
  x.new_cooperatives = new_cooperatives;
  x.dissolved_cooperatives = dissolved_cooperatives;
  __int128 revenue = 0, profit = 0, income_weighted = 0;
  for (const auto& g : groups) {
    x.cooperatives += g.count;
    x.by_kind[g.kind] += g.count;
    x.by_status[g.status] += g.count;
    x.members_official += g.members_official;
    x.members_associate += g.members_associate;
    x.members += g.members_official + g.members_associate;
    x.workers += g.workers;
    revenue += g.revenue_vnd;
    profit += g.profit_vnd;
    income_weighted += g.income_weighted;
    if (!g.classification.empty()) {
      x.rated += g.count;
      x.by_classification[g.classification] += g.count;
      if (g.classification == "tot" || g.classification == "kha") x.effective += g.count;
    }
  }
  x.avg_revenue_vnd = rounded_div(revenue, x.cooperatives);
  x.avg_profit_vnd = rounded_div(profit, x.cooperatives);
  x.avg_income_vnd = rounded_div(income_weighted, x.members);
  x.effective_share_pct =
      x.rated == 0
          ? 0
          : std::round(1000.0 * static_cast<double>(x.effective) / static_cast<double>(x.rated)) /
                10.0;
  for (const auto& p : products)
    if (p.decided_on <= reference_day && reference_day <= p.expires_on) {
      ++x.ocop_products;
      ++x.ocop_by_stars[p.stars];
    }
  return x;
}

Indicators compute_indicators(int year, const std::vector<CooperativeFacts>& cooperatives,
                              const std::vector<OcopFacts>& products, Date reference_day) {
  std::vector<FactGroup> groups;
  int64_t founded = 0, dissolved = 0;
  for (const auto& c : cooperatives) {
    if (c.founded_on && c.founded_on->year == year) ++founded;
    if (c.dissolved_on && c.dissolved_on->year == year) ++dissolved;
    if (!c.reported) continue;
    const int64_t members = c.members_official + c.members_associate;
    groups.push_back({c.kind, c.status, c.classification, 1, c.members_official,
                      c.members_associate, c.workers, c.revenue_vnd, c.profit_vnd,
                      c.avg_income_vnd * members});
  }
  return compute_indicators(year, groups, founded, dissolved, products, reference_day);
}

const std::vector<IndicatorDef>& plan_indicators() {
  static const std::vector<IndicatorDef> defs = {
      {"cooperatives", "Số hợp tác xã, liên hiệp, tổ hợp tác", "Cooperatives", "count"},
      {"new_cooperatives", "Số thành lập mới trong năm", "New in the year", "count"},
      {"members", "Tổng số thành viên", "Members", "people"},
      {"workers", "Số lao động", "Workers", "people"},
      {"avg_revenue_vnd", "Doanh thu bình quân một hợp tác xã", "Average revenue per cooperative",
       "vnd"},
      {"avg_profit_vnd", "Lợi nhuận bình quân một hợp tác xã", "Average profit per cooperative",
       "vnd"},
      {"avg_income_vnd", "Thu nhập bình quân của thành viên, người lao động",
       "Average member income", "vnd"},
      {"effective_share_pct", "Tỷ lệ hợp tác xã hoạt động hiệu quả (tốt, khá)",
       "Share rated good or fair", "pct"},
      {"ocop_products", "Sản phẩm OCOP còn hiệu lực", "OCOP products with a valid certificate",
       "products"},
  };
  return defs;
}

bool is_plan_indicator(std::string_view code) {
  const auto& d = plan_indicators();
  return std::any_of(d.begin(), d.end(), [&](const IndicatorDef& x) { return x.code == code; });
}

double indicator_value(const Indicators& x, std::string_view code) {
  if (code == "cooperatives") return static_cast<double>(x.cooperatives);
  if (code == "new_cooperatives") return static_cast<double>(x.new_cooperatives);
  if (code == "members") return static_cast<double>(x.members);
  if (code == "workers") return static_cast<double>(x.workers);
  if (code == "avg_revenue_vnd") return static_cast<double>(x.avg_revenue_vnd);
  if (code == "avg_profit_vnd") return static_cast<double>(x.avg_profit_vnd);
  if (code == "avg_income_vnd") return static_cast<double>(x.avg_income_vnd);
  if (code == "effective_share_pct") return x.effective_share_pct;
  if (code == "ocop_products") return static_cast<double>(x.ocop_products);
  return 0;
}

std::optional<double> achievement_pct(double actual, double target) {
  if (!(target > 0) || !std::isfinite(target) || !std::isfinite(actual)) return std::nullopt;
  return std::round(1000.0 * actual / target) / 10.0;
}

}  // namespace hoptac::domain
