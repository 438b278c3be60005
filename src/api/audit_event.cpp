#include "api/audit_event.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace hoptac::api {

namespace json = boost::json;

namespace {
constexpr std::size_t kMaxSummary = 4000;

bool is_secret_key(std::string_view k) {
  for (std::string_view s : {"password", "token", "secret", "code"})
    if (k.find(s) != std::string_view::npos) return true;
  return false;
}

void redact(json::value& v) {
  if (auto* o = v.if_object()) {
    for (auto& [k, x] : *o)
      if (is_secret_key(k))
        x = "***";
      else
        redact(x);
  } else if (auto* a = v.if_array()) {
    for (auto& x : *a) redact(x);
  }
}

// At most `n` bytes, not cutting a UTF-8 character in two.
std::string cut(std::string s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  s.resize(n);
  return s + "…";
}

std::string what_changed(const http::Request& req) {
  if (req.body.empty()) return "";
  auto type = req.header("content-type").value_or("");
  if (type.find("json") == std::string_view::npos)
    return "(" + std::to_string(req.body.size()) + " bytes, " + std::string(type.substr(0, 80)) +
           ")";
  boost::system::error_code ec;
  json::value v = json::parse(req.body, ec);
  if (ec) return "(not JSON)";
  redact(v);
  return json::serialize(v);
}

std::string object_id(const http::Request& req) {
  for (const char* name : {"id", "code", "year", "day", "kind"})
    if (auto it = req.params.find(name); it != req.params.end()) return it->second;
  return "";
}

// "/api/v1/petitions/12/transitions" → "petitions"; a one-time link's token never enters.
std::string object_type(const http::Request& req) {
  std::string_view p = req.path;
  constexpr std::string_view prefix = "/api/v1/";
  if (p.substr(0, prefix.size()) != prefix) return "";
  p.remove_prefix(prefix.size());
  std::string type(p.substr(0, p.find('/')));
  if (type == "me" || type == "account-links") return "users";
  return type;
}

std::string kind_of(const http::Request& req, bool has_object) {
  if (req.method == "PATCH" || req.method == "PUT") return "update";
  if (req.method == "DELETE") return "delete";
  return has_object ? "action" : "create";
}

std::string shown_path(const http::Request& req) {
  if (req.params.count("token")) return "/api/v1/account-links/…";
  return req.path.substr(0, 300);
}
}  // namespace

core::AuditEvent audit_event(const http::Request& req, const Caller& caller) {
  core::AuditEvent e;
  if (caller.actor) {
    e.user_id = caller.actor->user_id;
    e.username = caller.actor->username;
  }
  e.address = req.client;
  e.object_type = object_type(req);
  e.object_id = req.params.count("token") ? "" : object_id(req);
  if (e.object_type == "users" && req.path.rfind("/api/v1/me", 0) == 0 && caller.actor)
    e.object_id = std::to_string(caller.actor->user_id);
  e.kind = kind_of(req, !e.object_id.empty() || req.params.count("token"));
  std::string body = what_changed(req);
  e.summary =
      cut(req.method + " " + shown_path(req) + (body.empty() ? "" : " " + body), kMaxSummary);
  return e;
}

}  // namespace hoptac::api
