// Units' names as official documents write them.
#include <gtest/gtest.h>

#include "domain/unit_names.hpp"

namespace hoptac {
TEST(UnitNames, TheKindOfUnitIsLowerCaseInsideASentence) {
  EXPECT_EQ(domain::unit_name_in_sentence("Huyện Pác Nặm"), "huyện Pác Nặm");
  EXPECT_EQ(domain::unit_name_in_sentence("Thành phố Bắc Kạn"), "thành phố Bắc Kạn");
  EXPECT_EQ(domain::unit_name_in_sentence("Xã Xuân Lạc"), "xã Xuân Lạc");
  EXPECT_EQ(domain::unit_name_in_sentence("Đặc khu Phú Quốc"), "đặc khu Phú Quốc");
  EXPECT_EQ(domain::unit_name_in_sentence("Bắc Kạn"), "Bắc Kạn");
  EXPECT_EQ(domain::unit_name_in_sentence(""), "");
}
}  // namespace hoptac
