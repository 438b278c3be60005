#include "core/notify.hpp"

#include "core/clock.hpp"
#include "core/notification_settings.hpp"
#include "core/petitions.hpp"
#include "domain/cooperative_rules.hpp"
#include "domain/failure.hpp"
#include "domain/notification_kinds.hpp"
#include "store/conferences_repo.hpp"

namespace hoptac::core {

namespace {
// Each user gets the in-app notification; its e-mail goes as the user chose for the kind, or
// as the kind goes by default. With a dedupe key, a user already told under it is not told
// again. Returns how many were written.
int notify_users(store::Connection& c, const std::vector<int64_t>& users, const Message& m,
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
  int written = 0;
  for (auto u : users) written += repo.insert(u, n, dedupe_key, delivery, now) ? 1 : 0;
  return written;
}

std::string dedupe(const std::string& kind, int64_t id, const std::string& date) {
  return kind + ":" + std::to_string(id) + ":" + date;
}

std::string vietnamese_date(const std::string& iso) {
  auto d = domain::Date::parse(iso);
  return d ? d->vietnamese() : iso;
}

// Due soon, overdue (once per due date each) to the lead agency; overdue by M working days,
// once per due date, to the UBND leaders and the Liên minh, and marked on the petition.
int sweep_petitions(store::Connection& c, const domain::WorkingCalendar& calendar,
                    domain::Date today, const ReminderSettings& settings) {
  store::NotificationsRepo repo(c);
  int written = 0;
  const auto until = calendar.add_working_days(today, settings.reminder_working_days);
  for (const auto& due : repo.assigned_due_by(until.iso())) {
    auto due_on = domain::Date::parse(due.due_on);
    if (!due_on) continue;
    const std::string what = due.code + ": " + due.title;
    const std::string vi_date = due_on->vietnamese();
    const auto agency_users = repo.users_of_agency(due.agency_id);
    if (calendar.within_reminder(*due_on, today, settings.reminder_working_days)) {
      Message m{"due_soon", due.petition_id, std::nullopt,
                "Kiến nghị sắp đến hạn trả lời (hạn " + vi_date + ") " + what,
                "Petition due soon (due " + due.due_on + ") " + what};
      written += notify_users(c, agency_users, m, dedupe(m.kind, due.petition_id, due.due_on));
    }
    if (*due_on >= today) continue;
    Message late{"overdue", due.petition_id, std::nullopt,
                 "Kiến nghị đã quá hạn trả lời (hạn " + vi_date + ") " + what,
                 "Petition overdue (was due " + due.due_on + ") " + what};
    written += notify_users(c, agency_users, late, dedupe(late.kind, due.petition_id, due.due_on));
    if (due.escalated_on == due.due_on ||
        !calendar.overdue_by(*due_on, today, settings.escalation_working_days))
      continue;
    repo.mark_escalated(due.petition_id, due.due_on);
    const std::string days = std::to_string(settings.escalation_working_days);
    Message up{"escalated", due.petition_id, std::nullopt,
               "Kiến nghị quá hạn trả lời từ " + days + " ngày làm việc trở lên (hạn " + vi_date +
                   "), báo cáo lãnh đạo: " + what,
               "Petition overdue by " + days + " working days or more (was due " + due.due_on +
                   "), reported to the leaders: " + what};
    auto people = repo.users_with_role("leader");
    for (auto u : repo.users_with_role("alliance")) people.push_back(u);
    written += notify_users(c, people, up, dedupe(up.kind, due.petition_id, due.due_on));
  }
  return written;
}

// A directive's deadline, N working days before it, to the assignee agency, once per date.
int sweep_directives(store::Connection& c, const domain::WorkingCalendar& calendar,
                     domain::Date today, const ReminderSettings& settings) {
  store::NotificationsRepo repo(c);
  int written = 0;
  const auto until = calendar.add_working_days(today, settings.reminder_working_days);
  for (const auto& d : repo.directives_due_between(today.iso(), until.iso())) {
    Message m{
        "directive", std::nullopt, d.directive_id,
        "Nhiệm vụ được giao sắp đến hạn (hạn " + vietnamese_date(d.due_on) + "): " + d.content,
        "A task of your agency is due soon (due " + d.due_on + "): " + d.content};
    written += notify_users(c, repo.users_of_agency(d.agency_id), m,
                            dedupe("directive_due", d.directive_id, d.due_on));
  }
  return written;
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
  const auto calendar = working_calendar(c);
  const auto today = domain::Date::today_in_vietnam();
  const auto settings = reminder_settings(c);
  int written = sweep_petitions(c, calendar, today, settings);
  written += sweep_directives(c, calendar, today, settings);
  tx.commit();
  return written;
}

int sweep_ocop_expiry(store::Connection& c) {
  store::Transaction tx(c, store::Transaction::Mode::write);
  const auto today = domain::Date::today_in_vietnam();
  store::NotificationsRepo repo(c);
  const auto alliance = repo.users_with_role("alliance");
  int written = 0;
  for (const auto& p :
       repo.ocop_expiring_between(today.iso(), today.plus_days(kOcopNoticeDays).iso())) {
    auto people = repo.users_of_cooperative(p.cooperative_id);
    people.insert(people.end(), alliance.begin(), alliance.end());
    const std::string stars = std::to_string(p.stars);
    Message m{"ocop_expiring", std::nullopt, std::nullopt,
              "Chứng nhận OCOP " + stars + " sao của sản phẩm \"" + p.name + "\" hết hạn ngày " +
                  vietnamese_date(p.expires_on) + "; cần chuẩn bị hồ sơ đánh giá, công nhận lại",
              "The " + stars + "-star OCOP certificate of \"" + p.name + "\" expires on " +
                  p.expires_on + "; prepare its re-assessment"};
    written += notify_users(c, people, m, dedupe(m.kind, p.product_id, p.expires_on));
  }
  tx.commit();
  return written;
}

int run_sweeps(store::Connection& c) {
  return sweep_deadlines(c) + sweep_ocop_expiry(c);
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
