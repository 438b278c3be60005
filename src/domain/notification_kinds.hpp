#pragma once
// The kinds of notification a user can be sent, who receives each, and how each goes out by
// e-mail unless the user chose otherwise (docs/notifications.md). In-app notifications are
// always kept; the choice is only about e-mail.
#include <optional>
#include <string_view>
#include <vector>

#include "domain/actor.hpp"

namespace hoptac::domain {

enum class Delivery { immediate, daily, off };

std::string_view to_string(Delivery d);
std::optional<Delivery> parse_delivery(std::string_view s);

struct NotificationKind {
  std::string_view code, label_vi, label_en;
  std::vector<Role> roles;  // whose settings page offers it
  Delivery default_delivery = Delivery::immediate;
};

const std::vector<NotificationKind>& notification_kinds();
const NotificationKind* find_notification_kind(std::string_view code);
std::vector<const NotificationKind*> notification_kinds_for(Role role);

}  // namespace hoptac::domain
