#include "store/audit_repo.hpp"

#include "store/conditions.hpp"

namespace hoptac::store {

namespace {
constexpr const char* kColumns =
    "id, at, user_id, username, address, kind, object_type, object_id, summary, prev_hash, hash";

AuditRow read_row(const Statement& st) {
  return AuditRow{st.i64(0),  st.text(1), st.opt_i64(2), st.text(3), st.text(4), st.text(5),
                  st.text(6), st.text(7), st.text(8),    st.text(9), st.text(10)};
}
}  // namespace

std::pair<int64_t, std::string> AuditRepo::last() {
  auto st = c_.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  if (!st.step()) return {0, ""};
  return {st.i64(0), st.text(1)};
}

int64_t AuditRepo::append(const AuditRow& r) {
  auto st = c_.prepare(
      "INSERT INTO audit_log (id, at, user_id, username, address, kind, object_type, object_id, "
      "summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  st.bind_all(r.id, r.at, r.user_id, r.username, r.address, r.kind, r.object_type, r.object_id,
              r.summary, r.prev_hash, r.hash);
  st.step();
  return st.i64(0);
}

std::vector<AuditRow> AuditRepo::list(const AuditFilter& f, int64_t* total) {
  Conditions where;
  if (f.user_id) where.add("user_id = ?", *f.user_id);
  if (f.username) where.add("username = ?", *f.username);
  if (f.kind) where.add("kind = ?", *f.kind);
  if (f.object_type) where.add("object_type = ?", *f.object_type);
  if (f.object_id) where.add("object_id = ?", *f.object_id);
  if (f.from) where.add("at >= ?", *f.from);
  if (f.to) where.add("at < ?", *f.to + "T24");  // the whole of the last day
  if (total) {
    auto count = c_.prepare("SELECT count(*) FROM audit_log " + where.sql());
    where.bind(count);
    count.step();
    *total = count.i64(0);
  }
  auto st = c_.prepare(std::string("SELECT ") + kColumns + " FROM audit_log " + where.sql() +
                       " ORDER BY id DESC LIMIT ? OFFSET ?");
  where.bind(st);
  st.bind_all(static_cast<int64_t>(f.per_page),
              static_cast<int64_t>(f.page - 1) * static_cast<int64_t>(f.per_page));
  std::vector<AuditRow> out;
  while (st.step()) out.push_back(read_row(st));
  return out;
}

void AuditRepo::walk(const std::function<bool(const AuditRow&)>& visit, int batch) {
  int64_t after = 0;
  for (;;) {
    auto st = c_.prepare(std::string("SELECT ") + kColumns +
                         " FROM audit_log WHERE id > ? ORDER BY id LIMIT ?");
    st.bind_all(after, static_cast<int64_t>(batch));
    int n = 0;
    while (st.step()) {
      AuditRow r = read_row(st);
      after = r.id;
      ++n;
      if (!visit(r)) return;
    }
    if (n < batch) return;
  }
}

}  // namespace hoptac::store
