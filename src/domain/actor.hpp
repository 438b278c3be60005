#pragma once
// Who is calling: a signed-in user with exactly one role. Anonymous callers have no Actor.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hoptac::domain {

enum class Role { coop, alliance, department, leader, admin };

std::optional<Role> parse_role(std::string_view s);
std::string_view to_string(Role r);

struct Actor {
  int64_t user_id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::coop;
  std::optional<int64_t> agency_id;       // department
  std::optional<int64_t> cooperative_id;  // coop
  bool by_api_token = false;              // not a person at a browser: no account security

  bool is(Role r) const { return role == r; }
  bool is_any_of(std::initializer_list<Role> roles) const {
    for (Role r : roles)
      if (r == role) return true;
    return false;
  }
  bool represents(int64_t coop_id) const {
    return role == Role::coop && cooperative_id && *cooperative_id == coop_id;
  }
};

}  // namespace hoptac::domain
