#include "store/database.hpp"

#include <filesystem>
#include <stdexcept>

#include "assets/assets.hpp"
#include "store/postgres/connection.hpp"
#include "store/schema.hpp"
#include "store/sqlite/connection.hpp"

namespace hoptac::store {

namespace {
bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}
}  // namespace

std::unique_ptr<Database> Database::open(const std::string& url, int pool_size) {
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://"))
    return std::unique_ptr<Database>(new Database(Engine::postgresql, url, pool_size));
  if (!starts_with(url, "sqlite:") || url.size() <= 7)
    throw std::invalid_argument(
        "database must be sqlite:PATH or postgresql://USER@HOST:PORT/DB, for example "
        "sqlite:data/hoptac.db");
  return std::unique_ptr<Database>(new Database(Engine::sqlite, url.substr(7), pool_size));
}

Database::Database(Engine engine, std::string target, int pool_size)
    : engine_(engine), target_(std::move(target)), pool_size_(pool_size) {
  path_ = engine_ == Engine::sqlite ? target_ : redact_password(target_);
  if (engine_ == Engine::sqlite)
    files_dir_ = std::filesystem::path(target_).parent_path().lexically_normal().string();
  if (engine_ == Engine::sqlite) sqlite_gate_ = std::make_shared<sqlite::WriteGate>(target_);
  // Open one connection now so that a bad path fails at start-up, not at the first request.
  idle_.push_back(connect());
  created_ = 1;
}

std::unique_ptr<Connection> Database::connect() {
  if (engine_ == Engine::sqlite) {
    return std::make_unique<sqlite::SqliteConnection>(
        target_, std::static_pointer_cast<sqlite::WriteGate>(sqlite_gate_));
  }
  return connect_postgres(target_);
}

Database::Lease::~Lease() {
  if (!c_) return;
  std::lock_guard lock(db_->mutex_);
  if (c_->healthy()) {
    db_->idle_.push_back(std::move(c_));
  } else {
    --db_->created_;  // a broken connection is dropped; the next acquire opens a new one
  }
  db_->available_.notify_one();
}

Database::Lease Database::acquire() {
  return lease(statement_limit_);
}

Database::Lease Database::acquire_unlimited() {
  return lease(std::chrono::milliseconds(0));
}

Database::Lease Database::lease(std::chrono::milliseconds limit) {
  Lease l = take();
  l->set_statement_limit(limit);
  return l;
}

Database::Lease Database::take() {
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
        return Lease(*this, connect());
      } catch (...) {
        std::lock_guard again(mutex_);
        --created_;
        available_.notify_one();
        throw;
      }
    }
    available_.wait(lock);
  }
}

int Database::schema_version() {
  auto c = acquire();
  return read_schema_version(*c);
}

int Database::migrate() {
  auto c = acquire();
  int version = apply_migrations(*c);
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
