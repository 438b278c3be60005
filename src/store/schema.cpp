#include "store/schema.hpp"

#include <string>

#include "assets/assets.hpp"

namespace hoptac::store {

namespace {
const std::vector<assets::Migration>& migrations_for(Engine e) {
  return e == Engine::sqlite ? assets::sqlite_migrations() : assets::postgresql_migrations();
}

int version_in_tx(Connection& c) {
  if (c.engine() == Engine::sqlite) {
    auto st = c.prepare("PRAGMA user_version");
    return st.step() ? static_cast<int>(st.i64(0)) : 0;
  }
  c.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  auto st = c.prepare("SELECT coalesce(max(version), 0) FROM schema_version");
  return st.step() ? static_cast<int>(st.i64(0)) : 0;
}

void set_version(Connection& c, int version) {
  if (c.engine() == Engine::sqlite) {
    c.exec("PRAGMA user_version = " + std::to_string(version));
    return;
  }
  c.exec("DELETE FROM schema_version");
  c.prepare("INSERT INTO schema_version (version) VALUES (?)").bind(version).run();
}
}  // namespace

int read_schema_version(Connection& c) {
  Transaction tx(c, Transaction::Mode::read);
  if (c.engine() == Engine::postgresql) {
    auto st = c.prepare("SELECT to_regclass('schema_version') IS NOT NULL");
    if (!st.step() || st.i64(0) == 0) return 0;
  }
  return version_in_tx(c);
}

int apply_migrations(Connection& c) {
  for (;;) {
    Transaction tx(c, Transaction::Mode::write);
    const int version = version_in_tx(c);
    const assets::Migration* next = nullptr;
    for (const auto& m : migrations_for(c.engine()))
      if (m.version > version) {
        next = &m;
        break;
      }
    if (!next) {
      tx.commit();
      return version;
    }
    c.exec(next->sql);
    set_version(c, next->version);
    tx.commit();
  }
}

}  // namespace hoptac::store
