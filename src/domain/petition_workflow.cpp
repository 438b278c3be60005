#include "domain/petition_workflow.hpp"

#include <algorithm>

namespace hoptac::domain {

const std::vector<PetitionTransition>& petition_transitions() {
  using R = Role;
  static const std::vector<PetitionTransition> table = {
      {"draft", "submit", "submitted", {R::coop, R::alliance}},
      {"submitted", "return", "needs_info", {R::alliance}},
      {"needs_info", "resubmit", "submitted", {R::coop, R::alliance}},
      {"submitted", "receive", "received", {R::alliance}},
      {"received", "reject", "rejected", {R::alliance}},
      // received -> forwarded happens only by compiling a batch (core/batches.cpp).
      {"forwarded", "assign", "assigned", {R::leader}},
      {"assigned", "answer", "answered", {R::department}},
      // The lead agency's other steps; the UBND leader decides on more time.
      {"assigned", "request_extension", "", {R::department}},
      {"assigned", "grant_extension", "", {R::leader}},
      {"assigned", "refuse_extension", "", {R::leader}},
      {"assigned", "send_back", "forwarded", {R::department}},
      {"assigned", "ask_opinion", "", {R::department}},
      {"assigned", "give_opinion", "", {R::department}},
      {"answered", "publish", "", {R::alliance, R::leader}},
      {"closed", "publish", "", {R::alliance, R::leader}},
      {"answered", "close", "closed", {R::coop, R::alliance}},
      {"answered", "reopen", "assigned", {R::coop, R::alliance}},
      {"closed", "reopen", "assigned", {R::coop, R::alliance}},
      {"submitted", "merge", "merged", {R::alliance}},
      {"received", "merge", "merged", {R::alliance}},
      // With `no_answer`, the petition is received and follows the normal way (core).
      {"draft", "record_at_conference", "answered", {R::alliance}},
  };
  return table;
}

const std::vector<std::string_view>& petition_actions() {
  static const std::vector<std::string_view> actions = {"submit",
                                                        "return",
                                                        "receive",
                                                        "reject",
                                                        "assign",
                                                        "answer",
                                                        "publish",
                                                        "close",
                                                        "reopen",
                                                        "merge",
                                                        "record_at_conference",
                                                        "resubmit",
                                                        "request_extension",
                                                        "grant_extension",
                                                        "refuse_extension",
                                                        "send_back",
                                                        "ask_opinion",
                                                        "give_opinion"};
  return actions;
}

const std::vector<std::string_view>& petition_states() {
  static const std::vector<std::string_view> states = {
      "draft",    "submitted", "received", "rejected", "forwarded",
      "assigned", "answered",  "closed",   "merged",   "needs_info"};
  return states;
}

Decision decide(std::string_view state, std::string_view action, Role role) {
  const auto& actions = petition_actions();
  if (std::find(actions.begin(), actions.end(), action) == actions.end())
    return {Verdict::unknown_action, ""};
  bool role_ever = false;
  for (const auto& t : petition_transitions()) {
    if (t.action != action) continue;
    bool role_ok = std::find(t.roles.begin(), t.roles.end(), role) != t.roles.end();
    role_ever = role_ever || role_ok;
    if (role_ok && t.from == state) return {Verdict::allowed, t.to.empty() ? state : t.to};
  }
  return {role_ever ? Verdict::wrong_state : Verdict::wrong_role, ""};
}

bool role_takes(std::string_view action, Role role) {
  for (const auto& t : petition_transitions())
    if (t.action == action && std::find(t.roles.begin(), t.roles.end(), role) != t.roles.end())
      return true;
  return false;
}

}  // namespace hoptac::domain
