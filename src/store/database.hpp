#pragma once
// The database a process talks to: a pool of connections to SQLite or PostgreSQL (one per
// worker thread at most), migrations and the loading of reference data.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace hoptac::store {

class Database {
 public:
  // url: "sqlite:PATH" or "postgresql://user@host:port/db?..." (libpq's URI, several hosts
  // allowed: the pool reconnects to whichever answers as primary).
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
  // A connection whose statements stop after the database's statement limit; background
  // work (jobs, sweeps, commands) asks for one with no limit.
  Lease acquire();
  Lease acquire_unlimited();
  // Statements running longer are stopped (a timeout error); 0, the default, sets no limit.
  void set_statement_limit(std::chrono::milliseconds limit) { statement_limit_ = limit; }

  // Applies pending migrations and loads reference data once; returns the schema version.
  int migrate();
  int schema_version();
  Engine engine() const { return engine_; }
  // The SQLite file, or the PostgreSQL URL without its password: for logs and messages.
  const std::string& path() const { return path_; }
  // Where files that belong with the data live (attachments of an SQLite database).
  const std::string& files_dir() const { return files_dir_; }

 private:
  Database(Engine engine, std::string target, int pool_size);
  std::unique_ptr<Connection> connect();
  Lease lease(std::chrono::milliseconds limit);
  Lease take();
  std::chrono::milliseconds statement_limit_{0};
  std::shared_ptr<void> sqlite_gate_;  // the write gate all SQLite connections share
  Engine engine_;
  std::string target_;  // what the driver opens
  std::string path_, files_dir_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int created_ = 0;
  int pool_size_;
};

// Loads the administrative units before and after the 2025 reform, and the old->new mapping.
void load_admin_units(Connection& c);

}  // namespace hoptac::store
