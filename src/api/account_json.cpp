#include "api/account_json.hpp"

#include "http/message.hpp"

namespace hoptac::api {

namespace json = boost::json;

namespace {
json::value opt(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}
json::value opt(const std::optional<int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
}  // namespace

json::object account_json(const core::Account& a) {
  json::object o{{"id", a.id},
                 {"username", a.username},
                 {"display_name", a.display_name},
                 {"email", opt(a.email)},
                 {"phone", opt(a.phone)},
                 {"role", a.role},
                 {"agency_id", opt(a.agency_id)},
                 {"cooperative_id", opt(a.cooperative_id)},
                 {"agency", nullptr},
                 {"cooperative", nullptr},
                 {"status", a.status},
                 {"created_at", a.created_at},
                 {"activated_at", opt(a.activated_at)},
                 {"disabled_at", opt(a.disabled_at)},
                 {"totp_enabled", a.totp_enabled}};
  if (a.agency_id && a.agency_name)
    o["agency"] =
        json::object{{"id", *a.agency_id}, {"code", *a.agency_code}, {"name", *a.agency_name}};
  if (a.cooperative_id && a.cooperative_name)
    o["cooperative"] = json::object{{"id", *a.cooperative_id}, {"name", *a.cooperative_name}};
  return o;
}

json::object link_json(const core::OneTimeLink& l) {
  return {
      {"token", l.token}, {"path", l.path}, {"purpose", l.purpose}, {"expires_at", l.expires_at}};
}

json::object token_json(const core::TokenView& t, bool with_user) {
  json::object o{{"id", t.id},
                 {"name", t.name},
                 {"created_at", t.created_at},
                 {"expires_on", opt(t.expires_on)}};
  if (with_user)
    o["user"] =
        json::object{{"id", t.user_id}, {"username", t.username}, {"display_name", t.display_name}};
  return o;
}

http::Response no_content() {
  http::Response res;
  res.status = 204;
  return res;
}

}  // namespace hoptac::api
