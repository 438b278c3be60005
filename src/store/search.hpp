#pragma once
// The per-engine seam for the petitions' full-text search over their folded text: FTS5 on
// SQLite (petitions_fts), a tsvector with a GIN index on PostgreSQL (petition_search). Both
// match every token as a prefix ("mien dong" finds "miến dong" and "miễn đóng góp").
#include <cstdint>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace hoptac::store {

// A condition on petitions `p` with one parameter, bound to petition_match_value().
std::string petition_match_condition(Engine e);
std::string petition_match_value(Engine e, const std::vector<std::string>& tokens);

// Replaces the searchable text of a petition.
void write_petition_search(Connection& c, int64_t petition_id, const std::string& folded);

}  // namespace hoptac::store
