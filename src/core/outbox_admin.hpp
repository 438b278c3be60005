#pragma once
// The admin's view of the e-mail outbox: every e-mail with its state, attempts and the mail
// server's last answer; a failed one queued again.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/permissions.hpp"
#include "domain/mail.hpp"
#include "store/database.hpp"

namespace hoptac::core {

struct OutboxQuery {
  std::optional<std::string> state;  // pending | sending | sent | failed | skipped
  std::optional<int64_t> user_id;
  int page = 1, per_page = 50;
};

struct OutboxPage {
  std::vector<domain::OutboxEntry> items;
  int64_t total = 0;
  std::map<std::string, int64_t> counts;  // by state, over the whole outbox
};

OutboxPage list_outbox(store::Connection& c, const MaybeActor& actor, const OutboxQuery& q);
domain::OutboxEntry outbox_entry(store::Connection& c, const MaybeActor& actor, int64_t id);
domain::OutboxEntry retry_outbox_entry(store::Connection& c, const MaybeActor& actor, int64_t id);

}  // namespace hoptac::core
