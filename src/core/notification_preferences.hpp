#pragma once
// One's own choice, per kind of notification, of how it comes by e-mail (at once, in the daily
// digest, or not at all; in-app notifications are always kept), and the language of e-mails.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/permissions.hpp"
#include "domain/notification_kinds.hpp"
#include "store/database.hpp"

namespace hoptac::core {

struct KindChoice {
  const domain::NotificationKind* kind = nullptr;
  domain::Delivery delivery = domain::Delivery::immediate;
};

struct NotificationSettings {
  std::string language;           // vi | en
  std::string email;              // where e-mails go; empty: none are sent
  std::vector<KindChoice> kinds;  // those of the user's role, in the table's order
};

struct NotificationSettingsChange {
  std::optional<std::string> language;
  std::map<std::string, std::string> kinds;  // kind -> immediate | daily | off
};

NotificationSettings my_notification_settings(store::Connection& c, const MaybeActor& actor);
NotificationSettings change_my_notification_settings(store::Connection& c, const MaybeActor& actor,
                                                     const NotificationSettingsChange& change);

}  // namespace hoptac::core
