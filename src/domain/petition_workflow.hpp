#pragma once
// The petition lifecycle as one table of (state, action, roles) -> state. Nothing else changes
// a petition's state.
#include <string_view>
#include <vector>

#include "domain/actor.hpp"

namespace hoptac::domain {

struct PetitionTransition {
  std::string_view from;
  std::string_view action;
  std::string_view to;  // "" = the state does not change (publish)
  std::vector<Role> roles;
};

const std::vector<PetitionTransition>& petition_transitions();
const std::vector<std::string_view>& petition_actions();
const std::vector<std::string_view>& petition_states();

enum class Verdict { allowed, unknown_action, wrong_role, wrong_state };

struct Decision {
  Verdict verdict;
  std::string_view to;  // the state after an allowed action
};

// wrong_role when the role can never take the action; wrong_state when it can, but not from
// this state.
Decision decide(std::string_view state, std::string_view action, Role role);

// True when the role takes this action from some state (false for unknown actions).
bool role_takes(std::string_view action, Role role);

}  // namespace hoptac::domain
