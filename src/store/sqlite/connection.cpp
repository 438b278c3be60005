#include "store/sqlite/connection.hpp"

#include <sqlite3.h>

#include <chrono>

#include "text/collation.hpp"

namespace hoptac::store::sqlite {

namespace {
DatabaseErrorKind kind_of(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DatabaseErrorKind::transient;
    case SQLITE_CONSTRAINT:
      return DatabaseErrorKind::constraint;
    case SQLITE_INTERRUPT:  // only our progress handler interrupts: the statement ran too long
      return DatabaseErrorKind::timeout;
    default:
      return DatabaseErrorKind::other;
  }
}

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view context) {
  std::string msg(context.substr(0, 300));
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw DatabaseError(msg, kind_of(rc));
}

// SQL function vi_key(text): the Vietnamese sort key, so that an index can sort by name
// (migration 0006 fills name_sort with it; the repositories compute it in C++).
void vi_key_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto* s = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  if (s == nullptr) {
    sqlite3_result_null(ctx);
    return;
  }
  std::string key =
      text::sort_key(std::string_view(s, static_cast<size_t>(sqlite3_value_bytes(argv[0]))));
  sqlite3_result_blob(ctx, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}

}  // namespace

// The statement time limit: a statement's first step sets the deadline, and SQLite's progress
// handler, called every few thousand virtual-machine steps, stops the statement past it.
struct Deadline {
  std::chrono::milliseconds limit{0};  // 0: none
  std::chrono::steady_clock::time_point at;
  void start() {
    if (limit.count() > 0) at = std::chrono::steady_clock::now() + limit;
  }
  static int passed(void* self) {
    auto* d = static_cast<Deadline*>(self);
    return d->limit.count() > 0 && std::chrono::steady_clock::now() > d->at ? 1 : 0;
  }
};

class SqliteStatement final : public StatementBackend {
 public:
  SqliteStatement(sqlite3_stmt* stmt, Deadline& deadline) : stmt_(stmt), deadline_(deadline) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void bind_i64(int i, int64_t v) override { sqlite3_bind_int64(stmt_, i, v); }
  void bind_f64(int i, double v) override { sqlite3_bind_double(stmt_, i, v); }
  void bind_text(int i, std::string_view v) override {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void bind_blob(int i, std::string_view v) override {
    sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT);
  }
  void bind_null(int i) override { sqlite3_bind_null(stmt_, i); }
  bool step() override {
    if (!sqlite3_stmt_busy(stmt_)) deadline_.start();
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(sqlite3_db_handle(stmt_), rc, sqlite3_sql(stmt_));
  }
  int64_t i64(int col) const override { return sqlite3_column_int64(stmt_, col); }
  double f64(int col) const override { return sqlite3_column_double(stmt_, col); }
  std::string text(int col) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  std::string blob(int col) const override {
    const void* p = sqlite3_column_blob(stmt_, col);
    return p ? std::string(static_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  bool is_null(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  sqlite3_stmt* stmt_;
  Deadline& deadline_;
};

SqliteConnection::SqliteConnection(const std::string& path, std::shared_ptr<WriteGate> gate)
    : gate_(gate ? std::move(gate) : std::make_shared<WriteGate>(path)),
      deadline_(std::make_unique<Deadline>()) {
  int rc =
      sqlite3_open_v2(path.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = "cannot open database " + path + ": " + sqlite3_errmsg(db_);
    sqlite3_close(db_);
    db_ = nullptr;
    throw DatabaseError(msg, DatabaseErrorKind::other);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 10000);
  // WAL lets readers run beside the writer. A commit does not sync (synchronous=NORMAL): the
  // write gate syncs the WAL once for all the transactions committed meanwhile, before any of
  // them is acknowledged (docs/decisions.md, "Group commit").
  exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
      "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32000;");
  sqlite3_progress_handler(db_, 4000, &Deadline::passed, deadline_.get());
  sqlite3_create_function_v2(db_, "vi_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                             &vi_key_function, nullptr, nullptr, nullptr);
}

SqliteConnection::~SqliteConnection() {
  end_write();
  cache_.clear();  // statements are finalized before the connection closes
  if (db_) sqlite3_close(db_);
}

Statement SqliteConnection::prepare(std::string_view sql) {
  if (writing_) return writer_->prepare(sql);
  std::string key(sql);
  auto it = cache_.find(key);
  if (it != cache_.end()) return Statement(it->second.get());
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) fail(db_, rc, key);
  auto backend = std::make_unique<SqliteStatement>(stmt, *deadline_);
  auto* raw = backend.get();
  cache_.emplace(std::move(key), std::move(backend));
  return Statement(raw);
}

void SqliteConnection::exec(std::string_view sql) {
  if (writing_) return writer_->exec(sql);
  std::string s(sql);
  deadline_->start();
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : "exec failed";
    sqlite3_free(err);
    throw DatabaseError(msg, kind_of(rc));
  }
}

int64_t SqliteConnection::changes() const {
  return writing_ ? writer_->changes() : sqlite3_changes64(db_);
}

void SqliteConnection::set_statement_limit(std::chrono::milliseconds limit) {
  deadline_->limit = limit;
}

// BEGIN, COMMIT and ROLLBACK are prepared once (sqlite3_exec would parse them every time).
void SqliteConnection::run(std::string_view sql) {
  prepare(sql).run();
}

// BEGIN IMMEDIATE for writes (one writer at a time, no upgrade deadlocks), deferred for reads.
// A writer first waits for the other writers of this process on the gate's lock, then runs
// its transaction on the gate's writer connection: the only one of this process that changes
// the file, so its page cache stays valid from one write to the next (a connection's cache
// is dropped whenever another one has written). Statements prepared meanwhile are the
// writer's; they are used only inside the transaction.
void SqliteConnection::begin(bool write) {
  if (!write) return run("BEGIN");
  gate_->lock_writer();
  try {
    writer_ = &gate_->writer();
    writer_->set_statement_limit(deadline_->limit);
    writer_->run("BEGIN IMMEDIATE");
  } catch (...) {
    gate_->unlock_writer();
    throw;
  }
  writing_ = true;
  changes_at_begin_ = sqlite3_total_changes64(writer_->db_);
}

void SqliteConnection::commit() {
  run("COMMIT");  // on failure the transaction is still open: rollback() releases the lock
  if (!writing_) return;
  const bool changed = sqlite3_total_changes64(writer_->db_) != changes_at_begin_;
  const uint64_t ticket = changed ? gate_->committed() : 0;
  end_write();
  if (changed) gate_->wait_durable(ticket);
}

void SqliteConnection::rollback() {
  try {
    run("ROLLBACK");
  } catch (...) {
    end_write();
    throw;
  }
  end_write();
}

void SqliteConnection::end_write() {
  if (!writing_) return;
  writing_ = false;
  gate_->unlock_writer();
}

}  // namespace hoptac::store::sqlite
