#include "store/data_move.hpp"

#include <sodium.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "store/petitions_repo.hpp"

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

void copy_table(Connection& from, Connection& to, const std::string& table,
                const std::vector<Column>& cols) {
  std::string marks;
  for (size_t i = 0; i < cols.size(); ++i) marks += i ? ", ?" : "?";
  auto insert = "INSERT INTO " + table + " (" + column_list(cols) + ") VALUES (" + marks + ")";
  auto src = from.prepare("SELECT " + column_list(cols) + " FROM " + table);
  while (src.step()) {
    auto dst = to.prepare(insert);
    for (size_t i = 0; i < cols.size(); ++i) {
      const int k = static_cast<int>(i);
      if (src.is_null(k))
        dst.bind(std::nullopt);
      else if (cols[i].type == "bytea")
        dst.bind_blob(src.blob(k));
      else
        dst.bind(normalised(src, k, cols[i]));
    }
    dst.run();
  }
  // Identity columns go on after the largest id copied.
  for (const auto& c : cols)
    if (c.name == "id") {
      to.exec("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((SELECT " +
              "max(id) FROM " + table + "), 0) + 1, false)");
      break;
    }
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
  for (auto t = tables.rbegin(); t != tables.rend(); ++t) dst->exec("DELETE FROM " + *t);
  for (const auto& t : tables) dst->exec("ALTER TABLE " + t + " DISABLE TRIGGER USER");
  for (const auto& t : tables) copy_table(*src, *dst, t, columns_of(*dst, t));
  for (const auto& t : tables) dst->exec("ALTER TABLE " + t + " ENABLE TRIGGER USER");
  {
    PetitionsRepo repo(*dst);
    std::vector<int64_t> ids;
    auto st = dst->prepare("SELECT id FROM petitions");
    while (st.step()) ids.push_back(st.i64(0));
    for (auto id : ids) repo.refresh_search(id);
  }
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
