#pragma once
// The dashboard's "which agencies are late": one row per lead agency, its on-time share and how
// old its oldest overdue petition is, in the order the leader asks for.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"

namespace hoptac::domain {

struct AgencyLateness {
  int64_t id = 0;
  std::string code, name;
  int64_t assigned = 0, answered = 0, on_time = 0, late = 0, overdue = 0;
  std::optional<double> on_time_pct;           // one decimal; none before an answer with a due date
  std::optional<int64_t> oldest_overdue_days;  // days past the oldest overdue's due date
};

// on_time of (on_time + late), rounded to one decimal.
std::optional<double> on_time_share(int64_t on_time, int64_t late);
// Calendar days from `due` to `today` (overdue petitions: at least 1).
int64_t days_overdue(const Date& due, const Date& today);

// The sort keys of the table; a leading '-' is descending.
const std::vector<std::string_view>& agency_sort_keys();
// Sorts in place; rows without a value (no on-time share, nothing overdue) go last either way,
// ties by name.
void sort_agencies(std::vector<AgencyLateness>& rows, std::string_view key, bool descending);

}  // namespace hoptac::domain
