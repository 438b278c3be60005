#include "domain/unit_names.hpp"

namespace hoptac::domain {

std::string unit_name_in_sentence(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kinds[] = {
      {"Thành phố ", "thành phố "},
      {"Thị xã ", "thị xã "},
      {"Thị trấn ", "thị trấn "},
      {"Huyện ", "huyện "},
      {"Quận ", "quận "},
      {"Phường ", "phường "},
      {"Xã ", "xã "},
      {"Tỉnh ", "tỉnh "},
      {"Đặc khu ", "đặc khu "}};
  for (const auto& [upper, lower] : kinds)
    if (name.substr(0, upper.size()) == upper)
      return std::string(lower) + std::string(name.substr(upper.size()));
  return std::string(name);
}

}  // namespace hoptac::domain
