#pragma once
// Inside core: an account's stored record made into what callers see, with its names.
#include "core/account_admin.hpp"
#include "store/accounts_repo.hpp"

namespace hoptac::core {

Account to_account(store::Connection& c, const store::UserRecord& u);
// The name and contact of `in` checked into `u` (what the admin's edit and one's own share).
void apply_profile(domain::Problems& p, const AccountInput& in, store::UserRecord& u);
// The record of `id`, or 404.
store::UserRecord user_record(store::AccountsRepo& repo, int64_t id);

}  // namespace hoptac::core
