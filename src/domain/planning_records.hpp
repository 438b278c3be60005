#pragma once
// What the planning use cases read: a place to count in, a scheme, petition figures (stored by
// store/planning_repo).
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace hoptac::domain {

struct Place {
  std::optional<std::string> district, commune;  // GSO codes; a new commune also matches old ones
};

struct SchemeRow {
  int64_t id = 0;
  std::string title;
  int period_start = 0, period_end = 0;
  std::string status, description, created_at;
  std::map<std::string, double> targets;
};

struct PetitionStats {
  std::map<std::string, int64_t> by_state, by_category;
  int64_t answered_with_due = 0, answered_on_time = 0;
  int64_t overdue = 0, due_soon = 0;
  double average_rating = 0;
  int64_t rated = 0;
};

}  // namespace hoptac::domain
