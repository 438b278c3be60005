#pragma once
// The SQLite driver of store/connection.hpp: WAL, synchronous=FULL, cached prepared
// statements, and the vi_key() SQL function that migration 0006 needs.
#include <memory>
#include <string>
#include <unordered_map>

#include "store/connection.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace hoptac::store::sqlite {

class SqliteStatement;

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path);
  ~SqliteConnection() override;

  Engine engine() const override { return Engine::sqlite; }
  Statement prepare(std::string_view sql) override;
  void exec(std::string_view sql) override;
  int64_t changes() const override;
  void begin(bool write) override;
  void commit() override;
  void rollback() override;

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> cache_;
};

}  // namespace hoptac::store::sqlite
