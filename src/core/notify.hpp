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

// Reminders for petitions due soon or overdue, each sent once per due date. One transaction;
// returns how many were written.
int sweep_deadlines(store::Connection& c);

std::vector<domain::Notification> list_notifications(store::Connection& c,
                                                     const std::optional<domain::Actor>& actor,
                                                     bool unread_only, int page, int per_page,
                                                     int64_t* total, int64_t* unread);
void mark_notification_read(store::Connection& c, const std::optional<domain::Actor>& actor,
                            int64_t id);

}  // namespace hoptac::core
