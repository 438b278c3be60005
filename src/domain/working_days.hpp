#pragma once
// Working days: Monday to Friday, minus public holidays, plus the Saturdays and Sundays worked
// in compensation (both kept as data).
#include <set>

#include "domain/date.hpp"

namespace hoptac::domain {

class WorkingCalendar {
 public:
  // holidays: weekdays off; worked_days: weekend days worked (a day moved by the Government).
  explicit WorkingCalendar(std::set<Date> holidays, std::set<Date> worked_days = {})
      : holidays_(std::move(holidays)), worked_days_(std::move(worked_days)) {}
  bool is_working_day(Date d) const;
  // The day reached after stepping `n` working days forward from `from` (which does not count).
  Date add_working_days(Date from, int n) const;
  // Due within the next 3 working days, today counting when it is a working day.
  bool due_soon(Date due, Date today) const;
  Date due_soon_threshold(Date today) const { return add_working_days(today.plus_days(-1), 3); }
  // The reminder before a deadline: from `n` working days before the due date until the date
  // itself (0: on the due date only).
  bool within_reminder(Date due, Date today, int n) const {
    return due >= today && due <= add_working_days(today, n);
  }
  // Overdue by `m` working days or more: `m` working days have passed since the due date.
  bool overdue_by(Date due, Date today, int m) const { return add_working_days(due, m) <= today; }

 private:
  std::set<Date> holidays_;
  std::set<Date> worked_days_;
};

}  // namespace hoptac::domain
