#include "http/message.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <strings.h>

namespace hoptac::http {

std::optional<std::string_view> Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return std::string_view(v);
  return std::nullopt;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  for (const auto& [k, v] : query)
    if (k == name) return v;
  return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  auto h = header("cookie");
  if (!h) return std::nullopt;
  std::string_view rest = *h;
  while (!rest.empty()) {
    auto semi = rest.find(';');
    std::string_view part = rest.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name)
      return std::string(part.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    rest.remove_prefix(semi + 1);
  }
  return std::nullopt;
}

std::optional<std::string_view> Response::find_header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k.size() == name.size() && strncasecmp(k.data(), name.data(), k.size()) == 0)
      return std::string_view(v);
  return std::nullopt;
}

namespace {
bool trusted(const std::vector<std::string>& list, std::string_view address) {
  for (const auto& t : list)
    if (t == address) return true;
  return false;
}
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

void apply_forwarding(Request& r, const std::vector<std::string>& trusted_proxies) {
  r.client = r.remote;
  r.https = false;
  if (!trusted(trusted_proxies, r.remote)) return;
  // The right-most address that is not one of our proxies is the client (RFC 7239 §5.2).
  if (auto xff = r.header("x-forwarded-for")) {
    std::string_view rest = *xff;
    while (!rest.empty()) {
      auto comma = rest.rfind(',');
      std::string_view hop = trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
      if (hop.empty() || hop.size() > 64) break;
      r.client = std::string(hop);
      if (!trusted(trusted_proxies, hop)) break;
    }
  }
  if (auto proto = r.header("x-forwarded-proto")) r.https = trim(*proto) == "https";
}

bool parse_target(Request& r) {
  auto parsed = boost::urls::parse_origin_form(r.target);
  if (!parsed) {
    r.path = r.target.substr(0, r.target.find('?'));
    return false;
  }
  boost::urls::url_view u = *parsed;
  r.path = std::string(u.path());  // decoded
  for (auto param : u.params()) r.query.emplace_back(param.key, param.value);
  return true;
}

}  // namespace hoptac::http
