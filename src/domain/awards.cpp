#include "domain/awards.hpp"

#include <cctype>

namespace hoptac::domain {

bool is_award_level(std::string_view level) {
  return level == "ubnd_bang_khen" || level == "alliance_giay_khen";
}

Role deciding_role(std::string_view level) {
  return level == "ubnd_bang_khen" ? Role::leader : Role::alliance;
}

std::string_view level_name_vi(std::string_view level) {
  return level == "ubnd_bang_khen" ? "Bằng khen của Chủ tịch UBND tỉnh"
                                   : "Giấy khen của Chủ tịch Liên minh HTX tỉnh";
}

bool is_decision_number(std::string_view s) {
  auto slash = s.find('/');
  if (slash == 0 || slash == std::string_view::npos || slash > 6) return false;
  for (size_t i = 0; i < slash; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  std::string_view rest = s.substr(slash + 1);
  // "QĐ-" in UTF-8, then an issuer abbreviation in capitals.
  const std::string_view qd = "Q\xC4\x90-";
  if (rest.substr(0, qd.size()) != qd) return false;
  rest.remove_prefix(qd.size());
  if (rest.empty() || rest.size() > 20) return false;
  for (char ch : rest)
    if (!(std::isupper(static_cast<unsigned char>(ch)) || ch == '-' ||
          std::isdigit(static_cast<unsigned char>(ch))))
      return false;
  return true;
}

bool may_be_nominated(bool reported_that_year, std::string_view status,
                      std::string_view classification_that_year) {
  return reported_that_year && status != "dissolved" && classification_that_year != "yeu";
}

}  // namespace hoptac::domain
