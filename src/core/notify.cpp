#include "core/notify.hpp"

#include "core/clock.hpp"
#include "core/petitions.hpp"
#include "domain/failure.hpp"
#include "domain/notification_kinds.hpp"
#include "store/conferences_repo.hpp"

namespace hoptac::core {

namespace {
void notify_users(store::Connection& c, const std::vector<int64_t>& users, const Message& m,
                  const std::string& dedupe_key = "") {
  store::NotificationsRepo repo(c);
  domain::Notification n;
  n.kind = m.kind;
  n.petition_id = m.petition_id;
  n.directive_id = m.directive_id;
  n.message_vi = m.vi;
  n.message_en = m.en;
  const std::string now = now_iso();
  const auto* kind = domain::find_notification_kind(m.kind);
  const std::string delivery(
      to_string(kind ? kind->default_delivery : domain::Delivery::immediate));
  for (auto u : users) repo.insert(u, n, dedupe_key, delivery, now);
}
}  // namespace

void notify_agency(store::Connection& c, int64_t agency_id, const Message& m) {
  notify_users(c, store::NotificationsRepo(c).users_of_agency(agency_id), m);
}

void notify_cooperative(store::Connection& c, int64_t cooperative_id, const Message& m) {
  notify_users(c, store::NotificationsRepo(c).users_of_cooperative(cooperative_id), m);
}

void notify_role(store::Connection& c, const std::string& role, const Message& m) {
  notify_users(c, store::NotificationsRepo(c).users_with_role(role), m);
}

int sweep_deadlines(store::Connection& c) {
  store::Transaction tx(c, store::Transaction::Mode::write);
  auto calendar = working_calendar(c);
  const auto today = domain::Date::today_in_vietnam();
  store::NotificationsRepo repo(c);
  int written = 0;
  for (const auto& due : repo.assigned_due_by(calendar.due_soon_threshold(today).iso())) {
    bool overdue = due.due_on < today.iso();
    Message m;
    m.kind = overdue ? "overdue" : "due_soon";
    m.petition_id = due.petition_id;
    m.vi = overdue ? "Kiến nghị " + due.code + " đã quá hạn trả lời (hạn " + due.due_on + ")"
                   : "Kiến nghị " + due.code + " sắp đến hạn trả lời (" + due.due_on + ")";
    m.en = overdue ? "Petition " + due.code + " is overdue (due " + due.due_on + ")"
                   : "Petition " + due.code + " is due soon (" + due.due_on + ")";
    auto users = repo.users_of_agency(due.agency_id);
    domain::Notification n{0, m.kind, m.petition_id, std::nullopt, m.vi, m.en, "", false};
    for (auto u : users)
      written +=
          repo.insert(u, n, m.kind + ":" + std::to_string(due.petition_id) + ":" + due.due_on,
                      "immediate", now_iso());
  }
  tx.commit();
  return written;
}

std::vector<domain::Notification> list_notifications(store::Connection& c,
                                                     const std::optional<domain::Actor>& actor,
                                                     bool unread_only, int page, int per_page,
                                                     int64_t* total, int64_t* unread) {
  if (!actor) throw domain::Failure::unauthenticated();
  store::NotificationsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::read);
  return repo.list(actor->user_id, unread_only, page, per_page, total, unread);
}

void mark_notification_read(store::Connection& c, const std::optional<domain::Actor>& actor,
                            int64_t id) {
  if (!actor) throw domain::Failure::unauthenticated();
  store::NotificationsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  if (!repo.mark_read(actor->user_id, id, now_iso()))
    throw domain::Failure::not_found("thông báo", "notification");
  tx.commit();
}

}  // namespace hoptac::core
