#pragma once
// Reference data as the use cases and the API hand it around: administrative units, agencies,
// petition categories, calendar days and letterheads (stored by store/reference*_repo).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/petition.hpp"

namespace hoptac::domain {

struct AdminUnitRow {
  int64_t id = 0;
  std::string code, level, name, type;
  std::string parent_code;                   // "" for a province
  std::string valid_from, valid_to;          // "" when open
  std::vector<std::string> successor_codes;  // communes it became on 01/07/2025
};

struct AdminUnitQuery {
  std::optional<std::string> level, parent, q_folded;
  std::string as_of;  // YYYY-MM-DD
  int page = 1, per_page = 50;
};

struct AgencyRow {
  int64_t id = 0;
  std::string code, name, short_name, kind;
  bool active = true;
  std::optional<int64_t> merged_into;  // the agency that took over its work
  std::string retired_on;              // "" while active
  // A commune's People's Committee (kind "commune"): the commune, a unit after the reform.
  int64_t commune_id = 0;  // 0: none
  std::string commune_code, commune_name;
};

struct CategoryRow {
  std::string code, name_vi, name_en;
  domain::Ref default_agency;  // id 0: none
  int default_days = 15;
  int position = 0;
};

struct HolidayRow {
  std::string day, name, kind;  // kind: holiday (a weekday off) | working (a weekend day worked)
};

struct LetterheadRow {
  int64_t id = 0;
  std::string valid_from, parent_body, issuing_body, place_name;
};

}  // namespace hoptac::domain
