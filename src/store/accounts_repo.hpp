#pragma once
// Users, sessions, API tokens and failed sign-ins.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/sign_in_throttle.hpp"
#include "store/database.hpp"

namespace hoptac::store {

struct UserRecord {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string password_hash;  // "" while an invitation is open
  std::string role;
  std::optional<int64_t> agency_id;
  std::optional<int64_t> cooperative_id;
  bool is_demo = false;
  std::optional<std::string> email, phone;
  std::string created_at;
  std::optional<std::string> activated_at, disabled_at;
  std::optional<std::string> totp_secret, totp_pending_secret;
  std::optional<int64_t> totp_last_step;
};

struct SessionRecord {
  UserRecord user;
  std::string csrf_token;
  std::string expires_at;
  std::string totp_required_roles;  // the setting, read with the session: "admin,leader"
};

struct UserFilter {
  std::optional<std::string> role;
  std::optional<int64_t> cooperative_id;
};

struct SessionRow {
  std::string id;  // the first 16 hex digits of the token's hash: enough to name it
  std::string created_at, expires_at, address, user_agent;
};

struct TokenRow {
  std::string id;  // as SessionRow::id
  std::string name, created_at;
  std::optional<std::string> expires_on;
  int64_t user_id = 0;
  std::string username, display_name;
};

struct AccountLink {
  int64_t user_id = 0;
  std::string purpose, expires_at;
  std::optional<std::string> used_at;
};

class AccountsRepo {
 public:
  explicit AccountsRepo(Connection& c) : c_(c) {}

  std::optional<UserRecord> user_by_username(const std::string& username);
  std::optional<UserRecord> user_by_id(int64_t id);
  int64_t insert_user(const UserRecord& u, const std::string& now);
  bool any_demo_user();
  // "Admin" and "admin" are one name to a reader of the history: taken without case.
  bool username_taken(const std::string& username);
  std::vector<UserRecord> users(const UserFilter& f);  // by username
  void update_profile(const UserRecord& u);            // name, contact, role, agency, cooperative
  void set_disabled(int64_t user_id, const std::optional<std::string>& at);
  void set_password(int64_t user_id, const std::string& hash, const std::string& now);

  void insert_session(const std::string& token_hash, int64_t user_id, const std::string& csrf,
                      const std::string& now, const std::string& expires_at,
                      const std::string& address, const std::string& user_agent);
  // A session of an enabled account, not expired.
  std::optional<SessionRecord> live_session(const std::string& token_hash, const std::string& now);
  void delete_session(const std::string& token_hash);
  void delete_expired_sessions(const std::string& now);
  std::vector<SessionRow> sessions_of(int64_t user_id, const std::string& now);
  bool delete_session_by_id(int64_t user_id, const std::string& id);
  // Every session of the user but the one with `keep_hash` ("" keeps none).
  void delete_sessions_of(int64_t user_id, const std::string& keep_hash = "");

  void insert_token(const std::string& token_hash, int64_t user_id, const std::string& now,
                    const std::string& name = "",
                    const std::optional<std::string>& expires_on = {});
  // The user of a token not expired on `today`, of an enabled account (csrf and expiry empty).
  std::optional<SessionRecord> user_by_token(const std::string& token_hash,
                                             const std::string& today);
  std::vector<TokenRow> tokens(std::optional<int64_t> user_id);  // one user's, or everyone's
  bool delete_token(const std::string& id, std::optional<int64_t> user_id);
  void delete_tokens_of(int64_t user_id);

  void insert_link(const std::string& token_hash, int64_t user_id, const std::string& purpose,
                   int64_t created_by, const std::string& now, const std::string& expires_at);
  std::optional<AccountLink> link(const std::string& token_hash);
  void use_links_of(int64_t user_id, const std::string& now);  // the link used, and older ones

  void set_totp_pending(int64_t user_id, const std::optional<std::string>& secret);
  void set_totp(int64_t user_id, const std::optional<std::string>& secret);  // clears the rest
  void set_totp_last_step(int64_t user_id, int64_t step);
  void replace_recovery_codes(int64_t user_id, const std::vector<std::string>& hashes);
  bool use_recovery_code(int64_t user_id, const std::string& hash, const std::string& now);

  // Sign-in failures of the throttle's window (domain/sign_in_throttle.hpp).
  domain::FailureCount failures_from_address(const std::string& address, int64_t since_ms);
  domain::FailureCount failures_for_username(const std::string& username, int64_t since_ms);
  int64_t add_failure(const std::string& username, const std::string& address,
                      const std::string& at, int64_t at_ms);
  void clear_failures(const std::string& username, const std::string& address);
  void set_failure_time(int64_t id, int64_t at_ms);
  void delete_failures_before(int64_t before_ms);

 private:
  domain::FailureCount failures_by(const char* column, const std::string& value, int64_t since_ms);
  Connection& c_;
};

}  // namespace hoptac::store
