#include "domain/reform.hpp"

#include <gtest/gtest.h>

using namespace hoptac::domain;  // NOLINT(google-build-using-namespace)

TEST(Reform, OnlyTheYearOfTheReformSpansIt) {
  EXPECT_FALSE(year_spans_reform(2024));
  EXPECT_TRUE(year_spans_reform(2025));
  EXPECT_FALSE(year_spans_reform(2026));
}

TEST(Reform, NotesOnlyForTheYearThatSpansIt) {
  EXPECT_EQ(places_note(2024), "");
  EXPECT_EQ(agencies_note(2026), "");
  EXPECT_NE(places_note(2025).find("01/07/2025"), std::string::npos);
  EXPECT_NE(agencies_note(2025).find("cấp huyện"), std::string::npos);
}
