#include "store/database.hpp"

#include <stdexcept>

#include "assets/assets.hpp"

namespace hoptac::store {

std::unique_ptr<Database> Database::open(const std::string& url, int pool_size) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
    throw std::invalid_argument(
        "PostgreSQL is not supported yet: use --database sqlite:PATH (see docs/operations.md)");
  if (url.rfind("sqlite:", 0) != 0 || url.size() <= 7)
    throw std::invalid_argument("database must be sqlite:PATH, for example sqlite:data/hoptac.db");
  return std::unique_ptr<Database>(new Database(url.substr(7), pool_size));
}

Database::Database(std::string path, int pool_size)
    : path_(std::move(path)), pool_size_(pool_size) {
  // Open one connection now so that a bad path fails at start-up, not at the first request.
  idle_.push_back(std::make_unique<Connection>(path_));
  created_ = 1;
}

Database::Lease::~Lease() {
  if (!c_) return;
  std::lock_guard lock(db_->mutex_);
  db_->idle_.push_back(std::move(c_));
  db_->available_.notify_one();
}

Database::Lease Database::acquire() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(c));
    }
    if (created_ < pool_size_) {
      ++created_;
      lock.unlock();
      try {
        return Lease(*this, std::make_unique<Connection>(path_));
      } catch (...) {
        std::lock_guard again(mutex_);
        --created_;
        throw;
      }
    }
    available_.wait(lock);
  }
}

int Database::schema_version() {
  auto c = acquire();
  auto st = c->prepare("PRAGMA user_version");
  return st.step() ? static_cast<int>(st.i64(0)) : 0;
}

int Database::migrate() {
  auto c = acquire();
  int version = 0;
  {
    auto st = c->prepare("PRAGMA user_version");
    if (st.step()) version = static_cast<int>(st.i64(0));
  }
  for (const auto& m : assets::sqlite_migrations()) {
    if (m.version <= version) continue;
    Transaction tx(*c, Transaction::Mode::write);
    c->exec(m.sql);
    c->exec("PRAGMA user_version = " + std::to_string(m.version));
    tx.commit();
    version = m.version;
  }
  bool has_units = false;
  {
    auto st = c->prepare("SELECT EXISTS (SELECT 1 FROM admin_units)");
    has_units = st.step() && st.i64(0) != 0;
  }
  if (!has_units) {
    Transaction tx(*c, Transaction::Mode::write);
    load_admin_units(*c);
    tx.commit();
  }
  return version;
}

}  // namespace hoptac::store
