#include "app/environment.hpp"

#include <cerrno>
#include <cstdlib>
#include <iostream>

namespace hoptac::app {

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

int env_whole(const char* name, int fallback, long min, long max, const char* unit) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == 0) return fallback;
  char* end = nullptr;
  errno = 0;
  long x = std::strtol(v, &end, 10);
  if (errno != 0 || *end != 0 || x < min || x > max) {
    std::cerr << "hoptac: " << name << " must be a whole number of " << unit << ", " << min
              << " to " << max << "\n";
    std::exit(2);
  }
  return static_cast<int>(x);
}

}  // namespace hoptac::app
