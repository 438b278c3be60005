// hoptac: the server and the command line in one program.
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/commands.hpp"
#include "app/environment.hpp"

int main(int argc, char** argv) {
  using namespace hoptac::app;
  CLI::App cli{
      "hoptac — hệ thống quản lý kinh tế tập thể của tỉnh (provincial collective economy)"};
  cli.require_subcommand(1);
  std::string database = env_or("HOPTAC_DATABASE", "sqlite:data/hoptac.db");
  cli.add_option("--database", database, "sqlite:PATH (env HOPTAC_DATABASE)");

  ServeOptions serve;
  serve.listen = env_or("HOPTAC_LISTEN", "127.0.0.1:8080");
  auto* serve_cmd = cli.add_subcommand("serve", "Serve the API and the web application");
  serve_cmd->add_option("--listen", serve.listen,
                        "HOST:PORT (env HOPTAC_LISTEN); port 0 picks one");
  serve_cmd->add_option("--threads", serve.threads, "worker threads for requests")
      ->check(CLI::Range(1, 64));
  serve_cmd
      ->add_option("--io-threads", serve.io_threads,
                   "threads that read and write connections (0: one per core)")
      ->check(CLI::Range(0, 256));
  serve.statement_timeout_ms =
      env_whole("HOPTAC_STATEMENT_TIMEOUT_MS", 2000, 0, 3600000, "milliseconds");
  serve_cmd
      ->add_option("--statement-timeout-ms", serve.statement_timeout_ms,
                   "stop a request's database statement after this long, answering 503 "
                   "(env HOPTAC_STATEMENT_TIMEOUT_MS; 0: no limit)")
      ->check(CLI::Range(0, 3600000));
  serve_cmd->add_option("--web", serve.web_dir, "directory of the built web application");
  // A comma-separated list, as an operator writes it in a unit file's environment.
  for (const auto& a : CLI::detail::split(env_or("HOPTAC_TRUSTED_PROXIES", ""), ','))
    if (!a.empty()) serve.trusted_proxies.push_back(a);
  serve_cmd
      ->add_option("--trusted-proxy", serve.trusted_proxies,
                   "address of a reverse proxy whose X-Forwarded-For/-Proto are believed "
                   "(repeatable; env HOPTAC_TRUSTED_PROXIES, comma-separated)")
      ->delimiter(',');
  serve.secure_cookies = env_or("HOPTAC_SECURE_COOKIES", "") == "1";
  serve_cmd->add_flag("--secure-cookies", serve.secure_cookies,
                      "always mark the session cookie Secure (env HOPTAC_SECURE_COOKIES=1)");
  add_mail_options(*serve_cmd, serve.mail);

  auto* migrate_cmd = cli.add_subcommand("migrate", "Create or upgrade the database");
  auto* seed_cmd = cli.add_subcommand("seed-demo", "Load the Bắc Kạn 2024 demo data set");

  auto* user_cmd = cli.add_subcommand("user", "Manage user accounts");
  user_cmd->require_subcommand(1);
  UserAddOptions user;
  auto* user_add =
      user_cmd->add_subcommand("add", "Add a user; the password is read from standard input");
  user_add->add_option("--username", user.username)->required();
  user_add->add_option("--role", user.role, "coop | alliance | department | leader | admin")
      ->required();
  user_add->add_option("--agency", user.agency, "agency code, for a department user");
  user_add->add_option("--cooperative", user.cooperative, "cooperative id, for a coop user");
  user_add->add_option("--name", user.display_name, "display name");

  auto* token_cmd = cli.add_subcommand("token", "Manage API tokens");
  token_cmd->require_subcommand(1);
  std::string token_user;
  auto* token_create = token_cmd->add_subcommand("create", "Create an API token for a user");
  token_create->add_option("--username", token_user)->required();

  auto* openapi_cmd = cli.add_subcommand("openapi", "Print the OpenAPI document");

  auto* mail_cmd = cli.add_subcommand("mail", "E-mail");
  mail_cmd->require_subcommand(1);
  bool digests_now = false;
  auto* mail_digests = mail_cmd->add_subcommand(
      "queue-digests", "Queue the daily and weekly digests that are due (from 07:00 in Vietnam)");
  mail_digests->add_flag("--now", digests_now, "queue them now, whatever the hour");

  auto* audit_cmd = cli.add_subcommand("audit", "The audit log");
  audit_cmd->require_subcommand(1);
  auto* audit_verify = audit_cmd->add_subcommand(
      "verify", "Check the audit log's hash chain; names the first entry that does not fit");

  auto* notify_cmd = cli.add_subcommand("notify", "Notifications");
  notify_cmd->require_subcommand(1);
  auto* notify_sweep = notify_cmd->add_subcommand(
      "sweep",
      "Write the deadline reminders, escalations and OCOP expiry notices due now (as the server "
      "does every 10 minutes); prints how many were written");

  std::string move_from, move_to;
  auto* move_cmd = cli.add_subcommand(
      "migrate-data",
      "Move a whole SQLite database (and its attachments) into an empty PostgreSQL one");
  move_cmd->add_option("--from", move_from, "sqlite:PATH")->required();
  move_cmd->add_option("--to", move_to, "postgresql://...")->required();

  int bench_cooperatives = 35000, bench_petitions = 1000000;
  auto* bench_cmd =
      cli.add_subcommand("seed-bench", "Load a national-size data set for benchmarks");
  bench_cmd->add_option("--cooperatives", bench_cooperatives)->check(CLI::Range(1, 1000000));
  bench_cmd->add_option("--petitions", bench_petitions)->check(CLI::Range(0, 10000000));

  // --database is accepted before or after the command name.
  for (auto* sub :
       {serve_cmd, migrate_cmd, seed_cmd, user_cmd, user_add, token_cmd, token_create, openapi_cmd,
        bench_cmd, audit_cmd, audit_verify, mail_cmd, mail_digests, notify_cmd, notify_sweep})
    sub->fallthrough();
  CLI11_PARSE(cli, argc, argv);
  try {
    if (*serve_cmd) return run_serve(database, serve);
    if (*migrate_cmd) return run_migrate(database);
    if (*seed_cmd) return run_seed_demo(database);
    if (*user_add) return run_user_add(database, user);
    if (*token_create) return run_token_create(database, token_user);
    if (*openapi_cmd) return run_openapi();
    if (*audit_verify) return run_audit_verify(database);
    if (*mail_digests) return run_queue_digests(database, digests_now);
    if (*notify_sweep) return run_notify_sweep(database);
    if (*move_cmd) return run_migrate_data(move_from, move_to);
    if (*bench_cmd) return run_seed_bench(database, bench_cooperatives, bench_petitions);
  } catch (const std::exception& e) {
    std::cerr << "hoptac: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
