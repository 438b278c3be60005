#include "http/metrics.hpp"

#include <sstream>

namespace hoptac::http {

namespace {
// Label values come from a fixed set: a client's odd method cannot make a new series.
const std::string& method_label(const std::string& method) {
  static const std::string known[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
  static const std::string other = "OTHER";
  for (const auto& k : known)
    if (k == method) return k;
  return other;
}
}  // namespace

void Metrics::record(const std::string& method, const std::string& route, int status,
                     double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{method_label(method), route, status}];
  auto& h = latency_[route];
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::prometheus() const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  out << "# HELP hoptac_http_requests_total HTTP requests by method, route and status.\n"
      << "# TYPE hoptac_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [method, route, status] = key;
    out << "hoptac_http_requests_total{method=\"" << method << "\",route=\"" << route
        << "\",status=\"" << status << "\"} " << n << "\n";
  }
  out << "# HELP hoptac_http_request_duration_seconds Time from a request read to its response.\n"
      << "# TYPE hoptac_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    for (size_t i = 0; i < kBuckets.size(); ++i)
      out << "hoptac_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
          << kBuckets[i] << "\"} " << h.buckets[i] << "\n";
    out << "hoptac_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} "
        << h.count << "\n";
    out << "hoptac_http_request_duration_seconds_sum{route=\"" << route << "\"} " << h.sum << "\n";
    out << "hoptac_http_request_duration_seconds_count{route=\"" << route << "\"} " << h.count
        << "\n";
  }
  return out.str();
}

}  // namespace hoptac::http
