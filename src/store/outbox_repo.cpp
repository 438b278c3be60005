#include "store/outbox_repo.hpp"

namespace hoptac::store {

namespace {

const char* kColumns =
    "o.id, o.user_id, o.kind, o.notification_id, coalesce(o.period, ''), o.state, o.attempts, "
    "o.next_attempt_at, coalesce(o.claimed_by, ''), coalesce(o.message_id, ''), "
    "coalesce(o.recipient, ''), coalesce(o.subject, ''), coalesce(o.body_text, ''), "
    "coalesce(o.body_html, ''), coalesce(o.last_error, ''), o.created_at, "
    "coalesce(o.sent_at, ''), u.username, u.display_name";

domain::OutboxEntry read_row(Statement& st) {
  domain::OutboxEntry r;
  r.id = st.i64(0);
  r.user_id = st.i64(1);
  r.kind = st.text(2);
  r.notification_id = st.opt_i64(3);
  r.period = st.text(4);
  r.state = st.text(5);
  r.attempts = st.i64(6);
  r.next_attempt_at = st.text(7);
  r.claimed_by = st.text(8);
  r.message_id = st.text(9);
  r.recipient = st.text(10);
  r.subject = st.text(11);
  r.body_text = st.text(12);
  r.body_html = st.text(13);
  r.last_error = st.text(14);
  r.created_at = st.text(15);
  r.sent_at = st.text(16);
  r.username = st.text(17);
  r.display_name = st.text(18);
  return r;
}

}  // namespace

std::optional<domain::OutboxEntry> OutboxRepo::claim_next(const std::string& instance,
                                                          const std::string& now,
                                                          const std::string& lease_until) {
  // PostgreSQL: instances claim side by side, each skipping the rows another holds. SQLite has
  // one writer at a time, which is the lock.
  const std::string lock = c_.engine() == Engine::postgresql ? " FOR UPDATE SKIP LOCKED" : "";
  auto st = c_.prepare(
      "UPDATE outbox SET state = 'sending', claimed_by = ?, attempts = attempts + 1, "
      "next_attempt_at = ? WHERE id = (SELECT id FROM outbox WHERE state IN ('pending', "
      "'sending') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1" +
      lock + ") RETURNING id");
  st.bind_all(instance, lease_until, now);
  if (!st.step()) return std::nullopt;
  const int64_t id = st.i64(0);
  st.run();
  return get(id);
}

void OutboxRepo::save_composed(int64_t id, const std::string& message_id,
                               const std::string& recipient, const std::string& subject,
                               const std::string& text, const std::string& html) {
  c_.prepare(
        "UPDATE outbox SET message_id = ?, recipient = ?, subject = ?, body_text = ?, body_html = "
        "? WHERE id = ?")
      .bind_all(message_id, recipient, subject, text, html, id)
      .run();
}

void OutboxRepo::set_recipient(int64_t id, const std::string& recipient) {
  c_.prepare("UPDATE outbox SET recipient = ? WHERE id = ?").bind_all(recipient, id).run();
}

bool OutboxRepo::mark_sent(int64_t id, const std::string& instance, const std::string& now) {
  c_.prepare(
        "UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE id = ? AND state "
        "= 'sending' AND claimed_by = ?")
      .bind_all(now, id, instance)
      .run();
  return c_.changes() > 0;
}

bool OutboxRepo::mark_retry(int64_t id, const std::string& instance, const std::string& error,
                            const std::string& next_attempt_at) {
  c_.prepare(
        "UPDATE outbox SET state = 'pending', last_error = ?, next_attempt_at = ? WHERE id = ? "
        "AND state = 'sending' AND claimed_by = ?")
      .bind_all(error, next_attempt_at, id, instance)
      .run();
  return c_.changes() > 0;
}

bool OutboxRepo::mark_failed(int64_t id, const std::string& instance, const std::string& error) {
  c_.prepare(
        "UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ? AND state = 'sending' "
        "AND claimed_by = ?")
      .bind_all(error, id, instance)
      .run();
  return c_.changes() > 0;
}

void OutboxRepo::mark_skipped(int64_t id, const std::string& why) {
  c_.prepare("UPDATE outbox SET state = 'skipped', last_error = ? WHERE id = ?")
      .bind_all(why, id)
      .run();
}

bool OutboxRepo::retry_failed(int64_t id, const std::string& now) {
  c_.prepare(
        "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, claimed_by = "
        "NULL WHERE id = ? AND state = 'failed'")
      .bind_all(now, id)
      .run();
  return c_.changes() > 0;
}

std::optional<domain::OutboxEntry> OutboxRepo::get(int64_t id) {
  auto st = c_.prepare(std::string("SELECT ") + kColumns +
                       " FROM outbox o JOIN users u ON u.id = o.user_id WHERE o.id = ?");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return read_row(st);
}

std::vector<domain::OutboxEntry> OutboxRepo::list(const OutboxFilter& f, int page, int per_page,
                                                  int64_t* total) {
  const char* where =
      " WHERE (CAST(? AS TEXT) IS NULL OR o.state = ?) AND "
      "(CAST(? AS BIGINT) IS NULL OR o.user_id = ?)";
  {
    auto st = c_.prepare(std::string("SELECT count(*) FROM outbox o") + where);
    st.bind_all(f.state, f.state, f.user_id, f.user_id);
    st.step();
    *total = st.i64(0);
  }
  auto st = c_.prepare(std::string("SELECT ") + kColumns +
                       " FROM outbox o JOIN users u ON u.id = o.user_id" + where +
                       " ORDER BY o.id DESC LIMIT ? OFFSET ?");
  st.bind_all(f.state, f.state, f.user_id, f.user_id, static_cast<int64_t>(per_page),
              static_cast<int64_t>(page - 1) * per_page);
  std::vector<domain::OutboxEntry> out;
  while (st.step()) out.push_back(read_row(st));
  return out;
}

std::map<std::string, int64_t> OutboxRepo::counts_by_state() {
  std::map<std::string, int64_t> out{
      {"pending", 0}, {"sending", 0}, {"sent", 0}, {"failed", 0}, {"skipped", 0}};
  auto st = c_.prepare("SELECT state, count(*) FROM outbox GROUP BY state");
  while (st.step()) out[st.text(0)] = st.i64(1);
  return out;
}

std::optional<MailContact> OutboxRepo::contact(int64_t user_id) {
  auto st = c_.prepare(
      "SELECT coalesce(email, ''), display_name, language, disabled_at IS NOT NULL FROM users "
      "WHERE id = ?");
  st.bind(user_id);
  if (!st.step()) return std::nullopt;
  return MailContact{st.text(0), st.text(1), st.text(2), st.i64(3) != 0};
}

std::optional<domain::NotificationFacts> OutboxRepo::notification_facts(
    int64_t notification_id, const std::string& language) {
  auto st = c_.prepare(
      "SELECT n.kind, CASE WHEN ? = 'en' THEN n.message_en ELSE n.message_vi END, n.petition_id, "
      "n.directive_id, coalesce(p.code, ''), coalesce(p.title, ''), coalesce(a.name, ''), "
      "CASE WHEN p.state = 'assigned' THEN p.due_on ELSE d.due_on END "
      "FROM notifications n LEFT JOIN petitions p ON p.id = n.petition_id "
      "LEFT JOIN agencies a ON a.id = p.lead_agency_id "
      "LEFT JOIN directives d ON d.id = n.directive_id WHERE n.id = ?");
  st.bind_all(language, notification_id);
  if (!st.step()) return std::nullopt;
  domain::NotificationFacts f;
  f.kind = st.text(0);
  f.message = st.text(1);
  f.petition_id = st.opt_i64(2);
  f.directive_id = st.opt_i64(3);
  f.petition_code = st.text(4);
  f.petition_title = st.text(5);
  f.agency_name = st.text(6);
  if (auto due = st.opt_text(7)) f.due_on = domain::Date::parse(*due);
  return f;
}

std::vector<int64_t> OutboxRepo::users_waiting_daily_digest() {
  return c_
      .prepare(
          "SELECT DISTINCT user_id FROM notifications WHERE delivery = 'daily' AND "
          "digest_outbox_id "
          "IS NULL")
      .ids();
}

std::optional<int64_t> OutboxRepo::queue_daily_digest(int64_t user_id, const std::string& period,
                                                      const std::string& now) {
  auto attach = [&](int64_t outbox_id) {
    c_.prepare(
          "UPDATE notifications SET digest_outbox_id = ? WHERE user_id = ? AND delivery = "
          "'daily' AND digest_outbox_id IS NULL")
        .bind_all(outbox_id, user_id)
        .run();
  };
  auto st = c_.prepare(
      "INSERT INTO outbox (user_id, kind, period, next_attempt_at, created_at) SELECT id, "
      "'daily_digest', ?, ?, ? FROM users WHERE id = ? AND email <> '' AND disabled_at IS NULL "
      "ON CONFLICT DO NOTHING RETURNING id");
  st.bind_all(period, now, now, user_id);
  if (st.step()) {
    const int64_t id = st.i64(0);
    st.run();
    attach(id);
    return id;
  }
  // No row: today's digest is already queued (these wait for tomorrow's), or the account
  // cannot receive one (these stop waiting: 0 is no outbox row).
  auto can =
      c_.prepare("SELECT count(*) FROM users WHERE id = ? AND email <> '' AND disabled_at IS NULL");
  can.bind(user_id);
  can.step();
  if (can.i64(0) == 0) attach(0);
  return std::nullopt;
}

std::vector<domain::DigestItem> OutboxRepo::digest_items(int64_t outbox_id,
                                                         const std::string& language) {
  auto st = c_.prepare(
      "SELECT kind, CASE WHEN ? = 'en' THEN message_en ELSE message_vi END, created_at, "
      "petition_id FROM notifications WHERE digest_outbox_id = ? ORDER BY id");
  st.bind_all(language, outbox_id);
  std::vector<domain::DigestItem> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.opt_i64(3)});
  return out;
}

