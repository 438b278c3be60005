#include "domain/sign_in_throttle.hpp"

#include <algorithm>

namespace hoptac::domain {

int64_t throttle_seconds(int64_t failures, int free) {
  if (failures < free) return 0;
  const int64_t doublings = failures - free;
  if (doublings >= 10) return kMaxThrottleSeconds;  // 5 * 2^10 s is past the cap already
  return std::min<int64_t>(kMaxThrottleSeconds, kFirstThrottleSeconds << doublings);
}

int64_t sign_in_wait_ms(const FailureCount& by_address, const FailureCount& by_username,
                        int64_t now_ms) {
  auto remaining = [now_ms](const FailureCount& f, int free) {
    return std::max<int64_t>(0, f.last_ms + throttle_seconds(f.count, free) * 1000 - now_ms);
  };
  int64_t wait = remaining(by_address, kFreeFailuresPerAddress);
  if (by_address.count > 0)  // a clean address is never held back by others' failures
    wait = std::max(wait, remaining(by_username, kFreeFailuresPerUsername));
  return wait;
}

}  // namespace hoptac::domain
