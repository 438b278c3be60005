#include "api/context.hpp"

#include <spdlog/spdlog.h>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "api/audit_event.hpp"
#include "api/json_io.hpp"
#include "core/accounts.hpp"
#include "domain/failure.hpp"

namespace hoptac::api {

using domain::Failure;
using domain::FailureKind;

namespace {
bool is_write(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// A session whose role requires two factors, and that has none yet, may only enrol.
bool allowed_before_two_factor(const std::string& path) {
  return path == "/api/v1/session" || path == "/api/v1/me" || path.rfind("/api/v1/me/totp", 0) == 0;
}

Failure two_factor_first() {
  return Failure(FailureKind::forbidden,
                 "Cần bật xác thực hai bước trước khi tiếp tục (Tài khoản → Xác thực hai bước)",
                 "Turn on two-factor sign-in first (Account → Two-factor sign-in)");
}

Caller identify(store::Connection& c, const http::Request& req) {
  Caller caller;
  if (auto auth = req.header("authorization")) {
    if (auth->rfind("Bearer ", 0) != 0)
      throw Failure(FailureKind::unauthenticated, "Chỉ hỗ trợ Authorization: Bearer",
                    "Only Authorization: Bearer is supported");
    auto a = core::authenticate_bearer(c, std::string(auth->substr(7)));
    if (!a)
      throw Failure(FailureKind::unauthenticated, "Mã truy cập không hợp lệ", "Invalid API token");
    caller.actor = a->actor;
    if (a->totp_setup_required && !allowed_before_two_factor(req.path)) throw two_factor_first();
    return caller;
  }
  if (auto token = req.cookie("hoptac_session")) {
    auto a = core::authenticate_session(c, *token);
    if (!a) return caller;  // an expired session reads as signed out
    caller.actor = a->actor;
    caller.via_cookie = true;
    caller.csrf_token = a->csrf_token;
    caller.session_token = *token;
    if (a->totp_setup_required && !allowed_before_two_factor(req.path)) throw two_factor_first();
    if (is_write(req.method)) {
      auto sent = req.header("x-csrf-token");
      if (!sent || *sent != *a->csrf_token)
        throw Failure(FailureKind::forbidden, "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token)",
                      "Missing or wrong X-CSRF-Token");
    }
  }
  return caller;
}
}  // namespace

namespace {
http::Response server_problem(const http::Request& req, int status, const char* title_vi,
                              const char* title_en) {
  const bool en = wants_english(req);
  http::Response r = json_response(status, json::object{{"type", "about:blank"},
                                                        {"title", en ? title_en : title_vi},
                                                        {"status", status},
                                                        {"request_id", req.id}});
  r.headers.front().second = "application/problem+json; charset=utf-8";
  return r;
}

const char* kind_name(store::DatabaseErrorKind k) {
  switch (k) {
    case store::DatabaseErrorKind::transient:
      return "transient";
    case store::DatabaseErrorKind::constraint:
      return "constraint";
    case store::DatabaseErrorKind::timeout:
      return "timeout";
    default:
      return "other";
  }
}

void log_database_error(const http::Request& req, const store::DatabaseError& e, int attempt) {
  spdlog::error(boost::json::serialize(json::object{{"event", "database_error"},
                                                    {"request_id", req.id},
                                                    {"method", req.method},
                                                    {"path", req.path.substr(0, 200)},
                                                    {"kind", kind_name(e.kind())},
                                                    {"attempt", attempt},
                                                    {"error", e.what()}}));
}
}  // namespace

// A transient database error (busy, serialization failure, a lost connection, a failover)
// rolls the use case back; it is tried again twice, then answered 503 with Retry-After. A
// statement stopped at the time limit is a 503 at once; a constraint is a 409; anything else a 500
// that the log explains under the request id.
http::Response respond(ApiContext& ctx, http::Request& req, const UseCase& use_case) {
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    try {
      auto lease = ctx.db.acquire();
      Caller caller = identify(*lease, req);
      // Every change is written in the audit log with the transaction that makes it; signing
      // in and out is written by the use cases themselves.
      std::optional<core::AuditScope> audit;
      if (is_write(req.method) && req.path != "/api/v1/session")
        audit.emplace(*lease, audit_event(req, caller));
      return use_case(*lease, caller);
    } catch (const Failure& f) {
      return problem_response(req, f);
    } catch (const store::DatabaseError& e) {
      log_database_error(req, e, attempt);
      if (e.transient() && attempt < kAttempts) continue;
      if (e.transient()) {
        auto r = server_problem(req, 503, "Dịch vụ tạm thời gián đoạn; hãy thử lại sau giây lát",
                                "Service temporarily unavailable; try again shortly");
        r.header("Retry-After", "2");
        return r;
      }
      // Stopped at the statement limit: retrying would only hold the server as long again.
      if (e.kind() == store::DatabaseErrorKind::timeout) {
        auto r = server_problem(
            req, 503,
            "Yêu cầu cần quá nhiều thời gian và đã được dừng; hãy thu hẹp điều kiện tìm kiếm, "
            "hoặc tạo báo cáo dưới dạng công việc chạy nền",
            "The request took too long and was stopped; narrow the search, or run the report "
            "as a background job");
        r.header("Retry-After", "10");
        return r;
      }
      if (e.kind() == store::DatabaseErrorKind::constraint)
        return server_problem(req, 409, "Dữ liệu xung đột với dữ liệu đã có",
                              "The change conflicts with data already stored");
      return server_problem(req, 500, "Lỗi máy chủ; mã yêu cầu đã được ghi lại",
                            "Server error; the request id has been logged");
    }
  }
}

int64_t id_param(const http::Request& req, const std::string& name) {
  auto it = req.params.find(name);
  if (it != req.params.end() && !it->second.empty() && it->second.size() <= 15 &&
      std::all_of(it->second.begin(), it->second.end(),
                  [](char c) { return c >= '0' && c <= '9'; }))
    return std::stoll(it->second);
  throw Failure::not_found("bản ghi", "record");
}

}  // namespace hoptac::api
