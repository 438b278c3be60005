#include "domain/limits.hpp"

namespace hoptac::domain {

void check_range(Problems& p, const std::string& field, int64_t v, int64_t min, int64_t max) {
  if (v >= min && v <= max) return;
  const std::string range = std::to_string(min) + " … " + std::to_string(max);
  p.add(field, "Phải trong khoảng " + range, "Must be within " + range);
}

}  // namespace hoptac::domain
