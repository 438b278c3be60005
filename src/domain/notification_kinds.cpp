#include "domain/notification_kinds.hpp"

namespace hoptac::domain {

std::string_view to_string(Delivery d) {
  switch (d) {
    case Delivery::immediate:
      return "immediate";
    case Delivery::daily:
      return "daily";
    case Delivery::off:
      return "off";
  }
  return "immediate";
}

std::optional<Delivery> parse_delivery(std::string_view s) {
  for (auto d : {Delivery::immediate, Delivery::daily, Delivery::off})
    if (to_string(d) == s) return d;
  return std::nullopt;
}

const std::vector<NotificationKind>& notification_kinds() {
  using R = Role;
  using D = Delivery;
  static const std::vector<NotificationKind> all = {
      {"submitted", "Kiến nghị mới cần tiếp nhận", "New petitions to receive", {R::alliance}},
      {"received", "Kiến nghị được tiếp nhận", "Petition received", {R::coop}},
      {"returned", "Kiến nghị cần bổ sung", "Petition returned for more information", {R::coop}},
      {"rejected", "Kiến nghị không được tiếp nhận", "Petition rejected", {R::coop}},
      {"forwarded", "Kiến nghị được chuyển UBND tỉnh", "Petition forwarded to the UBND", {R::coop}},
      {"assigned",
       "Kiến nghị được giao cơ quan trả lời",
       "Petition assigned to an agency",
       {R::coop, R::department}},
      {"answered", "Kiến nghị có trả lời", "Petition answered", {R::coop, R::alliance}},
      {"published", "Trả lời được công khai", "Answer published", {R::coop}},
      {"reopened", "Kiến nghị được mở lại", "Petition reopened", {R::department}},
      {"due_soon", "Kiến nghị sắp đến hạn trả lời", "Petition due soon", {R::department}},
      {"overdue", "Kiến nghị quá hạn trả lời", "Petition overdue", {R::department}},
      {"escalated",
       "Kiến nghị quá hạn báo cáo lãnh đạo",
       "Overdue petition escalated",
       {R::leader, R::alliance}},
      {"sent_back", "Kiến nghị bị trả lại để giao lại", "Petition sent back", {R::leader}},
      {"extension_requested", "Đề nghị gia hạn", "Extension requested", {R::leader}},
      {"extension_granted", "Được gia hạn", "Extension granted", {R::department}},
      {"extension_refused", "Không được gia hạn", "Extension refused", {R::department}},
      {"opinion_asked", "Được xin ý kiến", "Opinion asked", {R::department}},
      {"opinion_given", "Cơ quan phối hợp cho ý kiến", "Opinion given", {R::department}},
      {"batch", "Đợt kiến nghị gửi UBND tỉnh", "Batch sent to the UBND", {R::leader}},
      {"directive",
       "Chỉ đạo được giao và hạn thực hiện",
       "Directive assigned, with its deadline",
       {R::department, R::coop}},
      {"ocop_expiring",
       "Chứng nhận OCOP sắp hết hạn",
       "OCOP certificate expiring",
       {R::coop, R::alliance}},
      {"weekly_digest",
       "Bản tin tuần (tiếp nhận, trả lời, quá hạn theo cơ quan)",
       "Weekly digest (received, answered, overdue by agency)",
       {R::leader, R::alliance},
       D::immediate},
  };
  return all;
}

const NotificationKind* find_notification_kind(std::string_view code) {
  for (const auto& k : notification_kinds())
    if (k.code == code) return &k;
  return nullptr;
}

std::vector<const NotificationKind*> notification_kinds_for(Role role) {
  std::vector<const NotificationKind*> out;
  for (const auto& k : notification_kinds())
    for (auto r : k.roles)
      if (r == role) out.push_back(&k);
  return out;
}

}  // namespace hoptac::domain
