// The small rules that keep hostile input out: formula guards, contacts, control characters,
// the sign-in throttle.
#include <gtest/gtest.h>

#include "domain/contact.hpp"
#include "domain/sign_in_throttle.hpp"
#include "report/formula_guard.hpp"
#include "text/control.hpp"

using namespace hoptac;

TEST(FormulaGuard, GuardsFormulaStartsButNotNumbers) {
  EXPECT_EQ(report::guard_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
  EXPECT_EQ(report::guard_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(report::guard_cell("+cmd"), "'+cmd");
  EXPECT_EQ(report::guard_cell("-2+3"), "'-2+3");
  EXPECT_EQ(report::guard_cell("\tx"), "'\tx");
  EXPECT_EQ(report::guard_cell("\rx"), "'\rx");
  for (const char* n : {"-1.500.000", "-4,5%", "+84912345678", "-5", "Giám đốc", "", "'=x"})
    EXPECT_EQ(report::guard_cell(n), n) << n;
  EXPECT_EQ(report::guard_cell("-"), "'-");
}

TEST(FormulaGuard, UnguardIsTheInverse) {
  for (const char* s : {"=A1", "@x", "-2+3", "plain", "-1.500.000", "'quoted", ""})
    EXPECT_EQ(report::unguard_cell(report::guard_cell(s)), s) << s;
}

TEST(Contact, EmailAddresses) {
  for (const char* ok : {"a@b.vn", "ten.ho+htx@hoptac-xa.gov.vn", "x_y@mail.example.com"})
    EXPECT_TRUE(domain::is_valid_email(ok)) << ok;
  for (const char* bad : {"a@b.c\r\nBcc: x@y", "a@", "@b.vn", "<script>", "a b@c.vn", "a@b",
                          "a..b@c.vn", ".a@b.vn", "a@-b.vn", "a@b.v1", "a@b..vn", ""})
    EXPECT_FALSE(domain::is_valid_email(bad)) << bad;
}

TEST(Contact, PhoneNumbers) {
  for (const char* ok : {"0912345678", "0912 345 678", "+84 912.345.678", "0209-3870-123"})
    EXPECT_TRUE(domain::is_valid_phone(ok)) << ok;
  for (const char* bad : {"abc", "0912", "0912345678\n", "++84912345678", "0912  345678",
                          " 0912345678", "0912345678-", "1234567890123456", ""})
    EXPECT_FALSE(domain::is_valid_phone(bad)) << bad;
}

TEST(ControlCharacters, ShortTextsHaveNoneLongTextsKeepLineBreaks) {
  using text::Lines;
  EXPECT_TRUE(text::has_forbidden_control(std::string_view("a\0b", 3), Lines::multi));
  EXPECT_TRUE(text::has_forbidden_control("a\nb", Lines::single));
  EXPECT_FALSE(text::has_forbidden_control("a\nb\tc", Lines::multi));
  EXPECT_TRUE(text::has_forbidden_control("a\x1b[31m", Lines::multi));
  EXPECT_TRUE(text::has_forbidden_control("a\xc2\x85", Lines::multi));       // NEL
  EXPECT_TRUE(text::has_forbidden_control("a\xe2\x80\xa8", Lines::single));  // U+2028
  EXPECT_FALSE(text::has_forbidden_control("Hợp tác xã Tài Hoan", Lines::single));
  EXPECT_EQ(text::normalise_line_breaks("a\r\nb\rc\n"), "a\nb\nc\n");
}

TEST(SignInThrottle, FreeTriesThenADelayThatDoublesToTheCap) {
  EXPECT_EQ(domain::throttle_seconds(4, 5), 0);
  EXPECT_EQ(domain::throttle_seconds(5, 5), 5);
  EXPECT_EQ(domain::throttle_seconds(6, 5), 10);
  EXPECT_EQ(domain::throttle_seconds(9, 5), 80);
  EXPECT_EQ(domain::throttle_seconds(1000000, 5), domain::kMaxThrottleSeconds);
}

TEST(SignInThrottle, AUsernameUnderAttackDoesNotHoldBackACleanAddress) {
  const int64_t now = 1'000'000'000;
  domain::FailureCount clean{0, 0}, failed{1, now - 60'000}, attacked{50, now - 1000};
  EXPECT_EQ(domain::sign_in_wait_ms(clean, attacked, now), 0);
  EXPECT_GT(domain::sign_in_wait_ms(failed, attacked, now), 0);
  domain::FailureCount guessing{6, now - 500};
  EXPECT_EQ(domain::sign_in_wait_ms(guessing, clean, now), 9500);  // 10 s after the last one
  EXPECT_EQ(domain::sign_in_wait_ms(guessing, clean, now + 9500), 0);
}
