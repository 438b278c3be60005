#include "report/csv.hpp"

#include <gtest/gtest.h>

using hoptac::report::CsvError;
using hoptac::report::CsvWriter;
using hoptac::report::parse_csv;

TEST(Csv, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  std::optional<CsvError> err;
  auto rows = parse_csv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n", &err);
  ASSERT_FALSE(err);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[2].line, 4);  // the quoted line break counts
  EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"last", "", ""}));
}

TEST(Csv, SkipsTheBomAndEmptyLines) {
  std::optional<CsvError> err;
  auto rows = parse_csv("\xEF\xBB\xBFkind,name\n\nhtx,Hợp tác xã A\n", &err);
  ASSERT_FALSE(err);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].cells[0], "kind");
  EXPECT_EQ(rows[1].line, 3);
}

TEST(Csv, ReportsTheLineOfAnUnterminatedQuote) {
  std::optional<CsvError> err;
  parse_csv("a,b\nc,\"open\nd,e\n", &err);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->line, 2);
}

TEST(Csv, RefusesAQuoteInsideAnUnquotedField) {
  std::optional<CsvError> err;
  parse_csv("a,b\"c\n", &err);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->line, 1);
}

TEST(Csv, WriterQuotesWhatNeedsQuotingAndStartsWithABom) {
  CsvWriter w;
  w.row({"Chợ Đồn", "a,b", "say \"x\""});
  EXPECT_EQ(w.str(),
            "\xEF\xBB\xBF"
            "Chợ Đồn,\"a,b\",\"say \"\"x\"\"\"\r\n");
}

TEST(Csv, WhatTheWriterWritesTheParserReadsBack) {
  CsvWriter w;
  std::vector<std::string> cells{"Thôn Bản Ó, xã Xuân Lạc", "line\nbreak", "\"", ""};
  w.row(cells);
  std::optional<CsvError> err;
  auto rows = parse_csv(w.str(), &err);
  ASSERT_FALSE(err);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].cells, cells);
}
