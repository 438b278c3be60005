#pragma once
// The e-mail outbox: claimed one row at a time by the instance that sends it (a lease, and
// FOR UPDATE SKIP LOCKED on PostgreSQL), marked sent, retried or failed; digests queued once
// per user and period; users' choices of how they are told.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/mail.hpp"
#include "domain/mail_texts.hpp"
#include "store/database.hpp"

namespace hoptac::store {

// Who an e-mail is for, as the account says now.
struct MailContact {
  std::string email, display_name, language;
  bool disabled = false;
};

struct OutboxFilter {
  std::optional<std::string> state;
  std::optional<int64_t> user_id;
};

class OutboxRepo {
 public:
  explicit OutboxRepo(Connection& c) : c_(c) {}

  // The next row due by `now` (pending, or sending with its lease over), now 'sending' for
  // `instance` until `lease_until`, its attempts counted.
  std::optional<domain::OutboxEntry> claim_next(const std::string& instance, const std::string& now,
                                                const std::string& lease_until);
  void save_composed(int64_t id, const std::string& message_id, const std::string& recipient,
                     const std::string& subject, const std::string& text, const std::string& html);
  void set_recipient(int64_t id, const std::string& recipient);
  // Each is false when the row is no longer this instance's claim.
  bool mark_sent(int64_t id, const std::string& instance, const std::string& now);
  bool mark_retry(int64_t id, const std::string& instance, const std::string& error,
                  const std::string& next_attempt_at);
  bool mark_failed(int64_t id, const std::string& instance, const std::string& error);
  void mark_skipped(int64_t id, const std::string& why);
  // A failed row queued again by the admin; false when it is not failed.
  bool retry_failed(int64_t id, const std::string& now);

  std::optional<domain::OutboxEntry> get(int64_t id);
  std::vector<domain::OutboxEntry> list(const OutboxFilter& f, int page, int per_page,
                                        int64_t* total);
  std::map<std::string, int64_t> counts_by_state();

  std::optional<MailContact> contact(int64_t user_id);
  // What a notification's e-mail tells, in the recipient's language.
  std::optional<domain::NotificationFacts> notification_facts(int64_t notification_id,
                                                              const std::string& language);

  // Daily digests: users with notifications waiting for one; queueing the digest attaches them.
  std::vector<int64_t> users_waiting_daily_digest();
  std::optional<int64_t> queue_daily_digest(int64_t user_id, const std::string& period,
                                            const std::string& now);
  std::vector<domain::DigestItem> digest_items(int64_t outbox_id, const std::string& language);
  // Weekly digests: leaders and the Liên minh with an address who did not turn it off.
  std::vector<int64_t> weekly_digest_users();
  bool queue_weekly_digest(int64_t user_id, const std::string& period, const std::string& now);
  domain::WeekFigures week_figures(domain::Date from, domain::Date to, domain::Date today);

  // A user's choices: kind -> immediate | daily | off (a missing kind is its default).
  std::map<std::string, std::string> preferences(int64_t user_id);
  void set_preference(int64_t user_id, const std::string& kind, const std::string& delivery);
  void set_language(int64_t user_id, const std::string& language);

 private:
  Connection& c_;
};

}  // namespace hoptac::store
