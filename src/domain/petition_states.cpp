#include "domain/petition_states.hpp"

namespace hoptac::domain {

const std::vector<StateName>& state_names() {
  static const std::vector<StateName> states = {
      {"draft", "Bản nháp", "Draft"},
      {"submitted", "Đã gửi", "Submitted"},
      {"received", "Đã tiếp nhận", "Received"},
      {"rejected", "Không tiếp nhận", "Rejected"},
      {"forwarded", "Đã chuyển UBND", "Forwarded"},
      {"assigned", "Đang giải quyết", "Assigned"},
      {"answered", "Đã trả lời", "Answered"},
      {"closed", "Đã đóng", "Closed"},
      {"merged", "Đã gộp", "Merged"},
      {"needs_info", "Cần bổ sung", "Needs information"},  // returned to the cooperative
  };
  return states;
}

std::string_view state_name_vi(std::string_view code) {
  for (const auto& s : state_names())
    if (s.code == code) return s.vi;
  return code;
}

}  // namespace hoptac::domain
