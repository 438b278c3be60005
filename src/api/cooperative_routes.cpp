// /api/v1/cooperatives...: the register, its yearly figures, products and contracts.
#include "api/context.hpp"
#include "api/cooperative_json.hpp"
#include "api/json_io.hpp"
#include "core/register_io.hpp"
#include "domain/cooperative_filter.hpp"
#include "domain/cooperative_rules.hpp"
#include "text/fold.hpp"

#include <algorithm>

namespace hoptac::api {

namespace {

// The list's filters, shared by the list and the export.
domain::CooperativeFilter read_filter(QueryInput& in) {
  domain::CooperativeFilter f;
  f.q_folded = in.string("q", 200);
  if (f.q_folded) f.q_folded = text::fold(*f.q_folded);
  f.kind = in.one_of("kind", {"tht", "htx", "lhhtx"});
  f.district = in.digits("district", 3);
  f.commune = in.digits("commune", 5);
  f.sector = in.string("sector", 40);
  if (f.sector && !domain::is_one_of(domain::sectors(), *f.sector))
    in.problems().add("sector", "Ngành, lĩnh vực không có trong danh mục", "Unknown sector");
  f.status = in.one_of("status", {"active", "suspended", "dissolving", "dissolved"});
  f.classification = in.one_of("classification", {"tot", "kha", "trung_binh", "yeu"});
  if (auto y = in.integer("year", 2000, 2100)) f.year = static_cast<int>(*y);
  if (auto s =
          in.one_of("sort", {"name", "-name", "registration_code", "-registration_code",
                             "founded_on", "-founded_on", "members", "-members", "id", "-id"})) {
    f.descending = s->front() == '-';
    f.sort = f.descending ? s->substr(1) : *s;
  }
  return f;
}

domain::OcopProduct product_input(const json::object& body, int64_t coop_id) {
  JsonInput in(body, {"name", "group", "stars", "score", "decision_no", "decided_on"});
  domain::OcopProduct p;
  p.cooperative_id = coop_id;
  p.name = in.string("name", 200, true).value_or("");
  p.group = in.string("group", 20, true).value_or("");
  p.stars = static_cast<int>(in.integer("stars", true, 3, 5).value_or(3));
  if (auto s = in.integer("score", false, 0, 100)) p.score = static_cast<int>(*s);
  p.decision_no = in.string("decision_no", 50, true).value_or("");
  p.decided_on = in.date("decided_on", true).value_or(domain::Date{});
  in.finish();
  return p;
}

core::ProductPatch product_patch(const json::object& body) {
  JsonInput in(body, {"name", "group", "stars", "score", "decision_no", "decided_on"});
  core::ProductPatch p;
  p.name = in.string("name", 200, false);
  p.group = in.string("group", 20, false);
  if (auto s = in.integer("stars", false, 3, 5)) p.stars = static_cast<int>(*s);
  if (in.has("score")) {
    auto s = in.integer("score", false, 0, 100);
    p.score = s ? std::optional<int>(static_cast<int>(*s)) : std::nullopt;
  }
  p.decision_no = in.string("decision_no", 50, false);
  p.decided_on = in.date("decided_on", false);
  in.finish();
  return p;
}

json::object import_json(const core::ImportResult& result, bool english) {
  json::array errors;
  for (const auto& e : result.errors)
    errors.push_back(json::object{{"line", e.line},
                                  {"field", e.field},
                                  {"column", optional_string(e.column)},
                                  {"message", english ? e.message_en : e.message_vi},
                                  {"message_en", e.message_en}});
  return json::object{{"dry_run", result.dry_run},
                      {"rows", result.rows},
                      {"created", result.created},
                      {"errors", std::move(errors)},
                      {"errors_total", result.errors_total}};
}

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace

void register_cooperative_routes(http::Router& r, ApiContext& ctx) {
  r.add("POST", "/api/v1/cooperatives/import", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      QueryInput in(req, {"dry_run"});
      auto dry = in.one_of("dry_run", {"0", "1", "true", "false"});
      in.finish();
      bool dry_run = dry && (*dry == "1" || *dry == "true");
      auto type = std::string(req.header("content-type").value_or(""));
      core::SheetFormat format;
      if (type.rfind("text/csv", 0) == 0)
        format = core::SheetFormat::csv;
      else if (type.rfind(kXlsxType, 0) == 0)
        format = core::SheetFormat::xlsx;
      else
        throw domain::Failure(domain::FailureKind::unsupported_media_type,
                              "Tệp nhập phải là CSV (text/csv) hoặc XLSX",
                              "The import must be CSV (text/csv) or XLSX");
      auto result = core::import_cooperatives(c, caller.actor, req.body, format, dry_run);
      int status = result.dry_run || result.errors.empty() ? 200 : 422;
      return json_response(status, import_json(result, wants_english(req)));
    });
  });

  r.add("GET", "/api/v1/cooperatives/import/template", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection&, const Caller&) {
      http::Response res;
      res.body = core::import_template();
      res.header("Content-Type", kXlsxType);
      res.header("Content-Disposition", "attachment; filename=\"mau-nhap-hop-tac-xa.xlsx\"");
      return res;
    });
  });

  r.add("GET", "/api/v1/cooperatives/export", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput in(req, {"q", "kind", "district", "commune", "sector", "status", "classification",
                          "year", "sort", "format"});
      auto f = read_filter(in);
      auto format = in.one_of("format", {"csv", "xlsx"}).value_or("csv");
      in.finish();
      bool csv = format == "csv";
      http::Response res;
      res.body = core::export_cooperatives(c, caller.actor, f,
                                           csv ? core::SheetFormat::csv : core::SheetFormat::xlsx);
      res.header("Content-Type", csv ? "text/csv; charset=utf-8" : kXlsxType);
      res.header("Content-Disposition",
                 std::string("attachment; filename=\"hop-tac-xa.") + format + "\"");
      return res;
    });
  });

  r.add("GET", "/api/v1/cooperatives", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput in(req, {"q", "kind", "district", "commune", "sector", "status", "classification",
                          "year", "page", "per_page", "sort"});
      auto f = read_filter(in);
      f.page = in.page();
      f.per_page = in.per_page(20);
      in.finish();
      int64_t total = 0;
      auto rows = core::list_cooperatives(c, f, &total);
      check_page_in_range(total, f.page, f.per_page);
      json::array items;
      for (const auto& coop : rows)
        items.push_back(cooperative_json(coop, core::can_see_private(caller.actor, coop.id)));
      return json_response(200, page_envelope(std::move(items), total, f.page, f.per_page));
    });
  });

  r.add("POST", "/api/v1/cooperatives", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::require_may_create_cooperative(caller.actor);
      auto input = cooperative_input(parse_body_object(req), true);
      auto coop = core::create_cooperative(c, caller.actor, input);
      return with_etag(created_response(cooperative_json(coop, true),
                                        "/api/v1/cooperatives/" + std::to_string(coop.id)),
                       coop.version);
    });
  });

  r.add("GET", "/api/v1/cooperatives/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto coop = core::get_cooperative(c, id_param(req, "id"));
      return with_etag(
          json_response(200, cooperative_json(coop, core::can_see_private(caller.actor, coop.id))),
          coop.version);
    });
  });

  r.add("PATCH", "/api/v1/cooperatives/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      int64_t id = id_param(req, "id");
      core::require_may_edit_cooperative(caller.actor, id);
      auto input = cooperative_input(parse_body_object(req), false);
      auto coop = core::update_cooperative(c, caller.actor, id, input, if_match_version(req));
      return with_etag(json_response(200, cooperative_json(coop, true)), coop.version);
    });
  });

  r.add("GET", "/api/v1/cooperatives/{id}/years", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto years = core::list_years(c, caller.actor, id_param(req, "id"));
      json::array items;
      for (const auto& y : years) items.push_back(year_json(y));
      return json_response(200, whole_list(std::move(items)));
    });
  });

  r.add("PUT", "/api/v1/cooperatives/{id}/years/{year}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      domain::CooperativeYear y;
      y.cooperative_id = id_param(req, "id");
      const std::string& year = req.params.at("year");
      if (year.size() != 4 || !std::all_of(year.begin(), year.end(), ::isdigit))
        throw domain::Failure::invalid_field("year", "Năm có 4 chữ số", "year has 4 digits");
      y.year = std::stoi(year);
      auto body = parse_body_object(req);
      JsonInput in(body,
                   {"members_official", "members_associate", "workers", "revenue_vnd", "profit_vnd",
                    "avg_income_vnd", "classification", "classification_score"});
      y.members_official = in.integer("members_official", true, 0).value_or(0);
      y.members_associate = in.integer("members_associate", false, 0).value_or(0);
      y.workers = in.integer("workers", true, 0).value_or(0);
      y.revenue_vnd = in.integer("revenue_vnd", true, 0).value_or(0);
      y.profit_vnd = in.integer("profit_vnd", true).value_or(0);
      y.avg_income_vnd = in.integer("avg_income_vnd", true, 0).value_or(0);
      y.classification = in.string("classification", 20, false).value_or("");
      if (auto s = in.integer("classification_score", false, 0, 100))
        y.classification_score = static_cast<int>(*s);
      in.finish();
      bool created = false;
      auto stored = core::put_year(c, caller.actor, y, &created);
      return json_response(created ? 201 : 200, year_json(stored));
    });
  });

  r.add("GET", "/api/v1/cooperatives/{id}/products", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller&) {
      auto products = core::list_products(c, id_param(req, "id"));
      json::array items;
      for (const auto& p : products) items.push_back(product_json(p));
      return json_response(200, whole_list(std::move(items)));
    });
  });

  r.add("POST", "/api/v1/cooperatives/{id}/products", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      int64_t id = id_param(req, "id");
      auto p = core::create_product(c, caller.actor, product_input(parse_body_object(req), id));
      return created_response(product_json(p), "/api/v1/cooperatives/" + std::to_string(id) +
                                                   "/products/" + std::to_string(p.id));
    });
  });

  r.add("PATCH", "/api/v1/cooperatives/{id}/products/{pid}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto p = core::update_product(c, caller.actor, id_param(req, "id"), id_param(req, "pid"),
                                    product_patch(parse_body_object(req)));
      return json_response(200, product_json(p));
    });
  });

  r.add("DELETE", "/api/v1/cooperatives/{id}/products/{pid}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      core::delete_product(c, caller.actor, id_param(req, "id"), id_param(req, "pid"));
      http::Response res;
      res.status = 204;
      return res;
    });
  });

  r.add("GET", "/api/v1/cooperatives/{id}/contracts", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto contracts = core::list_contracts(c, caller.actor, id_param(req, "id"));
      json::array items;
      for (const auto& k : contracts) items.push_back(contract_json(k));
      return json_response(200, whole_list(std::move(items)));
    });
  });

  r.add("POST", "/api/v1/cooperatives/{id}/contracts", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto body = parse_body_object(req);
      JsonInput in(body, {"partner", "product", "volume", "valid_from", "valid_to"});
      domain::OfftakeContract k;
      k.cooperative_id = id_param(req, "id");
      k.partner = in.string("partner", 200, true).value_or("");
      k.product = in.string("product", 200, true).value_or("");
      k.volume = in.string("volume", 100, true).value_or("");
      k.valid_from = in.date("valid_from", true).value_or(domain::Date{});
      k.valid_to = in.date("valid_to", true).value_or(domain::Date{});
      in.finish();
      auto created = core::create_contract(c, caller.actor, k);
      return json_response(201, contract_json(created));
    });
  });
}

}  // namespace hoptac::api
