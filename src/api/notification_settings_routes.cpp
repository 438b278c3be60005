// /api/v1/notification-settings: when deadline reminders go out and when an overdue petition
// is reported to the leaders (the admin's).
#include "api/context.hpp"
#include "api/json_io.hpp"
#include "core/notification_settings.hpp"

namespace hoptac::api {

namespace {
json::object settings_json(const core::ReminderSettings& s) {
  return json::object{{"reminder_working_days", s.reminder_working_days},
                      {"escalation_working_days", s.escalation_working_days}};
}
}  // namespace

void register_notification_settings_routes(http::Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/notification-settings", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput in(req, {});
      in.finish();
      return json_response(200, settings_json(core::get_reminder_settings(c, caller.actor)));
    });
  });

  r.add("PUT", "/api/v1/notification-settings", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto body = parse_body_object(req);
      JsonInput in(body, {"reminder_working_days", "escalation_working_days"});
      core::ReminderSettingsInput s;
      s.reminder_working_days = in.integer("reminder_working_days", true);
      s.escalation_working_days = in.integer("escalation_working_days", true);
      s.problems = in.problems();  // after the role check, in core
      return json_response(200, settings_json(core::set_reminder_settings(c, caller.actor, s)));
    });
  });
}

}  // namespace hoptac::api
