#pragma once
// Two-factor sign-in: TOTP codes (RFC 6238, 30 s, 6 digits: any authenticator app) through
// liboath, the QR image of the secret through libqrencode, and one-time recovery codes.
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace hoptac::core::two_factor {

std::string new_secret();  // base32 of 20 random bytes, as authenticator apps take it
std::string otpauth_uri(const std::string& secret, const std::string& username);
std::string qr_svg(const std::string& text);  // an SVG image, black modules on white
// The time step of `code` when it is valid for `secret` at `now` (one step of clock drift
// either side), so that a code once used can be refused after.
std::optional<int64_t> matching_step(const std::string& secret, const std::string& code,
                                     std::time_t now);
std::vector<std::string> new_recovery_codes();  // ten "xxxxx-xxxxx", letters and digits
// A recovery code as typed, made comparable: lower case, no spaces or dashes.
std::string normalise_recovery_code(const std::string& typed);

}  // namespace hoptac::core::two_factor
