#pragma once
// The checks every use case starts with: is someone signed in (401), in a role that may do
// this (403). Ownership is checked by each use case, which knows what is owned.
#include <initializer_list>
#include <optional>

#include "domain/actor.hpp"

namespace hoptac::core {

using MaybeActor = std::optional<domain::Actor>;

const domain::Actor& require_signed_in(const MaybeActor& a);
const domain::Actor& require_role(const MaybeActor& a, std::initializer_list<domain::Role> roles);
// Staff: every role but a cooperative's.
const domain::Actor& require_staff(const MaybeActor& a);
// A person signed in at a browser, not a program with an API token: what guards an account
// (its password, second factor, sessions, tokens, links) is never changed with a token, or a
// leaked token would become the account for good.
const domain::Actor& require_person(const MaybeActor& a);

}  // namespace hoptac::core
