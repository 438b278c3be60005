// POST/GET/DELETE /api/v1/session: signing in with a cookie session.
#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/context.hpp"
#include "api/json_io.hpp"
#include "core/accounts.hpp"

namespace hoptac::api {

namespace {
constexpr const char* kCookie = "hoptac_session";

json::object user_json(store::Connection& c, const domain::Actor& a) {
  json::object u{{"id", a.user_id},
                 {"username", a.username},
                 {"display_name", a.display_name},
                 {"role", std::string(domain::to_string(a.role))},
                 {"agency_id", nullptr},
                 {"cooperative_id", nullptr}};
  if (a.agency_id) u["agency_id"] = *a.agency_id;
  if (a.cooperative_id) u["cooperative_id"] = *a.cooperative_id;
  auto names = core::names_of(c, a);
  u["agency"] =
      names.agency_name
          ? json::value(json::object{
                {"id", *a.agency_id}, {"code", *names.agency_code}, {"name", *names.agency_name}})
          : json::value(nullptr);
  u["cooperative"] =
      names.cooperative_name
          ? json::value(json::object{{"id", *a.cooperative_id}, {"name", *names.cooperative_name}})
          : json::value(nullptr);
  return u;
}

// A missing or wrong second factor says so in the body, for the page to ask for the code.
http::Response sign_in_problem(const http::Request& req, const domain::Failure& f) {
  auto res = problem_response(req, f);
  for (const auto& e : f.errors())
    if (e.field == "totp_code") {
      auto o = boost::json::parse(res.body).as_object();
      o["totp_required"] = true;
      res.body = boost::json::serialize(o);
    }
  return res;
}

std::string cookie(const std::string& value, long max_age, bool secure) {
  return std::string(kCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}
}  // namespace

void register_session_routes(http::Router& r, ApiContext& ctx) {
  r.add("POST", "/api/v1/session", [&ctx](http::Request& req) {
    try {
      auto body = parse_body_object(req);
      JsonInput in(body, {"username", "password", "totp_code"});
      core::SignInRequest r;
      r.username = in.string("username", 64, true).value_or("");
      r.password = in.string("password", 1024, true).value_or("");
      r.totp_code = in.string("totp_code", 40, false).value_or("");
      in.finish();
      r.address = req.client;
      r.user_agent = std::string(req.header("user-agent").value_or(""));
      auto c = ctx.db.acquire();
      core::SignedIn s;
      try {
        s = core::sign_in(*c, r);
      } catch (const domain::Failure& f) {
        // The events an operator watches for (guessing, spraying); never the password.
        spdlog::warn(boost::json::serialize(json::object{
            {"event", f.kind() == domain::FailureKind::too_many_requests ? "sign_in_throttled"
                                                                         : "sign_in_failed"},
            {"username", r.username},
            {"remote", req.client}}));
        return sign_in_problem(req, f);
      }
      auto res = json_response(200, json::object{{"user", user_json(*c, s.actor)},
                                                 {"csrf_token", s.csrf_token},
                                                 {"expires_at", s.expires_at},
                                                 {"totp_setup_required", s.totp_setup_required}});
      res.header("Set-Cookie", cookie(s.session_token, core::kSessionHours * 3600L,
                                      ctx.secure_cookies || req.https));
      return res;
    } catch (const domain::Failure& f) {
      return problem_response(req, f);
    }
  });

  r.add("GET", "/api/v1/session", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      json::object o{{"user", user_json(c, *caller.actor)}};
      if (caller.csrf_token) o["csrf_token"] = *caller.csrf_token;
      return json_response(200, o);
    });
  });

  r.add("DELETE", "/api/v1/session", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (caller.via_cookie) core::sign_out(c, *caller.actor, caller.session_token, req.client);
      http::Response res;
      res.status = 204;
      res.header("Set-Cookie", cookie("", 0, ctx.secure_cookies || req.https));
      return res;
    });
  });
}

}  // namespace hoptac::api
