#include "domain/actor.hpp"

namespace hoptac::domain {

std::optional<Role> parse_role(std::string_view s) {
  if (s == "coop") return Role::coop;
  if (s == "alliance") return Role::alliance;
  if (s == "department") return Role::department;
  if (s == "leader") return Role::leader;
  if (s == "admin") return Role::admin;
  return std::nullopt;
}

std::string_view to_string(Role r) {
  switch (r) {
    case Role::coop:
      return "coop";
    case Role::alliance:
      return "alliance";
    case Role::department:
      return "department";
    case Role::leader:
      return "leader";
    case Role::admin:
      return "admin";
  }
  return "coop";
}

}  // namespace hoptac::domain
