#include "app/commands.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "api/context.hpp"
#include "api/json_io.hpp"
#include "app/background_loop.hpp"
#include "assets/assets.hpp"
#include "core/accounts.hpp"
#include "core/audit.hpp"
#include "core/clock.hpp"
#include "core/notify.hpp"
#include "core/petitions.hpp"
#include "core/reports.hpp"
#include "domain/failure.hpp"
#include "http/router.hpp"
#include "http/security_headers.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "http/thread_log.hpp"
#include "seed/bench_seed.hpp"
#include "seed/demo_seed.hpp"
#include "store/data_move.hpp"
#include "store/database.hpp"

namespace hoptac::app {

namespace {

std::pair<std::string, unsigned short> parse_listen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) throw std::invalid_argument("--listen must be HOST:PORT");
  int port = std::stoi(listen.substr(colon + 1));
  if (port < 0 || port > 65535) throw std::invalid_argument("port must be 0 to 65535");
  return {listen.substr(0, colon), static_cast<unsigned short>(port)};
}

// A one-time link's token is a secret: the log keeps the path without it.
std::string loggable_path(const std::string& path) {
  for (std::string_view secret_after : {"/activate/", "/api/v1/account-links/"})
    if (path.rfind(secret_after, 0) == 0) return std::string(secret_after) + "…";
  return path;
}

std::string access_log_line(const http::Request& req, const http::Response& res, double seconds) {
  boost::json::object o{{"ts", core::now_iso()},
                        {"method", req.method},
                        {"path", loggable_path(req.path)},
                        {"route", res.route},
                        {"status", res.status},
                        {"duration_us", static_cast<int64_t>(seconds * 1e6)},
                        {"bytes", res.body.size()},
                        {"remote", req.client.empty() ? req.remote : req.client},
                        {"request_id", req.id}};
  return boost::json::serialize(o);
}

const char* kHomePage = R"(<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>hoptac</title></head>
<body><h1>hoptac</h1><p>Hệ thống quản lý kinh tế tập thể, hợp tác xã của tỉnh.</p>
<p><a href="/api/openapi.json">Tài liệu API (OpenAPI 3.1)</a></p></body></html>
)";

std::string default_web_dir() {
  for (const char* candidate : {"web/dist", "../web/dist"})
    if (std::filesystem::exists(std::string(candidate) + "/index.html")) return candidate;
  return "";
}

}  // namespace

int run_serve(const std::string& database, const ServeOptions& o) {
  spdlog::set_pattern("%v");
  auto db = store::Database::open(database, o.threads + 1);
  db->migrate();
  // From here on, a request's statement that runs past the limit is stopped (a 503).
  db->set_statement_limit(std::chrono::milliseconds(o.statement_timeout_ms));
  auto [host, port] = parse_listen(o.listen);

  http::Metrics metrics;
  api::ApiContext ctx{*db, metrics};
  ctx.attachments_dir =
      (std::filesystem::path(db->files_dir()) / "attachments").lexically_normal().string();
  http::Router router;
  api::register_all_routes(router, ctx);
  http::StaticFiles web(o.web_dir.empty() ? default_web_dir() : o.web_dir);

  http::ServerOptions so;
  so.host = host;
  so.port = port;
  so.worker_threads = o.threads;
  so.io_threads = o.io_threads;
  // The probes, the metrics, the API document and the web application's files need no
  // database: answered on the I/O thread, without a hop to a worker.
  so.runs_inline = [](const http::Request& req) {
    if (req.method != "GET" && req.method != "HEAD") return false;
    if (req.path == "/readyz") return false;
    return req.path.rfind("/api/", 0) != 0 || req.path == "/api/openapi.json";
  };
  so.trusted_proxies = o.trusted_proxies;
  ctx.secure_cookies = o.secure_cookies;
  // Reports and imports run on the slow pool: they never hold the workers that answer the rest.
  so.is_slow = [](const http::Request& req) {
    return (req.method == "GET" && req.path.rfind("/api/v1/reports/", 0) == 0) ||
           (req.method == "POST" && req.path == "/api/v1/cooperatives/import");
  };
  so.body_limit_for = [](const std::string& method, const std::string& target) -> std::size_t {
    if (method == "POST" && target.rfind("/api/v1/cooperatives/import", 0) == 0) return 20u << 20;
    if (method == "POST" && target.rfind("/api/v1/petitions/", 0) == 0 &&
        target.find("/attachments") != std::string::npos)
      return core::kMaxAttachmentBytes;
    return 1u << 20;
  };

  auto dispatch = [&](http::Request& req) {
    http::Response res;
    auto m = router.match(req);
    if (m.handler) {
      res = (*m.handler)(req);
      res.route = m.pattern;
    } else if (auto file = web.serve(req)) {
      res = std::move(*file);
    } else if (req.path == "/" && (req.method == "GET" || req.method == "HEAD")) {
      res.header("Content-Type", "text/html; charset=utf-8");
      res.body = kHomePage;
      res.route = "/";
    } else if (m.path_known) {
      std::string allow;
      for (const auto& a : m.allowed) allow += (allow.empty() ? "" : ", ") + a;
      res = api::problem_response(
          req, domain::Failure(domain::FailureKind::method_not_allowed,
                               "Phương thức không được hỗ trợ", "Method not allowed"));
      res.header("Allow", allow);
      res.route = "(method not allowed)";
    } else {
      res = api::problem_response(req, domain::Failure::not_found("đường dẫn", "path"));
      res.route = "(not found)";
    }
    http::add_security_headers(res);
    return res;
  };
  auto observe = [&](const http::Request& req, const http::Response& res, double seconds) {
    metrics.record(req.method, res.route.empty() ? "(none)" : res.route, res.status, seconds);
    http::thread_log::write_line(access_log_line(req, res, seconds));
  };

  // Deadline reminders, escalations and OCOP expiry notices: once before listening, then
  // every 10 minutes while serving.
  core::run_sweeps(*db->acquire_unlimited());
  BackgroundLoop sweeper(std::chrono::minutes(10), [&] {
    int n = core::run_sweeps(*db->acquire_unlimited());
    if (n > 0) spdlog::info(R"({{"event":"deadline_reminders","count":{}}})", n);
  });
  // Report jobs: run as soon as they are queued.
  BackgroundLoop jobs(std::chrono::seconds(5), [&] {
    auto c = db->acquire_unlimited();  // a job is what may take longer than a request
    while (core::run_next_job(*c)) {
    }
  });
  ctx.wake_jobs = [&jobs] { jobs.wake(); };
  Mailer mailer(*db, o.mail, ctx);
  http::Server server(so, dispatch, observe);
  spdlog::info(boost::json::serialize(boost::json::object{
      {"event", "listening"}, {"host", host}, {"port", server.port()}, {"database", db->path()}}));
  server.run();
  spdlog::info(R"({"event":"stopped"})");
  return 0;
}

