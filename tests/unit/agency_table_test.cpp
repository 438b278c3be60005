#include "domain/agency_table.hpp"

#include <gtest/gtest.h>

#include "domain/petition_states.hpp"

using namespace hoptac::domain;

namespace {
AgencyLateness row(std::string name, int64_t assigned, std::optional<double> pct, int64_t overdue,
                   std::optional<int64_t> oldest) {
  AgencyLateness a;
  a.name = std::move(name);
  a.assigned = assigned;
  a.on_time_pct = pct;
  a.overdue = overdue;
  a.oldest_overdue_days = oldest;
  return a;
}
std::string names(const std::vector<AgencyLateness>& rows) {
  std::string s;
  for (const auto& r : rows) s += r.name;
  return s;
}
}  // namespace

TEST(AgencyTable, OnTimeShareHasOneDecimal) {
  EXPECT_FALSE(on_time_share(0, 0));
  EXPECT_DOUBLE_EQ(*on_time_share(2, 1), 66.7);
  EXPECT_DOUBLE_EQ(*on_time_share(1, 0), 100.0);
  EXPECT_DOUBLE_EQ(*on_time_share(0, 5), 0.0);
  EXPECT_FALSE(on_time_share(-1, 0));
}

TEST(AgencyTable, DaysOverdue) {
  EXPECT_EQ(days_overdue(*Date::parse("2025-01-31"), *Date::parse("2025-03-01")), 29);
  EXPECT_EQ(days_overdue(*Date::parse("2025-03-02"), *Date::parse("2025-03-01")), 0);
}

TEST(AgencyTable, SortsWithEmptyValuesLast) {
  std::vector<AgencyLateness> rows = {row("B", 5, 50.0, 2, 10), row("A", 9, std::nullopt, 0, {}),
                                      row("C", 1, 90.0, 7, 3)};
  sort_agencies(rows, "overdue", true);
  EXPECT_EQ(names(rows), "CBA");
  sort_agencies(rows, "on_time_pct", false);
  EXPECT_EQ(names(rows), "BCA");
  sort_agencies(rows, "on_time_pct", true);
  EXPECT_EQ(names(rows), "CBA");
  sort_agencies(rows, "oldest_overdue_days", true);
  EXPECT_EQ(names(rows), "BCA");
  sort_agencies(rows, "assigned", false);
  EXPECT_EQ(names(rows), "CBA");
  sort_agencies(rows, "name", false);
  EXPECT_EQ(names(rows), "ABC");
  EXPECT_EQ(agency_sort_keys().size(), 6u);
}

TEST(PetitionStates, OneNameEach) {
  EXPECT_EQ(state_names().size(), 10u);
  EXPECT_EQ(state_name_vi("assigned"), "Đang giải quyết");
  EXPECT_EQ(state_name_vi("unknown"), "unknown");
}
