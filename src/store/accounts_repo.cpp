#include "store/accounts_repo.hpp"

#include "store/conditions.hpp"

namespace hoptac::store {

namespace {
constexpr const char* kUserColumns =
    "u.id, u.username, u.display_name, u.password_hash, u.role, u.agency_id, u.cooperative_id, "
    "u.is_demo, u.email, u.phone, u.created_at, u.activated_at, u.disabled_at, u.totp_secret, "
    "u.totp_pending_secret, u.totp_last_step";
constexpr int kUserColumnCount = 16;

UserRecord read_user(const Statement& st, int from = 0) {
  UserRecord u;
  u.id = st.i64(from);
  u.username = st.text(from + 1);
  u.display_name = st.text(from + 2);
  u.password_hash = st.text(from + 3);
  u.role = st.text(from + 4);
  u.agency_id = st.opt_i64(from + 5);
  u.cooperative_id = st.opt_i64(from + 6);
  u.is_demo = st.i64(from + 7) != 0;
  u.email = st.opt_text(from + 8);
  u.phone = st.opt_text(from + 9);
  u.created_at = st.text(from + 10);
  u.activated_at = st.opt_text(from + 11);
  u.disabled_at = st.opt_text(from + 12);
  u.totp_secret = st.opt_text(from + 13);
  u.totp_pending_secret = st.opt_text(from + 14);
  u.totp_last_step = st.opt_i64(from + 15);
  return u;
}

std::optional<UserRecord> one_user(Statement& st) {
  if (!st.step()) return std::nullopt;
  return read_user(st);
}
}  // namespace

std::optional<UserRecord> AccountsRepo::user_by_username(const std::string& username) {
  auto st =
      c_.prepare(std::string("SELECT ") + kUserColumns + " FROM users u WHERE u.username = ?");
  st.bind(username);
  return one_user(st);
}

std::optional<UserRecord> AccountsRepo::user_by_id(int64_t id) {
  auto st = c_.prepare(std::string("SELECT ") + kUserColumns + " FROM users u WHERE u.id = ?");
  st.bind(id);
  return one_user(st);
}

int64_t AccountsRepo::insert_user(const UserRecord& u, const std::string& now) {
  auto st = c_.prepare(
      "INSERT INTO users (username, display_name, password_hash, role, agency_id, cooperative_id, "
      "is_demo, email, phone, created_at, activated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id");
  st.bind_all(u.username, u.display_name, u.password_hash, u.role, u.agency_id, u.cooperative_id,
              static_cast<int64_t>(u.is_demo), u.email, u.phone, now, u.activated_at);
  st.step();
  return st.i64(0);
}

bool AccountsRepo::any_demo_user() {
  auto st = c_.prepare("SELECT EXISTS (SELECT 1 FROM users WHERE is_demo = 1)");
  return st.step() && st.i64(0) != 0;
}

bool AccountsRepo::username_taken(const std::string& username) {
  auto st = c_.prepare("SELECT EXISTS (SELECT 1 FROM users WHERE lower(username) = lower(?))");
  st.bind(username);
  return st.step() && st.i64(0) != 0;
}

std::vector<UserRecord> AccountsRepo::users(const UserFilter& f) {
  Conditions where;
  if (f.role) where.add("u.role = ?", *f.role);
  if (f.cooperative_id) where.add("u.cooperative_id = ?", *f.cooperative_id);
  auto st = c_.prepare(std::string("SELECT ") + kUserColumns + " FROM users u " + where.sql() +
                       " ORDER BY u.username");
  where.bind(st);
  std::vector<UserRecord> out;
  while (st.step()) out.push_back(read_user(st));
  return out;
}

void AccountsRepo::update_profile(const UserRecord& u) {
  c_.prepare(
        "UPDATE users SET display_name = ?, email = ?, phone = ?, role = ?, agency_id = ?, "
        "cooperative_id = ? WHERE id = ?")
      .bind_all(u.display_name, u.email, u.phone, u.role, u.agency_id, u.cooperative_id, u.id)
      .run();
}

void AccountsRepo::set_disabled(int64_t user_id, const std::optional<std::string>& at) {
  c_.prepare("UPDATE users SET disabled_at = ? WHERE id = ?").bind_all(at, user_id).run();
}

void AccountsRepo::set_password(int64_t user_id, const std::string& hash, const std::string& now) {
  c_.prepare(
        "UPDATE users SET password_hash = ?, password_changed_at = ?, "
        "activated_at = coalesce(activated_at, ?) WHERE id = ?")
      .bind_all(hash, now, now, user_id)
      .run();
}

void AccountsRepo::insert_session(const std::string& token_hash, int64_t user_id,
                                  const std::string& csrf, const std::string& now,
                                  const std::string& expires_at, const std::string& address,
                                  const std::string& user_agent) {
  auto st = c_.prepare(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, address, "
      "user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)");
  st.bind_all(token_hash, user_id, csrf, now, expires_at, address, user_agent).run();
}

std::optional<SessionRecord> AccountsRepo::live_session(const std::string& token_hash,
                                                        const std::string& now) {
  auto st =
      c_.prepare(std::string("SELECT ") + kUserColumns +
                 ", s.csrf_token, s.expires_at, coalesce((SELECT value FROM settings WHERE key = "
                 "'totp_required_roles'), '') FROM sessions s JOIN users u ON u.id = s.user_id "
                 "WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled_at IS NULL");
  st.bind_all(token_hash, now);
  if (!st.step()) return std::nullopt;
  const int n = kUserColumnCount;
  return SessionRecord{read_user(st), st.text(n), st.text(n + 1), st.text(n + 2)};
}

void AccountsRepo::delete_session(const std::string& token_hash) {
  c_.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(token_hash).run();
}

void AccountsRepo::delete_expired_sessions(const std::string& now) {
  c_.prepare("DELETE FROM sessions WHERE expires_at <= ?").bind(now).run();
}

std::vector<SessionRow> AccountsRepo::sessions_of(int64_t user_id, const std::string& now) {
  auto st = c_.prepare(
      "SELECT substr(token_hash, 1, 16), created_at, expires_at, address, user_agent "
      "FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY created_at DESC");
  st.bind_all(user_id, now);
  std::vector<SessionRow> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4)});
  return out;
}

