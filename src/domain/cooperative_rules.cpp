#include "domain/cooperative_rules.hpp"

#include <algorithm>

#include "domain/contact.hpp"
#include "domain/limits.hpp"
#include "text/fold.hpp"

namespace hoptac::domain {

const std::vector<CodeName>& cooperative_kinds() {
  static const std::vector<CodeName> v = {
      {"tht", "Tổ hợp tác", "Cooperative group"},
      {"htx", "Hợp tác xã", "Cooperative"},
      {"lhhtx", "Liên hiệp hợp tác xã", "Union of cooperatives"},
  };
  return v;
}

const std::vector<CodeName>& cooperative_statuses() {
  static const std::vector<CodeName> v = {
      {"active", "Đang hoạt động", "Active"},
      {"suspended", "Tạm ngừng hoạt động", "Suspended"},
      {"dissolving", "Ngừng hoạt động chờ giải thể", "Awaiting dissolution"},
      {"dissolved", "Đã giải thể", "Dissolved"},
  };
  return v;
}

const std::vector<CodeName>& sectors() {
  static const std::vector<CodeName> v = {
      {"agriculture", "Nông, lâm, ngư nghiệp", "Agriculture, forestry, fishery"},
      {"industry_handicraft", "Công nghiệp - tiểu thủ công nghiệp", "Industry and handicraft"},
      {"construction", "Xây dựng", "Construction"},
      {"transport", "Vận tải", "Transport"},
      {"trade_services", "Thương mại - dịch vụ", "Trade and services"},
      {"environment", "Môi trường", "Environment"},
      {"credit_fund", "Quỹ tín dụng nhân dân", "People's credit fund"},
  };
  return v;
}

const std::vector<CodeName>& classifications() {
  static const std::vector<CodeName> v = {
      {"tot", "Tốt", "Good"},
      {"kha", "Khá", "Fair"},
      {"trung_binh", "Trung bình", "Average"},
      {"yeu", "Yếu", "Weak"},
  };
  return v;
}

const std::vector<CodeName>& ocop_groups() {
  static const std::vector<CodeName> v = {
      {"food", "Thực phẩm", "Food"},
      {"beverage", "Đồ uống", "Beverages"},
      {"herbal", "Dược liệu và sản phẩm từ dược liệu", "Herbal products"},
      {"handicraft", "Hàng thủ công mỹ nghệ", "Handicrafts"},
      {"ornamental", "Sinh vật cảnh", "Ornamental plants and animals"},
      {"tourism", "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
       "Community and eco-tourism services"},
  };
  return v;
}

bool is_one_of(const std::vector<CodeName>& list, std::string_view code) {
  return std::any_of(list.begin(), list.end(), [&](const CodeName& c) { return c.code == code; });
}

int minimum_members(std::string_view kind) {
  if (kind == "tht") return 2;
  if (kind == "lhhtx") return 3;
  return 5;
}

namespace {
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool starts_with(const std::string& s, std::string_view prefix) {
  return s.rfind(prefix, 0) == 0;
}
}  // namespace

void check_cooperative(const Cooperative& c, Problems& p) {
  if (!is_one_of(cooperative_kinds(), c.kind)) {
    p.add("kind", "Loại hình phải là tht, htx hoặc lhhtx", "kind must be tht, htx or lhhtx");
    return;
  }
  const std::string folded = text::fold(c.name);
  if (c.kind == "htx" && !starts_with(folded, "hop tac xa "))
    p.add("name", "Tên hợp tác xã phải bắt đầu bằng \"Hợp tác xã\"",
          "A cooperative's name must start with \"Hợp tác xã\"");
  if (c.kind == "lhhtx" && !starts_with(folded, "lien hiep hop tac xa "))
    p.add("name", "Tên liên hiệp phải bắt đầu bằng \"Liên hiệp hợp tác xã\"",
          "A union's name must start with \"Liên hiệp hợp tác xã\"");
  if (c.kind == "tht" && !starts_with(folded, "to hop tac "))
    p.add("name", "Tên tổ hợp tác phải bắt đầu bằng \"Tổ hợp tác\"",
          "A cooperative group's name must start with \"Tổ hợp tác\"");
  if (c.kind != "tht") {
    if (c.registration_code.size() != 10 || !all_digits(c.registration_code))
      p.add("registration_code", "Mã số hợp tác xã gồm đúng 10 chữ số",
            "The registration code has exactly 10 digits");
  }
  if (c.sectors.empty())
    p.add("sectors", "Cần ít nhất một ngành, lĩnh vực", "At least one sector is required");
  for (const auto& s : c.sectors)
    if (!is_one_of(sectors(), s))
      p.add("sectors", "Ngành, lĩnh vực không có trong danh mục: " + s, "Unknown sector: " + s);
  if (!is_one_of(cooperative_statuses(), c.status))
    p.add("status", "Trạng thái không hợp lệ",
          "status must be active, suspended, dissolving or dissolved");
  if (!c.representative.email.empty() && !is_valid_email(c.representative.email))
    p.add("representative.email", "Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@htx.vn)",
          "Not an e-mail address (for example name@coop.vn)");
  if (!c.representative.phone.empty() && !is_valid_phone(c.representative.phone))
    p.add("representative.phone", "Số điện thoại gồm 9–15 chữ số (ví dụ: 0912 345 678)",
          "A phone number has 9 to 15 digits (for example 0912 345 678)");
  if (c.charter_capital_vnd)
    check_range(p, "charter_capital_vnd", *c.charter_capital_vnd, 0, kMaxAmountVnd);
  if (c.founded_on && *c.founded_on > Date::today_in_vietnam())
    p.add("founded_on", "Ngày thành lập không được ở tương lai",
          "founded_on cannot be in the future");
}

void check_year(std::string_view kind, const CooperativeYear& y, Problems& p) {
  if (y.year < 2000 || y.year > Date::today_in_vietnam().year)
    p.add("year", "Năm phải từ 2000 đến năm hiện tại", "year must be between 2000 and this year");
  // Each figure in its range: a sum over the whole register then always fits (domain/limits).
  check_range(p, "members_official", y.members_official, 0, kMaxPeople);
  check_range(p, "members_associate", y.members_associate, 0, kMaxPeople);
  check_range(p, "workers", y.workers, 0, kMaxPeople);
  check_range(p, "revenue_vnd", y.revenue_vnd, 0, kMaxAmountVnd);
  check_range(p, "profit_vnd", y.profit_vnd, -kMaxAmountVnd, kMaxAmountVnd);
  check_range(p, "avg_income_vnd", y.avg_income_vnd, 0, kMaxIncomeVnd);
  const int min = minimum_members(kind);
  if (y.members_official >= 0 && y.members_official < min)
    p.add("members_official", "Số thành viên chính thức tối thiểu là " + std::to_string(min),
          "At least " + std::to_string(min) + " official members are required");
  if (!y.classification.empty() && !is_one_of(classifications(), y.classification))
    p.add("classification", "Xếp loại phải là tot, kha, trung_binh hoặc yeu",
          "classification must be tot, kha, trung_binh or yeu");
  if (y.classification_score) {
    int s = *y.classification_score;
    if (s < 0 || s > 100)
      p.add("classification_score", "Điểm đánh giá từ 0 đến 100", "The score is from 0 to 100");
    else if (!y.classification.empty() && classification_for_score(s) != y.classification)
      p.add("classification", "Xếp loại không khớp với điểm " + std::to_string(s),
            "classification does not match the score " + std::to_string(s));
  }
}

std::string classification_for_score(int score) {
  if (score >= 80) return "tot";
  if (score >= 65) return "kha";
  if (score >= 50) return "trung_binh";
  return "yeu";
}

std::optional<int> ocop_stars_for_score(int score) {
  if (score >= 90) return 5;
  if (score >= 70) return 4;
  if (score >= 50) return 3;
  return std::nullopt;
}

void check_product(const OcopProduct& x, Problems& p) {
  if (!is_one_of(ocop_groups(), x.group))
    p.add("group", "Nhóm sản phẩm OCOP không hợp lệ",
          "group must be food, beverage, herbal, handicraft, ornamental or tourism");
  if (x.stars < 3 || x.stars > 5)
    p.add("stars", "Sản phẩm OCOP được công nhận từ 3 đến 5 sao", "stars must be 3, 4 or 5");
  if (x.score) {
    if (*x.score < 0 || *x.score > 100)
      p.add("score", "Điểm từ 0 đến 100", "score is from 0 to 100");
    else if (ocop_stars_for_score(*x.score) != x.stars)
      p.add("score", "Điểm " + std::to_string(*x.score) + " không khớp với số sao",
            "score " + std::to_string(*x.score) + " does not match the stars");
  }
  if (x.decided_on > Date::today_in_vietnam())
    p.add("decided_on", "Ngày quyết định không được ở tương lai",
          "decided_on cannot be in the future");
}

void check_contract(const OfftakeContract& c, Problems& p) {
  if (c.valid_to < c.valid_from)
    p.add("valid_to", "Ngày kết thúc phải sau ngày bắt đầu",
          "valid_to must not be before valid_from");
}

}  // namespace hoptac::domain
