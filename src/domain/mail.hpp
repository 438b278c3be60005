#pragma once
// An e-mail as the use cases hand it to a sender, and what the sender answers. The sender
// (mail/smtp_sender) writes the MIME message and speaks SMTP; nothing here knows how.
#include <cstdint>
#include <optional>
#include <string>

namespace hoptac::domain {

struct OutgoingMail {
  std::string message_id;  // "<...@...>", the same on every attempt of one outbox row
  std::string to_address, to_name;
  std::string subject, text, html;
};

struct SendResult {
  bool ok = false;
  std::string error;  // the mail server's answer or the connection's failure
};

// One e-mail of the outbox, as the admin sees it and the sender takes it.
struct OutboxEntry {
  int64_t id = 0, user_id = 0;
  std::string kind;  // notification | daily_digest | weekly_digest
  std::optional<int64_t> notification_id;
  std::string period, state;
  int64_t attempts = 0;
  std::string next_attempt_at, claimed_by, message_id, recipient, subject, body_text, body_html;
  std::string last_error, created_at, sent_at;
  std::string username, display_name;  // the user it is for
};

}  // namespace hoptac::domain
