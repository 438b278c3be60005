#include "core/reference.hpp"

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

}  // namespace hoptac::core
