#pragma once
// A batch of petitions the Liên minh sends to the UBND (stored by store/petitions_repo).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hoptac::domain {

struct BatchPetition {
  int64_t id = 0;
  std::string code, title, state;
};

struct BatchRow {
  int64_t id = 0;
  int year = 0;
  std::string number, title, created_at;
  std::vector<BatchPetition> petitions;
  std::optional<std::string> undo_until;  // for the reader who sent it, while it may be undone
};

}  // namespace hoptac::domain
