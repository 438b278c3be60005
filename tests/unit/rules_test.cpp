#include "domain/cooperative_rules.hpp"

#include <gtest/gtest.h>

#include "domain/date.hpp"

using namespace hoptac::domain;

namespace {
Cooperative valid_htx() {
  Cooperative c;
  c.kind = "htx";
  c.name = "Hợp tác xã Tài Hoan";
  c.registration_code = "4700100002";
  c.sectors = {"industry_handicraft"};
  c.status = "active";
  return c;
}
bool has(const Problems& p, const std::string& field) {
  return p.has(field);
}
}  // namespace

TEST(CooperativeRules, AValidRecordHasNoProblems) {
  Problems p;
  check_cooperative(valid_htx(), p);
  EXPECT_TRUE(p.empty());
}

TEST(CooperativeRules, NamePrefixFollowsTheKind) {
  for (auto [kind, name, ok] : std::vector<std::tuple<std::string, std::string, bool>>{
           {"htx", "Hợp tác xã Tài Hoan", true},
           {"htx", "hợp tác xã tài hoan", true},
           {"htx", "HTX Tài Hoan", false},
           {"lhhtx", "Liên hiệp hợp tác xã Bắc Kạn", true},
           {"lhhtx", "Hợp tác xã Bắc Kạn", false},
           {"tht", "Tổ hợp tác Mây tre", true},
           {"tht", "Hợp tác xã Mây tre", false}}) {
    auto c = valid_htx();
    c.kind = kind;
    c.name = name;
    Problems p;
    check_cooperative(c, p);
    EXPECT_EQ(!has(p, "name"), ok) << kind << " " << name;
  }
}

TEST(CooperativeRules, RegistrationCodeHasTenDigitsExceptForACooperativeGroup) {
  for (auto [code, ok] : std::vector<std::pair<std::string, bool>>{{"4700100002", true},
                                                                   {"470010000", false},
                                                                   {"47001000021", false},
                                                                   {"47001000O2", false},
                                                                   {"", false}}) {
    auto c = valid_htx();
    c.registration_code = code;
    Problems p;
    check_cooperative(c, p);
    EXPECT_EQ(!has(p, "registration_code"), ok) << code;
  }
  auto tht = valid_htx();
  tht.kind = "tht";
  tht.name = "Tổ hợp tác A";
  tht.registration_code = "";
  Problems p;
  check_cooperative(tht, p);
  EXPECT_TRUE(p.empty());
}

TEST(CooperativeRules, MinimumOfficialMembersByKind) {
  EXPECT_EQ(minimum_members("tht"), 2);
  EXPECT_EQ(minimum_members("htx"), 5);
  EXPECT_EQ(minimum_members("lhhtx"), 3);
  CooperativeYear y;
  y.year = 2024;
  y.members_official = 4;
  Problems p;
  check_year("htx", y, p);
  EXPECT_TRUE(p.has("members_official"));
  Problems q;
  check_year("lhhtx", y, q);
  EXPECT_FALSE(q.has("members_official"));
}

TEST(CooperativeRules, ClassificationBandsOfCircular01_2020) {
  EXPECT_EQ(classification_for_score(100), "tot");
  EXPECT_EQ(classification_for_score(80), "tot");
  EXPECT_EQ(classification_for_score(79), "kha");
  EXPECT_EQ(classification_for_score(65), "kha");
  EXPECT_EQ(classification_for_score(64), "trung_binh");
  EXPECT_EQ(classification_for_score(50), "trung_binh");
  EXPECT_EQ(classification_for_score(49), "yeu");
  EXPECT_EQ(classification_for_score(0), "yeu");
}

TEST(CooperativeRules, OcopStarBandsOfDecision148) {
  EXPECT_EQ(ocop_stars_for_score(49), std::nullopt);
  EXPECT_EQ(ocop_stars_for_score(50), 3);
  EXPECT_EQ(ocop_stars_for_score(69), 3);
  EXPECT_EQ(ocop_stars_for_score(70), 4);
  EXPECT_EQ(ocop_stars_for_score(89), 4);
  EXPECT_EQ(ocop_stars_for_score(90), 5);
  OcopProduct x;
  x.group = "food";
  x.stars = 4;
  x.score = 65;
  x.decided_on = Date{2024, 1, 1};
  Problems p;
  check_product(x, p);
  EXPECT_TRUE(p.has("score"));
}

TEST(Dates, ParseOnlyRealDates) {
  EXPECT_TRUE(Date::parse("2024-02-29"));
  EXPECT_FALSE(Date::parse("2023-02-29"));
  EXPECT_FALSE(Date::parse("2024-13-01"));
  EXPECT_FALSE(Date::parse("2024-1-01"));
  EXPECT_FALSE(Date::parse("24-01-01xx"));
}

TEST(Dates, OcopCertificateExpiresThirtySixMonthsLaterClampedToTheMonth) {
  EXPECT_EQ((Date{2024, 11, 20}).plus_months(36).iso(), "2027-11-20");
  EXPECT_EQ((Date{2024, 2, 29}).plus_months(36).iso(), "2027-02-28");
}

TEST(Dates, DaysAndWeekdaysRoundTrip) {
  Date d{2025, 7, 1};
  EXPECT_EQ(Date::from_days(d.days()), d);
  EXPECT_EQ(d.weekday(), 1);  // a Tuesday
  EXPECT_EQ(d.vietnamese(), "01/07/2025");
}
