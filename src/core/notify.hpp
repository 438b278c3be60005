#pragma once
// Telling each party what changed for it. Notifications are written in the use case's
// transaction, each with an outbox row for e-mail.
#include <optional>
#include <string>
#include <vector>

#include "domain/actor.hpp"
#include "domain/conference.hpp"
#include "store/database.hpp"

namespace hoptac::core {

struct Message {
  std::string kind;
  std::optional<int64_t> petition_id, directive_id;
  std::string vi, en;
};

void notify_agency(store::Connection& c, int64_t agency_id, const Message& m);
void notify_cooperative(store::Connection& c, int64_t cooperative_id, const Message& m);
void notify_role(store::Connection& c, const std::string& role, const Message& m);

// Deadline reminders and escalation (docs/notifications.md), each sent once per due date, in
// one transaction; returns how many notifications were written. To the lead agency: a
// petition due within `reminder_working_days` (due_soon), then overdue (overdue); to the UBND
// leaders and the Liên minh: overdue by `escalation_working_days` (escalated, and the petition
// is marked so). To the assignee agency: a directive due within `reminder_working_days`.
int sweep_deadlines(store::Connection& c);
// OCOP certificates expiring within kOcopNoticeDays: the cooperative's representatives and the
// Liên minh are told once per product and expiry date. One transaction.
inline constexpr int kOcopNoticeDays = 90;
int sweep_ocop_expiry(store::Connection& c);
// Both sweeps, as the server runs them every 10 minutes and `hoptac notify sweep` once.
int run_sweeps(store::Connection& c);

std::vector<domain::Notification> list_notifications(store::Connection& c,
                                                     const std::optional<domain::Actor>& actor,
                                                     bool unread_only, int page, int per_page,
                                                     int64_t* total, int64_t* unread);
void mark_notification_read(store::Connection& c, const std::optional<domain::Actor>& actor,
                            int64_t id);

}  // namespace hoptac::core
