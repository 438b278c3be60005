#include "store/cooperatives_repo.hpp"

#include "store/conditions.hpp"
#include "store/like_pattern.hpp"
#include "text/collation.hpp"
#include "text/fold.hpp"

namespace hoptac::store {

using domain::Date;

namespace {

constexpr const char* kSelect =
    "SELECT c.id, c.kind, c.name, coalesce(c.registration_code, ''), c.address, c.founded_on, "
    "c.charter_capital_vnd, c.status, c.rep_name, c.rep_title, c.rep_phone, c.rep_email, "
    "c.version, c.created_at, c.updated_at, "
    "w.id, w.code, w.name, coalesce(w.valid_from, ''), coalesce(w.valid_to, ''), "
    "d.id, coalesce(d.code, ''), coalesce(d.name, ''), p.id, p.code, p.name, "
    "y.year, y.members_official + y.members_associate, coalesce(y.classification, '') ";

constexpr const char* kJoins =
    "JOIN admin_units w ON w.id = c.commune_id "
    "LEFT JOIN admin_units d ON d.id = w.parent_id AND d.level = 'district' "
    "JOIN admin_units p ON p.id = w.province_id ";

// The year whose figures a row shows: the one asked for, or the cooperative's latest.
std::string figures_year(const CooperativeFilter& f) {
  return f.year ? std::to_string(*f.year)
                : "(SELECT max(year) FROM cooperative_years m WHERE m.cooperative_id = c.id)";
}

// q=: a substring of the folded searchable text (name, code, address, units' names). On SQLite,
// three letters or more are looked up in the trigram index (a phrase of trigrams is a substring);
// shorter ones, and PostgreSQL (whose pg_trgm index serves LIKE itself), use LIKE.
void add_text_search(Conditions& w, const std::string& folded, Engine engine) {
  if (engine == Engine::sqlite && text::length_in_characters(folded) >= 3) {
    std::string phrase = "\"";
    for (char ch : folded) phrase += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    phrase += "\"";
    w.add("c.id IN (SELECT rowid FROM cooperatives_trgm WHERE cooperatives_trgm MATCH ?)", phrase);
    return;
  }
  w.add("c.search_folded LIKE ? ESCAPE '\\'", like_contains(folded));
}

// The filters in use, on `c` alone, so that the count needs no join.
Conditions where_of(const CooperativeFilter& f, Engine engine) {
  Conditions w;
  if (f.q_folded) add_text_search(w, *f.q_folded, engine);
  if (f.kind) w.add("c.kind = ?", *f.kind);
  if (f.status) w.add("c.status = ?", *f.status);
  if (f.district)
    w.add(
        "c.commune_id IN (SELECT x.id FROM admin_units x JOIN admin_units dd ON dd.id = "
        "x.parent_id "
        "WHERE dd.level = 'district' AND dd.code = ?)",
        *f.district);
  if (f.commune) {
    // The commune as registered, or a new commune that the registered one became.
    w.add(
        "c.commune_id IN (SELECT id FROM admin_units WHERE level = 'commune' AND code = ? "
        "UNION SELECT s.old_id FROM admin_unit_successors s JOIN admin_units n ON n.id = s.new_id "
        "WHERE n.code = ?)",
        {*f.commune, *f.commune});
  }
  if (f.sector)
    w.add("c.id IN (SELECT cooperative_id FROM cooperative_sectors WHERE sector = ?)", *f.sector);
  if (f.year && !f.classification)
    w.add("c.id IN (SELECT cooperative_id FROM cooperative_years WHERE year = " +
          std::to_string(*f.year) + ")");
  if (f.classification)
    w.add(
        "EXISTS (SELECT 1 FROM cooperative_years y2 WHERE y2.cooperative_id = c.id AND y2.year = " +
            figures_year(f) + " AND y2.classification = ?)",
        *f.classification);
  return w;
}

domain::Cooperative read_cooperative(const Statement& st) {
  domain::Cooperative c;
  c.id = st.i64(0);
  c.kind = st.text(1);
  c.name = st.text(2);
  c.registration_code = st.text(3);
  c.address = st.text(4);
  if (auto d = st.opt_text(5)) c.founded_on = Date::parse(*d);
  c.charter_capital_vnd = st.opt_i64(6);
  c.status = st.text(7);
  c.representative = {st.text(8), st.text(9), st.text(10), st.text(11)};
  c.version = st.i64(12);
  c.created_at = st.text(13);
  c.updated_at = st.text(14);
  c.commune = {st.i64(15), st.text(16), st.text(17), "commune", st.text(18), st.text(19)};
  if (!st.is_null(20)) c.district = {st.i64(20), st.text(21), st.text(22), "district", "", ""};
  c.province = {st.i64(23), st.text(24), st.text(25), "province", "", ""};
  if (!st.is_null(26)) {
    c.figures_year = static_cast<int>(st.i64(26));
    c.members = st.i64(27);
    c.classification = st.text(28);
  }
  return c;
}

std::string order_by(const CooperativeFilter& f) {
  std::string dir = f.descending ? " DESC" : " ASC";
  if (f.sort == "registration_code") return "ORDER BY c.registration_code" + dir + ", c.id";
  if (f.sort == "founded_on") return "ORDER BY c.founded_on" + dir + ", c.id";
  if (f.sort == "members") return "ORDER BY 28" + dir + ", c.id";
  if (f.sort == "id") return "ORDER BY c.id" + dir;
  return "ORDER BY c.name_sort" + dir + ", c.id" + dir;
}

// The folded names a cooperative is found by besides its own: its commune, its district
// (before the reform) and the new communes its commune became (after it), as 0011 writes them.
std::string unit_names_folded(Connection& conn, int64_t commune_unit_id) {
  auto q = conn.prepare(
      "SELECT 0, w.name_folded, '' FROM admin_units w WHERE w.id = ? "
      "UNION ALL SELECT 1, d.name_folded, '' FROM admin_units w JOIN admin_units d "
      "ON d.id = w.parent_id AND d.level = 'district' WHERE w.id = ? "
      "UNION ALL SELECT 2, n.name_folded, n.code FROM admin_unit_successors s "
      "JOIN admin_units n ON n.id = s.new_id WHERE s.old_id = ? ORDER BY 1, 3");
  q.bind_all(commune_unit_id, commune_unit_id, commune_unit_id);
  std::string out;
  while (q.step()) out += " | " + q.text(1);
  return out;
}

// The record's columns in the order INSERT and UPDATE list them, ending with the searchable
// text (name, code, address, then the units' names, folded) and the name's Vietnamese sort
// key: both computed here, so that neither engine needs an SQL function of ours.
void bind_record(Connection& conn, Statement& st, const domain::Cooperative& c,
                 int64_t commune_unit_id) {
  std::optional<std::string> code;
  if (!c.registration_code.empty()) code = c.registration_code;
  std::optional<std::string> founded;
  if (c.founded_on) founded = c.founded_on->iso();
  st.bind_all(c.kind, c.name, code, commune_unit_id, c.address, founded, c.charter_capital_vnd,
              c.status, c.representative.name, c.representative.title, c.representative.phone,
              c.representative.email,
              text::fold(c.name + " | " + c.registration_code + " | " + c.address) +
                  unit_names_folded(conn, commune_unit_id));
  st.bind_blob(text::sort_key(c.name));
}

domain::CooperativeYear read_year(const Statement& st) {
  domain::CooperativeYear y;
  y.cooperative_id = st.i64(0);
  y.year = static_cast<int>(st.i64(1));
  y.members_official = st.i64(2);
  y.members_associate = st.i64(3);
  y.workers = st.i64(4);
  y.revenue_vnd = st.i64(5);
  y.profit_vnd = st.i64(6);
  y.avg_income_vnd = st.i64(7);
  y.classification = st.text(8);
  if (auto s = st.opt_i64(9)) y.classification_score = static_cast<int>(*s);
  y.updated_at = st.text(10);
  return y;
}

domain::OcopProduct read_product(const Statement& st) {
  domain::OcopProduct p;
  p.id = st.i64(0);
  p.cooperative_id = st.i64(1);
  p.name = st.text(2);
  p.group = st.text(3);
  p.stars = static_cast<int>(st.i64(4));
  if (auto s = st.opt_i64(5)) p.score = static_cast<int>(*s);
  p.decision_no = st.text(6);
  p.decided_on = Date::parse(st.text(7)).value_or(Date{});
  p.expires_on = Date::parse(st.text(8)).value_or(Date{});
  return p;
}

constexpr const char* kProductColumns =
    "SELECT id, cooperative_id, name, product_group, stars, score, decision_no, decided_on, "
    "expires_on FROM ocop_products ";
}  // namespace

std::vector<domain::Cooperative> CooperativesRepo::list(const CooperativeFilter& f,
                                                        int64_t* total) {
  const Conditions w = where_of(f, c_.engine());
  {
    auto st = c_.prepare("SELECT count(*) FROM cooperatives c " + w.sql());
    w.bind(st);
    *total = st.step() ? st.i64(0) : 0;
  }
  // Many matches in name order: walking the name index and checking each row against the
  // matches stops after a page, where sorting every match cost milliseconds (SQLite's planner
  // does not weigh the two; PostgreSQL's does).
  const std::string order = order_by(f);
  const bool by_name = order.rfind("ORDER BY c.name_sort", 0) == 0;
  const bool walk_names = c_.engine() == Engine::sqlite && f.q_folded && by_name && *total > 500;
  std::string sql =
      std::string(kSelect) + "FROM cooperatives c " +
      (walk_names ? "INDEXED BY cooperatives_name_sort " : "") + kJoins +
      "LEFT JOIN cooperative_years y ON y.cooperative_id = c.id AND y.year = " + figures_year(f) +
      " " + w.sql() + " " + order + " LIMIT ? OFFSET ?";
  auto st = c_.prepare(sql);
  w.bind(st);
  st.bind(f.per_page > 0 ? static_cast<int64_t>(f.per_page) : INT64_MAX);  // all: no LIMIT -1 in PG
  st.bind(f.per_page > 0 ? static_cast<int64_t>(f.page - 1) * f.per_page : int64_t{0});
  std::vector<domain::Cooperative> out;
  while (st.step()) out.push_back(read_cooperative(st));
  for (auto& c : out) load_details(c);
  return out;
}

std::optional<domain::Cooperative> CooperativesRepo::get(int64_t id) {
  auto st = c_.prepare(std::string(kSelect) +
                       "FROM cooperatives c JOIN admin_units w ON w.id = c.commune_id "
                       "LEFT JOIN admin_units d ON d.id = w.parent_id AND d.level = 'district' "
                       "JOIN admin_units p ON p.id = w.province_id "
                       "LEFT JOIN cooperative_years y ON y.cooperative_id = c.id AND y.year = "
                       "(SELECT max(year) FROM cooperative_years m WHERE m.cooperative_id = c.id) "
                       "WHERE c.id = ?");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  auto c = read_cooperative(st);
  load_details(c);
  return c;
}

void CooperativesRepo::load_details(domain::Cooperative& c) {
  {
    auto st = c_.prepare(
        "SELECT sector FROM cooperative_sectors WHERE cooperative_id = ? ORDER BY position");
    st.bind(c.id);
    while (st.step()) c.sectors.push_back(st.text(0));
  }
  auto st = c_.prepare(
      "SELECT n.id, n.code, n.name, coalesce(n.valid_from, ''), coalesce(n.valid_to, '') "
      "FROM admin_unit_successors s JOIN admin_units n ON n.id = s.new_id WHERE s.old_id = ? "
      "ORDER BY n.code");
  st.bind(c.commune.id);
  while (st.step())
    c.current_communes.push_back(
        {st.i64(0), st.text(1), st.text(2), "commune", st.text(3), st.text(4)});
}

void CooperativesRepo::write_sectors(int64_t id, const std::vector<std::string>& sectors) {
  c_.prepare("DELETE FROM cooperative_sectors WHERE cooperative_id = ?").bind(id).run();
  int position = 0;
  for (const auto& s : sectors)
    c_.prepare(
          "INSERT INTO cooperative_sectors (cooperative_id, sector, position) "
          "VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        .bind_all(id, s, position++)
        .run();
}

int64_t CooperativesRepo::insert(const domain::Cooperative& c, int64_t commune_unit_id,
                                 const std::string& now) {
  auto st = c_.prepare(
      "INSERT INTO cooperatives (kind, name, registration_code, commune_id, address, founded_on, "
      "charter_capital_vnd, status, rep_name, rep_title, rep_phone, rep_email, search_folded, "
      "name_sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?) RETURNING id");
  bind_record(c_, st, c, commune_unit_id);
  st.bind_all(now, now);
  st.step();
  int64_t id = st.i64(0);
  write_sectors(id, c.sectors);
  return id;
}

void CooperativesRepo::update(const domain::Cooperative& c, int64_t commune_unit_id,
                              const std::string& now) {
  auto st = c_.prepare(
      "UPDATE cooperatives SET kind = ?, name = ?, registration_code = ?, commune_id = ?, "
      "address = ?, founded_on = ?, charter_capital_vnd = ?, status = ?, rep_name = ?, "
      "rep_title = ?, rep_phone = ?, rep_email = ?, "
      "search_folded = ?, name_sort = ?, version = version + 1, updated_at = ? WHERE id = ?");
  bind_record(c_, st, c, commune_unit_id);
  st.bind_all(now, c.id);
  st.run();
  write_sectors(c.id, c.sectors);
}

bool CooperativesRepo::registration_code_taken(const std::string& code, int64_t except_id) {
  auto st = c_.prepare(
      "SELECT EXISTS (SELECT 1 FROM cooperatives WHERE registration_code = ? AND id <> ?)");
  st.bind_all(code, except_id);
  return st.step() && st.i64(0) != 0;
}

std::vector<domain::CooperativeYear> CooperativesRepo::years(int64_t cooperative_id) {
  auto st = c_.prepare(
      "SELECT cooperative_id, year, members_official, members_associate, workers, revenue_vnd, "
      "profit_vnd, avg_income_vnd, coalesce(classification, ''), classification_score, updated_at "
      "FROM cooperative_years WHERE cooperative_id = ? ORDER BY year DESC");
  st.bind(cooperative_id);
  std::vector<domain::CooperativeYear> out;
  while (st.step()) out.push_back(read_year(st));
  return out;
}

std::optional<domain::CooperativeYear> CooperativesRepo::year(int64_t cooperative_id, int year) {
  auto st = c_.prepare(
      "SELECT cooperative_id, year, members_official, members_associate, workers, revenue_vnd, "
      "profit_vnd, avg_income_vnd, coalesce(classification, ''), classification_score, updated_at "
      "FROM cooperative_years WHERE cooperative_id = ? AND year = ?");
  st.bind_all(cooperative_id, year);
  if (!st.step()) return std::nullopt;
  return read_year(st);
}

void CooperativesRepo::upsert_year(const domain::CooperativeYear& y, const std::string& now) {
  std::optional<std::string> cls;
  if (!y.classification.empty()) cls = y.classification;
  std::optional<int64_t> score;
  if (y.classification_score) score = *y.classification_score;
  c_.prepare(
        "INSERT INTO cooperative_years (cooperative_id, year, members_official, members_associate, "
        "workers, revenue_vnd, profit_vnd, avg_income_vnd, classification, classification_score, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (cooperative_id, year) DO UPDATE SET members_official = "
        "excluded.members_official, "
        "members_associate = excluded.members_associate, workers = excluded.workers, "
        "revenue_vnd = excluded.revenue_vnd, profit_vnd = excluded.profit_vnd, "
        "avg_income_vnd = excluded.avg_income_vnd, classification = excluded.classification, "
        "classification_score = excluded.classification_score, updated_at = excluded.updated_at")
      .bind_all(y.cooperative_id, y.year, y.members_official, y.members_associate, y.workers,
                y.revenue_vnd, y.profit_vnd, y.avg_income_vnd, cls, score, now)
      .run();
}

std::vector<domain::OcopProduct> CooperativesRepo::products(int64_t cooperative_id) {
  auto st = c_.prepare(std::string(kProductColumns) + "WHERE cooperative_id = ? ORDER BY id");
  st.bind(cooperative_id);
  std::vector<domain::OcopProduct> out;
  while (st.step()) out.push_back(read_product(st));
  return out;
}

std::optional<domain::OcopProduct> CooperativesRepo::product(int64_t cooperative_id,
                                                             int64_t product_id) {
  auto st = c_.prepare(std::string(kProductColumns) + "WHERE cooperative_id = ? AND id = ?");
  st.bind_all(cooperative_id, product_id);
  if (!st.step()) return std::nullopt;
  return read_product(st);
}

int64_t CooperativesRepo::insert_product(const domain::OcopProduct& p) {
  std::optional<int64_t> score;
  if (p.score) score = *p.score;
  auto st = c_.prepare(
      "INSERT INTO ocop_products (cooperative_id, name, product_group, stars, score, "
      "decision_no, "
      "decided_on, expires_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  st.bind_all(p.cooperative_id, p.name, p.group, p.stars, score, p.decision_no, p.decided_on.iso(),
              p.expires_on.iso());
  st.step();
  return st.i64(0);
}

void CooperativesRepo::update_product(const domain::OcopProduct& p) {
  std::optional<int64_t> score;
  if (p.score) score = *p.score;
  c_.prepare(
        "UPDATE ocop_products SET name = ?, product_group = ?, stars = ?, score = ?, "
        "decision_no = ?, decided_on = ?, expires_on = ? WHERE id = ?")
      .bind_all(p.name, p.group, p.stars, score, p.decision_no, p.decided_on.iso(),
                p.expires_on.iso(), p.id)
      .run();
}

void CooperativesRepo::delete_product(int64_t product_id) {
  c_.prepare("DELETE FROM ocop_products WHERE id = ?").bind(product_id).run();
}

std::vector<domain::OfftakeContract> CooperativesRepo::contracts(int64_t cooperative_id) {
  auto st = c_.prepare(
      "SELECT id, cooperative_id, partner, product, volume, valid_from, valid_to "
      "FROM offtake_contracts WHERE cooperative_id = ? ORDER BY valid_from DESC, id");
  st.bind(cooperative_id);
  std::vector<domain::OfftakeContract> out;
  while (st.step())
    out.push_back({st.i64(0), st.i64(1), st.text(2), st.text(3), st.text(4),
                   Date::parse(st.text(5)).value_or(Date{}),
                   Date::parse(st.text(6)).value_or(Date{})});
  return out;
}

int64_t CooperativesRepo::insert_contract(const domain::OfftakeContract& k) {
  auto st = c_.prepare(
      "INSERT INTO offtake_contracts (cooperative_id, partner, product, volume, valid_from, "
      "valid_to) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  st.bind_all(k.cooperative_id, k.partner, k.product, k.volume, k.valid_from.iso(),
              k.valid_to.iso());
  st.step();
  return st.i64(0);
}

}  // namespace hoptac::store
