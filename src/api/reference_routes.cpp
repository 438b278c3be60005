// GET /api/v1/admin-units and GET /api/v1/agencies: reference data, readable by anyone.
#include "api/context.hpp"
#include "api/json_io.hpp"
#include "api/reference_json.hpp"
#include "core/reference.hpp"
#include "domain/date.hpp"
#include "domain/reference_records.hpp"

namespace hoptac::api {

void register_reference_routes(http::Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/admin-units", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller&) {
      QueryInput in(req, {"level", "parent", "q", "as_of", "page", "per_page"});
      domain::AdminUnitQuery q;
      q.level = in.one_of("level", {"province", "district", "commune"});
      q.parent = in.string("parent", 10);
      q.q_folded = in.string("q", 100);
      q.as_of = in.date("as_of").value_or(domain::Date::today_in_vietnam()).iso();
      q.page = in.page();
      q.per_page = in.per_page(50);
      in.finish();
      int64_t total = 0;
      auto rows = core::list_admin_units(c, q, &total);
      check_page_in_range(total, q.page, q.per_page);
      json::array items;
      for (const auto& u : rows) {
        json::array successors;
        for (const auto& s : u.successor_codes) successors.push_back(json::value(s));
        items.push_back(json::object{{"code", u.code},
                                     {"level", u.level},
                                     {"name", u.name},
                                     {"type", u.type},
                                     {"parent_code", optional_string(u.parent_code)},
                                     {"valid_from", optional_string(u.valid_from)},
                                     {"valid_to", optional_string(u.valid_to)},
                                     {"successor_codes", std::move(successors)}});
      }
      return json_response(200, page_envelope(std::move(items), total, q.page, q.per_page));
    });
  });

  r.add("GET", "/api/v1/province", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller&) {
      QueryInput in(req, {});
      in.finish();
      auto p = core::province_today(c);
      return json_response(200, json::object{{"name", p.name},
                                             {"valid_from", optional_string(p.valid_from)},
                                             {"parent_body", optional_string(p.parent_body)},
                                             {"issuing_body", optional_string(p.issuing_body)}});
    });
  });

  r.add("GET", "/api/v1/agencies", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller&) {
      QueryInput in(req, {"include_retired"});
      const bool include_retired = in.flag("include_retired");
      in.finish();
      json::array items;
      for (const auto& a : core::list_agencies(c, include_retired)) items.push_back(agency_json(a));
      return json_response(200, whole_list(std::move(items)));
    });
  });
}

}  // namespace hoptac::api
