#pragma once
// Reading reference data: administrative units and agencies. Open to everyone.
#include "store/reference_repo.hpp"

namespace hoptac::core {

std::vector<store::AdminUnitRow> list_admin_units(store::Connection& c, store::AdminUnitQuery q,
                                                  int64_t* total);
std::vector<store::AgencyRow> list_agencies(store::Connection& c, bool include_retired = false);

}  // namespace hoptac::core
