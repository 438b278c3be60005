#include "domain/working_days.hpp"

namespace hoptac::domain {

bool WorkingCalendar::is_working_day(Date d) const {
  if (worked_days_.count(d) != 0) return true;
  return d.weekday() < 5 && holidays_.count(d) == 0;
}

Date WorkingCalendar::add_working_days(Date from, int n) const {
  Date d = from;
  while (n > 0) {
    d = d.plus_days(1);
    if (is_working_day(d)) --n;
  }
  return d;
}

bool WorkingCalendar::due_soon(Date due, Date today) const {
  return due >= today && due <= due_soon_threshold(today);
}

}  // namespace hoptac::domain
