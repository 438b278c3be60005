#pragma once
// Signing in and out, sessions, API tokens and user accounts.
#include <optional>
#include <set>
#include <string>

#include "domain/actor.hpp"
#include "store/database.hpp"

namespace hoptac::core {

constexpr int kSessionHours = 12;

struct SignedIn {
  domain::Actor actor;
  std::string session_token;  // goes to the cookie, never stored
  std::string csrf_token;
  std::string expires_at;
  bool totp_setup_required = false;  // the role requires two-factor sign-in; none yet
};

struct SignInRequest {
  std::string username, password;
  std::string totp_code;  // a TOTP code or a recovery code, when the account has two factors
  std::string address, user_agent;
};

// Fails with 401 on a wrong name or password (or a disabled account, or one not activated),
// 401 naming `totp_code` when the second factor is missing or wrong, 429 with Retry-After while
// the address (or the username, for an address that has failed) is throttled
// (domain/sign_in_throttle.hpp). Successes and failures are written in the audit log.
SignedIn sign_in(store::Connection& c, const SignInRequest& r);
void sign_out(store::Connection& c, const domain::Actor& a, const std::string& session_token,
              const std::string& address);

// Every check of a password (signing in, changing it, turning two factors off) goes through the
// sign-in throttle: 429 while the address or the username is throttled; the attempt counts as
// a failure from `admit` on, until it succeeds.
int64_t admit_password_attempt(store::Connection& c, const std::string& username,
                               const std::string& address);
void password_attempt_failed(store::Connection& c, int64_t attempt);
void password_attempt_succeeded(store::Connection& c, const std::string& username,
                                const std::string& address);

// Whether `role` is in the comma-separated setting of the roles that need two factors.
bool role_requires_totp(const std::string& required_roles, const std::string& role);

struct Authenticated {
  domain::Actor actor;
  std::optional<std::string> csrf_token;  // set for cookie sessions
  bool totp_setup_required = false;       // may only enrol until it has two factors
};
std::optional<Authenticated> authenticate_session(store::Connection& c, const std::string& token);
std::optional<Authenticated> authenticate_bearer(store::Connection& c, const std::string& token);

struct NewUser {
  std::string username;
  std::string display_name;
  std::string role;
  std::string password;
  std::optional<std::string> agency_code;
  std::optional<int64_t> cooperative_id;
  bool is_demo = false;
};
int64_t add_user(store::Connection& c, const NewUser& u);  // validates; one transaction
std::string create_api_token(store::Connection& c, const std::string& username);

// Who the actor is, in words: the names of its agency or cooperative, for the header of a page.
struct ActorNames {
  std::optional<std::string> agency_code, agency_name, cooperative_name;
};
ActorNames names_of(store::Connection& c, const domain::Actor& a);

std::string hash_password(const std::string& password);
const std::set<std::string, std::less<>>& common_passwords();
domain::Actor actor_of(store::Connection& c, int64_t user_id);

}  // namespace hoptac::core
