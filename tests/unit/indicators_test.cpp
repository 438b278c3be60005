#include "domain/indicators.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/awards.hpp"

using hoptac::domain::achievement_pct;
using hoptac::domain::compute_indicators;
using hoptac::domain::CooperativeFacts;
using hoptac::domain::Date;
using hoptac::domain::indicator_value;
using hoptac::domain::Indicators;
using hoptac::domain::is_plan_indicator;
using hoptac::domain::OcopFacts;
using hoptac::domain::plan_indicators;
using hoptac::domain::Role;

namespace {

// A cooperative that reported figures for the year (or not), with nothing else set.
CooperativeFacts coop(const std::string& kind, const std::string& status, bool reported,
                      const std::string& classification = "") {
  CooperativeFacts c;
  c.kind = kind;
  c.status = status;
  c.reported = reported;
  c.classification = classification;
  return c;
}

CooperativeFacts with_members(CooperativeFacts c, int64_t official, int64_t associate,
                              int64_t income) {
  c.members_official = official;
  c.members_associate = associate;
  c.avg_income_vnd = income;
  return c;
}

CooperativeFacts with_money(CooperativeFacts c, int64_t revenue, int64_t profit) {
  c.revenue_vnd = revenue;
  c.profit_vnd = profit;
  return c;
}

OcopFacts ocop(int stars, Date decided, Date expires) {
  OcopFacts p;
  p.stars = stars;
  p.decided_on = decided;
  p.expires_on = expires;
  return p;
}

const Date kEnd2024{2024, 12, 31};

Indicators compute(const std::vector<CooperativeFacts>& cs, const std::vector<OcopFacts>& ps = {},
                   Date day = kEnd2024) {
  return compute_indicators(2024, cs, ps, day);
}

}  // namespace

TEST(Indicators, NothingToCountGivesZerosEverywhere) {
  auto x = compute({});
  EXPECT_EQ(x.year, 2024);
  EXPECT_EQ(x.cooperatives, 0);
  EXPECT_EQ(x.members, 0);
  EXPECT_EQ(x.avg_revenue_vnd, 0);  // no division by zero
  EXPECT_EQ(x.avg_profit_vnd, 0);
  EXPECT_EQ(x.avg_income_vnd, 0);
  EXPECT_EQ(x.rated, 0);
  EXPECT_DOUBLE_EQ(x.effective_share_pct, 0.0);
  EXPECT_EQ(x.ocop_products, 0);
  EXPECT_TRUE(x.by_kind.empty());
  EXPECT_TRUE(x.ocop_by_stars.empty());
}

TEST(Indicators, CountsOnlyReportingCooperativesByKindStatusAndClassification) {
  // a htx active tot, b htx active kha, c tht suspended yeu, d lhhtx active unrated,
  // e htx active NOT reporting, f htx dissolved trung_binh.
  // Reporting: a b c d f = 5.
  // By kind: htx a b f = 3, tht c = 1, lhhtx d = 1 (e is not counted).
  // By status: active a b d = 3, suspended c = 1, dissolved f = 1.
  // By classification: tot 1, kha 1, yeu 1, trung_binh 1 (d unrated is in no group).
  auto x =
      compute({coop("htx", "active", true, "tot"), coop("htx", "active", true, "kha"),
               coop("tht", "suspended", true, "yeu"), coop("lhhtx", "active", true, ""),
               coop("htx", "active", false, ""), coop("htx", "dissolved", true, "trung_binh")});
  EXPECT_EQ(x.cooperatives, 5);
  EXPECT_EQ(x.by_kind.size(), 3u);
  EXPECT_EQ(x.by_kind["htx"], 3);
  EXPECT_EQ(x.by_kind["tht"], 1);
  EXPECT_EQ(x.by_kind["lhhtx"], 1);
  EXPECT_EQ(x.by_status.size(), 3u);
  EXPECT_EQ(x.by_status["active"], 3);
  EXPECT_EQ(x.by_status["suspended"], 1);
  EXPECT_EQ(x.by_status["dissolved"], 1);
  EXPECT_EQ(x.by_classification.size(), 4u);
  EXPECT_EQ(x.by_classification["tot"], 1);
  EXPECT_EQ(x.by_classification["kha"], 1);
  EXPECT_EQ(x.by_classification["yeu"], 1);
  EXPECT_EQ(x.by_classification["trung_binh"], 1);
  EXPECT_EQ(x.by_classification.count(""), 0u);
  // Rated a b c f = 4, effective (tot + kha) a b = 2: 2 / 4 = 50.0 %.
  EXPECT_EQ(x.rated, 4);
  EXPECT_EQ(x.effective, 2);
  EXPECT_DOUBLE_EQ(x.effective_share_pct, 50.0);
}

