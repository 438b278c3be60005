#include "core/reference.hpp"

#include "domain/date.hpp"

#include "store/planning_repo.hpp"

#include "store/reference_admin_repo.hpp"

#include "store/reference_repo.hpp"
#include "text/fold.hpp"

namespace hoptac::core {

std::vector<store::AdminUnitRow> list_admin_units(store::Connection& c, store::AdminUnitQuery q,
                                                  int64_t* total) {
  if (q.q_folded) q.q_folded = text::fold(*q.q_folded);
  store::ReferenceRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::read);
  return repo.admin_units(q, total);
}

std::vector<store::AgencyRow> list_agencies(store::Connection& c, bool include_retired) {
  store::ReferenceRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::read);
  return repo.agencies(include_retired);
}

ProvinceToday province_today(store::Connection& c) {
  store::Transaction tx(c, store::Transaction::Mode::read);
  ProvinceToday p;
  if (auto l = store::ReferenceAdminRepo(c).letterhead_on(domain::Date::today_in_vietnam().iso())) {
    p.name = l->place_name;
    p.valid_from = l->valid_from;
    p.parent_body = l->parent_body;
    p.issuing_body = l->issuing_body;
  } else {
    p.name = store::PlanningRepo(c).setting("province_name");
  }
  return p;
}

}  // namespace hoptac::core
