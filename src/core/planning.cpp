#include "core/planning.hpp"

#include <algorithm>
#include <cmath>

#include "core/audit.hpp"
#include "core/clock.hpp"
#include "core/permissions.hpp"
#include "core/petitions.hpp"
#include "domain/failure.hpp"
#include "domain/limits.hpp"
#include "store/conferences_repo.hpp"
#include "store/petitions_repo.hpp"
#include "store/planning_repo.hpp"
#include "text/fold.hpp"

namespace hoptac::core {

using domain::Date;
using domain::Failure;
using domain::FailureKind;
using domain::Role;
using store::Transaction;

namespace {

void require_planner(const MaybeActor& a) {
  require_role(a, {Role::alliance, Role::leader});
}

Date reference_day(int year) {
  Date end{year, 12, 31};
  Date today = Date::today_in_vietnam();
  return end < today ? end : today;
}

domain::Indicators compute(store::PlanningRepo& repo, int year, const store::Place& place) {
  auto [founded, dissolved] = repo.founded_and_dissolved(year, place);
  return domain::compute_indicators(year, repo.cooperative_groups(year, place), founded, dissolved,
                                    repo.ocop_facts(place), reference_day(year));
}

std::string_view unit_of(const std::string& code) {
  for (const auto& d : domain::plan_indicators())
    if (d.code == code) return d.unit;
  return {};
}

// Counts and amounts are whole; shares have one decimal ("71,5%"). A target of 1e-300 would
// make an achievement of 10^300 percent.
bool whole_or_tenths(const std::string& code, double v) {
  if (unit_of(code) != "pct") return v == std::trunc(v);
  const double tenths = v * 10, r = std::round(tenths);
  return std::fabs(tenths - r) < 1e-6 && (r != 0 || v == 0);  // 71.3 * 10 is not exactly 713
}

void check_targets(const std::map<std::string, double>& targets, domain::Problems& p,
                   const std::string& prefix) {
  for (const auto& [code, value] : targets) {
    if (!domain::is_plan_indicator(code))
      p.add(prefix + code, "Chỉ tiêu không có trong danh mục", "Unknown indicator");
    else if (!std::isfinite(value) || value > domain::kMaxTarget)
      p.add(prefix + code, "Chỉ tiêu phải là số hữu hạn, tối đa 10^15",
            "A target must be a finite number of at most 10^15");
    else if (value < 0)
      p.add(prefix + code, "Chỉ tiêu không được âm", "A target cannot be negative");
    else if (!whole_or_tenths(code, value))
      p.add(prefix + code,
            unit_of(code) == "pct" ? "Tỷ lệ có nhiều nhất một chữ số thập phân"
                                   : "Chỉ tiêu này là số nguyên",
            unit_of(code) == "pct" ? "A share has at most one decimal"
                                   : "This target is a whole number");
    else if (code == "effective_share_pct" && value > 100)
      p.add(prefix + code, "Tỷ lệ tối đa là 100", "A share is at most 100");
  }
}

}  // namespace

IndicatorReport indicators(store::Connection& c, int year, const store::Place& place) {
  store::PlanningRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  auto span = repo.years_with_figures();
  if (!span || !repo.has_figures(year))
    throw Failure(FailureKind::unprocessable, "Không có số liệu của năm này",
                  "No figures for that year",
                  {{"year",
                    span ? "Số liệu có từ năm " + std::to_string(span->first) + " đến " +
                               std::to_string(span->second)
                         : "Sổ đăng ký chưa có số liệu năm nào",
                    span ? "Figures exist from " + std::to_string(span->first) + " to " +
                               std::to_string(span->second)
                         : "The register has no yearly figures yet"}});
  // The plan is set for the whole province: a district or commune is not measured against it.
  const bool whole_province = !place.district && !place.commune;
  IndicatorReport r{compute(repo, year, place),
                    whole_province ? repo.plan(year) : std::map<std::string, double>{}, place};
  return r;
}

int latest_figures_year(store::Connection& c) {
  store::PlanningRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  auto span = repo.years_with_figures();
  return span ? span->second : Date::today_in_vietnam().year - 1;
}

std::map<std::string, double> get_plan(store::Connection& c, const MaybeActor& actor, int year) {
  require_staff(actor);
  store::PlanningRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  return repo.plan(year);
}

std::map<std::string, double> put_plan(store::Connection& c, const MaybeActor& actor, int year,
                                       const std::map<std::string, double>& targets) {
  require_planner(actor);
  domain::Problems p;
  if (year < 2000 || year > Date::today_in_vietnam().year + 10)
    p.add("year", "Năm kế hoạch không hợp lệ", "The plan's year is out of range");
  check_targets(targets, p, "targets.");
  p.throw_if_any();
  store::PlanningRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  repo.set_plan(year, targets, actor->user_id, now_iso());
  auto stored = repo.plan(year);
  tx.commit();
  return stored;
}

std::vector<store::SchemeRow> list_schemes(store::Connection& c, const MaybeActor& actor) {
  require_staff(actor);
  Transaction tx(c, Transaction::Mode::read);
  return store::PlanningRepo(c).schemes();
}

store::SchemeRow get_scheme(store::Connection& c, const MaybeActor& actor, int64_t id) {
  require_staff(actor);
  Transaction tx(c, Transaction::Mode::read);
  auto s = store::PlanningRepo(c).scheme(id);
  if (!s) throw Failure::not_found("đề án", "scheme");
  return *s;
}

store::SchemeRow create_scheme(store::Connection& c, const MaybeActor& actor, store::SchemeRow s) {
  require_planner(actor);
  domain::Problems p;
  if (s.title.empty() || text::length_in_characters(s.title) > 300)
    p.add("title", "Tên đề án từ 1 đến 300 ký tự", "title must be 1 to 300 characters");
  if (s.period_start < 2000 || s.period_start > 2100)
    p.add("period_start", "Năm không hợp lệ", "Invalid year");
  if (s.period_end <= s.period_start || s.period_end > s.period_start + 20)
    p.add("period_end", "Năm kết thúc phải sau năm bắt đầu (tối đa 20 năm)",
          "period_end must be after period_start (20 years at most)");
  if (s.status != "draft" && s.status != "active" && s.status != "closed")
    p.add("status", "Trạng thái là draft, active hoặc closed",
          "status must be draft, active or closed");
  check_targets(s.targets, p, "targets.");
  p.throw_if_any();
  store::PlanningRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  s.id = repo.insert_scheme(s, now_iso());
  note_audit_object(c, std::to_string(s.id));
  auto created = *repo.scheme(s.id);
  tx.commit();
  return created;
}

SchemeProgress scheme_progress(store::Connection& c, const MaybeActor& actor, int64_t id) {
  require_staff(actor);
  store::PlanningRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  auto s = repo.scheme(id);
  if (!s) throw Failure::not_found("đề án", "scheme");
  SchemeProgress out{*s, {}, {}};
  auto span = repo.years_with_figures();
  for (int y = s->period_start; y <= s->period_end; ++y) {
    out.years.push_back(y);
    bool has = span && y >= span->first && y <= span->second;
    std::optional<domain::Indicators> values;
    if (has) values = compute(repo, y, {});
    for (const auto& [code, target] : s->targets) {
      (void)target;
      out.actuals[code].push_back(
          {y,
           values ? std::optional<double>(domain::indicator_value(*values, code)) : std::nullopt});
    }
  }
  return out;
}

Dashboard dashboard(store::Connection& c, const MaybeActor& actor, int figures_year,
                    int petitions_year) {
  require_staff(actor);
  if (actor->role == Role::department) throw Failure::forbidden();
  Dashboard d{indicators(c, figures_year, {}), {}, {}, {}};
  store::PlanningRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  auto calendar = working_calendar(c);
  const Date today = Date::today_in_vietnam();
  d.petitions =
      repo.petition_stats(petitions_year, today.iso(), calendar.due_soon_threshold(today).iso());
  store::PetitionsRepo petitions(c);
  for (auto id : repo.oldest_open_petitions(10))
    if (auto p = petitions.get(id)) d.oldest_open.push_back(*p);
  store::ConferencesRepo conferences(c);
  int64_t total = 0;
  for (auto& dir : conferences.directives(std::nullopt, std::nullopt, std::nullopt, 1, 200, &total))
    if (dir.status != "done" && dir.due_on <= today.plus_days(30)) d.directives_due.push_back(dir);
  return d;
}

std::vector<domain::AgencyLateness> agency_lateness(store::Connection& c, const MaybeActor& actor,
                                                    int year, std::string_view sort,
                                                    bool descending) {
  require_role(actor, {Role::alliance, Role::leader, Role::admin});
  store::PlanningRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  const Date today = Date::today_in_vietnam();
  std::vector<domain::AgencyLateness> rows;
  for (const auto& a : repo.agency_loads(year, today.iso())) {
    domain::AgencyLateness r{a.id,        a.code,     a.name,
                             a.assigned,  a.answered, a.on_time,
                             a.late,      a.overdue,  domain::on_time_share(a.on_time, a.late),
                             std::nullopt};
    if (a.oldest_due)
      if (auto due = Date::parse(*a.oldest_due))
        r.oldest_overdue_days = domain::days_overdue(*due, today);
    rows.push_back(std::move(r));
  }
  domain::sort_agencies(rows, sort, descending);
  return rows;
}

}  // namespace hoptac::core
