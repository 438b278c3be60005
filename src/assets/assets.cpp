#include "assets/assets.hpp"

#define HOPTAC_ASSET(name)                                 \
  extern "C" const char name[];                            \
  extern "C" const char name##_end[];                      \
  static std::string_view name##_view() {                  \
    return {name, static_cast<size_t>(name##_end - name)}; \
  }

HOPTAC_ASSET(hoptac_migration_0001)
HOPTAC_ASSET(hoptac_migration_0002)
HOPTAC_ASSET(hoptac_migration_0003)
HOPTAC_ASSET(hoptac_migration_0004)
HOPTAC_ASSET(hoptac_migration_0005)
HOPTAC_ASSET(hoptac_migration_0006)
HOPTAC_ASSET(hoptac_migration_0007)
HOPTAC_ASSET(hoptac_pg_migration_0007)
HOPTAC_ASSET(hoptac_migration_0008)
HOPTAC_ASSET(hoptac_pg_migration_0008)
HOPTAC_ASSET(hoptac_migration_0009)
HOPTAC_ASSET(hoptac_common_passwords)
HOPTAC_ASSET(hoptac_pg_migration_0009)
HOPTAC_ASSET(hoptac_migration_0010)
HOPTAC_ASSET(hoptac_pg_migration_0010)
HOPTAC_ASSET(hoptac_migration_0011)
HOPTAC_ASSET(hoptac_pg_migration_0011)
HOPTAC_ASSET(hoptac_migration_0012)
HOPTAC_ASSET(hoptac_pg_migration_0012)
HOPTAC_ASSET(hoptac_migration_0013)
HOPTAC_ASSET(hoptac_pg_migration_0013)
HOPTAC_ASSET(hoptac_migration_0014)
HOPTAC_ASSET(hoptac_pg_migration_0014)
HOPTAC_ASSET(hoptac_units_2025_03)
HOPTAC_ASSET(hoptac_units_2025_07)
HOPTAC_ASSET(hoptac_openapi)

namespace hoptac::assets {

const std::vector<Migration>& sqlite_migrations() {
  static const std::vector<Migration> all = {
      {1, "foundation", hoptac_migration_0001_view()},
      {2, "petitions", hoptac_migration_0002_view()},
      {3, "plans_awards", hoptac_migration_0003_view()},
      {4, "running_totals", hoptac_migration_0004_view()},
      {5, "figures_tally", hoptac_migration_0005_view()},
      {6, "sort_keys_and_due_tally", hoptac_migration_0006_view()},
      {7, "sign_in_throttle", hoptac_migration_0007_view()},
      {8, "search_at_scale", hoptac_migration_0008_view()},
      {9, "administration", hoptac_migration_0009_view()},
      {10, "department_workflow", hoptac_migration_0010_view()},
      {11, "search_by_units", hoptac_migration_0011_view()},
      {12, "agency_tally", hoptac_migration_0012_view()},
      {13, "mail_delivery", hoptac_migration_0013_view()},
      {14, "reform_and_undo", hoptac_migration_0014_view()},
  };
  return all;
}

const std::vector<Migration>& postgresql_migrations() {
  // Version 7 is the whole schema of SQLite's 0001-0007; later versions come in pairs.
  static const std::vector<Migration> all = {
      {7, "baseline", hoptac_pg_migration_0007_view()},
      {8, "search_at_scale", hoptac_pg_migration_0008_view()},
      {9, "administration", hoptac_pg_migration_0009_view()},
      {10, "department_workflow", hoptac_pg_migration_0010_view()},
      {11, "search_by_units", hoptac_pg_migration_0011_view()},
      {12, "agency_tally", hoptac_pg_migration_0012_view()},
      {13, "mail_delivery", hoptac_pg_migration_0013_view()},
      {14, "reform_and_undo", hoptac_pg_migration_0014_view()},
  };
  return all;
}

std::string_view admin_units_2025_03() {
  return hoptac_units_2025_03_view();
}
std::string_view admin_units_2025_07() {
  return hoptac_units_2025_07_view();
}
std::string_view openapi_document() {
  return hoptac_openapi_view();
}

std::string_view common_passwords() {
  return hoptac_common_passwords_view();
}

}  // namespace hoptac::assets
