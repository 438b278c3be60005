#include "core/mail_delivery.hpp"

#include "core/clock.hpp"
#include "core/secrets.hpp"
#include "domain/date.hpp"
#include "domain/mail_texts.hpp"
#include "store/outbox_repo.hpp"

namespace hoptac::core {

namespace {

using store::Transaction;

domain::MailText compose_text(store::OutboxRepo& repo, const domain::OutboxEntry& row,
                              const domain::MailRecipient& to) {
  if (row.kind == "daily_digest") {
    auto day = domain::Date::parse(row.period).value_or(domain::Date::today_in_vietnam());
    return domain::daily_digest_mail(to, day, repo.digest_items(row.id, to.language));
  }
  if (row.kind == "weekly_digest") {
    auto monday = domain::Date::parse(row.period).value_or(domain::Date::today_in_vietnam());
    auto week = repo.week_figures(monday.plus_days(-7), monday.plus_days(-1), monday);
    return domain::weekly_digest_mail(to, week);
  }
  auto facts = repo.notification_facts(row.notification_id.value_or(0), to.language);
  return domain::notification_mail(to, facts.value_or(domain::NotificationFacts{}));
}

// The account as it is now, at every attempt: disabled or without an address, the row is
// skipped; an address changed since the e-mail was written is where it goes.
std::optional<store::MailContact> reachable(store::OutboxRepo& repo, domain::OutboxEntry& row) {
  auto contact = repo.contact(row.user_id);
  if (!contact || contact->email.empty()) {
    repo.mark_skipped(row.id, "no e-mail address");
    return std::nullopt;
  }
  if (contact->disabled) {
    repo.mark_skipped(row.id, "account disabled");
    return std::nullopt;
  }
  if (!row.recipient.empty() && row.recipient != contact->email) {
    row.recipient = contact->email;
    repo.set_recipient(row.id, row.recipient);
  }
  return contact;
}

// Writes the e-mail of a row the first time it is claimed; false when it cannot be sent.
bool compose(store::OutboxRepo& repo, domain::OutboxEntry& row, const MailSettings& s) {
  auto contact = reachable(repo, row);
  if (!contact) return false;
  domain::MailRecipient to{contact->display_name, contact->language, s.public_url};
  auto text = compose_text(repo, row, to);
  row.message_id = "<hoptac." + std::to_string(row.id) + "." + random_token().substr(0, 16) + "@" +
                   s.message_id_domain + ">";
  row.recipient = contact->email;
  row.subject = text.subject;
  row.body_text = text.text;
  row.body_html = text.html;
  repo.save_composed(row.id, row.message_id, row.recipient, row.subject, row.body_text,
                     row.body_html);
  return true;
}

// The next row to send, claimed and written; nullopt when none is due. A row that cannot be
// sent (no address) is marked and the next one taken.
std::optional<domain::OutboxEntry> claim(store::Connection& c, const MailSettings& s) {
  store::OutboxRepo repo(c);
  for (;;) {
    Transaction tx(c, Transaction::Mode::write);
    auto row = repo.claim_next(s.instance, now_iso(), iso_from_now(s.lease.count()));
    if (!row) return std::nullopt;
    const bool ready =
        row->message_id.empty() ? compose(repo, *row, s) : reachable(repo, *row).has_value();
    tx.commit();
    if (ready) return row;
  }
}

void record(store::Connection& c, const MailSettings& s, const domain::OutboxEntry& row,
            const domain::SendResult& result, DeliveryCount& count) {
  store::OutboxRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  if (result.ok) {
    count.sent += repo.mark_sent(row.id, s.instance, now_iso());
  } else if (row.attempts >= s.max_attempts) {
    count.failed += repo.mark_failed(row.id, s.instance, result.error);
    count.last_error = result.error;
  } else {
    count.retried += repo.mark_retry(row.id, s.instance, result.error,
                                     iso_from_now(retry_delay(s, row.attempts).count()));
    count.last_error = result.error;
  }
  tx.commit();
}

// 07:00 in Vietnam (UTC+7) or later.
bool after_seven_in_vietnam() {
  const auto now = std::chrono::system_clock::now() + std::chrono::hours(7);
  const auto since_midnight = now.time_since_epoch() % std::chrono::hours(24);
  return since_midnight >= std::chrono::hours(7);
}

}  // namespace

std::chrono::seconds retry_delay(const MailSettings& s, int64_t attempts) {
  const int64_t doubling = std::min<int64_t>(std::max<int64_t>(attempts - 1, 0), 12);
  return std::min(s.retry_base * (int64_t{1} << doubling), std::chrono::seconds(6 * 3600));
}

DeliveryCount deliver_due_mail(store::Connection& c, const MailSettings& s, const SendMail& send,
                               int limit) {
  DeliveryCount count;
  for (int tried = 0; tried < limit; ++tried) {
    auto row = claim(c, s);
    if (!row) break;
    domain::OutgoingMail m{row->message_id, row->recipient, row->display_name,
                           row->subject,    row->body_text, row->body_html};
    record(c, s, *row, send(m), count);
  }
  return count;
}

int queue_digests(store::Connection& c, bool now_anyway) {
  if (!now_anyway && !after_seven_in_vietnam()) return 0;
  store::OutboxRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  const auto today = domain::Date::today_in_vietnam();
  const std::string now = now_iso();
  int queued = 0;
  for (auto user : repo.users_waiting_daily_digest())
    queued += repo.queue_daily_digest(user, today.iso(), now).has_value();
  const auto monday = today.plus_days(-today.weekday());
  for (auto user : repo.weekly_digest_users())
    queued += repo.queue_weekly_digest(user, monday.iso(), now);
  tx.commit();
  return queued;
}

}  // namespace hoptac::core
