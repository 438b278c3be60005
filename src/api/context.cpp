#include "api/context.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

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
    return caller;
  }
  if (auto token = req.cookie("hoptac_session")) {
    auto a = core::authenticate_session(c, *token);
    if (!a) return caller;  // an expired session reads as signed out
    caller.actor = a->actor;
    caller.via_cookie = true;
    caller.csrf_token = a->csrf_token;
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

http::Response respond(ApiContext& ctx, http::Request& req, const UseCase& use_case) {
  try {
    auto lease = ctx.db.acquire();
    Caller caller = identify(*lease, req);
    return use_case(*lease, caller);
  } catch (const Failure& f) {
    return problem_response(req, f);
  } catch (const store::sqlite::DatabaseError& e) {
    // Not the caller's fault: logged with its cause, answered 503 so that clients retry.
    spdlog::error("{{\"event\":\"database_error\",\"path\":\"{}\",\"error\":\"{}\"}}", req.path,
                  e.what());
    http::Response r = json_response(503, json::object{{"type", "about:blank"},
                                                       {"title", "Service temporarily unavailable"},
                                                       {"status", 503}});
    r.headers.front().second = "application/problem+json; charset=utf-8";
    r.header("Retry-After", "1");
    return r;
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
