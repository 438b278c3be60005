#include "store/accounts_repo.hpp"

namespace hoptac::store {

namespace {
constexpr const char* kUserColumns =
    "u.id, u.username, u.display_name, u.password_hash, u.role, u.agency_id, u.cooperative_id, "
    "u.is_demo";

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
  return u;
}
}  // namespace

std::optional<UserRecord> AccountsRepo::user_by_username(const std::string& username) {
  auto st =
      c_.prepare(std::string("SELECT ") + kUserColumns + " FROM users u WHERE u.username = ?");
  st.bind(username);
  if (!st.step()) return std::nullopt;
  return read_user(st);
}

std::optional<UserRecord> AccountsRepo::user_by_id(int64_t id) {
  auto st = c_.prepare(std::string("SELECT ") + kUserColumns + " FROM users u WHERE u.id = ?");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return read_user(st);
}

int64_t AccountsRepo::insert_user(const UserRecord& u, const std::string& now) {
  auto st = c_.prepare(
      "INSERT INTO users (username, display_name, password_hash, role, agency_id, cooperative_id, "
      "is_demo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  st.bind_all(u.username, u.display_name, u.password_hash, u.role, u.agency_id, u.cooperative_id,
              static_cast<int64_t>(u.is_demo), now);
  st.step();
  return st.i64(0);
}

bool AccountsRepo::any_demo_user() {
  auto st = c_.prepare("SELECT EXISTS (SELECT 1 FROM users WHERE is_demo = 1)");
  return st.step() && st.i64(0) != 0;
}

void AccountsRepo::insert_session(const std::string& token_hash, int64_t user_id,
                                  const std::string& csrf, const std::string& now,
                                  const std::string& expires_at) {
  auto st = c_.prepare(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?)");
  st.bind_all(token_hash, user_id, csrf, now, expires_at).run();
}

std::optional<SessionRecord> AccountsRepo::live_session(const std::string& token_hash,
                                                        const std::string& now) {
  auto st = c_.prepare(std::string("SELECT ") + kUserColumns +
                       ", s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = "
                       "s.user_id WHERE s.token_hash = ? AND s.expires_at > ?");
  st.bind_all(token_hash, now);
  if (!st.step()) return std::nullopt;
  return SessionRecord{read_user(st), st.text(8), st.text(9)};
}

void AccountsRepo::delete_session(const std::string& token_hash) {
  c_.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(token_hash).run();
}

void AccountsRepo::delete_expired_sessions(const std::string& now) {
  c_.prepare("DELETE FROM sessions WHERE expires_at <= ?").bind(now).run();
}

void AccountsRepo::insert_token(const std::string& token_hash, int64_t user_id,
                                const std::string& now) {
  c_.prepare("INSERT INTO api_tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)")
      .bind_all(token_hash, user_id, now)
      .run();
}

std::optional<UserRecord> AccountsRepo::user_by_token(const std::string& token_hash) {
  auto st =
      c_.prepare(std::string("SELECT ") + kUserColumns +
                 " FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?");
  st.bind(token_hash);
  if (!st.step()) return std::nullopt;
  return read_user(st);
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
