#include "store/planning_repo.hpp"

namespace hoptac::store {

using domain::Date;

namespace {
// ?2 district, ?3 commune (old code, or a new code that old communes became).
constexpr const char* kPlaceJoin =
    "JOIN admin_units w ON w.id = c.commune_id "
    "LEFT JOIN admin_units d ON d.id = w.parent_id AND d.level = 'district' ";
constexpr const char* kPlaceWhere =
    "(CAST(?2 AS TEXT) IS NULL OR d.code = ?2) AND (CAST(?3 AS TEXT) IS NULL OR w.code = ?3 OR "
    "EXISTS (SELECT 1 FROM "
    "admin_unit_successors s JOIN admin_units n ON n.id = s.new_id WHERE s.old_id = w.id AND "
    "n.code = ?3)) ";

std::optional<Date> opt_date(const Statement& st, int col) {
  auto t = st.opt_text(col);
  if (!t) return std::nullopt;
  return Date::parse(*t);
}
}  // namespace

std::vector<domain::CooperativeFacts> PlanningRepo::cooperative_facts(int year,
                                                                      const Place& place) {
  auto st = c_.prepare(
      std::string("SELECT c.kind, c.status, c.founded_on, c.dissolved_on, y.year IS NOT NULL, "
                  "coalesce(y.members_official, 0), coalesce(y.members_associate, 0), "
                  "coalesce(y.workers, 0), coalesce(y.revenue_vnd, 0), coalesce(y.profit_vnd, 0), "
                  "coalesce(y.avg_income_vnd, 0), coalesce(y.classification, '') "
                  "FROM cooperatives c ") +
      kPlaceJoin +
      "LEFT JOIN cooperative_years y ON y.cooperative_id = c.id AND y.year = ?1 WHERE " +
      kPlaceWhere);
  st.bind_all(year, place.district, place.commune);
  std::vector<domain::CooperativeFacts> out;
  while (st.step()) {
    domain::CooperativeFacts f;
    f.kind = st.text(0);
    f.status = st.text(1);
    f.founded_on = opt_date(st, 2);
    f.dissolved_on = opt_date(st, 3);
    f.reported = st.i64(4) != 0;
    f.members_official = st.i64(5);
    f.members_associate = st.i64(6);
    f.workers = st.i64(7);
    f.revenue_vnd = st.i64(8);
    f.profit_vnd = st.i64(9);
    f.avg_income_vnd = st.i64(10);
    f.classification = st.text(11);
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<domain::FactGroup> PlanningRepo::cooperative_groups(int year, const Place& place) {
  const bool anywhere = !place.district && !place.commune;
  if (anywhere) {
    // The whole province: the running totals of migration 0005.
    auto st = c_.prepare(
        "SELECT kind, status, classification, n, members_official, members_associate, workers, "
        "revenue_vnd, profit_vnd, income_weighted FROM figures_tally WHERE year = ? AND n > 0");
    st.bind(year);
    std::vector<domain::FactGroup> out;
    while (st.step())
      out.push_back({st.text(0), st.text(1), st.text(2), st.i64(3), st.i64(4), st.i64(5), st.i64(6),
                     st.i64(7), st.i64(8), st.i64(9)});
    return out;
  }
  std::string sql =
      "SELECT c.kind, c.status, coalesce(y.classification, ''), count(*), sum(y.members_official), "
      "sum(y.members_associate), sum(y.workers), sum(y.revenue_vnd), sum(y.profit_vnd), "
      "sum(y.avg_income_vnd * (y.members_official + y.members_associate)) "
      "FROM cooperative_years y JOIN cooperatives c ON c.id = y.cooperative_id ";
  if (anywhere)
    sql += "WHERE y.year = ?1 AND CAST(?2 AS TEXT) IS NULL AND CAST(?3 AS TEXT) IS NULL ";
  else
    sql += std::string(kPlaceJoin) + "WHERE y.year = ?1 AND " + kPlaceWhere;
  sql += "GROUP BY 1, 2, 3";
  auto st = c_.prepare(sql);
  st.bind_all(year, place.district, place.commune);
  std::vector<domain::FactGroup> out;
  while (st.step())
    out.push_back({st.text(0), st.text(1), st.text(2), st.i64(3), st.i64(4), st.i64(5), st.i64(6),
                   st.i64(7), st.i64(8), st.i64(9)});
  return out;
}

std::pair<int64_t, int64_t> PlanningRepo::founded_and_dissolved(int year, const Place& place) {
  const std::string y = std::to_string(year);
  if (!place.district && !place.commune) {
    auto st = c_.prepare(
        "SELECT (SELECT count(*) FROM cooperatives WHERE founded_on BETWEEN ?1 AND ?2), "
        "(SELECT count(*) FROM cooperatives WHERE dissolved_on BETWEEN ?1 AND ?2)");
    st.bind_all(y + "-01-01", y + "-12-31");
    st.step();
    return {st.i64(0), st.i64(1)};
  }
  auto st = c_.prepare(
      std::string("SELECT count(*) FILTER (WHERE c.founded_on BETWEEN ?4 AND ?5), "
                  "count(*) FILTER (WHERE c.dissolved_on BETWEEN ?4 AND ?5) FROM cooperatives c ") +
      kPlaceJoin + "WHERE CAST(?1 AS TEXT) IS NOT NULL AND " + kPlaceWhere);
  st.bind_all(year, place.district, place.commune, y + "-01-01", y + "-12-31");
  st.step();
  return {st.i64(0), st.i64(1)};
}

std::vector<domain::OcopFacts> PlanningRepo::ocop_facts(const Place& place) {
  auto st =
      c_.prepare(std::string("SELECT o.stars, o.decided_on, o.expires_on FROM ocop_products o "
                             "JOIN cooperatives c ON c.id = o.cooperative_id ") +
                 kPlaceJoin + "WHERE CAST(?1 AS TEXT) IS NULL AND " + kPlaceWhere);
  st.bind_all(std::nullopt, place.district, place.commune);
  std::vector<domain::OcopFacts> out;
  while (st.step())
    out.push_back({static_cast<int>(st.i64(0)), Date::parse(st.text(1)).value_or(Date{}),
                   Date::parse(st.text(2)).value_or(Date{})});
  return out;
}

std::optional<std::pair<int, int>> PlanningRepo::years_with_figures() {
  // Two subqueries: SQLite reads a lone min() or max() from the index's ends, but scans the
  // table for both in one query.
  auto st = c_.prepare(
      "SELECT (SELECT min(year) FROM cooperative_years), (SELECT max(year) FROM "
      "cooperative_years)");
  if (!st.step() || st.is_null(0)) return std::nullopt;
  return std::make_pair(static_cast<int>(st.i64(0)), static_cast<int>(st.i64(1)));
}

bool PlanningRepo::has_figures(int year) {
  auto st = c_.prepare("SELECT EXISTS (SELECT 1 FROM cooperative_years WHERE year = ?)");
  st.bind(year);
  return st.step() && st.i64(0) != 0;
}

std::map<std::string, double> PlanningRepo::plan(int year) {
  auto st = c_.prepare("SELECT indicator, target FROM plan_targets WHERE year = ?");
  st.bind(year);
  std::map<std::string, double> out;
  while (st.step()) out[st.text(0)] = st.f64(1);
  return out;
}

void PlanningRepo::set_plan(int year, const std::map<std::string, double>& targets, int64_t user_id,
                            const std::string& now) {
  c_.prepare("DELETE FROM plan_targets WHERE year = ?").bind(year).run();
  for (const auto& [code, target] : targets)
    c_.prepare(
          "INSERT INTO plan_targets (year, indicator, target, updated_by, updated_at) VALUES (?, "
          "?, ?, ?, ?)")
        .bind_all(year, code, target, user_id, now)
        .run();
}

std::vector<SchemeRow> PlanningRepo::schemes() {
  auto st = c_.prepare("SELECT id FROM schemes ORDER BY period_start, id");
  std::vector<int64_t> ids;
  while (st.step()) ids.push_back(st.i64(0));
  std::vector<SchemeRow> out;
  for (auto id : ids) out.push_back(*scheme(id));
  return out;
}

std::optional<SchemeRow> PlanningRepo::scheme(int64_t id) {
  SchemeRow s;
  {
    auto st = c_.prepare(
        "SELECT id, title, period_start, period_end, status, description, created_at FROM schemes "
        "WHERE id = ?");
    st.bind(id);
    if (!st.step()) return std::nullopt;
    s = {st.i64(0),
         st.text(1),
         static_cast<int>(st.i64(2)),
         static_cast<int>(st.i64(3)),
         st.text(4),
         st.text(5),
         st.text(6),
         {}};
  }
  auto st = c_.prepare("SELECT indicator, target FROM scheme_targets WHERE scheme_id = ?");
  st.bind(id);
  while (st.step()) s.targets[st.text(0)] = st.f64(1);
  return s;
}

int64_t PlanningRepo::insert_scheme(const SchemeRow& s, const std::string& now) {
  auto st = c_.prepare(
      "INSERT INTO schemes (title, period_start, period_end, status, description, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
  st.bind_all(s.title, s.period_start, s.period_end, s.status, s.description, now, now);
  st.step();
  int64_t id = st.i64(0);
  for (const auto& [code, target] : s.targets)
    c_.prepare("INSERT INTO scheme_targets (scheme_id, indicator, target) VALUES (?, ?, ?)")
        .bind_all(id, code, target)
        .run();
  return id;
}

// Reads the running totals kept by the triggers of migration 0004. Drafts are not petitions
// yet: they are never in the official figures.
PetitionStats PlanningRepo::petition_stats(int year, const std::string& today,
                                           const std::string& soon_until) {
  PetitionStats s;
  {
    auto st = c_.prepare(
        "SELECT state, sum(n) FROM petition_tally WHERE year = ? AND state <> 'draft' GROUP BY "
        "state HAVING sum(n) > 0");
    st.bind(year);
    while (st.step()) s.by_state[st.text(0)] = st.i64(1);
  }
  {
    auto st = c_.prepare(
        "SELECT category, sum(n) FROM petition_tally WHERE year = ? AND state <> 'draft' GROUP "
        "BY category HAVING sum(n) > 0");
    st.bind(year);
    while (st.step()) s.by_category[st.text(0)] = st.i64(1);
  }
  {
    auto st = c_.prepare(
        "SELECT coalesce(sum(n), 0), coalesce(sum(n) FILTER (WHERE on_time = 1), 0) FROM "
        "petition_answer_tally WHERE year = ?");
    st.bind(year);
    st.step();
    s.answered_with_due = st.i64(0);
    s.answered_on_time = st.i64(1);
  }
  {
    auto st = c_.prepare(
        "SELECT coalesce(sum(n) FILTER (WHERE due_on < ?1), 0), "
        "coalesce(sum(n) FILTER (WHERE due_on BETWEEN ?1 AND ?2), 0) "
        "FROM petition_due_tally WHERE due_on <= ?2");
    st.bind_all(today, soon_until);
    st.step();
    s.overdue = st.i64(0);
    s.due_soon = st.i64(1);
  }
  auto st = c_.prepare("SELECT rated, total FROM petition_rating_tally WHERE year = ?");
  st.bind(year);
  if (st.step() && st.i64(0) > 0) {
    s.rated = st.i64(0);
    s.average_rating = static_cast<double>(st.i64(1)) / static_cast<double>(s.rated);
  }
  return s;
}

std::vector<int64_t> PlanningRepo::oldest_open_petitions(int limit) {
  // The partial index is ordered by age: SQLite's planner would otherwise sort every open one
  // (PostgreSQL's picks it by itself, and has no INDEXED BY).
  auto st = c_.prepare(std::string("SELECT id FROM petitions ") +
                       (c_.engine() == Engine::sqlite ? "INDEXED BY petitions_open_by_age " : "") +
                       "WHERE state IN ('submitted', 'received', 'forwarded', 'assigned') "
                       "ORDER BY submitted_at, id LIMIT ?");
  st.bind(limit);
  std::vector<int64_t> out;
  while (st.step()) out.push_back(st.i64(0));
  return out;
}

std::vector<std::pair<std::string, std::string>> PlanningRepo::districts_in_use() {
  auto st = c_.prepare(
      "SELECT DISTINCT d.code, d.name FROM cooperatives c JOIN admin_units w ON w.id = "
      "c.commune_id "
      "JOIN admin_units d ON d.id = w.parent_id AND d.level = 'district' ORDER BY d.code");
  std::vector<std::pair<std::string, std::string>> out;
  while (st.step()) out.emplace_back(st.text(0), st.text(1));
  return out;
}

std::vector<std::pair<std::string, std::string>> PlanningRepo::current_communes_in_use() {
  auto st = c_.prepare(
      "SELECT DISTINCT n.code, n.name FROM cooperatives c JOIN admin_units w ON w.id = "
      "c.commune_id "
      "JOIN admin_unit_successors s ON s.old_id = w.id JOIN admin_units n ON n.id = s.new_id "
      "UNION SELECT w.code, w.name FROM cooperatives c JOIN admin_units w ON w.id = c.commune_id "
      "WHERE w.valid_to IS NULL ORDER BY 1");
  std::vector<std::pair<std::string, std::string>> out;
  while (st.step()) out.emplace_back(st.text(0), st.text(1));
  return out;
}

std::map<std::string, int64_t> PlanningRepo::main_sector_counts(int year) {
  auto st = c_.prepare(
      "SELECT s.sector, count(*) FROM cooperative_sectors s JOIN cooperative_years y ON "
      "y.cooperative_id = s.cooperative_id AND y.year = ? WHERE s.position = 0 GROUP BY s.sector");
  st.bind(year);
  std::map<std::string, int64_t> out;
  while (st.step()) out[st.text(0)] = st.i64(1);
  return out;
}

std::vector<PlanningRepo::AgencyLoad> PlanningRepo::agency_loads(int year,
                                                                 const std::string& today) {
  auto st = c_.prepare(
      "SELECT a.id, a.code, a.name, coalesce(t.assigned, 0), coalesce(t.answered, 0), "
      "coalesce(t.on_time, 0), coalesce(t.late, 0), coalesce(d.n, 0), d.oldest FROM agencies a "
      "LEFT JOIN petition_agency_tally t ON t.agency_id = a.id AND t.year = ?1 "
      "LEFT JOIN (SELECT agency_id, sum(n) AS n, min(due_on) AS oldest FROM "
      "petition_agency_due_tally WHERE due_on < ?2 AND n > 0 GROUP BY agency_id) d "
      "ON d.agency_id = a.id WHERE t.assigned > 0 OR d.n > 0 "
      "ORDER BY coalesce(t.assigned, 0) DESC, a.id");
  st.bind_all(year, today);
  std::vector<AgencyLoad> out;
  while (st.step())
    out.push_back({st.i64(0), st.text(1), st.text(2), st.i64(3), st.i64(4), st.i64(5), st.i64(6),
                   st.i64(7), st.opt_text(8)});
  return out;
}

std::string PlanningRepo::setting(const std::string& key) {
  auto st = c_.prepare("SELECT value FROM settings WHERE key = ?");
  st.bind(key);
  return st.step() ? st.text(0) : std::string();
}

void PlanningRepo::set_setting(const std::string& key, const std::string& value) {
  c_.prepare(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
        "excluded.value")
      .bind_all(key, value)
      .run();
}

}  // namespace hoptac::store
