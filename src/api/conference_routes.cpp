// /api/v1/conferences, /api/v1/directives and /api/v1/notifications.
#include "api/context.hpp"
#include "api/json_io.hpp"
#include "api/petition_json.hpp"
#include "core/conferences.hpp"
#include "core/notify.hpp"

namespace hoptac::api {

namespace {

core::ConferenceInput conference_input(const json::object& body, bool create) {
  JsonInput in(body, {"title", "held_on", "venue", "chair_name", "chair_title", "host_agency_id",
                      "agency_ids", "cooperative_ids", "status", "minutes"});
  core::ConferenceInput k;
  k.title = in.string("title", 300, create);
  k.held_on = in.date("held_on", create);
  k.venue = in.string("venue", 300, false);
  k.chair_name = in.string("chair_name", 100, false);
  k.chair_title = in.string("chair_title", 200, false);
  if (in.has("host_agency_id")) {
    auto v = in.integer("host_agency_id", false, 1);
    k.host_agency_id = in.is_null("host_agency_id") ? std::optional<int64_t>() : v;
  }
  k.agency_ids = in.integers("agency_ids", 100, false);
  k.cooperative_ids = in.integers("cooperative_ids", 1000, false);
  k.status = in.string("status", 20, false);
  k.minutes = in.string("minutes", 50000, false);
  in.finish();
  return k;
}

}  // namespace

void register_conference_routes(http::Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/conferences", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput in(req, {"page", "per_page"});
      int page = in.page(), per_page = in.per_page(20);
      in.finish();
      int64_t total = 0;
      auto rows = core::list_conferences(c, caller.actor, page, per_page, &total);
      check_page_in_range(total, page, per_page);
      json::array items;
      for (const auto& k : rows) items.push_back(conference_json(k));
      return json_response(200, page_envelope(std::move(items), total, page, per_page));
    });
  });

  r.add("POST", "/api/v1/conferences", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto k =
          core::create_conference(c, caller.actor, conference_input(parse_body_object(req), true));
      auto res = with_etag(json_response(201, conference_json(k)), k.version);
      res.header("Location", "/api/v1/conferences/" + std::to_string(k.id));
      return res;
    });
  });

  r.add("GET", "/api/v1/conferences/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto k = core::get_conference(c, caller.actor, id_param(req, "id"));
      return with_etag(json_response(200, conference_json(k)), k.version);
    });
  });

  r.add("PATCH", "/api/v1/conferences/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto input = conference_input(parse_body_object(req), false);
      auto k = core::update_conference(c, caller.actor, id_param(req, "id"), input,
                                       if_match_version(req));
      return with_etag(json_response(200, conference_json(k)), k.version);
    });
  });

  r.add("GET", "/api/v1/directives", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput in(req, {"agency", "conference", "status", "page", "per_page"});
      auto agency = in.integer("agency", 1, INT64_MAX / 2);
      auto conference = in.integer("conference", 1, INT64_MAX / 2);
      auto status = in.one_of("status", {"open", "in_progress", "done"});
      int page = in.page(), per_page = in.per_page(20);
      in.finish();
      int64_t total = 0;
      auto rows = core::list_directives(c, caller.actor, agency, conference, status, page, per_page,
                                        &total);
      check_page_in_range(total, page, per_page);
      json::array items;
      for (const auto& d : rows) items.push_back(directive_json(d));
      return json_response(200, page_envelope(std::move(items), total, page, per_page));
    });
  });

  r.add("POST", "/api/v1/directives", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto body = parse_body_object(req);
      JsonInput in(body, {"content", "assignee_agency_id", "due_on", "conference_id"});
      core::DirectiveInput d;
      d.content = in.string("content", 5000, true);
      d.assignee_agency_id = in.integer("assignee_agency_id", true, 1);
      d.due_on = in.date("due_on", true);
      d.conference_id = in.integer("conference_id", false, 1);
      in.finish();
      auto created = core::create_directive(c, caller.actor, d);
      return created_response(directive_json(created),
                              "/api/v1/directives/" + std::to_string(created.id));
    });
  });

  r.add("GET", "/api/v1/directives/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      return json_response(
          200, directive_json(core::get_directive(c, caller.actor, id_param(req, "id"))));
    });
  });

  r.add("POST", "/api/v1/directives/{id}/reports", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto body = parse_body_object(req);
      JsonInput in(body, {"text", "status"});
      auto text = in.string("text", 5000, true);
      auto status = in.string("status", 20, false);
      in.finish();
      auto d = core::report_on_directive(c, caller.actor, id_param(req, "id"), text, status);
      return json_response(201, directive_json(d));
    });
  });

  r.add("GET", "/api/v1/notifications", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput in(req, {"unread", "page", "per_page"});
      bool unread_only = in.flag("unread");
      int page = in.page(), per_page = in.per_page(20);
      in.finish();
      int64_t total = 0, unread = 0;
      auto rows =
          core::list_notifications(c, caller.actor, unread_only, page, per_page, &total, &unread);
      check_page_in_range(total, page, per_page);
      json::array items;
      for (const auto& n : rows) items.push_back(notification_json(n, wants_english(req)));
      auto body = page_envelope(std::move(items), total, page, per_page);
      body["unread"] = unread;
      return json_response(200, body);
    });
  });

  r.add("POST", "/api/v1/notifications/{id}/read", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      core::mark_notification_read(c, caller.actor, id_param(req, "id"));
      http::Response res;
      res.status = 204;
      return res;
    });
  });
}

}  // namespace hoptac::api
