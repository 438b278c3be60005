#pragma once
// Reference data: administrative units with their validity, and agencies.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace hoptac::store {

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

// "SELECT ... FROM agencies a LEFT JOIN admin_units u" and its reading, with the commune; the
// caller adds the WHERE clause on `a`.
extern const char* const kAgencyFullColumns;
AgencyRow read_full_agency(const Statement& st);

class ReferenceRepo {
 public:
  explicit ReferenceRepo(Connection& c) : c_(c) {}

  std::vector<AdminUnitRow> admin_units(const AdminUnitQuery& q, int64_t* total);
  // The commune with this code that is valid on `date`, if any.
  std::optional<AdminUnitRow> commune_valid_at(const std::string& code, const std::string& date);
  bool unit_code_exists(const std::string& level, const std::string& code);

  std::vector<AgencyRow> agencies(bool include_retired = false);
  // The active agency tied to this commune unit, if any.
  std::optional<int64_t> active_agency_of_commune(int64_t commune_id);
  std::optional<AgencyRow> agency_by_code(const std::string& code);
  int64_t insert_agency(const AgencyRow& a);
  bool cooperative_exists(int64_t id);
  std::optional<std::string> cooperative_name(int64_t id);
  std::optional<AgencyRow> agency_by_id(int64_t id);

 private:
  Connection& c_;
};

}  // namespace hoptac::store
