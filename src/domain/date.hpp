#pragma once
// Calendar dates (no time zone): parsing ISO 8601 "YYYY-MM-DD", arithmetic in days and months.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace hoptac::domain {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  static std::optional<Date> parse(std::string_view iso);  // strict YYYY-MM-DD
  static Date from_days(long days);                        // days since 1970-01-01
  // Today's date in Vietnam (UTC+7, no daylight saving): deadlines and "not in the future"
  // are counted in the province's days, not in UTC's.
  static Date today_in_vietnam();
  long days() const;    // days since 1970-01-01
  int weekday() const;  // 0 = Monday ... 6 = Sunday
  Date plus_days(long n) const { return from_days(days() + n); }
  Date plus_months(int n) const;  // clamps the day to the month's length
  std::string iso() const;
  std::string vietnamese() const;  // dd/mm/yyyy
  auto operator<=>(const Date&) const = default;
};

int days_in_month(int year, int month);

}  // namespace hoptac::domain
