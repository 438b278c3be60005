#pragma once
// What a new password must be: at least 10 characters, not one of the common passwords the
// project ships (data/passwords/), not the username nor containing it. Argon2id hashing is
// core's; these are the rules a person is told next to the field.
#include <set>
#include <string>
#include <string_view>

#include "domain/failure.hpp"

namespace hoptac::domain {

constexpr std::size_t kMinPasswordCharacters = 10;
constexpr std::size_t kMaxPasswordBytes = 1024;

// The list's text: one password a line, "#" lines are comments; kept in lower case.
std::set<std::string, std::less<>> parse_common_passwords(std::string_view text);

// Adds to `p`, under `field`, every rule the password breaks.
void check_new_password(Problems& p, const std::string& field, std::string_view password,
                        std::string_view username,
                        const std::set<std::string, std::less<>>& common);

}  // namespace hoptac::domain
