// Operations endpoints and the API document.
#include "api/context.hpp"
#include "api/json_io.hpp"
#include "assets/assets.hpp"

namespace hoptac::api {

void register_system_routes(http::Router& r, ApiContext& ctx) {
  r.add("GET", "/healthz", [](http::Request&) {
    return json_response(200, json::object{{"status", "ok"}});
  });

  r.add("GET", "/readyz", [&ctx](http::Request&) {
    try {
      auto c = ctx.db.acquire();
      auto st = c->prepare("SELECT 1");
      st.step();
      return json_response(200, json::object{{"status", "ready"}});
    } catch (const std::exception&) {
      return json_response(503, json::object{{"status", "database unavailable"}});
    }
  });

  r.add("GET", "/metrics", [&ctx](http::Request&) {
    http::Response res;
    res.header("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    res.body = ctx.metrics.prometheus();
    return res;
  });

  r.add("GET", "/api/openapi.json", [](http::Request&) {
    http::Response res;
    res.header("Content-Type", "application/json; charset=utf-8");
    res.body = std::string(assets::openapi_document());
    return res;
  });
}

}  // namespace hoptac::api
