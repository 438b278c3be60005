#include "core/notification_preferences.hpp"

#include "domain/failure.hpp"
#include "store/outbox_repo.hpp"

namespace hoptac::core {

using store::Transaction;

namespace {

NotificationSettings read_settings(store::OutboxRepo& repo, const domain::Actor& me) {
  NotificationSettings s;
  auto contact = repo.contact(me.user_id);
  s.language = contact ? contact->language : "vi";
  s.email = contact ? contact->email : "";
  auto chosen = repo.preferences(me.user_id);
  for (const auto* k : domain::notification_kinds_for(me.role)) {
    KindChoice choice{k, k->default_delivery};
    if (auto it = chosen.find(std::string(k->code)); it != chosen.end())
      choice.delivery = domain::parse_delivery(it->second).value_or(k->default_delivery);
    s.kinds.push_back(choice);
  }
  return s;
}

bool offered_to(const domain::NotificationKind* k, domain::Role role) {
  for (auto r : k->roles)
    if (r == role) return true;
  return false;
}

}  // namespace

NotificationSettings my_notification_settings(store::Connection& c, const MaybeActor& actor) {
  const auto& me = require_signed_in(actor);
  store::OutboxRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  return read_settings(repo, me);
}

NotificationSettings change_my_notification_settings(store::Connection& c, const MaybeActor& actor,
                                                     const NotificationSettingsChange& change) {
  const auto& me = require_signed_in(actor);
  domain::Problems problems;
  if (change.language && *change.language != "vi" && *change.language != "en")
    problems.add("language", "Ngôn ngữ là 'vi' hoặc 'en'", "The language is 'vi' or 'en'");
  for (const auto& [kind, delivery] : change.kinds) {
    const auto* k = domain::find_notification_kind(kind);
    if (!k || !offered_to(k, me.role))
      problems.add("kinds." + kind, "Không có loại thông báo này cho vai trò của bạn",
                   "No such kind of notification for your role");
    else if (!domain::parse_delivery(delivery))
      problems.add("kinds." + kind, "Chọn 'immediate', 'daily' hoặc 'off'",
                   "Choose 'immediate', 'daily' or 'off'");
    else if (kind == "weekly_digest" && delivery == "daily")
      problems.add("kinds." + kind, "Bản tin tuần chỉ bật hoặc tắt",
                   "The weekly digest is on or off");
  }
  problems.throw_if_any();
  store::OutboxRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  if (change.language) repo.set_language(me.user_id, *change.language);
  for (const auto& [kind, delivery] : change.kinds) repo.set_preference(me.user_id, kind, delivery);
  auto after = read_settings(repo, me);
  tx.commit();
  return after;
}

}  // namespace hoptac::core
