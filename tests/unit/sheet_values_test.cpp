// The spreadsheet values a clerk writes: dates, amounts, headers.
#include <gtest/gtest.h>

#include <random>

#include "domain/sheet_values.hpp"

using hoptac::domain::Date;
using hoptac::domain::header_key;
using hoptac::domain::parse_amount;
using hoptac::domain::parse_sheet_date;

TEST(SheetDate, ReadsDayMonthYearAndIso) {
  EXPECT_EQ(parse_sheet_date("15/03/2021"), (Date{2021, 3, 15}));
  EXPECT_EQ(parse_sheet_date("5/3/2021"), (Date{2021, 3, 5}));
  EXPECT_EQ(parse_sheet_date("05-03-2021"), (Date{2021, 3, 5}));
  EXPECT_EQ(parse_sheet_date("29/02/2024"), (Date{2024, 2, 29}));
  EXPECT_EQ(parse_sheet_date("2021-03-15"), (Date{2021, 3, 15}));
}

TEST(SheetDate, RefusesDaysThatDoNotExistAndOtherShapes) {
  for (const char* s : {"31/02/2025",  "29/02/2025", "00/01/2025",  "32/01/2025",  "15/13/2021",
                        "15/00/2021",  "15/03/21",   "15/03-2021",  "2021/03/15",  "",
                        "/",           "15//2021",   "115/03/2021", "15/03/20211", "15/03/2021 ",
                        "1e3/03/2021", "-1/03/2021", "15/03/0999",  "2021-02-30",  "=15/03/2021"})
    EXPECT_FALSE(parse_sheet_date(s)) << s;
}

TEST(SheetAmount, ReadsThousandsDotsSpacesAndPlainDigits) {
  EXPECT_EQ(parse_amount("1.000.000"), 1000000);
  EXPECT_EQ(parse_amount("1 000 000"), 1000000);
  EXPECT_EQ(parse_amount("800000000"), 800000000);
  EXPECT_EQ(parse_amount("12.345"), 12345);
  EXPECT_EQ(parse_amount("0"), 0);
  EXPECT_EQ(parse_amount("999.999.999.999.999.999"), 999999999999999999);
}

TEST(SheetAmount, RefusesDecimalsSignsMixedAndOversizedAmounts) {
  for (const char* s : {"1,5",
                        "1.5",
                        "-0",
                        "-5",
                        "+5",
                        "1.000,00",
                        "1.000 000",
                        "1..000",
                        "1.00",
                        "1.0000",
                        "1000.000.",
                        ".100",
                        "1 000.000",
                        "1.000.000.000.000.000.000.000",
                        "9223372036854775807",
                        "1e9",
                        "",
                        " ",
                        "=1+1",
                        "1.000.000đ",
                        "١٢٣"})
    EXPECT_FALSE(parse_amount(s)) << s;
}

TEST(SheetHeader, MatchesWithoutDiacriticsCaseOrSpaces) {
  EXPECT_EQ(header_key("Tên hợp tác xã"), "ten hop tac xa");
  EXPECT_EQ(header_key("  TÊN   HỢP TÁC XÃ "), "ten hop tac xa");
  EXPECT_EQ(header_key("Vốn điều lệ (đồng)"), "von dieu le (dong)");
  EXPECT_EQ(header_key("charter_capital_vnd"), "charter_capital_vnd");
  EXPECT_EQ(header_key(""), "");
}

// Fuzz-style: random strings over the parsers' alphabet never crash, and what is accepted
// reads back the same (an amount's digits; a date's day exists).
TEST(SheetValues, RandomInputsAreRefusedOrReadConsistently) {
  std::mt19937 rng(12);
  const std::string alphabet = "0123456789./- ,+e";
  for (int i = 0; i < 200000; ++i) {
    std::string s(rng() % 24, ' ');
    for (auto& ch : s) ch = alphabet[rng() % alphabet.size()];
    if (auto v = parse_amount(s)) {
      std::string digits;
      for (char ch : s)
        if (ch >= '0' && ch <= '9') digits += ch;
      EXPECT_EQ(std::to_string(*v), digits.substr(digits.find_first_not_of('0') == std::string::npos
                                                      ? digits.size() - 1
                                                      : digits.find_first_not_of('0')))
          << s;
    }
    if (auto d = parse_sheet_date(s)) {
      EXPECT_TRUE(d->month >= 1 && d->month <= 12) << s;
      EXPECT_TRUE(d->day >= 1 && d->day <= hoptac::domain::days_in_month(d->year, d->month)) << s;
    }
    header_key(s);
  }
}
