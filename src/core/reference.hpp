#pragma once
// Reading reference data: administrative units and agencies. Open to everyone.
#include "domain/reference_records.hpp"
#include "store/database.hpp"

namespace hoptac::core {

std::vector<domain::AdminUnitRow> list_admin_units(store::Connection& c, domain::AdminUnitQuery q,
                                                   int64_t* total);
std::vector<domain::AgencyRow> list_agencies(store::Connection& c, bool include_retired = false);

// The province as it is named today: the place name of the letterhead in force (the province
// changed on 1 July 2025), else the province_name setting. Public: the header and footer say it.
struct ProvinceToday {
  std::string name;          // "Thái Nguyên"
  std::string valid_from;    // of the letterhead it comes from, "" from the setting
  std::string parent_body;   // "UBND TỈNH THÁI NGUYÊN", "" without a letterhead
  std::string issuing_body;  // "LIÊN MINH HỢP TÁC XÃ TỈNH"
};
ProvinceToday province_today(store::Connection& c);

}  // namespace hoptac::core
