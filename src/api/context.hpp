#pragma once
// What every route handler shares: the database, the metrics, and the step that turns a
// request into a caller (cookie session or bearer token) before the use case runs.
#include <functional>
#include <optional>
#include <string>

#include "domain/actor.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "store/database.hpp"

namespace hoptac::api {

struct ApiContext {
  store::Database& db;
  http::Metrics& metrics;
  std::string attachments_dir;              // outside the web root
  bool secure_cookies = false;              // behind TLS
  std::function<void()> wake_jobs = [] {};  // tells the job runner there is work
  std::function<void()> wake_mail = [] {};  // tells the mailer there is work
  struct MailStatus {
    bool configured = false;  // this instance sends the outbox
    std::string server;       // the SMTP server's address, never its password
  } mail;
};

struct Caller {
  std::optional<domain::Actor> actor;
  bool via_cookie = false;
  std::optional<std::string> csrf_token;  // of the cookie session
  std::string session_token;              // the cookie's secret, to tell "this session"
};

using UseCase = std::function<http::Response(store::Connection&, const Caller&)>;

// Authenticates, checks the CSRF token of cookie-authenticated writes, runs the use case and
// maps its failures to problem+json. Database errors are logged and answered 503.
http::Response respond(ApiContext& ctx, http::Request& req, const UseCase& use_case);

// Path parameter as a positive integer id; 404 otherwise.
int64_t id_param(const http::Request& req, const std::string& name);

void register_system_routes(http::Router& r, ApiContext& ctx);
void register_session_routes(http::Router& r, ApiContext& ctx);
void register_mail_routes(http::Router& r, ApiContext& ctx);
void register_reference_routes(http::Router& r, ApiContext& ctx);
void register_reference_admin_routes(http::Router& r, ApiContext& ctx);
void register_cooperative_routes(http::Router& r, ApiContext& ctx);
void register_petition_routes(http::Router& r, ApiContext& ctx);
void register_conference_routes(http::Router& r, ApiContext& ctx);
void register_planning_routes(http::Router& r, ApiContext& ctx);
void register_account_routes(http::Router& r, ApiContext& ctx);
void register_my_account_routes(http::Router& r, ApiContext& ctx);
void register_audit_routes(http::Router& r, ApiContext& ctx);
void register_notification_settings_routes(http::Router& r, ApiContext& ctx);

inline void register_all_routes(http::Router& r, ApiContext& ctx) {
  register_system_routes(r, ctx);
  register_session_routes(r, ctx);
  register_reference_routes(r, ctx);
  register_reference_admin_routes(r, ctx);
  register_cooperative_routes(r, ctx);
  register_petition_routes(r, ctx);
  register_conference_routes(r, ctx);
  register_planning_routes(r, ctx);
  register_account_routes(r, ctx);
  register_my_account_routes(r, ctx);
  register_audit_routes(r, ctx);
  register_mail_routes(r, ctx);
  register_notification_settings_routes(r, ctx);
}

}  // namespace hoptac::api
