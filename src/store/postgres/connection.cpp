#include "store/postgres/connection.hpp"

#include <libpq-fe.h>

#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <vector>

namespace hoptac::store {

namespace postgres {

std::string translate_placeholders(std::string_view sql, int* parameters) {
  std::string out;
  out.reserve(sql.size() + 16);
  int highest = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char ch = sql[i];
    if (ch == '\'' || ch == '"') {  // a literal or a quoted identifier, doubled quotes inside
      size_t end = i + 1;
      while (end < sql.size() && !(sql[end] == ch && (end + 1 >= sql.size() || sql[end + 1] != ch)))
        end += sql[end] == ch ? 2 : 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (ch == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      size_t end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size();
      out.append(sql.substr(i, end - i));
      i = end - 1;
    } else if (ch == '?') {
      size_t j = i + 1;
      int n = 0;
      while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9' && n < 100000)
        n = n * 10 + (sql[j++] - '0');
      if (j == i + 1) n = highest + 1;  // a bare "?" takes the next number, as in SQLite
      highest = std::max(highest, n);
      out += '$';
      out += std::to_string(n);
      i = j - 1;
    } else {
      out += ch;
    }
  }
  *parameters = highest;
  return out;
}

namespace {

DatabaseErrorKind kind_of(const char* sqlstate) {
  if (!sqlstate) return DatabaseErrorKind::transient;  // no answer at all: the link is gone
  std::string_view s(sqlstate);
  if (s == "57014") return DatabaseErrorKind::timeout;  // statement_timeout cancelled it
  if (s.substr(0, 2) == "08" || s == "40001" || s == "40P01" || s == "55P03" ||
      s.substr(0, 3) == "57P" || s == "25006" || s == "53300")
    return DatabaseErrorKind::transient;
  if (s.substr(0, 2) == "23") return DatabaseErrorKind::constraint;
  return DatabaseErrorKind::other;
}

class PgConnection;

class PgStatement final : public StatementBackend {
 public:
  PgStatement(PgConnection& c, std::string name, int parameters, std::string sql)
      : c_(c), name_(std::move(name)), sql_(std::move(sql)) {
    values_.resize(static_cast<size_t>(parameters));
    lengths_.assign(static_cast<size_t>(parameters), 0);
    formats_.assign(static_cast<size_t>(parameters), 0);
    nulls_.assign(static_cast<size_t>(parameters), true);
  }
  ~PgStatement() override { clear(); }

  void bind_i64(int i, int64_t v) override { set(i, std::to_string(v), 0); }
  void bind_f64(int i, double v) override {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    set(i, buf, 0);
  }
  void bind_text(int i, std::string_view v) override { set(i, std::string(v), 0); }
  void bind_blob(int i, std::string_view v) override { set(i, std::string(v), 1); }
  void bind_null(int i) override {
    if (in_range(i)) nulls_[static_cast<size_t>(i - 1)] = true;
  }
  bool step() override;
  int64_t i64(int col) const override {
    const char* v = value(col);
    if (!v || !*v) return 0;
    if (v[0] == 't' && v[1] == 0) return 1;  // a boolean expression
    if (v[0] == 'f' && v[1] == 0) return 0;
    char* end = nullptr;
    long long n = std::strtoll(v, &end, 10);
    if (end && *end == '.') return std::llround(std::strtod(v, nullptr));  // numeric
    return n;
  }
  double f64(int col) const override {
    const char* v = value(col);
    return v ? std::strtod(v, nullptr) : 0.0;
  }
  std::string text(int col) const override {
    const char* v = value(col);
    return v ? std::string(v, static_cast<size_t>(PQgetlength(result_, row_, col))) : std::string();
  }
  std::string blob(int col) const override {
    const char* v = value(col);
    if (!v) return {};
    size_t n = 0;
    unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &n);
    std::string out(reinterpret_cast<const char*>(bytes), n);
    PQfreemem(bytes);
    return out;
  }
  bool is_null(int col) const override {
    return !result_ || row_ < 0 || PQgetisnull(result_, row_, col);
  }
  void reset() override {
    clear();
    nulls_.assign(nulls_.size(), true);
  }

 private:
  bool in_range(int i) const { return i >= 1 && static_cast<size_t>(i) <= values_.size(); }
  void set(int i, std::string v, int format) {
    if (!in_range(i)) return;  // SQLite ignores extra bindings too
    auto k = static_cast<size_t>(i - 1);
    values_[k] = std::move(v);
    lengths_[k] = static_cast<int>(values_[k].size());
    formats_[k] = format;
    nulls_[k] = false;
  }
  const char* value(int col) const {
    if (!result_ || row_ < 0 || PQgetisnull(result_, row_, col)) return nullptr;
    return PQgetvalue(result_, row_, col);
  }
  void clear() {
    if (result_) PQclear(result_);
    result_ = nullptr;
    row_ = -1;
    executed_ = false;
  }

