// http::Router::match, run for every request before its handler (and for every static file of
// the web application, which it misses). It splits the path and scans every route, so its cost
// grows with the route table; items are requests routed.
//
// The real table is registered by api::register_all_routes(Router&, ApiContext&), and an
// ApiContext holds a store::Database&, so building it needs a database and the whole API, core
// and store libraries. Instead this is a copy of the real table — the same 68 patterns, in the
// order src/api/*_routes.cpp registers them — with handlers that do nothing. Keep it in step
// when routes are added.
#include <benchmark/benchmark.h>

#include <string>
#include <utility>
#include <vector>

#include "http/router.hpp"

namespace {

using hoptac::http::Request;
using hoptac::http::Response;
using hoptac::http::Router;

const std::vector<std::pair<const char*, const char*>> kRoutes = {
    // system_routes.cpp
    {"GET", "/healthz"},
    {"GET", "/readyz"},
    {"GET", "/metrics"},
    {"GET", "/api/openapi.json"},
    // session_routes.cpp
    {"POST", "/api/v1/session"},
    {"GET", "/api/v1/session"},
    {"DELETE", "/api/v1/session"},
    // reference_routes.cpp
    {"GET", "/api/v1/admin-units"},
    {"GET", "/api/v1/agencies"},
    // cooperative_routes.cpp
    {"POST", "/api/v1/cooperatives/import"},
    {"GET", "/api/v1/cooperatives/export"},
    {"GET", "/api/v1/cooperatives"},
    {"POST", "/api/v1/cooperatives"},
    {"GET", "/api/v1/cooperatives/{id}"},
    {"PATCH", "/api/v1/cooperatives/{id}"},
    {"GET", "/api/v1/cooperatives/{id}/years"},
    {"PUT", "/api/v1/cooperatives/{id}/years/{year}"},
    {"GET", "/api/v1/cooperatives/{id}/products"},
    {"POST", "/api/v1/cooperatives/{id}/products"},
    {"PATCH", "/api/v1/cooperatives/{id}/products/{pid}"},
    {"DELETE", "/api/v1/cooperatives/{id}/products/{pid}"},
    {"GET", "/api/v1/cooperatives/{id}/contracts"},
    {"POST", "/api/v1/cooperatives/{id}/contracts"},
    // petition_routes.cpp
    {"GET", "/api/v1/categories"},
    {"GET", "/api/v1/holidays"},
    {"GET", "/api/v1/petitions"},
    {"POST", "/api/v1/petitions"},
    {"GET", "/api/v1/petitions/{id}"},
    {"PATCH", "/api/v1/petitions/{id}"},
    {"POST", "/api/v1/petitions/{id}/transitions"},
    {"POST", "/api/v1/petitions/bulk-transitions"},
    {"GET", "/api/v1/petitions/{id}/history"},
    {"POST", "/api/v1/petitions/{id}/attachments"},
    {"GET", "/api/v1/petitions/{id}/attachments/{aid}"},
    {"GET", "/api/v1/public/petitions"},
    {"GET", "/api/v1/public/petitions/{code}"},
    {"GET", "/api/v1/batches"},
    {"POST", "/api/v1/batches"},
    {"GET", "/api/v1/batches/{id}"},
    // conference_routes.cpp
    {"GET", "/api/v1/conferences"},
    {"POST", "/api/v1/conferences"},
    {"GET", "/api/v1/conferences/{id}"},
    {"PATCH", "/api/v1/conferences/{id}"},
    {"GET", "/api/v1/directives"},
    {"POST", "/api/v1/directives"},
    {"GET", "/api/v1/directives/{id}"},
    {"POST", "/api/v1/directives/{id}/reports"},
    {"GET", "/api/v1/notifications"},
    {"POST", "/api/v1/notifications/{id}/read"},
    // planning_routes.cpp
    {"GET", "/api/v1/indicators"},
    {"GET", "/api/v1/plans/{year}"},
    {"PUT", "/api/v1/plans/{year}"},
    {"GET", "/api/v1/schemes"},
    {"POST", "/api/v1/schemes"},
    {"GET", "/api/v1/schemes/{id}"},
    {"GET", "/api/v1/schemes/{id}/progress"},
    {"GET", "/api/v1/dashboard"},
    {"GET", "/api/v1/award-campaigns"},
    {"POST", "/api/v1/award-campaigns"},
    {"GET", "/api/v1/award-campaigns/{id}"},
    {"POST", "/api/v1/award-campaigns/{id}/nominations"},
    {"POST", "/api/v1/nominations/{id}/review"},
    {"POST", "/api/v1/award-campaigns/{id}/decision"},
    {"GET", "/api/v1/awards"},
    {"GET", "/api/v1/reports/{kind}"},
    {"POST", "/api/v1/reports/{kind}/jobs"},
    {"GET", "/api/v1/jobs/{id}"},
    {"GET", "/api/v1/jobs/{id}/file"},
};

const Router& real_router() {
  static const Router r = [] {
    Router router;
    for (const auto& [method, pattern] : kRoutes)
      router.add(method, pattern, [](Request&) { return Response{}; });
    return router;
  }();
  return r;
}

// One request shape, routed again and again. A fresh Request's params are empty, so they are
// cleared each time: filling them is part of the cost.
void BM_Route(benchmark::State& state, const char* method, const char* path) {
  const Router& router = real_router();
  Request req;
  req.method = method;
  req.path = path;
  bool found = false;
  for (auto _ : state) {
    req.params.clear();
    auto m = router.match(req);
    found = m.handler != nullptr;
    benchmark::DoNotOptimize(m);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(found ? "match" : "no handler");
}

BENCHMARK_CAPTURE(BM_Route, healthz, "GET", "/healthz");
BENCHMARK_CAPTURE(BM_Route, petitions_list, "GET", "/api/v1/petitions");
BENCHMARK_CAPTURE(BM_Route, petition_by_id, "GET", "/api/v1/petitions/123456");
BENCHMARK_CAPTURE(BM_Route, petition_transition, "POST", "/api/v1/petitions/123456/transitions");
// Literal beats parameter: /cooperatives/export over /cooperatives/{id}.
BENCHMARK_CAPTURE(BM_Route, cooperatives_export, "GET", "/api/v1/cooperatives/export");
BENCHMARK_CAPTURE(BM_Route, cooperative_year_2_params, "PUT",
                  "/api/v1/cooperatives/4012/years/2024");
// A file of the web application: no route, the server then tries the static files.
BENCHMARK_CAPTURE(BM_Route, static_asset_miss, "GET", "/assets/index-4f3c2a1b.js");
// The path exists with other methods: 405 with Allow.
BENCHMARK_CAPTURE(BM_Route, method_not_allowed, "DELETE", "/api/v1/petitions/123456");

// A mix of the above in rough traffic proportions, so that branch prediction does not learn a
// single path: mostly reads of lists and records, some writes, some static files.
void BM_RouteMix(benchmark::State& state) {
  const Router& router = real_router();
  const std::vector<std::pair<const char*, const char*>> mix = {
      {"GET", "/api/v1/petitions"},
      {"GET", "/api/v1/petitions/123456"},
      {"GET", "/api/v1/cooperatives"},
      {"GET", "/api/v1/cooperatives/4012"},
      {"GET", "/api/v1/public/petitions"},
      {"GET", "/api/v1/session"},
      {"GET", "/api/v1/notifications"},
      {"POST", "/api/v1/petitions/123456/transitions"},
      {"GET", "/api/v1/dashboard"},
      {"GET", "/assets/index-4f3c2a1b.js"},
      {"GET", "/api/v1/petitions/123456/history"},
      {"PATCH", "/api/v1/cooperatives/4012/products/88"},
      {"GET", "/healthz"},
      {"GET", "/api/v1/reports/petitions-by-agency"},
      {"GET", "/api/v1/cooperatives/4012/years"},
      {"GET", "/favicon.ico"},
  };
  std::vector<Request> reqs(mix.size());
  for (size_t i = 0; i < mix.size(); ++i) {
    reqs[i].method = mix[i].first;
    reqs[i].path = mix[i].second;
  }
  size_t i = 0;
  for (auto _ : state) {
    Request& req = reqs[i];
    i = (i + 1) % reqs.size();
    req.params.clear();
    auto m = router.match(req);
    benchmark::DoNotOptimize(m);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RouteMix);

}  // namespace
