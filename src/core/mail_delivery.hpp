#pragma once
// Sending the e-mail outbox (docs/notifications.md). Each row is claimed by one instance in
// its own short transaction, written once (recipient, subject, text, HTML, Message-ID), sent
// outside any transaction, then marked sent, retried with backoff or failed. A crash between
// the send and the mark resends that one row after its lease, with the same Message-ID.
#include <chrono>
#include <functional>
#include <string>

#include "domain/mail.hpp"
#include "store/database.hpp"

namespace hoptac::core {

struct MailSettings {
  std::string instance;                 // who holds a claim: host, process and a random part
  std::string public_url;               // where the links of an e-mail lead, no trailing '/'
  std::string message_id_domain;        // the right of '@' in Message-IDs
  int max_attempts = 6;                 // then 'failed', with the mail server's last answer
  std::chrono::seconds retry_base{60};  // 1, 2, 4, 8 ... times this between attempts
  std::chrono::seconds lease{120};      // longer than a send may take
};

using SendMail = std::function<domain::SendResult(const domain::OutgoingMail&)>;

struct DeliveryCount {
  int sent = 0, retried = 0, failed = 0;
  std::string last_error;  // the mail server's last refusal, for the log
};

// Sends what is due, one row at a time, until none is due or `limit` were tried.
DeliveryCount deliver_due_mail(store::Connection& c, const MailSettings& s, const SendMail& send,
                               int limit = 50);

// The delay before attempt `attempts + 1`, after `attempts` failed ones.
std::chrono::seconds retry_delay(const MailSettings& s, int64_t attempts);

// Queues the daily digests of those who chose them and, for leaders and the Liên minh, the
// weekly digest of the week before; from 07:00 in Vietnam, or at once with `now_anyway`. Once
// per user and day (or week). Returns how many e-mails were queued.
int queue_digests(store::Connection& c, bool now_anyway);

}  // namespace hoptac::core