bool AccountsRepo::delete_session_by_id(int64_t user_id, const std::string& id) {
  auto st = c_.prepare("DELETE FROM sessions WHERE user_id = ? AND substr(token_hash, 1, 16) = ?");
  st.bind_all(user_id, id).run();
  return c_.changes() > 0;
}

void AccountsRepo::delete_sessions_of(int64_t user_id, const std::string& keep_hash) {
  c_.prepare("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?")
      .bind_all(user_id, keep_hash)
      .run();
}

void AccountsRepo::insert_token(const std::string& token_hash, int64_t user_id,
                                const std::string& now, const std::string& name,
                                const std::optional<std::string>& expires_on) {
  c_.prepare(
        "INSERT INTO api_tokens (token_hash, user_id, created_at, name, expires_on) "
        "VALUES (?, ?, ?, ?, ?)")
      .bind_all(token_hash, user_id, now, name, expires_on)
      .run();
}

std::optional<SessionRecord> AccountsRepo::user_by_token(const std::string& token_hash,
                                                         const std::string& today) {
  auto st = c_.prepare(std::string("SELECT ") + kUserColumns +
                       ", coalesce((SELECT value FROM settings WHERE key = "
                       "'totp_required_roles'), '') FROM api_tokens t JOIN users u ON u.id = "
                       "t.user_id WHERE t.token_hash = ? AND (t.expires_on IS NULL OR "
                       "t.expires_on >= ?) AND u.disabled_at IS NULL");
  st.bind_all(token_hash, today);
  if (!st.step()) return std::nullopt;
  return SessionRecord{read_user(st), "", "", st.text(kUserColumnCount)};
}

std::vector<TokenRow> AccountsRepo::tokens(std::optional<int64_t> user_id) {
  Conditions where;
  if (user_id) where.add("t.user_id = ?", *user_id);
  auto st = c_.prepare(
      "SELECT substr(t.token_hash, 1, 16), t.name, t.created_at, t.expires_on, u.id, "
      "u.username, u.display_name FROM api_tokens t JOIN users u ON u.id = t.user_id " +
      where.sql() + " ORDER BY t.created_at DESC, t.token_hash");
  where.bind(st);
  std::vector<TokenRow> out;
  while (st.step())
    out.push_back(
        {st.text(0), st.text(1), st.text(2), st.opt_text(3), st.i64(4), st.text(5), st.text(6)});
  return out;
}

bool AccountsRepo::delete_token(const std::string& id, std::optional<int64_t> user_id) {
  Conditions where;
  where.add("substr(token_hash, 1, 16) = ?", id);
  if (user_id) where.add("user_id = ?", *user_id);
  auto st = c_.prepare("DELETE FROM api_tokens " + where.sql());
  where.bind(st);
  st.run();
  return c_.changes() > 0;
}

