#pragma once
// Lists whose count recently passed its cap ("10,000+"). Counting to the cap reads 10,001
// index entries, the largest part of a broad search; a list that passed the cap a moment ago
// still passes it (petitions are added, hardly ever removed), so for half a minute it is not
// counted again. Kept per thread, so no lock: each worker learns on its own.
#include <string>

namespace hoptac::store::capped_counts {

bool recently_over(const std::string& key);
void remember_over(const std::string& key);

}  // namespace hoptac::store::capped_counts
