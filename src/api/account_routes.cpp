// /api/v1/users: accounts administered by the admin (and cooperatives' representatives by the
// Liên minh); /api/v1/account-links/{token}: activating an account or resetting a password.
#include "api/account_json.hpp"
#include "api/context.hpp"
#include "api/json_io.hpp"
#include "core/account_admin.hpp"

namespace hoptac::api {

namespace {
core::AccountInput account_input(const json::object& body, bool create) {
  JsonInput in(
      body, {"username", "display_name", "email", "phone", "role", "agency_id", "cooperative_id"});
  core::AccountInput a;
  a.username = in.string("username", 64, create);
  a.display_name = in.string("display_name", 200, create);
  a.clear_email = in.is_null("email");
  a.clear_phone = in.is_null("phone");
  if (!a.clear_email) a.email = in.string("email", 254, false);
  if (!a.clear_phone) a.phone = in.string("phone", 20, false);
  a.role = in.string("role", 20, create);
  a.agency_id = in.integer("agency_id", false, 1);
  a.cooperative_id = in.integer("cooperative_id", false, 1);
  a.input_problems = in.problems();  // told together with the checks of the use case
  return a;
}

void add_user_routes(http::Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/users", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput in(req, {"q", "role", "status", "cooperative", "page", "per_page"});
      core::AccountQuery q;
      q.q = in.string("q", 100);
      q.role = in.one_of("role", {"coop", "alliance", "department", "leader", "admin"});
      q.status = in.one_of("status", {"invited", "active", "disabled"});
      q.cooperative_id = in.integer("cooperative", 1, INT64_MAX / 2);
      q.page = in.page();
      q.per_page = in.per_page(50);
      in.finish();
      int64_t total = 0;
      auto rows = core::list_accounts(c, caller.actor, q, &total);
      check_page_in_range(total, q.page, q.per_page);
      json::array items;
      for (const auto& a : rows) items.push_back(account_json(a));
      return json_response(200, page_envelope(std::move(items), total, q.page, q.per_page));
    });
  });

  r.add("POST", "/api/v1/users", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto input = account_input(parse_body_object(req), true);
      auto made = core::invite_account(c, caller.actor, input);
      return created_response(
          json::object{{"user", account_json(made.account)}, {"link", link_json(made.link)}},
          "/api/v1/users/" + std::to_string(made.account.id));
    });
  });

  r.add("GET", "/api/v1/users/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      return json_response(200,
                           account_json(core::get_account(c, caller.actor, id_param(req, "id"))));
    });
  });

  r.add("PATCH", "/api/v1/users/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto input = account_input(parse_body_object(req), false);
      auto a = core::update_account(c, caller.actor, id_param(req, "id"), input);
      return json_response(200, account_json(a));
    });
  });
}

void add_user_actions(http::Router& r, ApiContext& ctx) {
  for (bool disable : {true, false})
    r.add("POST", disable ? "/api/v1/users/{id}/disable" : "/api/v1/users/{id}/enable",
          [&ctx, disable](http::Request& req) {
            return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
              auto a = core::set_account_disabled(c, caller.actor, id_param(req, "id"), disable);
              return json_response(200, json::object{{"user", account_json(a)}});
            });
          });

  r.add("POST", "/api/v1/users/{id}/link", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      return json_response(201,
                           link_json(core::new_account_link(c, caller.actor, id_param(req, "id"))));
    });
  });

  r.add("POST", "/api/v1/users/{id}/totp-reset", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto a = core::reset_two_factor(c, caller.actor, id_param(req, "id"));
      return json_response(200, json::object{{"user", account_json(a)}});
    });
  });
}

void add_link_routes(http::Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/account-links/{token}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller&) {
      auto l = core::account_link_info(c, req.params.at("token"));
      return json_response(200, json::object{{"purpose", l.purpose},
                                             {"username", l.username},
                                             {"display_name", l.display_name},
                                             {"expires_at", l.expires_at}});
    });
  });

  r.add("POST", "/api/v1/account-links/{token}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller&) {
      auto body = parse_body_object(req);
      JsonInput in(body, {"password"});
      auto password = in.string("password", 1024, true);
      in.finish();
      core::use_account_link(c, req.params.at("token"), *password);
      return no_content();
    });
  });
}
}  // namespace

void register_account_routes(http::Router& r, ApiContext& ctx) {
  add_user_routes(r, ctx);
  add_user_actions(r, ctx);
  add_link_routes(r, ctx);
}

}  // namespace hoptac::api
