#pragma once
// The per-engine seam for the schema: where its version is kept and which migrations apply
// (migrations/sqlite/ or migrations/postgresql/, compiled into the program).
#include "store/connection.hpp"

namespace hoptac::store {

int read_schema_version(Connection& c);
// Applies the migrations newer than the database, each in its own write transaction (which
// also keeps two instances starting at once from applying one twice); returns the version.
int apply_migrations(Connection& c);

}  // namespace hoptac::store
