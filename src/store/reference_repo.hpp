#pragma once
// Reference data: administrative units with their validity, and agencies.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/reference_records.hpp"
#include "store/database.hpp"

namespace hoptac::store {

using AdminUnitRow = domain::AdminUnitRow;
using AdminUnitQuery = domain::AdminUnitQuery;
using AgencyRow = domain::AgencyRow;

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
