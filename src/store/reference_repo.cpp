#include "store/reference_repo.hpp"

#include "store/like_pattern.hpp"

namespace hoptac::store {

namespace {
constexpr const char* kValidAt =
    "(u.valid_from IS NULL OR u.valid_from <= ?1) AND (u.valid_to IS NULL OR u.valid_to >= ?1)";

AdminUnitRow read_unit(const Statement& st) {
  AdminUnitRow r;
  r.id = st.i64(0);
  r.code = st.text(1);
  r.level = st.text(2);
  r.name = st.text(3);
  r.type = st.text(4);
  r.parent_code = st.text(5);
  r.valid_from = st.text(6);
  r.valid_to = st.text(7);
  return r;
}

void add_successors(Connection& c, AdminUnitRow& r) {
  auto st = c.prepare(
      "SELECT n.code FROM admin_unit_successors s JOIN admin_units n ON n.id = s.new_id "
      "WHERE s.old_id = ? ORDER BY n.code");
  st.bind(r.id);
  while (st.step()) r.successor_codes.push_back(st.text(0));
}
}  // namespace

const char* const kAgencyFullColumns =
    "SELECT a.id, a.code, a.name, a.short_name, a.kind, a.active, a.merged_into, "
    "coalesce(a.retired_on, ''), coalesce(a.commune_id, 0), coalesce(u.code, ''), "
    "coalesce(u.name, '') FROM agencies a LEFT JOIN admin_units u ON u.id = a.commune_id";

AgencyRow read_full_agency(const Statement& st) {
  AgencyRow a{st.i64(0),  st.text(1),     st.text(2),    st.text(3),
              st.text(4), st.i64(5) != 0, st.opt_i64(6), st.text(7)};
  a.commune_id = st.i64(8);
  a.commune_code = st.text(9);
  a.commune_name = st.text(10);
  return a;
}

std::vector<AdminUnitRow> ReferenceRepo::admin_units(const AdminUnitQuery& q, int64_t* total) {
  std::string where = std::string(" WHERE ") + kValidAt +
                      " AND (CAST(?2 AS TEXT) IS NULL OR u.level = ?2)"
                      " AND (CAST(?3 AS TEXT) IS NULL OR u.parent_id IN (SELECT id FROM "
                      "admin_units WHERE code = ?3))"
                      " AND (CAST(?4 AS TEXT) IS NULL OR u.name_folded LIKE ?4 ESCAPE '\\')";
  std::optional<std::string> like_q;
  if (q.q_folded) like_q = like_contains(*q.q_folded);
  {
    auto st = c_.prepare("SELECT count(*) FROM admin_units u" + where);
    st.bind_all(q.as_of, q.level, q.parent, like_q);
    *total = st.step() ? st.i64(0) : 0;
  }
  auto st = c_.prepare(
      "SELECT u.id, u.code, u.level, u.name, u.type, coalesce(p.code, ''), "
      "coalesce(u.valid_from, ''), coalesce(u.valid_to, '') FROM admin_units u "
      "LEFT JOIN admin_units p ON p.id = u.parent_id" +
      where + " ORDER BY u.code LIMIT ?5 OFFSET ?6");
  st.bind_all(q.as_of, q.level, q.parent, like_q, static_cast<int64_t>(q.per_page),
              static_cast<int64_t>(q.page - 1) * q.per_page);
  std::vector<AdminUnitRow> out;
  while (st.step()) out.push_back(read_unit(st));
  for (auto& r : out) add_successors(c_, r);
  return out;
}

std::optional<AdminUnitRow> ReferenceRepo::commune_valid_at(const std::string& code,
                                                            const std::string& date) {
  auto st = c_.prepare(
      std::string("SELECT u.id, u.code, u.level, u.name, u.type, coalesce(p.code, ''), "
                  "coalesce(u.valid_from, ''), coalesce(u.valid_to, '') FROM admin_units u "
                  "LEFT JOIN admin_units p ON p.id = u.parent_id WHERE ") +
      kValidAt + " AND u.level = 'commune' AND u.code = ?2");
  st.bind_all(date, code);
  if (!st.step()) return std::nullopt;
  return read_unit(st);
}

bool ReferenceRepo::unit_code_exists(const std::string& level, const std::string& code) {
  auto st = c_.prepare("SELECT EXISTS (SELECT 1 FROM admin_units WHERE level = ? AND code = ?)");
  st.bind_all(level, code);
  return st.step() && st.i64(0) != 0;
}

std::vector<AgencyRow> ReferenceRepo::agencies(bool include_retired) {
  auto st =
      c_.prepare(std::string(kAgencyFullColumns) + " WHERE a.active = 1 OR ? = 1 ORDER BY a.id");
  st.bind(static_cast<int64_t>(include_retired ? 1 : 0));
  std::vector<AgencyRow> out;
  while (st.step()) out.push_back(read_full_agency(st));
  return out;
}

std::optional<int64_t> ReferenceRepo::active_agency_of_commune(int64_t commune_id) {
  auto st = c_.prepare("SELECT id FROM agencies WHERE commune_id = ? AND active = 1");
  st.bind(commune_id);
  if (!st.step()) return std::nullopt;
  return st.i64(0);
}

namespace {
constexpr const char* kAgencyColumns = "id, code, name, short_name, kind, active";
// An agency as the lookups by id and code read it (whether it is active, not its merge).
AgencyRow read_agency(const Statement& st) {
  AgencyRow a{st.i64(0), st.text(1), st.text(2), st.text(3), st.text(4)};
  a.active = st.i64(5) != 0;
  return a;
}
}  // namespace

std::optional<AgencyRow> ReferenceRepo::agency_by_code(const std::string& code) {
  auto st = c_.prepare(std::string("SELECT ") + kAgencyColumns + " FROM agencies WHERE code = ?");
  st.bind(code);
  if (!st.step()) return std::nullopt;
  return read_agency(st);
}

int64_t ReferenceRepo::insert_agency(const AgencyRow& a) {
  auto st = c_.prepare(
      "INSERT INTO agencies (code, name, short_name, kind, commune_id) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id");
  std::optional<int64_t> commune;
  if (a.commune_id != 0) commune = a.commune_id;
  st.bind_all(a.code, a.name, a.short_name, a.kind, commune);
  st.step();
  return st.i64(0);
}

bool ReferenceRepo::cooperative_exists(int64_t id) {
  auto st = c_.prepare("SELECT EXISTS (SELECT 1 FROM cooperatives WHERE id = ?)");
  st.bind(id);
  return st.step() && st.i64(0) != 0;
}

std::optional<std::string> ReferenceRepo::cooperative_name(int64_t id) {
  auto st = c_.prepare("SELECT name FROM cooperatives WHERE id = ?");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

std::optional<AgencyRow> ReferenceRepo::agency_by_id(int64_t id) {
  auto st = c_.prepare(std::string("SELECT ") + kAgencyColumns + " FROM agencies WHERE id = ?");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return read_agency(st);
}

}  // namespace hoptac::store
