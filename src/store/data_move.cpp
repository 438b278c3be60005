#include "store/data_move.hpp"

#include <sodium.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <utility>
#include <vector>

#include "store/petitions_repo.hpp"
#include "text/fold.hpp"

namespace hoptac::store {

namespace {

struct Column {
  std::string name, type;  // PostgreSQL's data_type: bigint, text, double precision, bytea
};

// The target's tables in creation order, which is the order of their foreign keys.
std::vector<std::string> tables_of(Connection& pg) {
  std::vector<std::string> out;
  auto st = pg.prepare(
      "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = "
      "'public'::regnamespace ORDER BY oid");
  while (st.step()) {
    std::string t = st.text(0);
    // Rebuilt, not copied: the version, the search index, the attachment bytes.
    if (t != "schema_version" && t != "petition_search" && t != "attachment_contents")
      out.push_back(t);
  }
  return out;
}

std::vector<Column> columns_of(Connection& pg, const std::string& table) {
  std::vector<Column> out;
  auto st = pg.prepare(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = "
      "'public' AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position");
  st.bind(table);
  while (st.step()) out.push_back({st.text(0), st.text(1)});
  return out;
}

std::string column_list(const std::vector<Column>& cols) {
  std::string s;
  for (const auto& c : cols) s += (s.empty() ? "" : ", ") + c.name;
  return s;
}

// One value as both sides agree to write it: by the target's type, so that SQLite's 5000.0
// and PostgreSQL's 5000 are the same number.
std::string normalised(const Statement& st, int i, const Column& c) {
  if (st.is_null(i)) return std::string("\0N", 2);
  if (c.type == "bigint" || c.type == "integer") return std::to_string(st.i64(i));
  if (c.type == "double precision") {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", st.f64(i));
    return buf;
  }
  if (c.type == "bytea") return st.blob(i);
  return st.text(i);
}

// The SHA-256 of the sorted digests of the rows: independent of the order rows come in (the
// engines sort NULLs differently).
TableMoved checksum(Connection& c, const std::string& table, const std::vector<Column>& cols) {
  TableMoved t{table, 0, ""};
  std::vector<std::string> rows;
  auto st = c.prepare("SELECT " + column_list(cols) + " FROM " + table);
  while (st.step()) {
    ++t.rows;
    crypto_hash_sha256_state h;
    crypto_hash_sha256_init(&h);
    for (size_t i = 0; i < cols.size(); ++i) {
      std::string v = normalised(st, static_cast<int>(i), cols[i]);
      const uint64_t n = v.size();
      crypto_hash_sha256_update(&h, reinterpret_cast<const unsigned char*>(&n), sizeof n);
      crypto_hash_sha256_update(&h, reinterpret_cast<const unsigned char*>(v.data()), v.size());
    }
    std::string row(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256_final(&h, reinterpret_cast<unsigned char*>(row.data()));
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end());
  std::string all;
  for (const auto& r : rows) all += r;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(all.data()), all.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  t.checksum = hex;
  return t;
}

// Rows written many to one INSERT: a round trip to PostgreSQL per batch, not per row (a
// million petitions took 17 minutes row by row). A batch stays under the protocol's 65,535
// parameters; the last, shorter one has its own statement.
class BatchInsert {
 public:
  BatchInsert(Connection& to, std::string table, const std::vector<std::string>& columns)
      : to_(to),
        width_(columns.size()),
        rows_per_batch_(std::clamp<size_t>(60000 / width_, 1, 500)) {
    head_ = "INSERT INTO " + table + " (";
    for (size_t i = 0; i < columns.size(); ++i) head_ += (i ? ", " : "") + columns[i];
    head_ += ") VALUES ";
  }

  enum class Kind { null, text, blob };
  void add(Kind kind, std::string value = {}) {
    values_.push_back({kind, std::move(value)});
    if (values_.size() == width_ * rows_per_batch_) flush();
  }
  void flush() {
    if (values_.empty()) return;
    auto st = to_.prepare(sql_for(values_.size() / width_));
    for (auto& [kind, v] : values_) {
      if (kind == Kind::null)
        st.bind(std::nullopt);
      else if (kind == Kind::blob)
        st.bind_blob(v);
      else
        st.bind(v);
    }
    st.run();
    values_.clear();
  }

 private:
  std::string sql_for(size_t rows) const {
    std::string row = "(";
    for (size_t i = 0; i < width_; ++i) row += i ? ", ?" : "?";
    row += ")";
    std::string sql = head_;
    for (size_t r = 0; r < rows; ++r) sql += (r ? ", " : "") + row;
    return sql;
  }
  Connection& to_;
  size_t width_, rows_per_batch_;
  std::string head_;
  std::vector<std::pair<Kind, std::string>> values_;
};

void copy_table(Connection& from, Connection& to, const std::string& table,
                const std::vector<Column>& cols) {
  std::vector<std::string> names;
  for (const auto& c : cols) names.push_back(c.name);
  BatchInsert insert(to, table, names);
  auto src = from.prepare("SELECT " + column_list(cols) + " FROM " + table);
  while (src.step()) {
    for (size_t i = 0; i < cols.size(); ++i) {
      const int k = static_cast<int>(i);
      if (src.is_null(k))
        insert.add(BatchInsert::Kind::null);
      else if (cols[i].type == "bytea")
        insert.add(BatchInsert::Kind::blob, src.blob(k));
      else
        insert.add(BatchInsert::Kind::text, normalised(src, k, cols[i]));
    }
  }
  insert.flush();
  // Identity columns go on after the largest id copied.
  for (const auto& c : cols)
    if (c.name == "id") {
      to.exec("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((SELECT " +
              "max(id) FROM " + table + "), 0) + 1, false)");
      break;
    }
}

// Every petition's search text, made as PetitionsRepo::refresh_search makes it (code, title,
// content, then each answer's text and legal basis, folded), from the source's rows read in id
// order beside their answers, and written in batches.
void rebuild_search(Connection& from, Connection& to) {
  BatchInsert insert(to, "petition_search", {"petition_id", "folded"});
  auto petitions = from.prepare("SELECT id, code, title, content FROM petitions ORDER BY id");
  auto answers = from.prepare(
      "SELECT petition_id, text, legal_basis FROM petition_answers ORDER BY petition_id, id");
  bool more_answers = answers.step();
  while (petitions.step()) {
    const int64_t id = petitions.i64(0);
    std::string text = petitions.text(1) + " " + petitions.text(2) + " " + petitions.text(3);
    while (more_answers && answers.i64(0) < id) more_answers = answers.step();
    while (more_answers && answers.i64(0) == id) {
      text += " " + answers.text(1) + " " + answers.text(2);
      more_answers = answers.step();
    }
    insert.add(BatchInsert::Kind::text, std::to_string(id));
    insert.add(BatchInsert::Kind::text, text::fold(text));
  }
  insert.flush();
}

int64_t copy_attachments(Connection& to, const std::string& files_dir) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(files_dir) / "attachments";
  int64_t n = 0;
  PetitionsRepo repo(to);
  std::vector<std::string> hashes;
  {
    auto st = to.prepare("SELECT DISTINCT sha256 FROM petition_attachments");
    while (st.step()) hashes.push_back(st.text(0));
  }
  for (const auto& sha : hashes) {
    std::ifstream in(dir / sha, std::ios::binary);
    if (!in) throw std::runtime_error("attachment " + sha + " is missing from " + dir.string());
    repo.put_content(sha, std::string(std::istreambuf_iterator<char>(in), {}));
    ++n;
  }
  return n;
}

}  // namespace

DataMoved move_data(Database& from, Database& to) {
  if (from.engine() != Engine::sqlite || to.engine() != Engine::postgresql)
    throw std::runtime_error("migrate-data moves an SQLite database to PostgreSQL");
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  from.migrate();
  to.migrate();
  auto src = from.acquire();
  auto dst = to.acquire();
  {
    auto st = dst->prepare(
        "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM cooperatives) + "
        "(SELECT count(*) FROM petitions)");
    st.step();
    if (st.i64(0) != 0)
      throw std::runtime_error(
          "the target database is not empty (it has users, cooperatives "
          "or petitions): migrate-data only fills an empty one");
  }
  DataMoved moved;
  Transaction read(*src, Transaction::Mode::read);
  Transaction write(*dst, Transaction::Mode::write);
  const auto tables = tables_of(*dst);
  // The seed rows of the migrations are replaced by the source's own, ids and all.
  // Triggers off first: the audit log's refuses even an empty DELETE.
  for (const auto& t : tables) dst->exec("ALTER TABLE " + t + " DISABLE TRIGGER USER");
  for (auto t = tables.rbegin(); t != tables.rend(); ++t) dst->exec("DELETE FROM " + *t);
  for (const auto& t : tables) copy_table(*src, *dst, t, columns_of(*dst, t));
  for (const auto& t : tables) dst->exec("ALTER TABLE " + t + " ENABLE TRIGGER USER");
  rebuild_search(*src, *dst);
  moved.attachments = copy_attachments(*dst, from.files_dir());
  for (const auto& t : tables) {
    auto cols = columns_of(*dst, t);
    auto a = checksum(*src, t, cols);
    auto b = checksum(*dst, t, cols);
    if (a.rows != b.rows || a.checksum != b.checksum)
      throw std::runtime_error("table " + t + " differs after the copy (" + std::to_string(a.rows) +
                               " rows in the source, " + std::to_string(b.rows) +
                               " in the target); nothing was kept");
    moved.tables.push_back(b);
  }
  write.commit();
  return moved;
}

}  // namespace hoptac::store