TEST(Indicators, NewAndDissolvedInTheYearCountEvenWithoutFigures) {
  auto a = coop("htx", "active", true);  // founded 2024-03-01: new
  a.founded_on = Date{2024, 3, 1};
  auto b = coop("htx", "active", false);  // founded 2024-12-31, no figures: still new
  b.founded_on = Date{2024, 12, 31};
  auto c = coop("htx", "active", true);  // founded 2023-12-31: not new in 2024
  c.founded_on = Date{2023, 12, 31};
  auto d = coop("htx", "dissolved", false);  // dissolved 2024-06-30, no figures: dissolved
  d.founded_on = Date{2020, 1, 1};
  d.dissolved_on = Date{2024, 6, 30};
  auto e = coop("htx", "dissolved", false);  // dissolved 2023-12-31: not in 2024
  e.founded_on = Date{2019, 5, 5};
  e.dissolved_on = Date{2023, 12, 31};
  auto f = coop("tht", "dissolved", true);  // no founding date; dissolved 2025-01-01: neither
  f.dissolved_on = Date{2025, 1, 1};
  auto x = compute({a, b, c, d, e, f});
  // New: a, b = 2. Dissolved in 2024: d = 1. Reporting: a, c, f = 3.
  EXPECT_EQ(x.new_cooperatives, 2);
  EXPECT_EQ(x.dissolved_cooperatives, 1);
  EXPECT_EQ(x.cooperatives, 3);
}

TEST(Indicators, MembersAreOfficialPlusAssociateAndWorkersAreSummedOverReportingOnes) {
  auto a = with_members(coop("htx", "active", true), 10, 2, 0);
  a.workers = 15;
  auto b = with_members(coop("htx", "active", true), 7, 0, 0);
  b.workers = 9;
  auto c = with_members(coop("htx", "active", false), 100, 50, 0);  // not reporting: ignored
  c.workers = 200;
  auto x = compute({a, b, c});
  // Official 10 + 7 = 17, associate 2 + 0 = 2, members 19; workers 15 + 9 = 24.
  EXPECT_EQ(x.members_official, 17);
  EXPECT_EQ(x.members_associate, 2);
  EXPECT_EQ(x.members, 19);
  EXPECT_EQ(x.workers, 24);
}

