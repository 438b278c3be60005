// The invariants that fuzz_fold.cpp asserts, checked first on ordinary text and on every
// Unicode scalar value, so that a fuzzer report is a real bug and not a wrong invariant.
#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <string>
#include <vector>

#include "text/fold.hpp"

namespace text = hoptac::text;

namespace {

std::string utf8(UChar32 c) {
  char b[4];
  int32_t i = 0;
  UBool error = false;
  U8_APPEND(b, i, 4, c, error);
  return std::string(b, static_cast<size_t>(i));
}

const std::vector<std::string> kSamples = {
    "",
    "Hợp tác xã Tài Hoan",
    "Chợ Đồn",
    "ĐỒNG LẠC",
    "Nghệ đỏ",
    "Ta\xCC\x80i",  // NFD
    "  Bản   Ó\t ",
    "Bắc Kạn",
    "Xã Quảng Bạch, huyện Chợ Đồn, tỉnh Bắc Kạn",
    "A\xCC\x81\xCC\xA3 \xE1\xBA\xA0\xCC\x81",  // marks in non-canonical order
    "\xC2\xA0nbsp\xE2\x80\x83"
    "em space\xE3\x80\x80",
    "İstanbul ΣΊΣΥΦΟΣ ǅ ﬁ ẞ Å K",  // case and compatibility corner cases
    "한국어 가",
    "\xEF\xBB\xBF"
    "bom",
};

}  // namespace

TEST(FoldInvariants, OrdinaryText) {
  for (const auto& s : kSamples) {
    SCOPED_TRACE(s);
    ASSERT_TRUE(text::is_valid_utf8(s));
    auto f = text::fold(s);
    EXPECT_TRUE(text::is_valid_utf8(f));
    EXPECT_EQ(text::fold(f), f);
    EXPECT_EQ(text::fold(text::to_nfc(s)), f);
    EXPECT_EQ(text::to_nfc(text::to_nfc(s)), text::to_nfc(s));
    EXPECT_EQ(f.find("  "), std::string::npos);
    if (!f.empty()) {
      EXPECT_NE(f.front(), ' ');
      EXPECT_NE(f.back(), ' ');
    }
  }
}

TEST(FoldInvariants, EveryCodePoint) {
  int broken = 0;
  for (UChar32 c = 0; c <= 0x10FFFF && broken < 20; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string s = utf8(c);
    const std::string f = text::fold(s);
    const std::string n = text::to_nfc(s);
    bool ok = text::is_valid_utf8(f) && text::fold(f) == f && text::to_nfc(n) == n &&
              text::fold(n) == f && text::length_in_characters(s) == 1;
    if (!ok) {
      ++broken;
      ADD_FAILURE() << "U+" << std::hex << c;
    }
  }
}

TEST(FoldInvariants, IllFormedInputFoldsToValidText) {
  for (std::string s : {"\xC3\x28", "\xED\xA0\x80", "\xC0\xAF",
                        "a\xFF"
                        "b",
                        "\xF4\x90\x80\x80"}) {
    ASSERT_FALSE(text::is_valid_utf8(s));
    auto f = text::fold(s);
    EXPECT_TRUE(text::is_valid_utf8(f));
    EXPECT_EQ(text::fold(f), f);
  }
}
