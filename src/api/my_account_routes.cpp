// /api/v1/me: one's own account (profile, password, sessions, two-factor sign-in, API tokens);
// /api/v1/api-tokens and /api/v1/security-settings: the admin's view of them.
#include "api/account_json.hpp"
#include "api/context.hpp"
#include "api/json_io.hpp"
#include "core/my_account.hpp"

namespace hoptac::api {

namespace {
void add_profile_routes(http::Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/me", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto me = core::get_me(c, caller.actor);
      return json_response(200, json::object{{"user", account_json(me.account)},
                                             {"totp_required", me.totp_required}});
    });
  });

  r.add("PATCH", "/api/v1/me", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto body = parse_body_object(req);
      JsonInput in(body, {"display_name", "email", "phone"});
      core::AccountInput a;
      a.display_name = in.string("display_name", 200, false);
      a.clear_email = in.is_null("email");
      a.clear_phone = in.is_null("phone");
      if (!a.clear_email) a.email = in.string("email", 254, false);
      if (!a.clear_phone) a.phone = in.string("phone", 20, false);
      in.finish();
      return json_response(
          200, json::object{{"user", account_json(core::update_me(c, caller.actor, a))}});
    });
  });

  r.add("POST", "/api/v1/me/password", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto body = parse_body_object(req);
      JsonInput in(body, {"current_password", "new_password"});
      auto current = in.string("current_password", 1024, true);
      auto next = in.string("new_password", 1024, true);
      in.finish();
      core::change_password(c, caller.actor, {*current, *next, caller.session_token, req.client});
      return no_content();
    });
  });

  r.add("GET", "/api/v1/me/sessions", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      json::array items;
      for (const auto& s : core::my_sessions(c, caller.actor, caller.session_token))
        items.push_back(json::object{{"id", s.id},
                                     {"created_at", s.created_at},
                                     {"expires_at", s.expires_at},
                                     {"address", s.address},
                                     {"user_agent", s.user_agent},
                                     {"current", s.current}});
      return json_response(200, whole_list(std::move(items)));
    });
  });

  r.add("DELETE", "/api/v1/me/sessions/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::end_my_session(c, caller.actor, req.params.at("id"));
      return no_content();
    });
  });
}

void add_two_factor_routes(http::Router& r, ApiContext& ctx) {
  r.add("POST", "/api/v1/me/totp", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto e = core::start_totp(c, caller.actor);
      return json_response(
          200,
          json::object{{"secret", e.secret}, {"otpauth_uri", e.otpauth_uri}, {"qr_svg", e.qr_svg}});
    });
  });

  r.add("POST", "/api/v1/me/totp/confirm", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto body = parse_body_object(req);
      JsonInput in(body, {"code"});
      auto code = in.string("code", 10, true);
      in.finish();
      json::array codes;
      for (const auto& k : core::confirm_totp(c, caller.actor, *code))
        codes.push_back(json::value(k));
      return json_response(200, json::object{{"recovery_codes", std::move(codes)}});
    });
  });

  r.add("DELETE", "/api/v1/me/totp", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto body = parse_body_object(req);
      JsonInput in(body, {"password"});
      auto password = in.string("password", 1024, true);
      in.finish();
      core::disable_totp(c, caller.actor, *password, req.client);
      return no_content();
    });
  });

  r.add("GET", "/api/v1/security-settings", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      json::array roles;
      for (const auto& k : core::totp_required_roles(c, caller.actor))
        roles.push_back(json::value(k));
      return json_response(200, json::object{{"totp_required_roles", std::move(roles)}});
    });
  });

  r.add("PUT", "/api/v1/security-settings", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto body = parse_body_object(req);
      JsonInput in(body, {"totp_required_roles"});
      auto wanted = in.strings("totp_required_roles", 5, 20, true);
      in.finish();
      json::array roles;
      for (const auto& k : core::set_totp_required_roles(c, caller.actor, *wanted))
        roles.push_back(json::value(k));
      return json_response(200, json::object{{"totp_required_roles", std::move(roles)}});
    });
  });
}

void add_token_routes(http::Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/me/tokens", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      json::array items;
      for (const auto& t : core::my_tokens(c, caller.actor)) items.push_back(token_json(t, false));
      return json_response(200, whole_list(std::move(items)));
    });
  });

  r.add("POST", "/api/v1/me/tokens", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto body = parse_body_object(req);
      JsonInput in(body, {"name", "expires_on"});
      auto name = in.string("name", 100, true);
      auto expires = in.date("expires_on", false);
      in.finish();
      auto t = core::create_my_token(
          c, caller.actor, *name,
          expires ? std::optional<std::string>(expires->iso()) : std::nullopt);
      auto o = token_json(t.view, false);
      o["token"] = t.token;
      return json_response(201, o);
    });
  });

  r.add("DELETE", "/api/v1/me/tokens/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::revoke_my_token(c, caller.actor, req.params.at("id"));
      return no_content();
    });
  });

  r.add("GET", "/api/v1/api-tokens", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      json::array items;
      for (const auto& t : core::all_tokens(c, caller.actor)) items.push_back(token_json(t, true));
      return json_response(200, whole_list(std::move(items)));
    });
  });

  r.add("DELETE", "/api/v1/api-tokens/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::revoke_any_token(c, caller.actor, req.params.at("id"));
      return no_content();
    });
  });
}
}  // namespace

void register_my_account_routes(http::Router& r, ApiContext& ctx) {
  add_profile_routes(r, ctx);
  add_two_factor_routes(r, ctx);
  add_token_routes(r, ctx);
}

}  // namespace hoptac::api
