#pragma once
// Accounts administered from the browser: the admin lists, creates, edits and disables them;
// the Liên minh invites a cooperative's representatives and withdraws them. A new account gets
// its password from its owner through a one-time link (7 days); nobody sets another's.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/permissions.hpp"
#include "domain/failure.hpp"
#include "store/database.hpp"

namespace hoptac::core {

constexpr int kLinkDays = 7;

struct Account {
  int64_t id = 0;
  std::string username, display_name, role;
  std::optional<std::string> email, phone;
  std::optional<int64_t> agency_id, cooperative_id;
  std::optional<std::string> agency_code, agency_name, cooperative_name;
  std::string status;  // invited | active | disabled
  std::string created_at;
  std::optional<std::string> activated_at, disabled_at;
  bool totp_enabled = false;
};

struct AccountQuery {
  std::optional<std::string> q, role, status;
  std::optional<int64_t> cooperative_id;
  int page = 1, per_page = 50;
};

// What a create or an edit gives; absent fields stay as they are on an edit.
struct AccountInput {
  std::optional<std::string> username, display_name, email, phone, role;
  std::optional<int64_t> agency_id, cooperative_id;
  bool clear_email = false, clear_phone = false;  // sent as null
  domain::Problems input_problems;                // from reading the request: told with the rest
};

struct OneTimeLink {
  std::string token;  // shown once, stored as its hash
  std::string path;   // "/activate/<token>" in the web application
  std::string purpose, expires_at;
};

struct Invited {
  Account account;
  OneTimeLink link;
};

std::vector<Account> list_accounts(store::Connection& c, const MaybeActor& actor, AccountQuery q,
                                   int64_t* total);
Invited invite_account(store::Connection& c, const MaybeActor& actor, const AccountInput& in);
Account get_account(store::Connection& c, const MaybeActor& actor, int64_t id);
Account update_account(store::Connection& c, const MaybeActor& actor, int64_t id,
                       const AccountInput& in);
// Disabling ends the account's sessions and API tokens in the same transaction.
Account set_account_disabled(store::Connection& c, const MaybeActor& actor, int64_t id,
                             bool disabled);
OneTimeLink new_account_link(store::Connection& c, const MaybeActor& actor, int64_t id);
Account reset_two_factor(store::Connection& c, const MaybeActor& actor, int64_t id);

struct LinkInfo {
  std::string purpose, username, display_name, expires_at;
};
// 404 for an unknown or used link, 410 for an expired one.
LinkInfo account_link_info(store::Connection& c, const std::string& token);
// Sets the password (the rules of domain/password_rules.hpp), activates the account, uses the
// link and ends the account's sessions.
void use_account_link(store::Connection& c, const std::string& token, const std::string& password);

// The account as its owner and the admin see it (no secret in it).
Account account_view(store::Connection& c, int64_t user_id);

}  // namespace hoptac::core
