#pragma once
// A thin RAII layer over the SQLite C API: connections with cached prepared statements,
// typed binding and reading, and transactions that roll back unless committed.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace hoptac::store::sqlite {

class DatabaseError : public std::runtime_error {
 public:
  DatabaseError(const std::string& what, int code) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& o) noexcept : stmt_(o.stmt_), next_(o.next_) { o.stmt_ = nullptr; }
  ~Statement();  // resets the cached statement for its next use

  Statement& bind(int64_t v);
  Statement& bind(int v) { return bind(static_cast<int64_t>(v)); }
  Statement& bind(double v);
  Statement& bind(std::string_view v);
  Statement& bind(const std::string& v) { return bind(std::string_view(v)); }
  Statement& bind(const char* v) { return bind(std::string_view(v)); }
  Statement& bind(std::nullopt_t);
  Statement& bind_blob(std::string_view bytes);
  template <class T>
  Statement& bind(const std::optional<T>& v) {
    return v ? bind(*v) : bind(std::nullopt);
  }
  template <class... A>
  Statement& bind_all(const A&... a) {
    (bind(a), ...);
    return *this;
  }

  bool step();  // true while a row is available
  void run();   // runs to completion
  int64_t i64(int col) const;
  double f64(int col) const;
  std::string text(int col) const;
  bool is_null(int col) const;
  std::optional<int64_t> opt_i64(int col) const;
  std::optional<std::string> opt_text(int col) const;
  std::string blob(int col) const;

 private:
  sqlite3_stmt* stmt_;
  int next_ = 1;
};

class Connection {
 public:
  explicit Connection(const std::string& path);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // A prepared statement from this connection's cache; bind with bind()/bind_all().
  Statement prepare(std::string_view sql);
  void exec(std::string_view sql);  // several statements, no parameters
  int64_t last_insert_id() const;
  int changes() const;
  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  struct Collator;
  std::unique_ptr<Collator> collator_;
};

// BEGIN IMMEDIATE for writes (one writer at a time, no upgrade deadlocks), deferred for reads.
class Transaction {
 public:
  enum class Mode { read, write };
  Transaction(Connection& c, Mode mode);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Connection& c_;
  bool done_ = false;
};

}  // namespace hoptac::store::sqlite
