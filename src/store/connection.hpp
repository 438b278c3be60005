#pragma once
// The store's thin interface over a database engine: a connection with cached prepared
// statements, typed binding and reading, and transactions that roll back unless committed.
// Two drivers implement it: store/sqlite/ and store/postgres/. Repositories write their SQL
// once, with `?` or `?N` parameters, in what both engines accept (docs/decisions.md).
#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hoptac::store {

enum class Engine { sqlite, postgresql };

// What went wrong, for the caller to decide: retry, tell the client, or report a bug.
enum class DatabaseErrorKind {
  transient,   // busy, locked, serialization failure, deadlock, connection lost: retry
  constraint,  // a unique, foreign-key or check constraint refused the change
  timeout,     // the statement ran past the connection's time limit and was stopped
  other,       // anything else: a bug or a broken database
};

class DatabaseError : public std::runtime_error {
 public:
  DatabaseError(const std::string& what, DatabaseErrorKind kind)
      : std::runtime_error(what), kind_(kind) {}
  DatabaseErrorKind kind() const { return kind_; }
  bool transient() const { return kind_ == DatabaseErrorKind::transient; }

 private:
  DatabaseErrorKind kind_;
};

// A driver's prepared statement; owned by its connection's cache, reused after reset().
class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual void bind_i64(int index, int64_t v) = 0;  // index from 1
  virtual void bind_f64(int index, double v) = 0;
  virtual void bind_text(int index, std::string_view v) = 0;
  virtual void bind_blob(int index, std::string_view bytes) = 0;
  virtual void bind_null(int index) = 0;
  virtual bool step() = 0;
  virtual int64_t i64(int col) const = 0;  // columns from 0
  virtual double f64(int col) const = 0;
  virtual std::string text(int col) const = 0;
  virtual std::string blob(int col) const = 0;
  virtual bool is_null(int col) const = 0;
  virtual void reset() = 0;  // clears bindings and results for the next use
};

class Statement {
 public:
  explicit Statement(StatementBackend* b) : b_(b) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& o) noexcept : b_(o.b_), next_(o.next_) { o.b_ = nullptr; }
  ~Statement() {
    if (b_) b_->reset();
  }

  Statement& bind(int64_t v) {
    b_->bind_i64(next_++, v);
    return *this;
  }
  Statement& bind(int v) { return bind(static_cast<int64_t>(v)); }
  Statement& bind(double v) {
    b_->bind_f64(next_++, v);
    return *this;
  }
  Statement& bind(std::string_view v) {
    b_->bind_text(next_++, v);
    return *this;
  }
  Statement& bind(const std::string& v) { return bind(std::string_view(v)); }
  Statement& bind(const char* v) { return bind(std::string_view(v)); }
  Statement& bind(std::nullopt_t) {
    b_->bind_null(next_++);
    return *this;
  }
  Statement& bind_blob(std::string_view bytes) {
    b_->bind_blob(next_++, bytes);
    return *this;
  }
  template <class T>
  Statement& bind(const std::optional<T>& v) {
    return v ? bind(*v) : bind(std::nullopt);
  }
  template <class... A>
  Statement& bind_all(const A&... a) {
    (bind(a), ...);
    return *this;
  }

  bool step() { return b_->step(); }  // true while a row is available
  void run() {
    while (step()) {
    }
  }
  int64_t i64(int col) const { return b_->i64(col); }
  double f64(int col) const { return b_->f64(col); }
  std::string text(int col) const { return b_->text(col); }
  std::string blob(int col) const { return b_->blob(col); }
  bool is_null(int col) const { return b_->is_null(col); }
  std::optional<int64_t> opt_i64(int col) const {
    return is_null(col) ? std::nullopt : std::optional<int64_t>(i64(col));
  }
  // The first column of every remaining row, as ids.
  std::vector<int64_t> ids() {
    std::vector<int64_t> out;
    while (step()) out.push_back(i64(0));
    return out;
  }
  std::optional<std::string> opt_text(int col) const {
    return is_null(col) ? std::nullopt : std::optional<std::string>(text(col));
  }

 private:
  StatementBackend* b_;
  int next_ = 1;
};

class Connection;

// Runs inside a write transaction just before its COMMIT: the audit log writes the entry of
// the request's change there, so that the change and its record commit together.
class CommitHook {
 public:
  virtual ~CommitHook() = default;
  virtual void before_commit(Connection& c) = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;
  CommitHook* commit_hook = nullptr;  // set for the time of one request
  virtual Engine engine() const = 0;
  // A prepared statement from this connection's cache; bind with bind()/bind_all().
  virtual Statement prepare(std::string_view sql) = 0;
  virtual void exec(std::string_view sql) = 0;  // several statements, no parameters
  virtual int64_t changes() const = 0;          // rows changed by the last statement
  // Transactions: a write one excludes every other writer (see docs/decisions.md).
  virtual void begin(bool write) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  // Statements running past `limit` are stopped with a timeout error (0: no limit).
  virtual void set_statement_limit(std::chrono::milliseconds limit) = 0;
  // False once the connection is known to be broken: the pool then drops it.
  virtual bool healthy() const { return true; }
};

class Transaction {
 public:
  enum class Mode { read, write };
  Transaction(Connection& c, Mode mode) : c_(c), write_(mode == Mode::write) { c_.begin(write_); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (!done_) {
      try {
        c_.rollback();
      } catch (...) {
      }
    }
  }
  void commit() {
    if (write_ && c_.commit_hook) c_.commit_hook->before_commit(c_);
    c_.commit();
    done_ = true;
  }

 private:
  Connection& c_;
  bool write_;
  bool done_ = false;
};

}  // namespace hoptac::store
