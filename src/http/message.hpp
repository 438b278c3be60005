#pragma once
// Plain HTTP request and response values. The server converts Beast's messages to and from
// these, so that only src/http/server.cpp compiles Beast.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hoptac::http {

struct Request {
  std::string method;                                        // "GET"
  std::string target;                                        // "/api/v1/cooperatives?q=tai"
  std::string path;                                          // decoded path, "/api/v1/cooperatives"
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::map<std::string, std::string> params;                 // from the route pattern
  std::string body;
  std::string id;           // this request's id, also sent back as X-Request-Id
  std::string remote;       // the peer's address
  std::string client;       // the client's address: the peer's, or what a trusted proxy says
  bool https = false;       // a trusted proxy says the client used TLS
  bool query_valid = true;  // false when the target could not be decoded

  std::optional<std::string_view> header(std::string_view lower_name) const;
  std::optional<std::string> query_param(std::string_view name) const;
  std::optional<std::string> cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string route;  // the matched route pattern, for logs and metrics

  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  std::optional<std::string_view> find_header(std::string_view name) const;
};

// Sets client and https from X-Forwarded-For / X-Forwarded-Proto when the peer is one of
// `trusted_proxies`; otherwise the client is the peer and https is false.
void apply_forwarding(Request& r, const std::vector<std::string>& trusted_proxies);

// Splits and decodes an origin-form target into path and query; false when malformed.
bool parse_target(Request& r);

}  // namespace hoptac::http
