#include "core/clock.hpp"

#include <chrono>
#include <ctime>

namespace hoptac::core {

std::string iso_from_now(long seconds) {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) + seconds;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int64_t now_unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string now_iso() {
  return iso_from_now(0);
}

}  // namespace hoptac::core
