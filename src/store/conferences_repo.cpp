#include "store/conferences_repo.hpp"

namespace hoptac::store {

using domain::Date;
using domain::Ref;

namespace {
constexpr const char* kConferenceSelect =
    "SELECT k.id, k.title, k.held_on, k.venue, k.chair_name, k.chair_title, k.host_agency_id, "
    "coalesce(a.code, ''), coalesce(a.name, ''), k.status, k.minutes, k.version, k.created_at, "
    "k.updated_at, (SELECT count(*) FROM petitions p WHERE p.conference_id = k.id) "
    "FROM conferences k LEFT JOIN agencies a ON a.id = k.host_agency_id ";

domain::Conference read_conference(const Statement& st) {
  domain::Conference k;
  k.id = st.i64(0);
  k.title = st.text(1);
  k.held_on = Date::parse(st.text(2)).value_or(Date{});
  k.venue = st.text(3);
  k.chair_name = st.text(4);
  k.chair_title = st.text(5);
  if (auto a = st.opt_i64(6)) k.host_agency = Ref{*a, st.text(7), st.text(8)};
  k.status = st.text(9);
  k.minutes = st.text(10);
  k.version = st.i64(11);
  k.created_at = st.text(12);
  k.updated_at = st.text(13);
  k.petition_count = st.i64(14);
  return k;
}

constexpr const char* kDirectiveSelect =
    "SELECT d.id, d.conference_id, d.content, a.id, a.code, a.name, d.due_on, d.status, "
    "d.created_at, d.updated_at FROM directives d JOIN agencies a ON a.id = d.assignee_agency_id ";

domain::Directive read_directive(const Statement& st) {
  domain::Directive d;
  d.id = st.i64(0);
  d.conference_id = st.opt_i64(1);
  d.content = st.text(2);
  d.assignee_agency = {st.i64(3), st.text(4), st.text(5)};
  d.due_on = Date::parse(st.text(6)).value_or(Date{});
  d.status = st.text(7);
  d.created_at = st.text(8);
  d.updated_at = st.text(9);
  return d;
}

void write_participants(Connection& c, const domain::Conference& k) {
  c.prepare("DELETE FROM conference_agencies WHERE conference_id = ?").bind(k.id).run();
  c.prepare("DELETE FROM conference_cooperatives WHERE conference_id = ?").bind(k.id).run();
  for (const auto& a : k.agencies)
    c.prepare(
         "INSERT INTO conference_agencies (conference_id, agency_id) VALUES (?, ?) ON CONFLICT DO "
         "NOTHING")
        .bind_all(k.id, a.id)
        .run();
  for (const auto& x : k.cooperatives)
    c.prepare(
         "INSERT INTO conference_cooperatives (conference_id, cooperative_id) VALUES (?, "
         "?) ON CONFLICT DO NOTHING")
        .bind_all(k.id, x.id)
        .run();
}

}  // namespace

std::vector<domain::Conference> ConferencesRepo::list(int page, int per_page, int64_t* total) {
  {
    auto st = c_.prepare("SELECT count(*) FROM conferences");
    *total = st.step() ? st.i64(0) : 0;
  }
  auto st = c_.prepare(std::string(kConferenceSelect) +
                       "ORDER BY k.held_on DESC, k.id DESC LIMIT ? OFFSET ?");
  st.bind_all(static_cast<int64_t>(per_page), static_cast<int64_t>(page - 1) * per_page);
  std::vector<domain::Conference> out;
  while (st.step()) out.push_back(read_conference(st));
  for (auto& k : out) load_details(k);
  return out;
}

std::optional<domain::Conference> ConferencesRepo::get(int64_t id) {
  auto st = c_.prepare(std::string(kConferenceSelect) + "WHERE k.id = ?");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  auto k = read_conference(st);
  load_details(k);
  return k;
}

void ConferencesRepo::load_details(domain::Conference& k) {
  {
    auto st = c_.prepare(
        "SELECT a.id, a.code, a.name FROM conference_agencies x JOIN agencies a ON a.id = "
        "x.agency_id WHERE x.conference_id = ? ORDER BY a.id");
    st.bind(k.id);
    while (st.step()) k.agencies.push_back({st.i64(0), st.text(1), st.text(2)});
  }
  auto st = c_.prepare(
      "SELECT c.id, coalesce(c.registration_code, ''), c.name FROM conference_cooperatives x "
      "JOIN cooperatives c ON c.id = x.cooperative_id WHERE x.conference_id = ? ORDER BY c.id");
  st.bind(k.id);
  while (st.step()) k.cooperatives.push_back({st.i64(0), st.text(1), st.text(2)});
}

int64_t ConferencesRepo::insert(const domain::Conference& k, const std::string& now) {
  std::optional<int64_t> host;
  if (k.host_agency) host = k.host_agency->id;
  auto st = c_.prepare(
      "INSERT INTO conferences (title, held_on, venue, chair_name, chair_title, host_agency_id, "
      "status, minutes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
      "id");
  st.bind_all(k.title, k.held_on.iso(), k.venue, k.chair_name, k.chair_title, host, k.status,
              k.minutes, now, now);
  st.step();
  domain::Conference with_id = k;
  with_id.id = st.i64(0);
  write_participants(c_, with_id);
  return with_id.id;
}

void ConferencesRepo::update(const domain::Conference& k, const std::string& now) {
  std::optional<int64_t> host;
  if (k.host_agency) host = k.host_agency->id;
  c_.prepare(
        "UPDATE conferences SET title = ?, held_on = ?, venue = ?, chair_name = ?, chair_title = "
        "?, "
        "host_agency_id = ?, status = ?, minutes = ?, updated_at = ?, version = version + 1 "
        "WHERE id = ?")
      .bind_all(k.title, k.held_on.iso(), k.venue, k.chair_name, k.chair_title, host, k.status,
                k.minutes, now, k.id)
      .run();
  write_participants(c_, k);
}

std::vector<domain::Directive> ConferencesRepo::directives(std::optional<int64_t> agency,
                                                           std::optional<int64_t> conference,
                                                           std::optional<std::string> status,
                                                           int page, int per_page, int64_t* total) {
  const std::string where =
      "WHERE (CAST(?1 AS BIGINT) IS NULL OR d.assignee_agency_id = ?1) AND (CAST(?2 AS BIGINT) IS "
      "NULL OR d.conference_id = ?2) "
      "AND (CAST(?3 AS TEXT) IS NULL OR d.status = ?3) ";
  {
    auto st = c_.prepare("SELECT count(*) FROM directives d " + where);
    st.bind_all(agency, conference, status);
    *total = st.step() ? st.i64(0) : 0;
  }
  auto st = c_.prepare(std::string(kDirectiveSelect) + where +
                       "ORDER BY d.status = 'done', d.due_on, d.id LIMIT ?4 OFFSET ?5");
  st.bind_all(agency, conference, status, static_cast<int64_t>(per_page),
              static_cast<int64_t>(page - 1) * per_page);
  std::vector<int64_t> found;
  while (st.step()) found.push_back(st.i64(0));
  std::vector<domain::Directive> out;
  for (auto id : found) out.push_back(*directive(id));
  return out;
}

std::optional<domain::Directive> ConferencesRepo::directive(int64_t id) {
  domain::Directive d;
  {
    auto st = c_.prepare(std::string(kDirectiveSelect) + "WHERE d.id = ?");
    st.bind(id);
    if (!st.step()) return std::nullopt;
    d = read_directive(st);
  }
  auto st = c_.prepare(
      "SELECT r.reported_on, r.text, r.status, coalesce(u.display_name, '') FROM directive_reports "
      "r "
      "LEFT JOIN users u ON u.id = r.user_id WHERE r.directive_id = ? ORDER BY r.id");
  st.bind(id);
  while (st.step()) d.reports.push_back({st.text(0), st.text(1), st.text(2), st.text(3)});
  return d;
}

int64_t ConferencesRepo::insert_directive(const domain::Directive& d, int64_t user_id,
                                          const std::string& now) {
  auto st = c_.prepare(
      "INSERT INTO directives (conference_id, content, assignee_agency_id, due_on, status, "
      "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  st.bind_all(d.conference_id, d.content, d.assignee_agency.id, d.due_on.iso(), d.status, user_id,
              now, now);
  st.step();
  return st.i64(0);
}

void ConferencesRepo::add_report(int64_t directive_id, const domain::DirectiveReport& r,
                                 int64_t user_id, const std::string& now) {
  c_.prepare(
        "INSERT INTO directive_reports (directive_id, reported_on, text, status, user_id, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)")
      .bind_all(directive_id, r.reported_on, r.text, r.status, user_id, now)
      .run();
  c_.prepare("UPDATE directives SET status = ?, updated_at = ? WHERE id = ?")
      .bind_all(r.status, now, directive_id)
      .run();
}

std::vector<int64_t> NotificationsRepo::users_of_agency(int64_t agency_id) {
  auto st = c_.prepare("SELECT id FROM users WHERE agency_id = ?");
  st.bind(agency_id);
  return st.ids();
}

std::vector<int64_t> NotificationsRepo::users_of_cooperative(int64_t cooperative_id) {
  auto st = c_.prepare("SELECT id FROM users WHERE cooperative_id = ?");
  st.bind(cooperative_id);
  return st.ids();
}

std::vector<int64_t> NotificationsRepo::users_with_role(const std::string& role) {
  auto st = c_.prepare("SELECT id FROM users WHERE role = ?");
  st.bind(role);
  return st.ids();
}

bool NotificationsRepo::insert(int64_t user_id, const domain::Notification& n,
                               const std::string& dedupe_key, const std::string& default_delivery,
                               const std::string& now) {
  std::optional<std::string> key;
  if (!dedupe_key.empty()) key = dedupe_key + ":" + std::to_string(user_id);
  // A notification already sent under the same key is not sent again (no row comes back).
  // Its e-mail goes as the user chose for its kind, or as the kind goes by default.
  auto st = c_.prepare(
      "INSERT INTO notifications (user_id, kind, petition_id, directive_id, message_vi, "
      "message_en, created_at, dedupe_key, delivery) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
      "coalesce((SELECT delivery FROM notification_preferences WHERE user_id = ? AND kind = ?), "
      "?)) ON CONFLICT DO NOTHING RETURNING id, delivery");
  st.bind_all(user_id, n.kind, n.petition_id, n.directive_id, n.message_vi, n.message_en, now, key,
              user_id, n.kind, default_delivery);
  if (!st.step()) return false;
  const int64_t id = st.i64(0);
  if (st.text(1) != "immediate") return true;
  // Only to an address: an account without one, or disabled, is told in the application.
  c_.prepare(
        "INSERT INTO outbox (user_id, kind, notification_id, next_attempt_at, created_at) "
        "SELECT id, 'notification', ?, ?, ? FROM users WHERE id = ? AND email <> '' "
        "AND disabled_at IS NULL")
      .bind_all(id, now, now, user_id)
      .run();
  return true;
}

std::vector<domain::Notification> NotificationsRepo::list(int64_t user_id, bool unread_only,
                                                          int page, int per_page, int64_t* total,
                                                          int64_t* unread) {
  {
    auto st = c_.prepare(
        "SELECT count(*), count(*) FILTER (WHERE read_at IS NULL) FROM notifications WHERE user_id "
        "= ?");
    st.bind(user_id);
    st.step();
    *unread = st.i64(1);
    *total = unread_only ? st.i64(1) : st.i64(0);
  }
  auto st = c_.prepare(
      "SELECT id, kind, petition_id, directive_id, message_vi, message_en, created_at, "
      "read_at IS NOT NULL FROM notifications WHERE user_id = ? AND (CAST(? AS BIGINT) = 0 OR "
      "read_at IS NULL) "
      "ORDER BY id DESC LIMIT ? OFFSET ?");
  st.bind_all(user_id, static_cast<int64_t>(unread_only), static_cast<int64_t>(per_page),
              static_cast<int64_t>(page - 1) * per_page);
  std::vector<domain::Notification> out;
  while (st.step())
    out.push_back({st.i64(0), st.text(1), st.opt_i64(2), st.opt_i64(3), st.text(4), st.text(5),
                   st.text(6), st.i64(7) != 0});
  return out;
}

bool NotificationsRepo::mark_read(int64_t user_id, int64_t id, const std::string& now) {
  auto st = c_.prepare("SELECT EXISTS (SELECT 1 FROM notifications WHERE id = ? AND user_id = ?)");
  st.bind_all(id, user_id);
  if (!st.step() || st.i64(0) == 0) return false;
  c_.prepare("UPDATE notifications SET read_at = coalesce(read_at, ?) WHERE id = ?")
      .bind_all(now, id)
      .run();
  return true;
}

std::vector<NotificationsRepo::Due> NotificationsRepo::assigned_due_by(const std::string& until) {
  auto st = c_.prepare(
      "SELECT id, code, title, lead_agency_id, due_on, escalated_on FROM petitions WHERE state = "
      "'assigned' AND due_on <= ? AND lead_agency_id IS NOT NULL ORDER BY due_on, id");
  st.bind(until);
  std::vector<Due> out;
  while (st.step())
    out.push_back({st.i64(0), st.text(1), st.text(2), st.i64(3), st.text(4), st.opt_text(5)});
  return out;
}

void NotificationsRepo::mark_escalated(int64_t petition_id, const std::string& due_on) {
  c_.prepare("UPDATE petitions SET escalated_on = ? WHERE id = ?")
      .bind_all(due_on, petition_id)
      .run();
}

std::vector<NotificationsRepo::DirectiveDue> NotificationsRepo::directives_due_between(
    const std::string& from, const std::string& until) {
  auto st = c_.prepare(
      "SELECT id, assignee_agency_id, due_on, content FROM directives WHERE status <> 'done' "
      "AND due_on BETWEEN ? AND ? ORDER BY due_on, id");
  st.bind_all(from, until);
  std::vector<DirectiveDue> out;
  while (st.step()) out.push_back({st.i64(0), st.i64(1), st.text(2), st.text(3)});
  return out;
}

std::vector<NotificationsRepo::ExpiringProduct> NotificationsRepo::ocop_expiring_between(
    const std::string& from, const std::string& until) {
  auto st = c_.prepare(
      "SELECT id, cooperative_id, name, stars, expires_on FROM ocop_products WHERE expires_on "
      "BETWEEN ? AND ? ORDER BY expires_on, id");
  st.bind_all(from, until);
  std::vector<ExpiringProduct> out;
  while (st.step())
    out.push_back({st.i64(0), st.i64(1), st.text(2), static_cast<int>(st.i64(3)), st.text(4)});
  return out;
}

}  // namespace hoptac::store
