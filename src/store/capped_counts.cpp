#include "store/capped_counts.hpp"

#include <chrono>
#include <unordered_map>

namespace hoptac::store::capped_counts {

namespace {
using Clock = std::chrono::steady_clock;
constexpr auto kFor = std::chrono::seconds(30);
constexpr std::size_t kMostKept = 4096;  // then forgotten all at once: a bounded map

std::unordered_map<std::string, Clock::time_point>& mine() {
  thread_local std::unordered_map<std::string, Clock::time_point> seen;
  return seen;
}
}  // namespace

bool recently_over(const std::string& key) {
  auto& seen = mine();
  auto it = seen.find(key);
  if (it == seen.end()) return false;
  if (Clock::now() - it->second < kFor) return true;
  seen.erase(it);
  return false;
}

void remember_over(const std::string& key) {
  auto& seen = mine();
  if (seen.size() >= kMostKept) seen.clear();
  seen[key] = Clock::now();
}

}  // namespace hoptac::store::capped_counts
