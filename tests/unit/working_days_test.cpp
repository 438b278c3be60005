#include "domain/working_days.hpp"

#include <gtest/gtest.h>

// A Saturday or Sunday the Government moves a working day to counts like a weekday, in the
// deadlines and in "due soon"; a worked day does not undo a holiday elsewhere.
using hoptac::domain::Date;
using hoptac::domain::WorkingCalendar;

namespace {
const Date kFriday{2026, 11, 27};
const Date kSaturday{2026, 11, 28};
const Date kSunday{2026, 11, 29};
}  // namespace

TEST(WorkedWeekendDays, AWorkedSaturdayIsAWorkingDay) {
  WorkingCalendar plain({});
  WorkingCalendar worked({}, {kSaturday});
  EXPECT_FALSE(plain.is_working_day(kSaturday));
  EXPECT_TRUE(worked.is_working_day(kSaturday));
  EXPECT_FALSE(worked.is_working_day(kSunday));
  EXPECT_TRUE(worked.is_working_day(kFriday));
}

TEST(WorkedWeekendDays, ThreeWorkingDaysFromFridayLandOneDayEarlier) {
  WorkingCalendar plain({});
  WorkingCalendar worked({}, {kSaturday});
  EXPECT_EQ(plain.add_working_days(kFriday, 3).iso(), "2026-12-02");   // Mon, Tue, Wed
  EXPECT_EQ(worked.add_working_days(kFriday, 3).iso(), "2026-12-01");  // Sat, Mon, Tue
  EXPECT_EQ(worked.add_working_days(kFriday, 1).iso(), "2026-11-28");  // the Saturday itself
}

TEST(WorkedWeekendDays, AWorkedSundayCountsToo) {
  WorkingCalendar worked({}, {kSunday});
  EXPECT_EQ(worked.add_working_days(kFriday, 1).iso(), "2026-11-29");
  EXPECT_EQ(worked.add_working_days(kFriday, 2).iso(), "2026-11-30");
}

TEST(WorkedWeekendDays, HolidaysAndWorkedDaysTogether) {
  // Monday 30/11 off, Saturday 28/11 worked instead: from Friday, Sat, Tue, Wed.
  WorkingCalendar cal({Date{2026, 11, 30}}, {kSaturday});
  EXPECT_EQ(cal.add_working_days(kFriday, 3).iso(), "2026-12-02");
  EXPECT_FALSE(cal.is_working_day(Date{2026, 11, 30}));
}

TEST(WorkedWeekendDays, DueSoonCountsTheWorkedSaturday) {
  WorkingCalendar plain({});
  WorkingCalendar worked({}, {kSaturday});
  // From Friday: plain Fri, Mon, Tue; worked Fri, Sat, Mon.
  EXPECT_TRUE(plain.due_soon(Date{2026, 12, 1}, kFriday));
  EXPECT_FALSE(worked.due_soon(Date{2026, 12, 1}, kFriday));
  EXPECT_TRUE(worked.due_soon(Date{2026, 11, 30}, kFriday));
  // On the worked Saturday itself the day counts: Sat, Mon, Tue.
  EXPECT_EQ(worked.due_soon_threshold(kSaturday).iso(), "2026-12-01");
  EXPECT_EQ(plain.due_soon_threshold(kSaturday).iso(), "2026-12-02");
  EXPECT_TRUE(worked.due_soon(kSaturday, kSaturday));
}

// Reminders N working days before a due date, and escalation M working days after it.
TEST(DeadlineReminders, FromNWorkingDaysBeforeTheDueDateUntilTheDateItself) {
  WorkingCalendar plain({});
  const Date wednesday{2026, 12, 2};
  EXPECT_FALSE(plain.within_reminder(wednesday, kFriday, 2));  // Mon, Tue: not yet
  EXPECT_TRUE(plain.within_reminder(wednesday, kFriday, 3));   // Mon, Tue, Wed
  EXPECT_TRUE(plain.within_reminder(wednesday, kSaturday, 3));
  EXPECT_TRUE(plain.within_reminder(wednesday, wednesday, 0));
  EXPECT_FALSE(plain.within_reminder(wednesday, wednesday.plus_days(1), 3));  // overdue
}

TEST(DeadlineReminders, EscalatedAfterMWorkingDaysOverdue) {
  WorkingCalendar plain({});
  const Date monday{2026, 11, 30};
  EXPECT_FALSE(plain.overdue_by(kFriday, monday.plus_days(3), 5));  // Mon..Thu: 4
  EXPECT_TRUE(plain.overdue_by(kFriday, monday.plus_days(4), 5));   // Friday: the 5th
  WorkingCalendar worked({}, {kSaturday});
  EXPECT_TRUE(worked.overdue_by(kFriday, monday.plus_days(3), 5));  // the Saturday counts
}
