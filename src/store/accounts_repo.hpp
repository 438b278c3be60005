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
  std::string password_hash;
  std::string role;
  std::optional<int64_t> agency_id;
  std::optional<int64_t> cooperative_id;
  bool is_demo = false;
};

struct SessionRecord {
  UserRecord user;
  std::string csrf_token;
  std::string expires_at;
};

class AccountsRepo {
 public:
  explicit AccountsRepo(Connection& c) : c_(c) {}

  std::optional<UserRecord> user_by_username(const std::string& username);
  std::optional<UserRecord> user_by_id(int64_t id);
  int64_t insert_user(const UserRecord& u, const std::string& now);
  bool any_demo_user();

  void insert_session(const std::string& token_hash, int64_t user_id, const std::string& csrf,
                      const std::string& now, const std::string& expires_at);
  std::optional<SessionRecord> live_session(const std::string& token_hash, const std::string& now);
  void delete_session(const std::string& token_hash);
  void delete_expired_sessions(const std::string& now);

  void insert_token(const std::string& token_hash, int64_t user_id, const std::string& now);
  std::optional<UserRecord> user_by_token(const std::string& token_hash);

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
