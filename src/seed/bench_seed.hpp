#pragma once
// A national-size data set for `make bench`: cooperatives spread over every commune of the
// country, a year of figures, and petitions with their categories, co-petitioners and history.
#include <ostream>

#include "store/database.hpp"

namespace hoptac::seed {

void seed_bench(store::Connection& c, int cooperatives, int petitions, std::ostream& out);

}  // namespace hoptac::seed
