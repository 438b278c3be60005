#include "domain/agency_table.hpp"

#include <algorithm>
#include <cmath>

namespace hoptac::domain {

std::optional<double> on_time_share(int64_t on_time, int64_t late) {
  if (on_time < 0 || late < 0 || on_time + late == 0) return std::nullopt;
  return std::round(1000.0 * static_cast<double>(on_time) / static_cast<double>(on_time + late)) /
         10.0;
}

int64_t days_overdue(const Date& due, const Date& today) {
  return std::max<int64_t>(0, today.days() - due.days());
}

const std::vector<std::string_view>& agency_sort_keys() {
  static const std::vector<std::string_view> keys = {
      "name", "assigned", "answered", "on_time_pct", "overdue", "oldest_overdue_days"};
  return keys;
}

namespace {

std::optional<double> key_of(const AgencyLateness& a, std::string_view key) {
  if (key == "assigned") return static_cast<double>(a.assigned);
  if (key == "answered") return static_cast<double>(a.answered);
  if (key == "on_time_pct") return a.on_time_pct;
  if (key == "overdue") return static_cast<double>(a.overdue);
  if (a.oldest_overdue_days) return static_cast<double>(*a.oldest_overdue_days);
  return std::nullopt;
}

}  // namespace

void sort_agencies(std::vector<AgencyLateness>& rows, std::string_view key, bool descending) {
  std::stable_sort(rows.begin(), rows.end(), [&](const AgencyLateness& x, const AgencyLateness& y) {
    if (key == "name") return descending ? y.name < x.name : x.name < y.name;
    auto a = key_of(x, key), b = key_of(y, key);
    if (a.has_value() != b.has_value()) return a.has_value();  // the empty ones last
    if (a && *a != *b) return descending ? *a > *b : *a < *b;
    return x.name < y.name;
  });
}

}  // namespace hoptac::domain
