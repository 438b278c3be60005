#include "http/metrics.hpp"

#include <atomic>
#include <sstream>
#include <utility>

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

std::atomic<uint64_t> next_id{1};
}  // namespace

Metrics::Metrics() : id_(next_id.fetch_add(1)) {}

Metrics::Shard& Metrics::shard() {
  // A thread's shards, by instance id (ids are never reused, so a stale entry is never found).
  thread_local std::vector<std::pair<uint64_t, Shard*>> mine;
  for (auto& [id, s] : mine)
    if (id == id_) return *s;
  std::lock_guard lock(shards_mutex_);
  shards_.push_back(std::make_unique<Shard>());
  mine.emplace_back(id_, shards_.back().get());
  return *shards_.back();
}

void Metrics::record(const std::string& method, const std::string& route, int status,
                     double seconds) {
  Shard& s = shard();
  std::lock_guard lock(s.mutex);
  ++s.counts.requests[{method_label(method), route, status}];
  auto& h = s.counts.latency[route];
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

Metrics::Counts Metrics::total() const {
  Counts all;
  std::lock_guard lock(shards_mutex_);
  for (const auto& s : shards_) {
    std::lock_guard shard_lock(s->mutex);
    for (const auto& [key, n] : s->counts.requests) all.requests[key] += n;
    for (const auto& [route, h] : s->counts.latency) {
      auto& sum = all.latency[route];
      for (size_t i = 0; i < kBuckets.size(); ++i) sum.buckets[i] += h.buckets[i];
      sum.count += h.count;
      sum.sum += h.sum;
    }
  }
  return all;
}

std::string Metrics::prometheus() const {
  const Counts all = total();
  std::ostringstream out;
  out << "# HELP hoptac_http_requests_total HTTP requests by method, route and status.\n"
      << "# TYPE hoptac_http_requests_total counter\n";
  for (const auto& [key, n] : all.requests) {
    const auto& [method, route, status] = key;
    out << "hoptac_http_requests_total{method=\"" << method << "\",route=\"" << route
        << "\",status=\"" << status << "\"} " << n << "\n";
  }
  out << "# HELP hoptac_http_request_duration_seconds Time from a request read to its response.\n"
      << "# TYPE hoptac_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : all.latency) {
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