  PgConnection& c_;
  std::string name_, sql_;
  std::vector<std::string> values_;
  std::vector<int> lengths_, formats_;
  std::vector<bool> nulls_;
  PGresult* result_ = nullptr;
  int row_ = -1;
  bool executed_ = false;
};

class PgConnection final : public Connection {
 public:
  explicit PgConnection(const std::string& url) {
    conn_ = PQconnectdb(with_defaults(url).c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg =
          "cannot connect to PostgreSQL " + redact_password(url) + ": " + PQerrorMessage(conn_);
      PQfinish(conn_);
      conn_ = nullptr;
      throw DatabaseError(msg, DatabaseErrorKind::transient);
    }
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    exec("SET client_encoding = 'UTF8'; SET standard_conforming_strings = on");
  }
  ~PgConnection() override {
    cache_.clear();
    if (conn_) PQfinish(conn_);
  }

  Engine engine() const override { return Engine::postgresql; }

  Statement prepare(std::string_view sql) override {
    std::string key(sql);
    auto it = cache_.find(key);
    if (it != cache_.end()) return Statement(it->second.get());
    int parameters = 0;
    std::string translated = translate_placeholders(sql, &parameters);
    std::string name = "s" + std::to_string(cache_.size() + 1);
    PGresult* r = PQprepare(conn_, name.c_str(), translated.c_str(), 0, nullptr);
    check(r, translated);
    PQclear(r);
    auto st = std::make_unique<PgStatement>(*this, name, parameters, translated);
    auto* raw = st.get();
    cache_.emplace(std::move(key), std::move(st));
    return Statement(raw);
  }

  void exec(std::string_view sql) override {
    std::string s(sql);
    PGresult* r = PQexec(conn_, s.c_str());
    check(r, s);
    PQclear(r);
  }

  int64_t changes() const override { return changes_; }

  void begin(bool write) override {
    // Writers queue on one advisory lock, held to the end of the transaction: the same
    // one-writer-at-a-time rule as SQLite's BEGIN IMMEDIATE, across every instance.
    exec(write ? "BEGIN; SELECT pg_advisory_xact_lock(72010)"
               : "BEGIN ISOLATION LEVEL REPEATABLE READ");
  }
  void commit() override { exec("COMMIT"); }
  void rollback() override {
    if (PQstatus(conn_) == CONNECTION_OK) exec("ROLLBACK");
  }
  bool healthy() const override { return !broken_ && PQstatus(conn_) == CONNECTION_OK; }
  void set_statement_limit(std::chrono::milliseconds limit) override {
    if (limit == limit_) return;
    exec("SET statement_timeout = " + std::to_string(limit.count()));
    limit_ = limit;
  }

  // Throws a typed error unless `r` succeeded; notes a broken or read-only connection.
  void check(PGresult* r, std::string_view sql) {
    auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
      const char* n = PQcmdTuples(r);
      changes_ = n && *n ? std::strtoll(n, nullptr, 10) : 0;
      return;
    }
    const char* sqlstate = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    std::string msg = std::string(sql.substr(0, 300)) + ": " +
                      (r ? PQresultErrorMessage(r) : PQerrorMessage(conn_));
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    auto kind = kind_of(sqlstate);
    // A lost link, or a server that became a standby: this connection is done for.
    if (PQstatus(conn_) != CONNECTION_OK || (sqlstate && std::string_view(sqlstate) == "25006"))
      broken_ = true;
    if (r) PQclear(r);
    throw DatabaseError(msg, kind);
  }

  PGconn* handle() { return conn_; }

 private:
  std::chrono::milliseconds limit_{0};  // the server default: none
  // Connecting gives up after 2 s per host, so that a dead server is a quick 503.
  static std::string with_defaults(const std::string& url) {
    if (url.find("connect_timeout=") != std::string::npos) return url;
    return url + (url.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=2";
  }

  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<PgStatement>> cache_;
  int64_t changes_ = 0;
  bool broken_ = false;
};

bool PgStatement::step() {
  if (!executed_) {
    std::vector<const char*> values(values_.size());
    for (size_t i = 0; i < values_.size(); ++i)
      values[i] = nulls_[i] ? nullptr : values_[i].c_str();
    PGresult* r = PQexecPrepared(c_.handle(), name_.c_str(), static_cast<int>(values_.size()),
                                 values.data(), lengths_.data(), formats_.data(), 0);
    executed_ = true;
    c_.check(r, sql_);  // throws (and frees r) unless it succeeded
    result_ = r;
  }
  ++row_;
  return result_ && row_ < PQntuples(result_);
}

}  // namespace
}  // namespace postgres

std::unique_ptr<Connection> connect_postgres(const std::string& url) {
  return std::make_unique<postgres::PgConnection>(url);
}

std::string redact_password(const std::string& url) {
  std::string out = url;
  auto scheme = out.find("://");
  auto at = out.find('@');
  if (scheme != std::string::npos && at != std::string::npos && at > scheme) {
    auto colon = out.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  auto pw = out.find("password=");
  if (pw != std::string::npos) {
    auto end = out.find('&', pw);
    out.replace(pw + 9, (end == std::string::npos ? out.size() : end) - pw - 9, "***");
  }
  return out;
}

}  // namespace hoptac::store
