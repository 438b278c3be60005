// Administering reference data: agencies (create, rename, retire, merge), petition categories,
// the working calendar's days and the reports' letterheads. Admin only, but letterheads are
// readable by staff. The role is checked before the body is read, so that a caller who may not
// write learns nothing about what a valid body would be.
#include "api/context.hpp"
#include "api/json_io.hpp"
#include "api/reference_json.hpp"
#include "core/permissions.hpp"
#include "core/reference_admin.hpp"

namespace hoptac::api {

namespace {

http::Response no_content() {
  http::Response res;
  res.status = 204;
  return res;
}

core::AgencyInput agency_input(const json::object& body, bool creating) {
  core::AgencyInput a;
  JsonInput in(body, creating
                         ? std::initializer_list<std::string_view>{"code", "name", "short_name",
                                                                   "kind", "commune_code"}
                         : std::initializer_list<std::string_view>{"name", "short_name"});
  if (creating) a.code = in.string("code", core::kMaxCodeChars, true);
  a.name = in.string("name", core::kMaxNameChars, creating);
  a.short_name = in.string("short_name", core::kMaxShortNameChars, creating);
  if (creating) a.kind = in.string("kind", 20, true);
  if (creating) a.commune_code = in.string("commune_code", 5, false);
  in.finish();
  return a;
}

core::CategoryInput category_input(const json::object& body, bool creating) {
  core::CategoryInput k;
  JsonInput in(
      body, creating ? std::initializer_list<std::string_view>{"code", "name_vi", "name_en",
                                                               "default_agency_id", "default_days"}
                     : std::initializer_list<std::string_view>{
                           "name_vi", "name_en", "default_agency_id", "default_days"});
  if (creating) k.code = in.string("code", core::kMaxCodeChars, true);
  k.name_vi = in.string("name_vi", core::kMaxNameChars, creating);
  k.name_en = in.string("name_en", core::kMaxNameChars, creating);
  k.has_default_agency = in.has("default_agency_id");
  k.default_agency_id = in.integer("default_agency_id", false, 1);
  k.default_days = in.integer("default_days", creating, 1, 365);
  in.finish();
  return k;
}

core::LetterheadInput letterhead_input(const json::object& body, bool creating) {
  core::LetterheadInput l;
  JsonInput in(body, {"valid_from", "parent_body", "issuing_body", "place_name"});
  l.valid_from = in.date("valid_from", creating);
  l.parent_body = in.string("parent_body", core::kMaxNameChars, creating);
  l.issuing_body = in.string("issuing_body", core::kMaxNameChars, creating);
  l.place_name = in.string("place_name", core::kMaxPlaceChars, creating);
  in.finish();
  return l;
}

void agency_routes(http::Router& r, ApiContext& ctx) {
  r.add("POST", "/api/v1/agencies", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::require_admin(caller.actor);
      auto a = core::create_agency(c, caller.actor, agency_input(parse_body_object(req), true));
      return created_response(agency_json(a), "/api/v1/agencies/" + std::to_string(a.id));
    });
  });

  r.add("PATCH", "/api/v1/agencies/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::require_admin(caller.actor);
      const int64_t id = id_param(req, "id");
      auto in = agency_input(parse_body_object(req), false);
      return json_response(200, agency_json(core::update_agency(c, caller.actor, id, in)));
    });
  });

  r.add("POST", "/api/v1/agencies/{id}/retire", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::require_admin(caller.actor);
      const int64_t id = id_param(req, "id");
      return json_response(200, agency_json(core::retire_agency(c, caller.actor, id)));
    });
  });

  r.add("POST", "/api/v1/agencies/{id}/merge", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::require_admin(caller.actor);
      const int64_t id = id_param(req, "id");
      auto body = parse_body_object(req);
      JsonInput in(body, {"into"});
      auto into = in.integer("into", true, 1);
      in.finish();
      auto m = core::merge_agency(c, caller.actor, id, into);
      return json_response(200, json::object{{"agency", agency_json(m.agency)},
                                             {"petitions_moved", m.petitions_moved},
                                             {"directives_moved", m.directives_moved},
                                             {"accounts_moved", m.accounts_moved}});
    });
  });
}

void category_and_calendar_routes(http::Router& r, ApiContext& ctx) {
  r.add("POST", "/api/v1/categories", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::require_admin(caller.actor);
      auto k = core::create_category(c, caller.actor, category_input(parse_body_object(req), true));
      return created_response(category_json(k), "/api/v1/categories/" + k.code);
    });
  });

  r.add("PATCH", "/api/v1/categories/{code}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::require_admin(caller.actor);
      const std::string& code = req.params.at("code");
      if (code.size() > core::kMaxCodeChars)
        throw domain::Failure::not_found("nhóm kiến nghị", "category");
      auto in = category_input(parse_body_object(req), false);
      return json_response(200, category_json(core::update_category(c, caller.actor, code, in)));
    });
  });

  r.add("POST", "/api/v1/holidays", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::require_admin(caller.actor);
      auto body = parse_body_object(req);
      JsonInput in(body, {"day", "name", "kind"});
      core::HolidayInput h;
      h.day = in.date("day", true);
      h.name = in.string("name", core::kMaxNameChars, true);
      h.kind = in.string("kind", 20, false);
      in.finish();
      auto added = core::add_holiday(c, caller.actor, h);
      return created_response(holiday_json(added), "/api/v1/holidays/" + added.day);
    });
  });

  r.add("DELETE", "/api/v1/holidays/{day}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::delete_holiday(c, caller.actor, req.params.at("day").substr(0, 20));
      return no_content();
    });
  });
}

void letterhead_routes(http::Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/letterheads", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput q(req, {});
      q.finish();
      json::array items;
      for (const auto& l : core::list_letterheads(c, caller.actor))
        items.push_back(letterhead_json(l));
      return json_response(200, whole_list(std::move(items)));
    });
  });

  r.add("POST", "/api/v1/letterheads", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::require_admin(caller.actor);
      auto l =
          core::create_letterhead(c, caller.actor, letterhead_input(parse_body_object(req), true));
      return created_response(letterhead_json(l), "/api/v1/letterheads/" + std::to_string(l.id));
    });
  });

  r.add("PATCH", "/api/v1/letterheads/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::require_admin(caller.actor);
      const int64_t id = id_param(req, "id");
      auto in = letterhead_input(parse_body_object(req), false);
      return json_response(200, letterhead_json(core::update_letterhead(c, caller.actor, id, in)));
    });
  });

  r.add("DELETE", "/api/v1/letterheads/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::require_admin(caller.actor);
      core::delete_letterhead(c, caller.actor, id_param(req, "id"));
      return no_content();
    });
  });
}

}  // namespace

void register_reference_admin_routes(http::Router& r, ApiContext& ctx) {
  agency_routes(r, ctx);
  category_and_calendar_routes(r, ctx);
  letterhead_routes(r, ctx);
}

}  // namespace hoptac::api
