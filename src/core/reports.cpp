#include "core/reports.hpp"

#include <boost/json.hpp>

#include <cmath>
#include <cstdio>

#include "core/awards.hpp"
#include "core/clock.hpp"
#include "core/petitions.hpp"
#include "core/planning.hpp"
#include "domain/cooperative_rules.hpp"
#include "domain/failure.hpp"
#include "domain/petition_states.hpp"
#include "domain/reform.hpp"
#include "store/conferences_repo.hpp"
#include "store/jobs_repo.hpp"
#include "store/petitions_repo.hpp"
#include "store/planning_repo.hpp"
#include "store/reference_admin_repo.hpp"
#include "text/fold.hpp"

namespace hoptac::core {

using domain::Date;
using domain::Failure;
using domain::FailureKind;
using domain::Role;
using report::Document;
using report::Table;
using store::Transaction;

std::string group_thousands(int64_t v) {
  // The magnitude as unsigned: -INT64_MIN does not exist in int64.
  const uint64_t magnitude = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  std::string digits = std::to_string(magnitude);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}

namespace {

std::string decimal1(double v);
std::string pct(std::optional<double> v) {
  return v ? decimal1(*v) + "%" : std::string();
}

// One decimal with a decimal comma, as Vietnamese writes it: 4.25 -> "4,3".
std::string decimal1(double v) {
  if (!std::isfinite(v)) return "–";
  char buf[64];
  std::snprintf(buf, sizeof buf, std::fabs(v) < 1e15 ? "%.1f" : "%.3e", v);
  std::string s = buf;
  auto dot = s.find('.');
  if (dot != std::string::npos) s[dot] = ',';
  return s;
}

std::string number(double v, std::string_view unit) {
  if (unit == "pct") return pct(v);
  // A figure beyond int64 (only from data stored before the bounds): llround would overflow.
  if (!std::isfinite(v) || std::fabs(v) >= 9e18) return decimal1(v);
  return group_thousands(static_cast<int64_t>(std::llround(v)));
}

std::string name_of(const std::vector<domain::CodeName>& list, const std::string& code) {
  for (const auto& x : list)
    if (x.code == code) return std::string(x.vi);
  return code;
}

// The letterhead in force on the report's date (today); without one, the province's name.
Document base(store::Connection& c, const std::string& summary) {
  store::PlanningRepo repo(c);
  Date today = Date::today_in_vietnam();
  auto letterhead = store::ReferenceAdminRepo(c).letterhead_on(today.iso());
  std::string province = repo.setting("province_name");
  std::string place = province.empty() ? std::string("……") : province;
  Document d;
  d.parent_body = province.empty() ? "" : "UBND TỈNH " + text::to_upper(province);
  d.issuing_body = "LIÊN MINH HỢP TÁC XÃ TỈNH";
  if (letterhead) {
    d.parent_body = letterhead->parent_body;
    d.issuing_body = letterhead->issuing_body;
    place = letterhead->place_name;
  }
  d.number = "Số:        /BC-LMHTX";
  d.place_and_date =
      place + ", " + report::vietnamese_date_phrase(today.year, today.month, today.day);
  d.kind = "BÁO CÁO";
  d.summary = summary;
  d.signature_title = "TM. " + d.issuing_body;
  return d;
}

Table indicator_table(const IndicatorReport& r) {
  Table t{"", {"Chỉ tiêu", "Thực hiện", "Kế hoạch", "% kế hoạch"}, {}, {false, true, true, true}};
  for (const auto& def : domain::plan_indicators()) {
    double actual = domain::indicator_value(r.values, def.code);
    auto target = r.targets.find(std::string(def.code));
    t.rows.push_back(
        {std::string(def.name_vi), number(actual, def.unit),
         target == r.targets.end() ? "" : number(target->second, def.unit),
         target == r.targets.end() ? "" : pct(domain::achievement_pct(actual, target->second))});
  }
  return t;
}

Document economy_report(store::Connection& c, int year) {
  auto r = indicators(c, year, {});
  Document d =
      base(c, "Tình hình phát triển kinh tế tập thể, hợp tác xã năm " + std::to_string(year));
  store::PlanningRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  const auto& v = r.values;
  report::Section overview{"I. KẾT QUẢ CHỦ YẾU SO VỚI KẾ HOẠCH", {}, {indicator_table(r)}};
  overview.paragraphs.push_back(
      "Năm " + std::to_string(year) + " toàn tỉnh có " + group_thousands(v.cooperatives) +
      " hợp tác xã, liên hiệp hợp tác xã và tổ hợp tác có số liệu báo cáo, với " +
      group_thousands(v.members) +
      " thành viên; thu nhập bình quân của thành viên, người lao động đạt " +
      group_thousands(v.avg_income_vnd) + " đồng/người/năm" +
      (r.targets.count("avg_income_vnd")
           ? ", đạt " +
                 pct(domain::achievement_pct(static_cast<double>(v.avg_income_vnd),
                                             r.targets.at("avg_income_vnd"))) +
                 " kế hoạch."
           : "."));
  d.sections.push_back(overview);

  // By place: districts before the 2025 reform, communes after it.
  bool by_district = year < 2025;
  Table place{by_district ? "Theo huyện, thành phố" : "Theo xã, phường",
              {by_district ? "Huyện, thành phố" : "Xã, phường", "Số HTX", "Thành viên", "Lao động",
               "Thu nhập BQ (đồng)", "Tốt, khá (%)"},
              {},
              {false, true, true, true, true, true}};
  auto places = by_district ? repo.districts_in_use() : repo.current_communes_in_use();
  for (const auto& [code, name] : places) {
    store::Place p;
    (by_district ? p.district : p.commune) = code;
    auto x = domain::compute_indicators(year, repo.cooperative_groups(year, p), 0, 0, {},
                                        Date{year, 12, 31});
    if (x.cooperatives == 0) continue;
    place.rows.push_back({name, group_thousands(x.cooperatives), group_thousands(x.members),
                          group_thousands(x.workers), group_thousands(x.avg_income_vnd),
                          pct(x.effective_share_pct)});
  }
  place.note = domain::places_note(year);
  Table kinds{"Theo loại hình", {"Loại hình", "Số lượng"}, {}, {false, true}};
  for (const auto& [kind, n] : v.by_kind)
    kinds.rows.push_back({name_of(domain::cooperative_kinds(), kind), group_thousands(n)});
  Table sectors{"Theo ngành, lĩnh vực chính", {"Ngành, lĩnh vực", "Số lượng"}, {}, {false, true}};
  for (const auto& [sector, n] : repo.main_sector_counts(year))
    sectors.rows.push_back({name_of(domain::sectors(), sector), group_thousands(n)});
  Table classes{"Theo kết quả xếp loại", {"Xếp loại", "Số lượng"}, {}, {false, true}};
  for (const auto& cls : domain::classifications()) {
    auto it = v.by_classification.find(std::string(cls.code));
    classes.rows.push_back(
        {std::string(cls.vi), group_thousands(it == v.by_classification.end() ? 0 : it->second)});
  }
  classes.rows.push_back({"Chưa xếp loại", group_thousands(v.cooperatives - v.rated)});
  d.sections.push_back({"II. PHÂN THEO ĐỊA BÀN, LOẠI HÌNH, NGÀNH NGHỀ VÀ XẾP LOẠI",
                        {},
                        {place, kinds, sectors, classes}});
  return d;
}

Document petitions_report(store::Connection& c, int year) {
  Document d = base(
      c, "Tổng hợp kết quả giải quyết kiến nghị của các hợp tác xã năm " + std::to_string(year));
  store::PlanningRepo repo(c);
  store::PetitionsRepo petitions(c);
  Transaction tx(c, Transaction::Mode::read);
  auto calendar = working_calendar(c);
  Date today = Date::today_in_vietnam();
  auto s = repo.petition_stats(year, today.iso(), calendar.due_soon_threshold(today).iso());
  int64_t total = 0;
  for (const auto& [state, n] : s.by_state) total += n;
  report::Section summary{"I. TỔNG QUAN", {}, {}};
  std::optional<double> on_time;
  if (s.answered_with_due > 0)
    on_time = std::round(1000.0 * static_cast<double>(s.answered_on_time) /
                         static_cast<double>(s.answered_with_due)) /
              10.0;
  summary.paragraphs.push_back(
      "Năm " + std::to_string(year) + " có " + group_thousands(total) +
      " kiến nghị. Tỷ lệ trả lời đúng hạn: " + (on_time ? pct(on_time) : std::string("chưa có")) +
      ". Mức hài lòng bình quân: " +
      (s.rated ? decimal1(s.average_rating) + "/5" : std::string("chưa có")) +
      ". Đang quá hạn: " + group_thousands(s.overdue) + ".");
  Table states{"Theo trạng thái", {"Trạng thái", "Số kiến nghị"}, {}, {false, true}};
  for (const auto& st : domain::state_names()) {
    if (st.code == "draft") continue;  // a draft is not a petition yet
    auto it = s.by_state.find(std::string(st.code));
    states.rows.push_back(
        {std::string(st.vi), group_thousands(it == s.by_state.end() ? 0 : it->second)});
  }
  Table categories{"Theo nhóm kiến nghị", {"Nhóm", "Số kiến nghị"}, {}, {false, true}};
  for (const auto& k : petitions.categories()) {
    auto it = s.by_category.find(k.code);
    categories.rows.push_back(
        {k.name_vi, group_thousands(it == s.by_category.end() ? 0 : it->second)});
  }
  Table agencies{"Theo cơ quan chủ trì",
                 {"Cơ quan", "Được giao", "Đã trả lời", "Đúng hạn", "Trễ hạn", "Đang quá hạn"},
                 {},
                 {false, true, true, true, true, true}};
  for (const auto& a : repo.agency_loads(year, today.iso()))
    agencies.rows.push_back({a.name, group_thousands(a.assigned), group_thousands(a.answered),
                             group_thousands(a.on_time), group_thousands(a.late),
                             group_thousands(a.overdue)});
  agencies.note = domain::agencies_note(year);
  summary.tables = {states, categories, agencies};
  d.sections.push_back(summary);

  store::PetitionFilter f;
  f.overdue = true;
  f.today = today.iso();
  f.soon_until = today.iso();
  f.sort = "due_on";
  f.descending = false;
  f.per_page = 0;
  int64_t n = 0;
  Table overdue{"Danh sách kiến nghị quá hạn",
                {"Mã", "Nội dung", "Cơ quan chủ trì", "Hạn", "Quá (ngày)"},
                {},
                {false, false, false, false, true}};
  for (const auto& p : petitions.list(f, &n))
    overdue.rows.push_back({p.code, p.title, p.lead_agency ? p.lead_agency->name : "",
                            p.due_on ? p.due_on->vietnamese() : "",
                            p.due_on ? std::to_string(today.days() - p.due_on->days()) : ""});
  d.sections.push_back({"II. KIẾN NGHỊ QUÁ HẠN", {}, {overdue}});
  return d;
}

Document conference_report(store::Connection& c, int64_t conference_id) {
  store::ConferencesRepo conferences(c);
  store::PetitionsRepo petitions(c);
  Transaction tx(c, Transaction::Mode::read);
  auto k = conferences.get(conference_id);
  if (!k) throw Failure::not_found("hội nghị", "conference");
  Document d = base(c, "Kết quả " + k->title);
  d.kind = "BIÊN BẢN";
  d.number = "Số:        /BB-LMHTX";
  report::Section info{"I. THÔNG TIN HỘI NGHỊ", {}, {}};
  info.paragraphs.push_back("Thời gian: " + k->held_on.vietnamese() + ". Địa điểm: " + k->venue +
                            ".");
  info.paragraphs.push_back("Chủ trì: " + k->chair_name +
                            (k->chair_title.empty() ? "" : ", " + k->chair_title) + ".");
  std::string agencies;
  for (const auto& a : k->agencies) agencies += (agencies.empty() ? "" : "; ") + a.name;
  if (!agencies.empty()) info.paragraphs.push_back("Các cơ quan tham dự: " + agencies + ".");
  if (!k->minutes.empty()) info.paragraphs.push_back(k->minutes);
  d.sections.push_back(info);

  store::PetitionFilter f;
  f.conference = conference_id;
  f.today = Date::today_in_vietnam().iso();
  f.soon_until = f.today;
  f.sort = "code";
  f.descending = false;
  f.per_page = 0;
  int64_t n = 0;
  Table raised{"", {"Mã", "Hợp tác xã", "Kiến nghị", "Trả lời", "Cơ quan"}, {}, {}};
  for (const auto& p : petitions.list(f, &n)) {
    std::string answer, agency;
    for (const auto& a : p.answers) {
      answer += (answer.empty() ? "" : "\n") + a.text;
      agency = a.agency.name;
    }
    raised.rows.push_back({p.code, p.cooperative.name, p.title,
                           answer.empty() ? "(chưa trả lời)" : answer,
                           agency.empty() && p.lead_agency ? p.lead_agency->name : agency});
  }
  d.sections.push_back({"II. KIẾN NGHỊ VÀ TRẢ LỜI TẠI HỘI NGHỊ", {}, {raised}});
  int64_t total = 0;
  Table directives{
      "", {"Nội dung kết luận, nhiệm vụ", "Cơ quan thực hiện", "Hạn", "Tình trạng"}, {}, {}};
  for (const auto& dir :
       conferences.directives(std::nullopt, conference_id, std::nullopt, 1, 500, &total))
    directives.rows.push_back({dir.content, dir.assignee_agency.name, dir.due_on.vietnamese(),
                               dir.status == "done"          ? "Hoàn thành"
                               : dir.status == "in_progress" ? "Đang thực hiện"
                                                             : "Chưa thực hiện"});
  d.sections.push_back({"III. KẾT LUẬN VÀ NHIỆM VỤ", {}, {directives}});
  return d;
}

Document awards_report(store::Connection& c, int year) {
  Document d = base(c, "Danh sách hợp tác xã được khen thưởng năm " + std::to_string(year));
  auto awarded = list_awards(c, year, std::nullopt);
  for (const char* level : {"ubnd_bang_khen", "alliance_giay_khen"}) {
    Table t{"", {"STT", "Hợp tác xã", "Thành tích", "Quyết định"}, {}, {true, false, false, false}};
    int i = 0;
    for (const auto& n : awarded)
      if (n.level == level)
        t.rows.push_back(
            {std::to_string(++i), n.cooperative.name, n.achievement,
             n.decision_no +
                 (n.decided_on.empty() ? "" : " ngày " + Date::parse(n.decided_on)->vietnamese())});
    d.sections.push_back(
        {std::string(domain::level_name_vi(level)) + " (" + std::to_string(i) + ")", {}, {t}});
  }
  return d;
}

}  // namespace

void check_report_request(store::Connection& c, const MaybeActor& actor, const ReportRequest& r) {
  if (!actor) throw Failure::unauthenticated();
  if (actor->role == Role::coop) throw Failure::forbidden();
  domain::Problems p;
  if (r.kind != "economy" && r.kind != "petitions" && r.kind != "conference" && r.kind != "awards")
    throw Failure::not_found("loại báo cáo " + r.kind, "report kind " + r.kind);
  if (r.format != "pdf" && r.format != "xlsx" && r.format != "csv")
    p.add("format", "Định dạng là pdf, xlsx hoặc csv", "format must be pdf, xlsx or csv");
  if (r.kind == "conference" && !r.conference_id)
    p.add("conference", "Bắt buộc phải có", "Required");
  if (r.kind != "conference" && (r.year < 2000 || r.year > Date::today_in_vietnam().year))
    p.add("year", "Năm không hợp lệ", "The year is out of range");
  p.throw_if_any(FailureKind::bad_request);
  if (r.kind == "economy") indicators(c, r.year, {});  // a year without figures fails here
  if (r.kind == "conference") {
    Transaction tx(c, Transaction::Mode::read);
    if (!store::ConferencesRepo(c).get(*r.conference_id))
      throw Failure::not_found("hội nghị", "conference");
  }
}

report::Document build_report(store::Connection& c, const ReportRequest& r) {
  if (r.kind == "economy") return economy_report(c, r.year);
  if (r.kind == "petitions") return petitions_report(c, r.year);
  if (r.kind == "conference") return conference_report(c, *r.conference_id);
  return awards_report(c, r.year);
}

ReportFile render_report(const report::Document& d, const ReportRequest& r) {
  std::string name = "bao-cao-" + r.kind + "-" +
                     (r.conference_id ? std::to_string(*r.conference_id) : std::to_string(r.year));
  if (r.format == "pdf") return {"application/pdf", name + ".pdf", report::write_pdf(d)};
  if (r.format == "xlsx")
    return {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx",
            report::write_xlsx(d)};
  return {"text/csv; charset=utf-8", name + ".csv", report::write_csv(d)};
}

ReportFile make_report(store::Connection& c, const MaybeActor& actor, const ReportRequest& r) {
  check_report_request(c, actor, r);
  return render_report(build_report(c, r), r);
}

namespace {
std::string params_json(const ReportRequest& r) {
  boost::json::object o{{"kind", r.kind}, {"format", r.format}, {"year", r.year}};
  if (r.conference_id) o["conference"] = *r.conference_id;
  return boost::json::serialize(o);
}
ReportRequest request_of(const std::string& params) {
  auto o = boost::json::parse(params).as_object();
  ReportRequest r;
  r.kind = boost::json::value_to<std::string>(o.at("kind"));
  r.format = boost::json::value_to<std::string>(o.at("format"));
  r.year = static_cast<int>(o.at("year").as_int64());
  if (o.contains("conference")) r.conference_id = o.at("conference").as_int64();
  return r;
}
Job to_job(const store::JobRow& j) {
  return Job{j.id,       j.kind,       j.status,      j.error,
             j.progress, j.created_at, j.finished_at, j.created_by};
}
store::JobRow load_visible_job(store::JobsRepo& repo, const MaybeActor& actor, int64_t id) {
  if (!actor) throw Failure::unauthenticated();
  auto j = repo.get(id);
  if (!j || (j->created_by != actor->user_id && !actor->is(Role::admin)))
    throw Failure::not_found("công việc", "job");
  return *j;
}
}  // namespace

Job enqueue_report(store::Connection& c, const MaybeActor& actor, const ReportRequest& r) {
  check_report_request(c, actor, r);
  store::JobsRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto id = repo.insert(r.kind, params_json(r), actor->user_id, now_iso());
  auto job = to_job(*repo.get(id));
  tx.commit();
  return job;
}

Job get_job(store::Connection& c, const MaybeActor& actor, int64_t id) {
  store::JobsRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  return to_job(load_visible_job(repo, actor, id));
}

ReportFile job_file(store::Connection& c, const MaybeActor& actor, int64_t id) {
  store::JobsRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  auto j = load_visible_job(repo, actor, id);
  if (j.status != "done")
    throw Failure(FailureKind::conflict, "Báo cáo chưa xong", "The report is not ready yet");
  return {j.content_type, j.filename, repo.result(id)};
}

bool run_next_job(store::Connection& c) {
  store::JobsRepo repo(c);
  std::optional<store::JobRow> job;
  {
    Transaction tx(c, Transaction::Mode::write);
    job = repo.claim_next();
    tx.commit();
  }
  if (!job) return false;
  auto progress = [&](int pct) {
    Transaction tx(c, Transaction::Mode::write);
    repo.set_progress(job->id, pct);
    tx.commit();
  };
  try {
    auto r = request_of(job->params);
    progress(20);
    auto doc = build_report(c, r);
    progress(60);
    auto file = render_report(doc, r);
    Transaction tx(c, Transaction::Mode::write);
    repo.finish(job->id, file.content_type, file.filename, file.bytes, now_iso());
    tx.commit();
  } catch (const std::exception& e) {
    Transaction tx(c, Transaction::Mode::write);
    repo.fail(job->id, e.what(), now_iso());
    tx.commit();
  }
  return true;
}

}  // namespace hoptac::core
