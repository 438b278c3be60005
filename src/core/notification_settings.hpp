#pragma once
// When deadline reminders go out and when an overdue petition is reported to the leaders:
// two settings the admin changes (GET/PUT /api/v1/notification-settings).
#include <cstdint>
#include <optional>

#include "core/permissions.hpp"
#include "domain/failure.hpp"
#include "store/database.hpp"

namespace hoptac::core {

struct ReminderSettings {
  // Working days before a due date that its reminder goes out (0: on the due date).
  int reminder_working_days = 3;
  // Working days overdue before the UBND leaders and the Liên minh are told.
  int escalation_working_days = 5;
};
inline constexpr int kMaxReminderWorkingDays = 30;
inline constexpr int kMinEscalationWorkingDays = 1, kMaxEscalationWorkingDays = 60;

// Read inside the caller's transaction; a missing or unreadable value is the default.
ReminderSettings reminder_settings(store::Connection& c);

struct ReminderSettingsInput {
  std::optional<int64_t> reminder_working_days, escalation_working_days;
  domain::Problems problems;  // found while reading the input, reported after the role check
};

// The admin's: 403 to anyone else, 422 naming each value out of range.
ReminderSettings get_reminder_settings(store::Connection& c, const MaybeActor& actor);
ReminderSettings set_reminder_settings(store::Connection& c, const MaybeActor& actor,
                                       const ReminderSettingsInput& in);

}  // namespace hoptac::core
