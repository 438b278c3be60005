#pragma once
// Reference data as the API shows it: agencies, categories, calendar days, letterheads.
#include <boost/json/object.hpp>

#include "store/petitions_repo.hpp"
#include "store/reference_admin_repo.hpp"
#include "store/reference_repo.hpp"

namespace hoptac::api {

boost::json::object agency_json(const store::AgencyRow& a);
boost::json::object category_json(const store::CategoryRow& k);
boost::json::object holiday_json(const store::HolidayRow& h);
boost::json::object letterhead_json(const store::LetterheadRow& l);

}  // namespace hoptac::api