void AccountsRepo::delete_tokens_of(int64_t user_id) {
  c_.prepare("DELETE FROM api_tokens WHERE user_id = ?").bind(user_id).run();
}

void AccountsRepo::insert_link(const std::string& token_hash, int64_t user_id,
                               const std::string& purpose, int64_t created_by,
                               const std::string& now, const std::string& expires_at) {
  c_.prepare(
        "INSERT INTO account_links (token_hash, user_id, purpose, created_by, created_at, "
        "expires_at) VALUES (?, ?, ?, ?, ?, ?)")
      .bind_all(token_hash, user_id, purpose, created_by, now, expires_at)
      .run();
}

std::optional<AccountLink> AccountsRepo::link(const std::string& token_hash) {
  auto st = c_.prepare(
      "SELECT user_id, purpose, expires_at, used_at FROM account_links WHERE token_hash = ?");
  st.bind(token_hash);
  if (!st.step()) return std::nullopt;
  return AccountLink{st.i64(0), st.text(1), st.text(2), st.opt_text(3)};
}

void AccountsRepo::use_links_of(int64_t user_id, const std::string& now) {
  c_.prepare("UPDATE account_links SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
      .bind_all(now, user_id)
      .run();
}

void AccountsRepo::set_totp_pending(int64_t user_id, const std::optional<std::string>& secret) {
  c_.prepare("UPDATE users SET totp_pending_secret = ? WHERE id = ?")
      .bind_all(secret, user_id)
      .run();
}

void AccountsRepo::set_totp(int64_t user_id, const std::optional<std::string>& secret) {
  c_.prepare(
        "UPDATE users SET totp_secret = ?, totp_pending_secret = NULL, totp_last_step = NULL "
        "WHERE id = ?")
      .bind_all(secret, user_id)
      .run();
  if (!secret) replace_recovery_codes(user_id, {});
}

void AccountsRepo::set_totp_last_step(int64_t user_id, int64_t step) {
  c_.prepare("UPDATE users SET totp_last_step = ? WHERE id = ?").bind_all(step, user_id).run();
}

void AccountsRepo::replace_recovery_codes(int64_t user_id, const std::vector<std::string>& hashes) {
  c_.prepare("DELETE FROM recovery_codes WHERE user_id = ?").bind(user_id).run();
  for (const auto& h : hashes)
    c_.prepare("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)")
        .bind_all(user_id, h)
        .run();
}

bool AccountsRepo::use_recovery_code(int64_t user_id, const std::string& hash,
                                     const std::string& now) {
  auto st = c_.prepare(
      "UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS "
      "NULL");
  st.bind_all(now, user_id, hash).run();
  return c_.changes() > 0;
}

// `column` is "address" or "username": the two counts of the sign-in throttle.
domain::FailureCount AccountsRepo::failures_by(const char* column, const std::string& value,
                                               int64_t since_ms) {
  auto st = c_.prepare(std::string("SELECT count(*), coalesce(max(at_ms), 0) FROM login_failures "
                                   "WHERE ") +
                       column + " = ? AND at_ms > ?");
  st.bind_all(value, since_ms);
  st.step();
  return {st.i64(0), st.i64(1)};
}

domain::FailureCount AccountsRepo::failures_from_address(const std::string& address,
                                                         int64_t since_ms) {
  return failures_by("address", address, since_ms);
}

domain::FailureCount AccountsRepo::failures_for_username(const std::string& username,
                                                         int64_t since_ms) {
  return failures_by("username", username, since_ms);
}

int64_t AccountsRepo::add_failure(const std::string& username, const std::string& address,
                                  const std::string& at, int64_t at_ms) {
  auto st = c_.prepare(
      "INSERT INTO login_failures (username, address, at, at_ms) VALUES (?, ?, ?, ?) "
      "RETURNING id");
  st.bind_all(username, address, at, at_ms);
  st.step();
  return st.i64(0);
}

void AccountsRepo::clear_failures(const std::string& username, const std::string& address) {
  c_.prepare("DELETE FROM login_failures WHERE username = ? AND address = ?")
      .bind_all(username, address)
      .run();
}

void AccountsRepo::set_failure_time(int64_t id, int64_t at_ms) {
  c_.prepare("UPDATE login_failures SET at_ms = ? WHERE id = ?").bind_all(at_ms, id).run();
}

void AccountsRepo::delete_failures_before(int64_t before_ms) {
  c_.prepare("DELETE FROM login_failures WHERE at_ms < ?").bind(before_ms).run();
}

}  // namespace hoptac::store
