#pragma once
// Read-only files compiled into the program (src/assets/embedded.S).
#include <string_view>
#include <vector>

namespace hoptac::assets {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Every SQLite migration, in version order.
const std::vector<Migration>& sqlite_migrations();
// Every PostgreSQL migration, in version order (migrations/postgresql/).
const std::vector<Migration>& postgresql_migrations();

// Administrative units before the 2025 reform (GSO, 01/03/2025), compact arrays.
std::string_view admin_units_2025_03();
// The 34 provinces and 3,321 communes from 01/07/2025, with the old units merged into each.
std::string_view admin_units_2025_07();

std::string_view openapi_document();

// Passwords refused as too common: one a line, lower case, "#" lines are comments.
std::string_view common_passwords();

}  // namespace hoptac::assets