int run_migrate(const std::string& database) {
  auto db = store::Database::open(database);
  int v = db->migrate();
  std::cout << "hoptac: database " << db->path() << " is at schema version " << v << "\n";
  return 0;
}

int run_seed_demo(const std::string& database) {
  auto db = store::Database::open(database);
  db->migrate();
  auto lease = db->acquire();
  seed::seed_demo(*lease, std::cout);
  return 0;
}

int run_user_add(const std::string& database, const UserAddOptions& o) {
  std::string password;
  std::getline(std::cin, password);
  auto db = store::Database::open(database);
  auto c = db->acquire();
  core::NewUser nu;
  nu.username = o.username;
  nu.role = o.role;
  nu.display_name = o.display_name;
  nu.password = password;
  nu.agency_code = o.agency;
  if (o.cooperative) nu.cooperative_id = *o.cooperative;
  try {
    auto id = core::add_user(*c, nu);
    std::cout << "hoptac: user " << o.username << " added (id " << id << ")\n";
  } catch (const domain::Failure& f) {
    std::cerr << "hoptac: " << f.title_en();
    for (const auto& e : f.errors()) std::cerr << "; " << e.field << ": " << e.message_en;
    std::cerr << "\n";
    return 2;
  }
  return 0;
}

int run_token_create(const std::string& database, const std::string& username) {
  auto db = store::Database::open(database);
  auto c = db->acquire();
  try {
    std::cout << core::create_api_token(*c, username) << "\n";
  } catch (const domain::Failure& f) {
    std::cerr << "hoptac: " << f.title_en() << "\n";
    return 2;
  }
  return 0;
}

int run_audit_verify(const std::string& database) {
  auto db = store::Database::open(database);
  auto c = db->acquire_unlimited();  // the whole log, however long
  auto check = core::verify_audit(*c);
  if (check.first_bad) {
    std::cout << "audit: entry " << *check.first_bad << " does not fit: " << check.why << " ("
              << check.entries << " entries read)\n";
    return 1;
  }
  std::cout << "audit: " << check.entries << " entries, chain intact; last hash " << check.head_hash
            << "\n";
  return 0;
}

int run_seed_bench(const std::string& database, int cooperatives, int petitions) {
  auto db = store::Database::open(database);
  db->migrate();
  auto lease = db->acquire();
  seed::seed_bench(*lease, cooperatives, petitions, std::cout);
  return 0;
}

int run_migrate_data(const std::string& from, const std::string& to) {
  auto source = store::Database::open(from, 1);
  auto target = store::Database::open(to, 1);
  auto moved = store::move_data(*source, *target);
  int64_t rows = 0;
  for (const auto& t : moved.tables) {
    std::cout << "  " << t.table << ": " << t.rows << " rows, sha256 " << t.checksum.substr(0, 16)
              << "\n";
    rows += t.rows;
  }
  std::cout << "hoptac: moved " << rows << " rows in " << moved.tables.size() << " tables and "
            << moved.attachments << " attachments from " << source->path() << " to "
            << target->path() << "; every table's count and checksum match\n";
  return 0;
}

int run_notify_sweep(const std::string& database) {
  auto db = store::Database::open(database, 1);
  int n = core::run_sweeps(*db->acquire_unlimited());
  std::cout << "hoptac: " << n << " notifications written\n";
  return 0;
}

int run_openapi() {
  std::cout << assets::openapi_document();
  return 0;
}

}  // namespace hoptac::app
