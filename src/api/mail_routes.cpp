// /api/v1/outbox: the admin's view of the e-mail outbox; /api/v1/me/notification-settings:
// one's own choice of how each kind of notification comes by e-mail.
#include "api/context.hpp"
#include "api/json_io.hpp"
#include "core/notification_preferences.hpp"
#include "core/outbox_admin.hpp"

namespace hoptac::api {

namespace {

json::value text_or_null(const std::string& s) {
  return s.empty() ? json::value(nullptr) : json::value(s);
}

// Without the bodies: the list is for states; one e-mail's page shows what it says.
json::object outbox_json(const domain::OutboxEntry& e, bool with_bodies) {
  json::object o{
      {"id", e.id},
      {"kind", e.kind},
      {"state", e.state},
      {"attempts", e.attempts},
      {"user",
       json::object{{"id", e.user_id}, {"username", e.username}, {"display_name", e.display_name}}},
      {"recipient", text_or_null(e.recipient)},
      {"subject", text_or_null(e.subject)},
      {"message_id", text_or_null(e.message_id)},
      {"last_error", text_or_null(e.last_error)},
      {"created_at", e.created_at},
      {"next_attempt_at", e.next_attempt_at},
      {"sent_at", text_or_null(e.sent_at)}};
  if (e.notification_id) o["notification_id"] = *e.notification_id;
  if (!e.period.empty()) o["period"] = e.period;
  if (with_bodies) {
    o["body_text"] = text_or_null(e.body_text);
    o["body_html"] = text_or_null(e.body_html);
  }
  return o;
}

json::object settings_json(const core::NotificationSettings& s) {
  json::array kinds;
  for (const auto& k : s.kinds)
    kinds.push_back(
        json::object{{"kind", k.kind->code},
                     {"label_vi", k.kind->label_vi},
                     {"label_en", k.kind->label_en},
                     {"delivery", domain::to_string(k.delivery)},
                     {"default_delivery", domain::to_string(k.kind->default_delivery)}});
  return json::object{
      {"language", s.language}, {"email", text_or_null(s.email)}, {"kinds", std::move(kinds)}};
}

void add_outbox_routes(http::Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/outbox", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput q(req, {"state", "user_id", "page", "per_page"});
      core::OutboxQuery oq;
      oq.state = q.one_of("state", {"pending", "sending", "sent", "failed", "skipped"});
      oq.user_id = q.integer("user_id", 1, INT64_MAX);
      oq.page = q.page();
      oq.per_page = q.per_page(50);
      q.finish();
      auto page = core::list_outbox(c, caller.actor, oq);
      json::array items;
      for (const auto& e : page.items) items.push_back(outbox_json(e, false));
      json::object counts;
      for (const auto& [state, n] : page.counts) counts[state] = n;
      return json_response(
          200, json::object{{"items", std::move(items)},
                            {"total", page.total},
                            {"page", oq.page},
                            {"per_page", oq.per_page},
                            {"counts", std::move(counts)},
                            {"smtp", json::object{{"configured", ctx.mail.configured},
                                                  {"server", text_or_null(ctx.mail.server)}}}});
    });
  });

  r.add("GET", "/api/v1/outbox/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto e = core::outbox_entry(c, caller.actor, id_param(req, "id"));
      return json_response(200, outbox_json(e, true));
    });
  });

  r.add("POST", "/api/v1/outbox/{id}/retry", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto e = core::retry_outbox_entry(c, caller.actor, id_param(req, "id"));
      ctx.wake_mail();
      return json_response(200, outbox_json(e, false));
    });
  });
}

void add_settings_routes(http::Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/me/notification-settings", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      return json_response(200, settings_json(core::my_notification_settings(c, caller.actor)));
    });
  });

  r.add("PUT", "/api/v1/me/notification-settings", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto body = parse_body_object(req);
      JsonInput in(body, {"language", "kinds"});
      core::NotificationSettingsChange change;
      change.language = in.string("language", 2, false);
      if (const auto* kinds = in.object("kinds", false)) {
        if (kinds->size() > 64)
          in.problems().add("kinds", "Quá nhiều loại thông báo", "Too many kinds");
        else
          for (const auto& [key, value] : *kinds) {
            if (key.size() > 40 || !value.is_string())
              in.problems().add("kinds", "Mỗi loại là tên loại và 'immediate', 'daily' hoặc 'off'",
                                "Each kind is a kind's name and 'immediate', 'daily' or 'off'");
            else
              change.kinds[std::string(key)] = std::string(value.as_string());
          }
      }
      in.finish();
      return json_response(
          200, settings_json(core::change_my_notification_settings(c, caller.actor, change)));
    });
  });
}

}  // namespace

void register_mail_routes(http::Router& r, ApiContext& ctx) {
  add_outbox_routes(r, ctx);
  add_settings_routes(r, ctx);
}

}  // namespace hoptac::api
