#pragma once
// How the register is searched, filtered, sorted and paged (store/cooperatives_repo runs it).
#include <optional>
#include <string>

namespace hoptac::domain {

struct CooperativeFilter {
  std::optional<std::string> q_folded, kind, district, commune, sector, status, classification;
  std::optional<int> year;
  std::string sort = "name";  // name | registration_code | founded_on | members | id
  bool descending = false;
  int page = 1, per_page = 20;  // per_page 0: every row (exports)
};

}  // namespace hoptac::domain
