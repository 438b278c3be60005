#pragma once
// Reference data as the API shows it: agencies, categories, calendar days, letterheads.
#include <boost/json/object.hpp>

#include "domain/reference_records.hpp"

namespace hoptac::api {

boost::json::object agency_json(const domain::AgencyRow& a);
boost::json::object category_json(const domain::CategoryRow& k);
boost::json::object holiday_json(const domain::HolidayRow& h);
boost::json::object letterhead_json(const domain::LetterheadRow& l);

}  // namespace hoptac::api
