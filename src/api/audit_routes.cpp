// GET /api/v1/audit and /api/v1/audit/export: who did what, filtered; CSV for the export.
#include "api/context.hpp"
#include "api/json_io.hpp"
#include "core/audit.hpp"

namespace hoptac::api {

namespace {
core::AuditQuery audit_filter(const http::Request& req, bool paged) {
  QueryInput in(req,
                {"user", "kind", "object_type", "object_id", "from", "to", "page", "per_page"});
  core::AuditQuery f;
  // A user by id, or by the username as the entries keep it (also a failed sign-in's).
  if (auto user = in.string("user", 64)) {
    if (!user->empty() && user->size() <= 15 &&
        user->find_first_not_of("0123456789") == std::string::npos)
      f.user_id = std::stoll(*user);
    else
      f.username = *user;
  }
  f.kind = in.one_of(
      "kind", {"sign_in", "sign_in_failed", "sign_out", "create", "update", "delete", "action"});
  f.object_type = in.string("object_type", 40);
  f.object_id = in.string("object_id", 40);
  if (auto d = in.date("from")) f.from = d->iso();
  if (auto d = in.date("to")) f.to = d->iso();
  if (paged) {
    f.page = in.page();
    f.per_page = in.per_page(50);
  }
  in.finish();
  return f;
}
}  // namespace

void register_audit_routes(http::Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/audit", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto f = audit_filter(req, true);
      int64_t total = 0;
      auto rows = core::list_audit(c, caller.actor, f, &total);
      check_page_in_range(total, f.page, f.per_page);
      json::array items;
      for (const auto& e : rows)
        items.push_back(json::object{
            {"id", e.id},
            {"at", e.at},
            {"user", e.user_id
                         ? json::value(json::object{{"id", *e.user_id}, {"username", e.username}})
                         : json::value(nullptr)},
            {"username", e.username},
            {"address", e.address},
            {"kind", e.kind},
            {"object_type", e.object_type},
            {"object_id", e.object_id},
            {"summary", e.summary},
            {"hash", e.hash}});
      return json_response(200, page_envelope(std::move(items), total, f.page, f.per_page));
    });
  });

  r.add("GET", "/api/v1/audit/export", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      http::Response res;
      res.body = core::audit_csv(c, caller.actor, audit_filter(req, false));
      res.header("Content-Type", "text/csv; charset=utf-8");
      res.header("Content-Disposition", "attachment; filename=\"nhat-ky.csv\"");
      return res;
    });
  });
}

}  // namespace hoptac::api
