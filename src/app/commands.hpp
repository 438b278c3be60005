#pragma once
// The program's commands; main.cpp parses the command line and calls one of these.
#include <optional>
#include <string>
#include <vector>

#include "app/mailer.hpp"

namespace hoptac::app {

struct ServeOptions {
  std::string listen;
  int threads = 4;
  int io_threads = 0;               // 0: one per core
  int statement_timeout_ms = 2000;  // 0: none
  std::string web_dir;
  std::vector<std::string> trusted_proxies;  // whose X-Forwarded-For/-Proto are believed
  bool secure_cookies = false;               // always mark the session cookie Secure
  MailOptions mail;
};

struct UserAddOptions {
  std::string username, role, display_name;
  std::optional<std::string> agency;
  std::optional<long long> cooperative;
};

int run_serve(const std::string& database, const ServeOptions& o);
int run_migrate(const std::string& database);
int run_seed_demo(const std::string& database);
int run_user_add(const std::string& database, const UserAddOptions& o);
int run_token_create(const std::string& database, const std::string& username);
// Exit 0 when the chain is intact, 1 naming the first entry that does not fit.
int run_audit_verify(const std::string& database);
int run_openapi();
// Runs the notification sweeps once; prints how many notifications were written.
int run_notify_sweep(const std::string& database);
int run_migrate_data(const std::string& from, const std::string& to);
int run_seed_bench(const std::string& database, int cooperatives, int petitions);

}  // namespace hoptac::app
