#pragma once
// The SQLite driver of store/connection.hpp: WAL with group commit (write_gate.hpp), cached
// prepared statements, a statement time limit, and the vi_key() SQL function that migration
// 0006 needs.
#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>

#include "store/connection.hpp"
#include "store/sqlite/write_gate.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace hoptac::store::sqlite {

class SqliteStatement;
struct Deadline;

class SqliteConnection final : public Connection {
 public:
  // `gate`: shared by every connection of this process to this file (a new one if null).
  explicit SqliteConnection(const std::string& path, std::shared_ptr<WriteGate> gate = nullptr);
  ~SqliteConnection() override;

  Engine engine() const override { return Engine::sqlite; }
  Statement prepare(std::string_view sql) override;
  void exec(std::string_view sql) override;
  int64_t changes() const override;
  void begin(bool write) override;
  void commit() override;
  void rollback() override;
  void set_statement_limit(std::chrono::milliseconds limit) override;

 private:
  void end_write();
  void run(std::string_view sql);  // one cached statement
  std::shared_ptr<WriteGate> gate_;
  std::unique_ptr<Deadline> deadline_;
  bool writing_ = false;  // holds the gate's writer lock, and runs on its writer connection
  SqliteConnection* writer_ = nullptr;
  int64_t changes_at_begin_ = 0;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> cache_;
};

}  // namespace hoptac::store::sqlite
