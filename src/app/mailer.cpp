#include "app/mailer.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "api/context.hpp"
#include "app/background_loop.hpp"
#include "app/environment.hpp"
#include "core/mail_delivery.hpp"
#include "core/secrets.hpp"
#include "mail/smtp_sender.hpp"
#include "store/database.hpp"

namespace hoptac::app {

namespace {

std::string without_trailing_slash(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

// The password: from a file (a systemd credential, say) or HOPTAC_SMTP_PASSWORD; never a
// flag, which every user of the machine can read in the process list.
std::string smtp_password(const MailOptions& o) {
  if (o.smtp_password_file.empty()) return env_or("HOPTAC_SMTP_PASSWORD", "");
  std::ifstream in(o.smtp_password_file);
  if (!in) throw std::invalid_argument("cannot read --smtp-password-file " + o.smtp_password_file);
  std::string line;
  std::getline(in, line);
  return line;
}

mail::SmtpConfig smtp_config(const MailOptions& o) {
  if (o.smtp_url.rfind("smtp://", 0) != 0 && o.smtp_url.rfind("smtps://", 0) != 0)
    throw std::invalid_argument("--smtp-url must start with smtp:// or smtps://");
  if (!mail::plain_address(o.smtp_from))
    throw std::invalid_argument("--smtp-from must be an address such as hoptac@tinh.gov.vn");
  if (o.public_url.rfind("http://", 0) != 0 && o.public_url.rfind("https://", 0) != 0)
    throw std::invalid_argument("--public-url must start with http:// or https://");
  mail::SmtpConfig c;
  c.url = o.smtp_url;
  c.username = o.smtp_user;
  c.password = smtp_password(o);
  // A password never goes in clear: with a login, smtp:// must be upgraded by STARTTLS (a
  // server, or a man in the middle, that does not offer it gets no password).
  c.require_tls = o.smtp_require_tls || !o.smtp_user.empty();
  c.ca_file = o.smtp_ca_file;
  c.from = {o.smtp_from, o.smtp_from_name};
  return c;
}

core::MailSettings mail_settings(const MailOptions& o) {
  char host[256] = "host";
  gethostname(host, sizeof host - 1);
  core::MailSettings s;
  s.instance =
      std::string(host) + ":" + std::to_string(getpid()) + ":" + core::random_token().substr(0, 8);
  s.public_url = without_trailing_slash(o.public_url);
  s.message_id_domain = o.smtp_from.substr(o.smtp_from.find('@') + 1);
  s.max_attempts = o.max_attempts;
  s.retry_base = std::chrono::seconds(o.retry_seconds);
  s.lease = std::chrono::seconds(o.lease_seconds);
  return s;
}

// The server's address without user or password, for the admin's page and the log.
std::string server_of(const std::string& url) {
  auto scheme_end = url.find("://");
  std::string rest = url.substr(scheme_end + 3);
  if (auto at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);
  return url.substr(0, scheme_end + 3) + rest;
}

}  // namespace

void add_mail_options(CLI::App& serve, MailOptions& o) {
  o.smtp_url = env_or("HOPTAC_SMTP_URL", "");
  o.smtp_user = env_or("HOPTAC_SMTP_USER", "");
  o.smtp_password_file = env_or("HOPTAC_SMTP_PASSWORD_FILE", "");
  o.smtp_from = env_or("HOPTAC_SMTP_FROM", "");
  o.smtp_from_name = env_or("HOPTAC_SMTP_FROM_NAME", o.smtp_from_name);
  o.smtp_ca_file = env_or("HOPTAC_SMTP_CA_FILE", "");
  o.smtp_require_tls = env_or("HOPTAC_SMTP_REQUIRE_TLS", "") == "1";
  o.public_url = env_or("HOPTAC_PUBLIC_URL", o.public_url);
  o.max_attempts = env_whole("HOPTAC_SMTP_MAX_ATTEMPTS", o.max_attempts, 1, 50, "attempts");
  o.retry_seconds = env_whole("HOPTAC_SMTP_RETRY_SECONDS", o.retry_seconds, 1, 86400, "seconds");
  o.poll_ms = env_whole("HOPTAC_MAIL_POLL_MS", o.poll_ms, 50, 600000, "milliseconds");
  o.lease_seconds = env_whole("HOPTAC_MAIL_LEASE_SECONDS", o.lease_seconds, 1, 3600, "seconds");
  serve.add_option("--smtp-url", o.smtp_url,
                   "smtp://HOST:PORT (STARTTLS when offered) or smtps://HOST:PORT (TLS); "
                   "env HOPTAC_SMTP_URL; without it e-mail stays in the outbox");
  serve.add_option("--smtp-user", o.smtp_user,
                   "SMTP user name (env HOPTAC_SMTP_USER); the "
                   "password is in env HOPTAC_SMTP_PASSWORD");
  serve.add_option("--smtp-password-file", o.smtp_password_file,
                   "a file whose first line is the SMTP password (env HOPTAC_SMTP_PASSWORD_FILE)");
  serve.add_option("--smtp-from", o.smtp_from, "the sender's address (env HOPTAC_SMTP_FROM)");
  serve.add_option("--smtp-from-name", o.smtp_from_name,
                   "the sender's name (env HOPTAC_SMTP_FROM_NAME)");
  serve.add_option("--smtp-ca-file", o.smtp_ca_file,
                   "CA certificates for the mail server's certificate (env HOPTAC_SMTP_CA_FILE)");
  serve.add_flag("--smtp-require-tls", o.smtp_require_tls,
                 "refuse to send without STARTTLS (env HOPTAC_SMTP_REQUIRE_TLS=1)");
  serve.add_option("--public-url", o.public_url,
                   "the web application's public address, for links in e-mails "
                   "(env HOPTAC_PUBLIC_URL)");
  serve
      .add_option("--smtp-max-attempts", o.max_attempts,
                  "attempts before an e-mail is marked failed (env HOPTAC_SMTP_MAX_ATTEMPTS)")
      ->check(CLI::Range(1, 50));
  serve
      .add_option("--smtp-retry-seconds", o.retry_seconds,
                  "the first wait before a retry, doubled each time "
                  "(env HOPTAC_SMTP_RETRY_SECONDS)")
      ->check(CLI::Range(1, 86400));
  serve
      .add_option("--mail-poll-ms", o.poll_ms,
                  "how often the outbox is looked at (env HOPTAC_MAIL_POLL_MS)")
      ->check(CLI::Range(50, 600000));
  serve
      .add_option("--mail-lease-seconds", o.lease_seconds,
                  "how long a claimed e-mail is this instance's before another may send it "
                  "(env HOPTAC_MAIL_LEASE_SECONDS; keep it above 30 s, the longest send)")
      ->check(CLI::Range(1, 3600));
}

struct Mailer::Loops {
  mail::SmtpSender sender;
  core::MailSettings settings;
  std::unique_ptr<BackgroundLoop> delivery, digests;
};

Mailer::Mailer(store::Database& db, const MailOptions& o, api::ApiContext& ctx) {
  if (o.smtp_url.empty()) {
    spdlog::warn(
        R"({"event":"mail_not_configured","detail":"no --smtp-url: e-mail stays in the outbox"})");
    return;
  }
  mail::init_smtp();
  loops_.reset(new Loops{mail::SmtpSender(smtp_config(o)), mail_settings(o), nullptr, nullptr});
  ctx.mail.configured = true;
  ctx.mail.server = server_of(o.smtp_url);
  auto* l = loops_.get();
  l->delivery = std::make_unique<BackgroundLoop>(std::chrono::milliseconds(o.poll_ms), [&db, l] {
    auto c = db.acquire_unlimited();
    auto n = core::deliver_due_mail(
        *c, l->settings, [l](const domain::OutgoingMail& m) { return l->sender.send(m); });
    if (n.sent > 0) spdlog::info(R"({{"event":"mail_sent","count":{}}})", n.sent);
    if (n.retried + n.failed > 0)
      spdlog::warn(boost::json::serialize(boost::json::object{{"event", "mail_not_delivered"},
                                                              {"will_retry", n.retried},
                                                              {"failed", n.failed},
                                                              {"last_error", n.last_error}}));
  });
  l->digests = std::make_unique<BackgroundLoop>(std::chrono::minutes(10), [&db, l] {
    if (core::queue_digests(*db.acquire_unlimited(), false) > 0) l->delivery->wake();
  });
  ctx.wake_mail = [l] { l->delivery->wake(); };
  spdlog::info(boost::json::serialize(boost::json::object{{"event", "mail_configured"},
                                                          {"server", ctx.mail.server},
                                                          {"from", o.smtp_from},
                                                          {"instance", l->settings.instance}}));
}

Mailer::~Mailer() = default;

void Mailer::wake() {
  if (loops_) loops_->delivery->wake();
}

int run_queue_digests(const std::string& database, bool now_anyway) {
  auto db = store::Database::open(database, 1);
  int n = core::queue_digests(*db->acquire_unlimited(), now_anyway);
  std::cout << "hoptac: " << n << " digest e-mails queued\n";
  return 0;
}

}  // namespace hoptac::app
