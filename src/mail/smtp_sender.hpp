#pragma once
// Sends one e-mail by SMTP through libcurl: smtp:// with optional or required STARTTLS,
// smtps:// for TLS from the start, authentication when a user name is set.
#include <string>

#include "domain/mail.hpp"
#include "mail/mime.hpp"

namespace hoptac::mail {

struct SmtpConfig {
  std::string url;  // smtp://host:port or smtps://host:port; empty: no SMTP configured
  std::string username, password;
  bool require_tls = false;  // STARTTLS or fail, never in clear
  std::string ca_file;       // a CA bundle for a private mail server's certificate
  Sender from;
  long timeout_seconds = 30;  // less than the outbox's lease: a send never outlives its claim
};

class SmtpSender {
 public:
  explicit SmtpSender(SmtpConfig config);
  domain::SendResult send(const domain::OutgoingMail& m) const;
  const SmtpConfig& config() const { return config_; }

 private:
  SmtpConfig config_;
};

// Once per process, before any thread sends (curl_global_init).
void init_smtp();

}  // namespace hoptac::mail
