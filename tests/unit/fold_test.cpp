#include "text/fold.hpp"

#include <gtest/gtest.h>

using hoptac::text::fold;

TEST(Fold, DropsDiacriticsAndLowersCase) {
  EXPECT_EQ(fold("Hợp tác xã Tài Hoan"), "hop tac xa tai hoan");
  EXPECT_EQ(fold("Chợ Đồn"), "cho don");
  EXPECT_EQ(fold("ĐỒNG LẠC"), "dong lac");
  EXPECT_EQ(fold("Nghệ đỏ"), "nghe do");
}

TEST(Fold, FoldsDecomposedInputTheSameAsComposed) {
  // "Tài" written with a combining grave accent (NFD) folds like the precomposed form.
  EXPECT_EQ(fold("Ta\xCC\x80i"), fold("Tài"));
}

TEST(Fold, CollapsesWhiteSpace) {
  EXPECT_EQ(fold("  Bản   Ó\t "), "ban o");
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_TRUE(hoptac::text::is_valid_utf8("Xuân Lạc"));
  EXPECT_FALSE(hoptac::text::is_valid_utf8("\xC3\x28"));
  EXPECT_FALSE(hoptac::text::is_valid_utf8("\xED\xA0\x80"));  // a surrogate
  EXPECT_FALSE(hoptac::text::is_valid_utf8("\xC0\xAF"));      // overlong '/'
}

TEST(Utf8, CountsCharactersNotBytes) {
  EXPECT_EQ(hoptac::text::length_in_characters("Đồn"), 3u);
}

TEST(Nfc, ComposesDecomposedText) {
  EXPECT_EQ(hoptac::text::to_nfc("Ta\xCC\x80i"), "Tài");
}