std::vector<int64_t> OutboxRepo::weekly_digest_users() {
  return c_
      .prepare(
          "SELECT u.id FROM users u WHERE u.role IN ('leader', 'alliance') AND u.email <> '' AND "
          "u.disabled_at IS NULL AND NOT EXISTS (SELECT 1 FROM notification_preferences np WHERE "
          "np.user_id = u.id AND np.kind = 'weekly_digest' AND np.delivery = 'off') ORDER BY u.id")
      .ids();
}

bool OutboxRepo::queue_weekly_digest(int64_t user_id, const std::string& period,
                                     const std::string& now) {
  auto st = c_.prepare(
      "INSERT INTO outbox (user_id, kind, period, next_attempt_at, created_at) VALUES (?, "
      "'weekly_digest', ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id");
  st.bind_all(user_id, period, now, now);
  const bool queued = st.step();
  st.run();
  return queued;
}

domain::WeekFigures OutboxRepo::week_figures(domain::Date from, domain::Date to,
                                             domain::Date today) {
  domain::WeekFigures w;
  w.from = from;
  w.to = to;
  const std::string f = from.iso(), t = to.iso(), now = today.iso();
  // History instants are UTC; a week of Vietnamese days starts 7 hours earlier in UTC.
  const std::string since = from.plus_days(-1).iso() + "T17:00:00Z";
  const std::string until = to.iso() + "T17:00:00Z";
  {
    auto st = c_.prepare(
        "SELECT count(*) FROM petition_history WHERE action = 'receive' AND at >= ? AND at < ?");
    st.bind_all(since, until);
    st.step();
    w.received = st.i64(0);
  }
  auto st = c_.prepare(
      "SELECT a.name, "
      "count(*) FILTER (WHERE p.assigned_on BETWEEN ? AND ?), "
      "count(*) FILTER (WHERE p.answered_on BETWEEN ? AND ?), "
      "count(*) FILTER (WHERE p.answered_on BETWEEN ? AND ? AND p.answered_on <= p.due_on), "
      "count(*) FILTER (WHERE p.state = 'assigned' AND p.due_on < ?) "
      "FROM petitions p JOIN agencies a ON a.id = p.lead_agency_id WHERE p.state <> 'draft' AND "
      "((p.assigned_on BETWEEN ? AND ?) OR (p.answered_on BETWEEN ? AND ?) OR "
      "(p.state = 'assigned' AND p.due_on < ?)) GROUP BY a.name ORDER BY 5 DESC, a.name");
  st.bind_all(f, t, f, t, f, t, now, f, t, f, t, now);
  while (st.step()) {
    domain::AgencyWeek a{st.text(0), st.i64(1), st.i64(2), st.i64(3), st.i64(4)};
    w.answered += a.answered;
    w.on_time += a.on_time;
    w.overdue_now += a.overdue;
    w.agencies.push_back(a);
  }
  return w;
}

std::map<std::string, std::string> OutboxRepo::preferences(int64_t user_id) {
  auto st = c_.prepare("SELECT kind, delivery FROM notification_preferences WHERE user_id = ?");
  st.bind(user_id);
  std::map<std::string, std::string> out;
  while (st.step()) out[st.text(0)] = st.text(1);
  return out;
}

void OutboxRepo::set_preference(int64_t user_id, const std::string& kind,
                                const std::string& delivery) {
  c_.prepare(
        "INSERT INTO notification_preferences (user_id, kind, delivery) VALUES (?, ?, ?) "
        "ON CONFLICT (user_id, kind) DO UPDATE SET delivery = excluded.delivery")
      .bind_all(user_id, kind, delivery)
      .run();
}

void OutboxRepo::set_language(int64_t user_id, const std::string& language) {
  c_.prepare("UPDATE users SET language = ? WHERE id = ?").bind_all(language, user_id).run();
}

}  // namespace hoptac::store
