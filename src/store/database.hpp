#pragma once
// The database a process talks to: a pool of SQLite connections (one per worker thread at
// most), migrations and the loading of reference data.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sqlite/connection.hpp"

namespace hoptac::store {

using sqlite::Connection;
using sqlite::Transaction;

class Database {
 public:
  // url: "sqlite:PATH". A postgresql:// URL is refused until that backend exists.
  static std::unique_ptr<Database> open(const std::string& url, int pool_size = 4);

  class Lease {
   public:
    Lease(Database& db, std::unique_ptr<Connection> c) : db_(&db), c_(std::move(c)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Connection& operator*() { return *c_; }
    Connection* operator->() { return c_.get(); }

   private:
    Database* db_;
    std::unique_ptr<Connection> c_;
  };
  Lease acquire();

  // Applies pending migrations and loads reference data once; returns the schema version.
  int migrate();
  int schema_version();
  const std::string& path() const { return path_; }

 private:
  explicit Database(std::string path, int pool_size);
  std::string path_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int created_ = 0;
  int pool_size_;
};

// Loads the administrative units before and after the 2025 reform, and the old->new mapping.
void load_admin_units(Connection& c);

}  // namespace hoptac::store