TEST(Indicators, AverageRevenueAndProfitArePerReportingCooperativeRoundedHalfAwayFromZero) {
  // Revenue 1,000,000,001 + 2,000,000,000 = 3,000,000,001 over 2 = 1,500,000,000.5 ->
  // 1,500,000,001. Profit 5 + (-10) = -5 over 2 = -2.5 -> -3 (away from zero, not -2). The third
  // cooperative did not report: its money and itself are not counted.
  auto x = compute({with_money(coop("htx", "active", true), 1'000'000'001, 5),
                    with_money(coop("htx", "active", true), 2'000'000'000, -10),
                    with_money(coop("htx", "active", false), 9'999'999'999, 9'999)});
  EXPECT_EQ(x.avg_revenue_vnd, 1'500'000'001);
  EXPECT_EQ(x.avg_profit_vnd, -3);
}

TEST(Indicators, AveragesRoundToTheNearestDong) {
  // Revenue 10 + 10 + 11 = 31 / 3 = 10.33 -> 10. Profit 1 + 1 + 0 = 2 / 3 = 0.67 -> 1.
  auto x = compute({with_money(coop("htx", "active", true), 10, 1),
                    with_money(coop("htx", "active", true), 10, 1),
                    with_money(coop("htx", "active", true), 11, 0)});
  EXPECT_EQ(x.avg_revenue_vnd, 10);
  EXPECT_EQ(x.avg_profit_vnd, 1);
  // 1 + 2 = 3 / 2 = 1.5 -> 2; -1 + -2 = -3 / 2 = -1.5 -> -2; -1 + 0 + 0 = -1/3 = -0.33 -> 0.
  auto y = compute({with_money(coop("htx", "active", true), 1, -1),
                    with_money(coop("htx", "active", true), 2, -2)});
  EXPECT_EQ(y.avg_revenue_vnd, 2);
  EXPECT_EQ(y.avg_profit_vnd, -2);
  auto z = compute({with_money(coop("htx", "active", true), 0, -1),
                    with_money(coop("htx", "active", true), 0, 0),
                    with_money(coop("htx", "active", true), 0, 0)});
  EXPECT_EQ(z.avg_profit_vnd, 0);
}

TEST(Indicators, AveragesDoNotOverflowOnLargeSums) {
  // 9e18 + 9e18 does not fit in int64 (max about 9.22e18), yet the average is 9e18.
  const int64_t big = 9'000'000'000'000'000'000;
  auto x = compute({with_money(coop("htx", "active", true), big, big),
                    with_money(coop("htx", "active", true), big, big)});
  EXPECT_EQ(x.avg_revenue_vnd, big);
  EXPECT_EQ(x.avg_profit_vnd, big);
  // Income weighted by members: 3 x (1,000,000 members x 9e12) = 2.7e19 overflows int64;
  // the weighted average is still 9e12.
  const int64_t income = 9'000'000'000'000;
  auto y = compute({with_members(coop("htx", "active", true), 1'000'000, 0, income),
                    with_members(coop("htx", "active", true), 1'000'000, 0, income),
                    with_members(coop("htx", "active", true), 1'000'000, 0, income)});
  EXPECT_EQ(y.avg_income_vnd, income);
}

TEST(Indicators, AverageIncomeIsWeightedByMembers) {
  // 10 members (8 official + 2 associate) at 50,000,000 and 30 members at 70,000,000:
  // (10 x 50,000,000 + 30 x 70,000,000) / 40 = 2,600,000,000 / 40 = 65,000,000
  // (the plain mean of the two cooperatives would be 60,000,000).
  // A reporting cooperative without members weighs nothing; a non-reporting one is ignored.
  auto x = compute({with_members(coop("htx", "active", true), 8, 2, 50'000'000),
                    with_members(coop("htx", "active", true), 30, 0, 70'000'000),
                    with_members(coop("tht", "active", true), 0, 0, 900'000'000),
                    with_members(coop("htx", "active", false), 0, 0, 10'000'000)});
  EXPECT_EQ(x.members, 40);
  EXPECT_EQ(x.avg_income_vnd, 65'000'000);
  // 1 member at 10 and 2 at 11: 32 / 3 = 10.67 -> 11. 1 at 1 and 1 at 2: 3 / 2 = 1.5 -> 2.
  EXPECT_EQ(compute({with_members(coop("htx", "active", true), 1, 0, 10),
                     with_members(coop("htx", "active", true), 2, 0, 11)})
                .avg_income_vnd,
            11);
  EXPECT_EQ(compute({with_members(coop("htx", "active", true), 1, 0, 1),
                     with_members(coop("htx", "active", true), 0, 1, 2)})
                .avg_income_vnd,
            2);
  // Nobody to weigh: 0, not a division by zero.
  EXPECT_EQ(compute({with_members(coop("htx", "active", true), 0, 0, 50'000'000)}).avg_income_vnd,
            0);
}

TEST(Indicators, EffectiveShareIsGoodOrFairOverRatedToOneDecimal) {
  // tot, kha, yeu rated + 2 unrated: 2 / 3 = 66.666... -> 66.7 (unrated excluded: not 2 / 5).
  auto x = compute({coop("htx", "active", true, "tot"), coop("htx", "active", true, "kha"),
                    coop("htx", "active", true, "yeu"), coop("htx", "active", true, ""),
                    coop("htx", "active", true, "")});
  EXPECT_EQ(x.rated, 3);
  EXPECT_EQ(x.effective, 2);
  EXPECT_DOUBLE_EQ(x.effective_share_pct, 66.7);
  // 2 of 7 = 28.571... -> 28.6; trung_binh is not effective; a non-reporting 'tot' not counted.
  std::vector<CooperativeFacts> seven = {
      coop("htx", "active", true, "tot"),        coop("htx", "active", true, "kha"),
      coop("htx", "active", true, "trung_binh"), coop("htx", "active", true, "trung_binh"),
      coop("htx", "active", true, "yeu"),        coop("htx", "active", true, "yeu"),
      coop("htx", "active", true, "yeu"),        coop("htx", "active", false, "tot")};
  auto y = compute(seven);
  EXPECT_EQ(y.rated, 7);
  EXPECT_EQ(y.effective, 2);
  EXPECT_DOUBLE_EQ(y.effective_share_pct, 28.6);
  // 1 of 8 = 12.5 exactly.
  std::vector<CooperativeFacts> eight(7, coop("htx", "active", true, "yeu"));
  eight.push_back(coop("htx", "active", true, "kha"));
  EXPECT_DOUBLE_EQ(compute(eight).effective_share_pct, 12.5);
  // Nothing rated: 0.
  EXPECT_DOUBLE_EQ(compute({coop("htx", "active", true, "")}).effective_share_pct, 0.0);
}

TEST(Indicators, OcopCountsCertificatesValidOnTheReferenceDayByStars) {
  // Reference day 2024-12-31.
  // p1 3* 2022-01-01..2024-12-31 valid (last day included)
  // p2 4* 2024-12-31..2027-12-31 valid (first day included)
  // p3 3* 2021-01-01..2024-12-30 expired the day before
  // p4 5* 2025-01-01..2028-01-01 not yet decided
  // p5 4* 2023-05-05..2026-05-05 valid
  // -> 3 products: 3* = 1, 4* = 2, no 5*.
  std::vector<OcopFacts> ps = {ocop(3, Date{2022, 1, 1}, Date{2024, 12, 31}),
                               ocop(4, Date{2024, 12, 31}, Date{2027, 12, 31}),
                               ocop(3, Date{2021, 1, 1}, Date{2024, 12, 30}),
                               ocop(5, Date{2025, 1, 1}, Date{2028, 1, 1}),
                               ocop(4, Date{2023, 5, 5}, Date{2026, 5, 5})};
  auto x = compute({}, ps);
  EXPECT_EQ(x.ocop_products, 3);
  EXPECT_EQ(x.ocop_by_stars.size(), 2u);
  EXPECT_EQ(x.ocop_by_stars[3], 1);
  EXPECT_EQ(x.ocop_by_stars[4], 2);
  EXPECT_EQ(x.ocop_by_stars.count(5), 0u);
  // On 2025-06-01 instead: p2, p4, p5 are valid; p1 and p3 have expired -> 4* = 2, 5* = 1.
  auto y = compute({}, ps, Date{2025, 6, 1});
  EXPECT_EQ(y.ocop_products, 3);
  EXPECT_EQ(y.ocop_by_stars[4], 2);
  EXPECT_EQ(y.ocop_by_stars[5], 1);
  EXPECT_EQ(y.ocop_by_stars.count(3), 0u);
}

TEST(Indicators, AchievementIsActualOverTargetInPercentToOneDecimal) {
  // 5506 / 5500 = 1.00109 -> 100.1; 59e6 / 59e6 = 100; 71.5 / 62 = 1.15322 -> 115.3;
  // 2 / 3 -> 66.7; 29 / 45 = 0.6444 -> 64.4; 0 / 10 -> 0.
  ASSERT_TRUE(achievement_pct(5506, 5500).has_value());
  EXPECT_DOUBLE_EQ(*achievement_pct(5506, 5500), 100.1);
  EXPECT_DOUBLE_EQ(*achievement_pct(59'000'000, 59'000'000), 100.0);
  EXPECT_DOUBLE_EQ(*achievement_pct(71.5, 62), 115.3);
  EXPECT_DOUBLE_EQ(*achievement_pct(2, 3), 66.7);
  EXPECT_DOUBLE_EQ(*achievement_pct(29, 45), 64.4);
  ASSERT_TRUE(achievement_pct(0, 10).has_value());
  EXPECT_DOUBLE_EQ(*achievement_pct(0, 10), 0.0);
  // A zero target has no achievement.
  EXPECT_FALSE(achievement_pct(10, 0).has_value());
  EXPECT_FALSE(achievement_pct(0, 0).has_value());
}

TEST(Indicators, PlanIndicatorsAreTheNineOfTheCatalogue) {
  const auto& defs = plan_indicators();
  ASSERT_EQ(defs.size(), 9u);
  EXPECT_EQ(defs.front().code, "cooperatives");
  EXPECT_EQ(defs.back().code, "ocop_products");
  for (const char* code :
       {"cooperatives", "new_cooperatives", "members", "workers", "avg_revenue_vnd",
        "avg_profit_vnd", "avg_income_vnd", "effective_share_pct", "ocop_products"})
    EXPECT_TRUE(is_plan_indicator(code)) << code;
  for (const char* code : {"colour", "", "Members", "members ", "dissolved_cooperatives", "rated"})
    EXPECT_FALSE(is_plan_indicator(code)) << code;
  for (const auto& d : defs) {
    EXPECT_FALSE(d.name_vi.empty());
    EXPECT_FALSE(d.unit.empty());
  }
}

TEST(Indicators, IndicatorValueReadsTheMatchingField) {
  Indicators x;
  x.cooperatives = 11;
  x.new_cooperatives = 12;
  x.members = 13;
  x.workers = 14;
  x.avg_revenue_vnd = 15;
  x.avg_profit_vnd = -16;
  x.avg_income_vnd = 17;
  x.effective_share_pct = 18.5;
  x.ocop_products = 19;
  x.dissolved_cooperatives = 99;
  EXPECT_DOUBLE_EQ(indicator_value(x, "cooperatives"), 11);
  EXPECT_DOUBLE_EQ(indicator_value(x, "new_cooperatives"), 12);
  EXPECT_DOUBLE_EQ(indicator_value(x, "members"), 13);
  EXPECT_DOUBLE_EQ(indicator_value(x, "workers"), 14);
  EXPECT_DOUBLE_EQ(indicator_value(x, "avg_revenue_vnd"), 15);
  EXPECT_DOUBLE_EQ(indicator_value(x, "avg_profit_vnd"), -16);
  EXPECT_DOUBLE_EQ(indicator_value(x, "avg_income_vnd"), 17);
  EXPECT_DOUBLE_EQ(indicator_value(x, "effective_share_pct"), 18.5);
  EXPECT_DOUBLE_EQ(indicator_value(x, "ocop_products"), 19);
  EXPECT_DOUBLE_EQ(indicator_value(x, "colour"), 0);
}

TEST(Indicators, IndicatorValueOfAComputedSetMatchesItsFields) {
  // One reporting htx: 4 + 1 members at 60,000,000, 7 workers, revenue 100, profit 10, rated kha.
  auto c = with_money(with_members(coop("htx", "active", true, "kha"), 4, 1, 60'000'000), 100, 10);
  c.workers = 7;
  c.founded_on = Date{2024, 2, 2};
  auto x = compute({c}, {ocop(3, Date{2024, 1, 1}, Date{2026, 1, 1})});
  EXPECT_DOUBLE_EQ(indicator_value(x, "cooperatives"), 1);
  EXPECT_DOUBLE_EQ(indicator_value(x, "new_cooperatives"), 1);
  EXPECT_DOUBLE_EQ(indicator_value(x, "members"), 5);
  EXPECT_DOUBLE_EQ(indicator_value(x, "workers"), 7);
  EXPECT_DOUBLE_EQ(indicator_value(x, "avg_revenue_vnd"), 100);
  EXPECT_DOUBLE_EQ(indicator_value(x, "avg_profit_vnd"), 10);
  EXPECT_DOUBLE_EQ(indicator_value(x, "avg_income_vnd"), 60'000'000);
  EXPECT_DOUBLE_EQ(indicator_value(x, "effective_share_pct"), 100.0);
  EXPECT_DOUBLE_EQ(indicator_value(x, "ocop_products"), 1);
}

TEST(Awards, DecisionNumbers) {
  using hoptac::domain::is_decision_number;
  EXPECT_TRUE(is_decision_number("123/QĐ-UBND"));
  EXPECT_TRUE(is_decision_number("45/QĐ-LMHTX"));
  EXPECT_TRUE(is_decision_number("1/QĐ-UBND"));
  EXPECT_TRUE(is_decision_number("123456/QĐ-UBND"));
  EXPECT_FALSE(is_decision_number("QĐ-UBND"));      // no number
  EXPECT_FALSE(is_decision_number("/QĐ-UBND"));     // empty number
  EXPECT_FALSE(is_decision_number("123/QD-UBND"));  // D, not Đ
  EXPECT_FALSE(is_decision_number("123/QĐ-ubnd"));  // issuer in capitals
  EXPECT_FALSE(is_decision_number("123-QD"));
  EXPECT_FALSE(is_decision_number("12a/QĐ-UBND"));      // digits only before the slash
  EXPECT_FALSE(is_decision_number("123/QĐ-"));          // no issuer
  EXPECT_FALSE(is_decision_number("123/QĐ-UBND "));     // trailing space
  EXPECT_FALSE(is_decision_number("1234567/QĐ-UBND"));  // at most 6 digits
  EXPECT_FALSE(is_decision_number(""));
}

TEST(Awards, OnlyActiveCooperativesNotRatedWeakMayBeNominated) {
  using hoptac::domain::may_be_nominated;
  EXPECT_TRUE(may_be_nominated(true, "active", "tot"));
  EXPECT_TRUE(may_be_nominated(true, "active", "kha"));
  EXPECT_TRUE(may_be_nominated(true, "active", "trung_binh"));
  EXPECT_TRUE(may_be_nominated(true, "active", ""));  // not rated is not weak
  EXPECT_FALSE(may_be_nominated(true, "active", "yeu"));
  EXPECT_FALSE(may_be_nominated(false, "active", "tot"));  // no figures that year
  EXPECT_FALSE(may_be_nominated(false, "active", ""));
  EXPECT_FALSE(may_be_nominated(true, "dissolved", "tot"));
}

TEST(Awards, BangKhenIsDecidedByTheLeaderGiayKhenByTheAlliance) {
  using hoptac::domain::deciding_role;
  EXPECT_EQ(deciding_role("ubnd_bang_khen"), Role::leader);
  EXPECT_EQ(deciding_role("alliance_giay_khen"), Role::alliance);
  EXPECT_TRUE(hoptac::domain::is_award_level("ubnd_bang_khen"));
  EXPECT_TRUE(hoptac::domain::is_award_level("alliance_giay_khen"));
  EXPECT_FALSE(hoptac::domain::is_award_level("bang_khen"));
  EXPECT_FALSE(hoptac::domain::is_award_level(""));
}
