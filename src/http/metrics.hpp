#pragma once
// Request counters by route and status and a latency histogram, in Prometheus text format.
#include <array>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace hoptac::http {

class Metrics {
 public:
  void record(const std::string& method, const std::string& route, int status, double seconds);
  std::string prometheus() const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5,   5.0};
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> latency_;  // by route
};

}  // namespace hoptac::http
