#pragma once
// The demo's petitions: the conference the article reports, with the answers given on the
// spot and the directives of its conclusion; HTX Tài Hoan's request for land in the Vằng Mười
// industrial cluster, assigned and still open; and a year of petitions over every category and
// state. Dates of the year are counted back from the day of seeding, so that the lists always
// hold overdue, due-soon and recent petitions.
#include "store/database.hpp"

namespace hoptac::seed {

struct DemoIds {
  int64_t kien_truc_xanh = 0, tai_hoan = 0;
  int cooperatives = 0;  // ids 1..cooperatives exist
};

// Runs inside seed_demo's transaction, after the demo accounts exist.
void seed_demo_petitions(store::Connection& c, const DemoIds& ids);

}  // namespace hoptac::seed
