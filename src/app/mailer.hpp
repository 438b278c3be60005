#pragma once
// E-mail for `hoptac serve`: the SMTP settings (flags and HOPTAC_SMTP_* variables), and the
// background loops that send the outbox and queue the digests while the server runs.
#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace hoptac::store {
class Database;
}
namespace hoptac::api {
struct ApiContext;
}

namespace hoptac::app {

struct MailOptions {
  std::string smtp_url;  // smtp://host:port or smtps://host:port; empty: e-mail stays queued
  std::string smtp_user, smtp_password_file, smtp_from, smtp_from_name = "hoptac";
  std::string smtp_ca_file;
  bool smtp_require_tls = false;
  std::string public_url = "http://localhost:8080";
  int max_attempts = 6;
  int retry_seconds = 60;
  int poll_ms = 2000;
  int lease_seconds = 120;  // a claim's time; more than a send may take (30 s)
};

// Adds the mail flags to `serve`, with the environment's values as defaults.
void add_mail_options(CLI::App& serve, MailOptions& o);

class Mailer {
 public:
  // Starts the loops when SMTP is configured; otherwise only tells the API so. Throws
  // std::invalid_argument for settings that cannot work.
  Mailer(store::Database& db, const MailOptions& o, api::ApiContext& ctx);
  ~Mailer();
  void wake();

 private:
  struct Loops;
  std::unique_ptr<Loops> loops_;
};

// `hoptac mail queue-digests`: the digests queued now (at once with `now_anyway`), and how
// many were; for an operator's cron and for the tests.
int run_queue_digests(const std::string& database, bool now_anyway);

}  // namespace hoptac::app
