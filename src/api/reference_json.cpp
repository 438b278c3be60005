#include "api/reference_json.hpp"

#include "api/json_io.hpp"
#include "domain/reference_records.hpp"

namespace hoptac::api {

json::object agency_json(const domain::AgencyRow& a) {
  return json::object{
      {"id", a.id},
      {"code", a.code},
      {"name", a.name},
      {"short_name", a.short_name},
      {"kind", a.kind},
      {"active", a.active},
      {"merged_into", a.merged_into ? json::value(*a.merged_into) : nullptr},
      {"retired_on", optional_string(a.retired_on)},
      {"commune", a.commune_id == 0 ? json::value(nullptr)
                                    : json::value(json::object{{"code", a.commune_code},
                                                               {"name", a.commune_name}})}};
}

json::object category_json(const domain::CategoryRow& k) {
  // A category may have no default agency (id 0 from the store).
  const bool has_agency = k.default_agency.id != 0;
  json::value agency = nullptr;
  if (has_agency)
    agency = json::object{{"id", k.default_agency.id},
                          {"code", k.default_agency.code},
                          {"name", k.default_agency.name}};
  return json::object{
      {"code", k.code},
      {"position", k.position},
      {"name_vi", k.name_vi},
      {"name_en", k.name_en},
      {"default_agency_id", has_agency ? json::value(k.default_agency.id) : nullptr},
      {"default_agency", agency},
      {"default_days", k.default_days}};
}

json::object holiday_json(const domain::HolidayRow& h) {
  return json::object{{"day", h.day}, {"name", h.name}, {"kind", h.kind}};
}

json::object letterhead_json(const domain::LetterheadRow& l) {
  return json::object{{"id", l.id},
                      {"valid_from", l.valid_from},
                      {"parent_body", l.parent_body},
                      {"issuing_body", l.issuing_body},
                      {"place_name", l.place_name}};
}

}  // namespace hoptac::api
