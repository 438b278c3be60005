#include "core/outbox_admin.hpp"

#include "core/clock.hpp"
#include "domain/failure.hpp"
#include "store/outbox_repo.hpp"

namespace hoptac::core {

using domain::Failure;
using domain::FailureKind;
using domain::Role;
using store::Transaction;

namespace {
bool known_state(const std::string& s) {
  return s == "pending" || s == "sending" || s == "sent" || s == "failed" || s == "skipped";
}
}  // namespace

OutboxPage list_outbox(store::Connection& c, const MaybeActor& actor, const OutboxQuery& q) {
  require_role(actor, {Role::admin});
  if (q.state && !known_state(*q.state))
    throw Failure::invalid_field("state", "Trạng thái thư không hợp lệ: " + *q.state,
                                 "Unknown e-mail state: " + *q.state);
  store::OutboxRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  OutboxPage page;
  page.items = repo.list({q.state, q.user_id}, q.page, q.per_page, &page.total);
  page.counts = repo.counts_by_state();
  return page;
}

domain::OutboxEntry outbox_entry(store::Connection& c, const MaybeActor& actor, int64_t id) {
  require_role(actor, {Role::admin});
  store::OutboxRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  auto e = repo.get(id);
  if (!e) throw Failure::not_found("thư", "e-mail");
  return *e;
}

domain::OutboxEntry retry_outbox_entry(store::Connection& c, const MaybeActor& actor, int64_t id) {
  require_role(actor, {Role::admin});
  store::OutboxRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto e = repo.get(id);
  if (!e) throw Failure::not_found("thư", "e-mail");
  if (!repo.retry_failed(id, now_iso()))
    throw Failure(FailureKind::conflict,
                  "Chỉ gửi lại được thư đã thất bại (thư này đang ở trạng thái '" + e->state + "')",
                  "Only a failed e-mail can be retried (this one is '" + e->state + "')");
  auto after = *repo.get(id);
  tx.commit();
  return after;
}

}  // namespace hoptac::core
