// The rules of accounts that need no server: password rules, TOTP codes (RFC 6238's own test
// vector), recovery codes.
#include <gtest/gtest.h>

#include "assets/assets.hpp"
#include "core/two_factor.hpp"
#include "domain/password_rules.hpp"

namespace hoptac {

namespace {
std::vector<std::string> fields_of(const std::string& password, const std::string& username) {
  static const auto common = domain::parse_common_passwords(assets::common_passwords());
  domain::Problems p;
  domain::check_new_password(p, "password", password, username, common);
  std::vector<std::string> out;
  for (const auto& e : p.errors()) out.push_back(e.message_en);
  return out;
}
}  // namespace

TEST(PasswordRules, LengthCountsCharactersNotBytes) {
  EXPECT_FALSE(fields_of("ngắn-quá", "an").empty());
  EXPECT_TRUE(fields_of("đường-về-nhà", "an").empty());  // 12 characters, 17 bytes
  EXPECT_FALSE(fields_of(std::string(1025, 'x'), "an").empty());
}

TEST(PasswordRules, CommonPasswordsAndTheUsernameAreRefused) {
  EXPECT_FALSE(fields_of("1234567890", "an").empty());
  EXPECT_FALSE(fields_of("MatKhau123", "an").empty());  // without case
  EXPECT_FALSE(fields_of("bbbbbbbbbbbb", "an").empty());
  EXPECT_FALSE(fields_of("nguyenvanbinh", "nguyenvanbinh").empty());
  EXPECT_FALSE(fields_of("xx-Lienminh-2026", "lienminh").empty());
  EXPECT_TRUE(fields_of("an-va-uong-2026", "an").empty()) << "a 2-letter name inside is fine";
  EXPECT_TRUE(fields_of("hoptac-demo", "admin").empty());
}

TEST(PasswordRules, TheShippedListIsRead) {
  auto common = domain::parse_common_passwords("# comment\nAbc\r\n\nqwerty  \n");
  EXPECT_EQ(common.size(), 2u);
  EXPECT_TRUE(common.count("abc"));
  EXPECT_TRUE(common.count("qwerty"));
  EXPECT_GT(domain::parse_common_passwords(assets::common_passwords()).size(), 100u);
}

TEST(TwoFactor, Rfc6238TestVector) {
  // RFC 6238 appendix B: the ASCII secret "12345678901234567890", T = 59 s -> 94287082; six
  // digits are its last six.
  const std::string secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  EXPECT_EQ(core::two_factor::matching_step(secret, "287082", 59), 1);
  EXPECT_EQ(core::two_factor::matching_step(secret, "287082", 59 + 30), 1) << "one step late";
  EXPECT_FALSE(core::two_factor::matching_step(secret, "287082", 59 + 90));
  EXPECT_FALSE(core::two_factor::matching_step(secret, "287083", 59));
  EXPECT_FALSE(core::two_factor::matching_step(secret, "28708", 59));
  EXPECT_FALSE(core::two_factor::matching_step(secret, "28708a", 59));
  EXPECT_FALSE(core::two_factor::matching_step("not base32!", "287082", 59));
}

TEST(TwoFactor, SecretsUriQrAndRecoveryCodes) {
  auto secret = core::two_factor::new_secret();
  EXPECT_EQ(secret.size(), 32u);
  EXPECT_NE(secret, core::two_factor::new_secret());
  auto uri = core::two_factor::otpauth_uri(secret, "cán bộ");
  EXPECT_EQ(uri.rfind("otpauth://totp/hoptac:c%C3%A1n%20b%E1%BB%99?secret=" + secret, 0), 0u);
  auto svg = core::two_factor::qr_svg(uri);
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
  EXPECT_NE(svg.find("h1v1h-1z"), std::string::npos);
  auto codes = core::two_factor::new_recovery_codes();
  ASSERT_EQ(codes.size(), 10u);
  EXPECT_EQ(codes[0].size(), 11u);
  EXPECT_EQ(core::two_factor::normalise_recovery_code(" AbCdE-fGhJk "), "abcdefghjk");
}

}  // namespace hoptac
