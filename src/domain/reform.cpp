#include "domain/reform.hpp"

namespace hoptac::domain {

bool year_spans_reform(int year) {
  return year == kReformYear;
}

// The economy report counts a year's figures (one per cooperative and year, not dated within
// it) by the communes in force after the reform, each old commune in the new one(s) it became.
std::string places_note(int year) {
  if (!year_spans_reform(year)) return "";
  return "Ghi chú: Số liệu năm " + std::to_string(year) +
         " là số liệu cả năm, tính theo xã, phường mới (từ 01/07/2025, không còn cấp huyện); "
         "hợp tác xã đăng ký ở xã, phường, thị trấn cũ được tính vào xã, phường mới mà đơn vị cũ "
         "sáp nhập vào (đơn vị cũ chia về nhiều xã mới được tính ở mỗi xã đó). Số liệu các năm "
         "trước 2025 theo đơn vị hành chính cũ (huyện, thành phố).";
}

// The petitions report counts each petition for the lead agency it was given to.
std::string agencies_note(int year) {
  if (!year_spans_reform(year)) return "";
  return "Ghi chú: Từ 01/07/2025 không còn cấp huyện. Kiến nghị giao cho Ủy ban nhân dân cấp "
         "huyện trước ngày đó vẫn được tính cho cơ quan đã giao (nay đã thôi hoạt động); kiến "
         "nghị giao từ ngày đó được tính cho cơ quan đang hoạt động, trong đó có Ủy ban nhân dân "
         "cấp xã mới.";
}

}  // namespace hoptac::domain
