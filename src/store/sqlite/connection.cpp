#include "store/sqlite/connection.hpp"

#include <sqlite3.h>
#include <unicode/ucol.h>
#include <unicode/uiter.h>

#include "text/fold.hpp"

namespace hoptac::store::sqlite {

namespace {
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view context) {
  std::string msg(context);
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw DatabaseError(msg, rc);
}

// SQL function fold(text): the search form of Vietnamese text.
void fold_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto* s = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  if (s == nullptr) {
    sqlite3_result_null(ctx);
    return;
  }
  std::string folded = text::fold(s);
  sqlite3_result_text(ctx, folded.c_str(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}
}  // namespace

// ORDER BY name COLLATE vi sorts with ICU's Vietnamese collator.
struct Connection::Collator {
  UCollator* collator = nullptr;
  ~Collator() {
    if (collator) ucol_close(collator);
  }
  // SQL function vi_key(text): the collator's sort key, so that an index can sort by name.
  static void sort_key(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const auto* s = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    if (s == nullptr) {
      sqlite3_result_null(ctx);
      return;
    }
    auto* self = static_cast<Collator*>(sqlite3_user_data(ctx));
    UErrorCode status = U_ZERO_ERROR;
    UCharIterator it;
    uiter_setUTF8(&it, s, sqlite3_value_bytes(argv[0]));
    uint32_t state[2] = {0, 0};
    std::string key;
    uint8_t buf[256];
    for (;;) {
      int32_t n = ucol_nextSortKeyPart(self->collator, &it, state, buf, sizeof buf, &status);
      if (U_FAILURE(status) || n <= 0) break;
      key.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
      if (n < static_cast<int32_t>(sizeof buf)) break;
    }
    sqlite3_result_blob(ctx, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
  }
  static int compare(void* self, int na, const void* a, int nb, const void* b) {
    UErrorCode status = U_ZERO_ERROR;
    auto r = ucol_strcollUTF8(static_cast<Collator*>(self)->collator, static_cast<const char*>(a),
                              na, static_cast<const char*>(b), nb, &status);
    return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
  }
};

Statement::~Statement() {
  if (stmt_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Statement& Statement::bind(int64_t v) {
  sqlite3_bind_int64(stmt_, next_++, v);
  return *this;
}
Statement& Statement::bind(double v) {
  sqlite3_bind_double(stmt_, next_++, v);
  return *this;
}
Statement& Statement::bind(std::string_view v) {
  sqlite3_bind_text(stmt_, next_++, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind_blob(std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, next_++, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

std::string Statement::blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  return p ? std::string(static_cast<const char*>(p),
                         static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}

Statement& Statement::bind(std::nullopt_t) {
  sqlite3_bind_null(stmt_, next_++);
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(sqlite3_db_handle(stmt_), rc, sqlite3_sql(stmt_));
}

void Statement::run() {
  while (step()) {
  }
}

int64_t Statement::i64(int col) const {
  return sqlite3_column_int64(stmt_, col);
}
double Statement::f64(int col) const {
  return sqlite3_column_double(stmt_, col);
}
std::string Statement::text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}
bool Statement::is_null(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}
std::optional<int64_t> Statement::opt_i64(int col) const {
  if (is_null(col)) return std::nullopt;
  return i64(col);
}
std::optional<std::string> Statement::opt_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return text(col);
}

Connection::Connection(const std::string& path) {
  int rc =
      sqlite3_open_v2(path.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = "cannot open database " + path + ": " + sqlite3_errmsg(db_);
    sqlite3_close(db_);
    db_ = nullptr;
    throw DatabaseError(msg, rc);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 10000);
  // WAL lets readers run beside the writer; synchronous=FULL syncs the WAL at every commit,
  // so an acknowledged write survives a crash of the process and of the machine
  // (docs/decisions.md, "Durability").
  exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
      "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32000;");
  sqlite3_create_function_v2(db_, "fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                             fold_function, nullptr, nullptr, nullptr);
  collator_ = std::make_unique<Collator>();
  UErrorCode status = U_ZERO_ERROR;
  collator_->collator = ucol_open("vi", &status);
  if (U_FAILURE(status)) throw DatabaseError("ICU has no Vietnamese collator", SQLITE_ERROR);
  sqlite3_create_collation_v2(db_, "vi", SQLITE_UTF8, collator_.get(), &Collator::compare, nullptr);
  sqlite3_create_function_v2(db_, "vi_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, collator_.get(),
                             &Collator::sort_key, nullptr, nullptr, nullptr);
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  if (db_) sqlite3_close(db_);
}

Statement Connection::prepare(std::string_view sql) {
  std::string key(sql);
  auto it = cache_.find(key);
  if (it != cache_.end()) return Statement(it->second);
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) fail(db_, rc, "prepare");
  cache_.emplace(std::move(key), stmt);
  return Statement(stmt);
}

void Connection::exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : "exec failed";
    sqlite3_free(err);
    throw DatabaseError(msg, rc);
  }
}

int64_t Connection::last_insert_id() const {
  return sqlite3_last_insert_rowid(db_);
}
int Connection::changes() const {
  return sqlite3_changes(db_);
}

Transaction::Transaction(Connection& c, Mode mode) : c_(c) {
  c_.exec(mode == Mode::write ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      c_.exec("ROLLBACK");
    } catch (...) {
    }
  }
}

void Transaction::commit() {
  c_.exec("COMMIT");
  done_ = true;
}

}  // namespace hoptac::store::sqlite
