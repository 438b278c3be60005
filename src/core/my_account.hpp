#pragma once
// What every user does with their own account: profile, password, sessions, two-factor
// sign-in, API tokens; and what the admin sees of everyone's tokens and requires of roles.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account_admin.hpp"

namespace hoptac::core {

struct Me {
  Account account;
  bool totp_required = false;  // the role requires two-factor sign-in
};
Me get_me(store::Connection& c, const MaybeActor& actor);
Account update_me(store::Connection& c, const MaybeActor& actor, const AccountInput& in);
struct PasswordChange {
  std::string current, next;
  std::string session_token;  // the caller's cookie ("" for an API token): every other ends
  std::string address;        // for the sign-in throttle, which the current password goes through
};
void change_password(store::Connection& c, const MaybeActor& actor, const PasswordChange& change);

struct SessionView {
  std::string id, created_at, expires_at, address, user_agent;
  bool current = false;
};
std::vector<SessionView> my_sessions(store::Connection& c, const MaybeActor& actor,
                                     const std::string& session_token);
void end_my_session(store::Connection& c, const MaybeActor& actor, const std::string& id);

struct TotpEnrolment {
  std::string secret, otpauth_uri, qr_svg;
};
TotpEnrolment start_totp(store::Connection& c, const MaybeActor& actor);
std::vector<std::string> confirm_totp(store::Connection& c, const MaybeActor& actor,
                                      const std::string& code);  // the ten recovery codes
void disable_totp(store::Connection& c, const MaybeActor& actor, const std::string& password,
                  const std::string& address);

struct TokenView {
  std::string id, name, created_at;
  std::optional<std::string> expires_on;
  int64_t user_id = 0;
  std::string username, display_name;
};
struct NewToken {
  TokenView view;
  std::string token;  // shown once
};
std::vector<TokenView> my_tokens(store::Connection& c, const MaybeActor& actor);
NewToken create_my_token(store::Connection& c, const MaybeActor& actor, const std::string& name,
                         const std::optional<std::string>& expires_on);
void revoke_my_token(store::Connection& c, const MaybeActor& actor, const std::string& id);
std::vector<TokenView> all_tokens(store::Connection& c, const MaybeActor& actor);  // admin
void revoke_any_token(store::Connection& c, const MaybeActor& actor, const std::string& id);

std::vector<std::string> totp_required_roles(store::Connection& c, const MaybeActor& actor);
std::vector<std::string> set_totp_required_roles(store::Connection& c, const MaybeActor& actor,
                                                 const std::vector<std::string>& roles);

}  // namespace hoptac::core
