#pragma once
// Request counters by route and status and a latency histogram, in Prometheus text format.
// Each thread counts in a shard of its own (no lock shared by the threads that answer
// requests); a scrape adds the shards up.
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace hoptac::http {

class Metrics {
 public:
  Metrics();
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
  struct Counts {
    std::map<std::tuple<std::string, std::string, int>, uint64_t> requests;
    std::map<std::string, Histogram> latency;  // by route
  };
  struct Shard {
    std::mutex mutex;  // taken by its own thread, and by a scrape
    Counts counts;
  };
  Shard& shard();
  Counts total() const;

  uint64_t id_;  // tells this instance's shards from another's in a thread's cache
  mutable std::mutex shards_mutex_;  // only when a thread records for the first time
  std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace hoptac::http
