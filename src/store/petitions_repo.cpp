#include "store/petitions_repo.hpp"

#include <unordered_map>

#include "store/capped_counts.hpp"
#include "store/conditions.hpp"
#include "store/search.hpp"
#include "text/fold.hpp"

namespace hoptac::store {

using domain::Date;
using domain::Ref;

namespace {

constexpr const char* kColumns =
    "SELECT p.id, p.code, p.cooperative_id, c.name, p.channel, p.conference_id, p.title, "
    "p.content, p.state, p.lead_agency_id, coalesce(a.code, ''), coalesce(a.name, ''), "
    "p.assigned_on, p.due_on, p.answered_on, p.batch_id, coalesce(b.number, ''), p.merged_into, "
    "coalesce(m.code, ''), p.published, p.rating, p.rating_comment, p.created_by, p.created_at, "
    "coalesce(p.submitted_at, ''), p.updated_at, p.version, p.escalated_on FROM ";
constexpr const char* kJoins =
    " JOIN cooperatives c ON c.id = p.cooperative_id "
    "LEFT JOIN agencies a ON a.id = p.lead_agency_id "
    "LEFT JOIN batches b ON b.id = p.batch_id "
    "LEFT JOIN petitions m ON m.id = p.merged_into ";

std::string select_from(const std::string& petitions) {
  return kColumns + petitions + kJoins;
}

std::optional<Date> opt_date(const Statement& st, int col) {
  auto t = st.opt_text(col);
  if (!t) return std::nullopt;
  return Date::parse(*t);
}

domain::Petition read_petition(const Statement& st) {
  domain::Petition p;
  p.id = st.i64(0);
  p.code = st.text(1);
  p.cooperative = {st.i64(2), "", st.text(3)};
  p.channel = st.text(4);
  p.conference_id = st.opt_i64(5);
  p.title = st.text(6);
  p.content = st.text(7);
  p.state = st.text(8);
  if (auto a = st.opt_i64(9)) p.lead_agency = Ref{*a, st.text(10), st.text(11)};
  p.assigned_on = opt_date(st, 12);
  p.due_on = opt_date(st, 13);
  p.answered_on = opt_date(st, 14);
  if (auto b = st.opt_i64(15)) p.batch = Ref{*b, st.text(16), ""};
  if (auto m = st.opt_i64(17)) p.merged_into = Ref{*m, st.text(18), ""};
  p.published = st.i64(19) != 0;
  if (auto r = st.opt_i64(20)) p.rating = static_cast<int>(*r);
  p.rating_comment = st.text(21);
  p.created_by = st.opt_i64(22);
  p.created_at = st.text(23);
  p.submitted_at = st.text(24);
  p.updated_at = st.text(25);
  p.version = st.i64(26);
  p.escalated_on = opt_date(st, 27);
  return p;
}

std::optional<std::string> iso(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->iso();
}

// A search in the default order reads the index in its own (id) order; ids follow the order
// in which petitions were entered, which is what "newest first" means to a clerk.
bool driven_by_index(const PetitionFilter& f) {
  return !f.search_tokens.empty() && f.sort == "created_at";
}

Conditions where_of(const PetitionFilter& f, Engine engine) {
  Conditions w;
  if (f.code) w.add("p.code = ?", *f.code);
  if (f.match_nothing) w.add("1 = 0");
  if (!f.search_tokens.empty()) {
    const auto search = petition_search_sql(engine);
    const auto value = petition_match_value(engine, f.search_tokens);
    if (driven_by_index(f))
      w.add(search.condition, value);
    else
      w.add("p.id IN (SELECT p.id FROM " + search.from + " WHERE " + search.condition + ")", value);
  }
  if (f.status) w.add("p.state = ?", *f.status);
  if (f.category)
    w.add("p.id IN (SELECT petition_id FROM petition_categories WHERE category = ?)", *f.category);
  if (f.agency) {
    w.add(
        "(p.lead_agency_id = ? OR p.id IN (SELECT petition_id FROM petition_coordinators WHERE "
        "agency_id = ?))",
        {*f.agency, *f.agency});
  }
  if (f.lead_agency) w.add("p.lead_agency_id = ? AND p.state <> 'draft'", *f.lead_agency);
  if (f.year) w.add("p.year = ?", *f.year);
  if (f.answered == "any") w.add("p.answered_on IS NOT NULL");
  if (f.answered == "on_time") w.add("p.answered_on <= p.due_on");
  if (f.answered == "late") w.add("p.answered_on > p.due_on");
  if (f.cooperative)
    w.add("p.id IN (SELECT petition_id FROM petition_cooperatives WHERE cooperative_id = ?)",
          *f.cooperative);
  if (f.district)
    w.add(
        "p.cooperative_id IN (SELECT c.id FROM cooperatives c JOIN admin_units x ON x.id = "
        "c.commune_id JOIN admin_units dd ON dd.id = x.parent_id WHERE dd.level = 'district' AND "
        "dd.code = ?)",
        *f.district);
  if (f.commune)
    w.add(
        "p.cooperative_id IN (SELECT c.id FROM cooperatives c WHERE c.commune_id IN (SELECT id "
        "FROM admin_units WHERE level = 'commune' AND code = ? UNION SELECT s.old_id FROM "
        "admin_unit_successors s JOIN admin_units n ON n.id = s.new_id WHERE n.code = ?))",
        {*f.commune, *f.commune});
  if (f.conference) w.add("p.conference_id = ?", *f.conference);
  if (f.batch) w.add("p.batch_id = ?", *f.batch);
  if (f.overdue) w.add("p.state = 'assigned' AND p.due_on < ?", f.today);
  if (f.due_soon) {
    w.add("p.state = 'assigned' AND p.due_on BETWEEN ? AND ?", {f.today, f.soon_until});
  }
  if (f.late) w.add("p.answered_on IS NOT NULL AND p.answered_on > p.due_on");
  if (f.escalated) w.add("p.state = 'assigned' AND p.escalated_on = p.due_on");
  if (f.opinion_asked_of)
    w.add(
        "p.id IN (SELECT petition_id FROM petition_opinions WHERE agency_id = ? AND answer IS "
        "NULL)",
        *f.opinion_asked_of);
  if (f.from) w.add("p.created_at >= ?", *f.from);
  if (f.to_exclusive) w.add("p.created_at < ?", *f.to_exclusive);
  if (f.visible_to_cooperative) {
    w.add(
        "(p.published = 1 OR p.id IN (SELECT petition_id FROM petition_cooperatives WHERE "
        "cooperative_id = ?))",
        *f.visible_to_cooperative);
  }
  if (f.visible_to_agency) {
    w.add(
        "(p.lead_agency_id = ? OR p.id IN (SELECT petition_id FROM petition_coordinators WHERE "
        "agency_id = ?))",
        {*f.visible_to_agency, *f.visible_to_agency});
  }
  if (f.published_only) w.add("p.published = 1");
  return w;
}

std::string from_of(const PetitionFilter& f, Engine engine) {
  return driven_by_index(f) ? petition_search_sql(engine).from : "petitions p";
}

std::string order_by(const PetitionFilter& f, Engine engine) {
  if (driven_by_index(f)) {
    const auto search = petition_search_sql(engine);
    return f.descending ? search.order_desc : search.order_asc;
  }
  std::string dir = f.descending ? " DESC" : " ASC";
  // Plain columns, so that an index on (state, due_on) serves the order too.
  if (f.sort == "due_on") return "ORDER BY p.due_on" + dir + ", p.id" + dir;
  if (f.sort == "code") return "ORDER BY p.year" + dir + ", p.seq" + dir;
  return "ORDER BY p.created_at" + dir + ", p.id" + dir;
}

}  // namespace

int PetitionsRepo::next_number(const std::string& counter, int year) {
  c_.prepare(
        "INSERT INTO counters (name, year, value) VALUES (?, ?, 1) "
        "ON CONFLICT (name, year) DO UPDATE SET value = counters.value + 1")
      .bind_all(counter, year)
      .run();
  auto st = c_.prepare("SELECT value FROM counters WHERE name = ? AND year = ?");
  st.bind_all(counter, year);
  st.step();
  return static_cast<int>(st.i64(0));
}

int64_t PetitionsRepo::insert_row(const domain::Petition& p) {
  int year = std::stoi(p.code.substr(3, 4));
  int seq = std::stoi(p.code.substr(8));
  auto st = c_.prepare(
      "INSERT INTO petitions (code, year, seq, cooperative_id, channel, conference_id, title, "
      "content, state, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?) RETURNING id");
  st.bind_all(p.code, year, seq, p.cooperative.id, p.channel, p.conference_id, p.title, p.content,
              p.state, p.created_by, p.created_at, p.created_at);
  st.step();
  int64_t id = st.i64(0);
  set_categories(id, p.categories);
  add_cooperatives(id, {p.cooperative.id});
  return id;
}

int64_t PetitionsRepo::insert(const domain::Petition& p) {
  int64_t id = insert_row(p);
  refresh_search(id);
  return id;
}

int64_t PetitionsRepo::insert(const domain::Petition& p, const std::string& folded_search) {
  int64_t id = insert_row(p);
  write_petition_search(c_, id, folded_search);
  return id;
}

// One INSERT with the petition as it finally stands (no draft-then-update), its lists and
// history; its search text waits for flush_load(). The tallies kept by UPDATE triggers are not
// touched: rebuild_tallies() makes them once the load is done.
int64_t PetitionsRepo::insert_loaded(const domain::Petition& p, const std::string& folded_search) {
  std::optional<int64_t> lead;
  if (p.lead_agency) lead = p.lead_agency->id;
  std::optional<std::string> submitted;
  if (!p.submitted_at.empty()) submitted = p.submitted_at;
  auto st = c_.prepare(
      "INSERT INTO petitions (code, year, seq, cooperative_id, channel, title, content, state, "
      "lead_agency_id, assigned_on, due_on, answered_on, published, created_at, submitted_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  st.bind_all(p.code, std::stoi(p.code.substr(3, 4)), std::stoi(p.code.substr(8)), p.cooperative.id,
              p.channel, p.title, p.content, p.state, lead, iso(p.assigned_on), iso(p.due_on),
              iso(p.answered_on), static_cast<int64_t>(p.published), p.created_at, submitted,
              p.created_at);
  st.step();
  const int64_t id = st.i64(0);
  set_categories(id, p.categories);
  add_cooperatives(id, {p.cooperative.id});
  for (const auto& a : p.answers) add_answer(id, a, std::nullopt, p.created_at);
  add_history(id, std::nullopt, "submit", "draft", p.state, "", p.created_at);
  add_search_load(c_, id, folded_search);
  return id;
}

void PetitionsRepo::begin_load() {
  begin_search_load(c_);
}

void PetitionsRepo::flush_load() {
  flush_search_load(c_);
}

// The running totals (migrations 0004 and 0006) made again from the petitions themselves.
void PetitionsRepo::rebuild_tallies() {
  c_.exec(
      "DELETE FROM petition_tally; DELETE FROM petition_answer_tally; "
      "DELETE FROM petition_rating_tally; DELETE FROM petition_due_tally; "
      "DELETE FROM petition_agency_tally; DELETE FROM petition_agency_due_tally;");
  c_.exec(
      "INSERT INTO petition_tally (year, state, category, n) SELECT p.year, p.state, "
      "pc.category, count(*) FROM petitions p JOIN petition_categories pc ON pc.petition_id = "
      "p.id AND pc.position = 0 GROUP BY 1, 2, 3");
  c_.exec(
      "INSERT INTO petition_answer_tally (year, on_time, n) SELECT CAST(substr(answered_on, 1, "
      "4) AS INTEGER), CASE WHEN answered_on <= due_on THEN 1 ELSE 0 END, count(*) FROM "
      "petitions WHERE answered_on IS NOT NULL AND due_on IS NOT NULL GROUP BY 1, 2");
  c_.exec(
      "INSERT INTO petition_rating_tally (year, rated, total) SELECT year, count(*), "
      "sum(rating) FROM petitions WHERE rating IS NOT NULL GROUP BY year");
  c_.exec(
      "INSERT INTO petition_due_tally (due_on, n) SELECT due_on, count(*) FROM petitions WHERE "
      "state = 'assigned' AND due_on IS NOT NULL GROUP BY due_on");
  c_.exec(
      "INSERT INTO petition_agency_tally (year, agency_id, assigned, answered, on_time, late) "
      "SELECT year, lead_agency_id, count(*), count(answered_on), count(*) FILTER (WHERE "
      "answered_on <= due_on), count(*) FILTER (WHERE answered_on > due_on) FROM petitions "
      "WHERE lead_agency_id IS NOT NULL AND state <> 'draft' GROUP BY 1, 2");
  c_.exec(
      "INSERT INTO petition_agency_due_tally (agency_id, due_on, n) SELECT lead_agency_id, "
      "due_on, count(*) FROM petitions WHERE state = 'assigned' AND due_on IS NOT NULL AND "
      "lead_agency_id IS NOT NULL GROUP BY 1, 2");
}

std::optional<domain::Petition> PetitionsRepo::get(int64_t id) {
  auto st = c_.prepare(select_from("petitions p") + "WHERE p.id = ?");
  st.bind(id);
  return first_with_details(st);
}

std::optional<domain::Petition> PetitionsRepo::get_by_code(const std::string& code) {
  auto st = c_.prepare(select_from("petitions p") + "WHERE p.code = ?");
  st.bind(code);
  return first_with_details(st);
}

std::optional<domain::Petition> PetitionsRepo::first_with_details(Statement& st) {
  if (!st.step()) return std::nullopt;
  std::vector<domain::Petition> one{read_petition(st)};
  load_details(one);
  return std::move(one.front());
}

std::optional<int64_t> PetitionsRepo::id_by_code(const std::string& code) {
  auto st = c_.prepare("SELECT id FROM petitions WHERE code = ?");
  st.bind(code);
  if (!st.step()) return std::nullopt;
  return st.i64(0);
}

namespace {
// "?, ?, ..." for a list of ids, padded to one of a few sizes with an id no row has, so that a
// page needs a bounded number of distinct prepared statements.
std::vector<int64_t> padded_ids(const std::vector<domain::Petition>& ps) {
  std::vector<int64_t> ids;
  for (const auto& p : ps) ids.push_back(p.id);
  size_t size = 1;
  for (size_t bucket : {1, 5, 20, 50, 100, 200, 500})
    if ((size = bucket) >= ids.size()) break;
  while (size < ids.size()) size *= 2;
  ids.resize(size, -1);
  return ids;
}

std::string placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}
}  // namespace

// The lists inside each petition (categories, co-petitioners, coordinators, answers,
// attachments) for a whole page at once: five statements, whatever the page's size.
void PetitionsRepo::load_details(std::vector<domain::Petition>& ps) {
  if (ps.empty()) return;
  std::unordered_map<int64_t, domain::Petition*> by_id;
  for (auto& p : ps) by_id[p.id] = &p;
  const auto ids = padded_ids(ps);
  const std::string in = "(" + placeholders(ids.size()) + ")";
  auto run = [&](const std::string& sql, auto&& read) {
    auto st = c_.prepare(sql);
    for (auto id : ids) st.bind(id);
    while (st.step()) read(*by_id.at(st.i64(0)), st);
  };
  run("SELECT petition_id, category FROM petition_categories WHERE petition_id IN " + in +
          " ORDER BY petition_id, position",
      [](domain::Petition& p, const Statement& st) { p.categories.push_back(st.text(1)); });
  run("SELECT pc.petition_id, c.id, coalesce(c.registration_code, ''), c.name FROM "
      "petition_cooperatives pc JOIN cooperatives c ON c.id = pc.cooperative_id WHERE "
      "pc.petition_id IN " +
          in + " ORDER BY pc.petition_id, c.id",
      [](domain::Petition& p, const Statement& st) {
        domain::Ref ref{st.i64(1), st.text(2), st.text(3)};
        // The petition's own cooperative comes first.
        if (ref.id == p.cooperative.id)
          p.cooperatives.insert(p.cooperatives.begin(), ref);
        else
          p.cooperatives.push_back(ref);
      });
  run("SELECT pc.petition_id, a.id, a.code, a.name FROM petition_coordinators pc JOIN agencies "
      "a ON a.id = pc.agency_id WHERE pc.petition_id IN " +
          in + " ORDER BY pc.petition_id, a.id",
      [](domain::Petition& p, const Statement& st) {
        p.coordinating_agencies.push_back({st.i64(1), st.text(2), st.text(3)});
      });
  run("SELECT x.petition_id, a.id, a.code, a.name, x.text, x.legal_basis, x.answered_on, "
      "x.at_conference, x.letter_number, coalesce(x.letter_date, ''), x.signer_name, "
      "x.signer_title, x.letter_attachment_id FROM petition_answers x JOIN agencies a ON a.id = "
      "x.agency_id WHERE x.petition_id IN " +
          in + " ORDER BY x.petition_id, x.id",
      [](domain::Petition& p, const Statement& st) {
        p.answers.push_back({{st.i64(1), st.text(2), st.text(3)},
                             st.text(4),
                             st.text(5),
                             st.text(6),
                             st.i64(7) != 0,
                             st.text(8),
                             st.text(9),
                             st.text(10),
                             st.text(11),
                             st.opt_i64(12)});
      });
  run("SELECT petition_id, id, status, reason, previous_due_on, proposed_due_on, "
      "coalesce(granted_due_on, ''), decision_reason, requested_at, coalesce(decided_at, '') "
      "FROM petition_extensions WHERE petition_id IN " +
          in + " ORDER BY petition_id, id",
      [](domain::Petition& p, const Statement& st) {
        p.extensions.push_back({st.i64(1), st.text(2), st.text(3), st.text(4), st.text(5),
                                st.text(6), st.text(7), st.text(8), st.text(9)});
      });
  run("SELECT o.petition_id, o.id, a.id, a.code, a.name, o.question, o.asked_at, o.answer, "
      "o.attachment_id, coalesce(o.answered_at, '') FROM petition_opinions o JOIN agencies a ON "
      "a.id = o.agency_id WHERE o.petition_id IN " +
          in + " ORDER BY o.petition_id, o.id",
      [](domain::Petition& p, const Statement& st) {
        p.opinions.push_back({st.i64(1),
                              {st.i64(2), st.text(3), st.text(4)},
                              st.text(5),
                              st.text(6),
                              st.opt_text(7),
                              st.opt_i64(8),
                              st.text(9)});
      });
  run("SELECT petition_id, reason FROM petition_history WHERE action = 'return' AND "
      "petition_id IN " +
          in + " ORDER BY petition_id, id",
      [](domain::Petition& p, const Statement& st) { p.return_reason = st.text(1); });
  run("SELECT petition_id, id, petition_id, filename, content_type, size, sha256 FROM "
      "petition_attachments WHERE petition_id IN " +
          in + " ORDER BY petition_id, id",
      [](domain::Petition& p, const Statement& st) {
        p.attachments.push_back(
            {st.i64(1), st.i64(2), st.text(3), st.text(4), st.i64(5), st.text(6)});
      });
}

void PetitionsRepo::update(const domain::Petition& p, const std::string& now) {
  std::optional<int64_t> lead, batch, merged, rating;
  if (p.lead_agency) lead = p.lead_agency->id;
  if (p.batch) batch = p.batch->id;
  if (p.merged_into) merged = p.merged_into->id;
  if (p.rating) rating = *p.rating;
  std::optional<std::string> submitted;
  if (!p.submitted_at.empty()) submitted = p.submitted_at;
  c_.prepare(
        "UPDATE petitions SET channel = ?, conference_id = ?, title = ?, content = ?, state = ?, "
        "lead_agency_id = ?, assigned_on = ?, due_on = ?, answered_on = ?, batch_id = ?, "
        "merged_into = ?, published = ?, rating = ?, rating_comment = ?, submitted_at = ?, "
        "updated_at = ?, version = version + 1 WHERE id = ?")
      .bind_all(p.channel, p.conference_id, p.title, p.content, p.state, lead, iso(p.assigned_on),
                iso(p.due_on), iso(p.answered_on), batch, merged, static_cast<int64_t>(p.published),
                rating, p.rating_comment, submitted, now, p.id)
      .run();
}

void PetitionsRepo::set_categories(int64_t id, const std::vector<std::string>& categories) {
  c_.prepare("DELETE FROM petition_categories WHERE petition_id = ?").bind(id).run();
  int position = 0;
  for (const auto& code : categories)
    c_.prepare(
          "INSERT INTO petition_categories (petition_id, category, position) VALUES (?, "
          "?, ?) ON CONFLICT DO NOTHING")
        .bind_all(id, code, position++)
        .run();
}

void PetitionsRepo::set_coordinators(int64_t id, const std::vector<int64_t>& agency_ids) {
  c_.prepare("DELETE FROM petition_coordinators WHERE petition_id = ?").bind(id).run();
  for (auto a : agency_ids)
    c_.prepare(
          "INSERT INTO petition_coordinators (petition_id, agency_id) VALUES (?, ?) ON CONFLICT DO "
          "NOTHING")
        .bind_all(id, a)
        .run();
}

void PetitionsRepo::add_cooperatives(int64_t id, const std::vector<int64_t>& cooperative_ids) {
  for (auto c : cooperative_ids)
    c_.prepare(
          "INSERT INTO petition_cooperatives (petition_id, cooperative_id) VALUES (?, ?) ON "
          "CONFLICT DO NOTHING")
        .bind_all(id, c)
        .run();
}

void PetitionsRepo::add_answer(int64_t id, const domain::PetitionAnswer& a,
                               std::optional<int64_t> user_id, const std::string& now) {
  c_.prepare(
        "INSERT INTO petition_answers (petition_id, agency_id, text, legal_basis, answered_on, "
        "at_conference, answered_by, created_at, letter_number, letter_date, signer_name, "
        "signer_title, letter_attachment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind_all(id, a.agency.id, a.text, a.legal_basis, a.answered_on,
                static_cast<int64_t>(a.at_conference), user_id, now, a.letter_number,
                a.letter_date.empty() ? std::optional<std::string>() : a.letter_date, a.signer_name,
                a.signer_title, a.letter_attachment_id)
      .run();
}

void PetitionsRepo::insert_extension(int64_t petition_id, const domain::Extension& e,
                                     std::optional<int64_t> user_id) {
  c_.prepare(
        "INSERT INTO petition_extensions (petition_id, status, reason, previous_due_on, "
        "proposed_due_on, requested_by, requested_at) VALUES (?, 'open', ?, ?, ?, ?, ?)")
      .bind_all(petition_id, e.reason, e.previous_due_on, e.proposed_due_on, user_id,
                e.requested_at)
      .run();
}

void PetitionsRepo::close_extension(int64_t extension_id, const domain::Extension& decided,
                                    std::optional<int64_t> user_id) {
  std::optional<std::string> granted;
  if (!decided.granted_due_on.empty()) granted = decided.granted_due_on;
  c_.prepare(
        "UPDATE petition_extensions SET status = ?, granted_due_on = ?, decision_reason = ?, "
        "decided_by = ?, decided_at = ? WHERE id = ? AND status = 'open'")
      .bind_all(decided.status, granted, decided.decision_reason, user_id, decided.decided_at,
                extension_id)
      .run();
}

int64_t PetitionsRepo::insert_opinion(int64_t petition_id, const domain::Opinion& o,
                                      std::optional<int64_t> user_id) {
  auto st = c_.prepare(
      "INSERT INTO petition_opinions (petition_id, agency_id, question, asked_by, asked_at) "
      "VALUES (?, ?, ?, ?, ?) RETURNING id");
  st.bind_all(petition_id, o.agency.id, o.question, user_id, o.asked_at);
  st.step();
  return st.i64(0);
}

void PetitionsRepo::answer_opinion(int64_t opinion_id, const domain::Opinion& o,
                                   std::optional<int64_t> user_id) {
  c_.prepare(
        "UPDATE petition_opinions SET answer = ?, attachment_id = ?, answered_by = ?, "
        "answered_at = ? WHERE id = ? AND answer IS NULL")
      .bind_all(o.answer, o.attachment_id, user_id, o.answered_at, opinion_id)
      .run();
}

void PetitionsRepo::add_history(int64_t id, std::optional<int64_t> user_id,
                                const std::string& action, const std::string& from,
                                const std::string& to, const std::string& reason,
                                const std::string& at) {
  std::optional<std::string> from_state;
  if (!from.empty()) from_state = from;
  c_.prepare(
        "INSERT INTO petition_history (petition_id, at, user_id, action, from_state, to_state, "
        "reason) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind_all(id, at, user_id, action, from_state, to, reason)
      .run();
}

std::vector<domain::HistoryEntry> PetitionsRepo::history(int64_t id) {
  auto st = c_.prepare(
      "SELECT h.at, h.action, coalesce(h.from_state, ''), h.to_state, h.reason, "
      "coalesce(u.display_name, ''), coalesce(u.role, '') FROM petition_history h "
      "LEFT JOIN users u ON u.id = h.user_id WHERE h.petition_id = ? ORDER BY h.id");
  st.bind(id);
  std::vector<domain::HistoryEntry> out;
  while (st.step())
    out.push_back(
        {st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)});
  return out;
}

// The searchable text: code, title, content and the answers, folded in C++ (no SQL function
// that only one engine has).
void PetitionsRepo::refresh_search(int64_t id) {
  std::string text;
  {
    auto st = c_.prepare("SELECT code, title, content FROM petitions WHERE id = ?");
    st.bind(id);
    if (!st.step()) return;
    text = st.text(0) + " " + st.text(1) + " " + st.text(2);
  }
  auto st = c_.prepare(
      "SELECT text, legal_basis FROM petition_answers WHERE petition_id = ? ORDER BY id");
  st.bind(id);
  while (st.step()) text += " " + st.text(0) + " " + st.text(1);
  write_petition_search(c_, id, text::fold(text));
}

// The total is counted up to `count_cap` + 1 rows only: past the cap, *capped is set and the
// total is the cap ("10,000+"), so that a broad search never counts a million rows.
std::vector<domain::Petition> PetitionsRepo::list(const PetitionFilter& f, int64_t* total,
                                                  bool* capped) {
  const Conditions w = where_of(f, c_.engine());
  const std::string from = from_of(f, c_.engine());
  {
    // Nothing but the words (the one condition): the matches are counted in the index alone.
    const bool only_words = driven_by_index(f) && w.count() == 1;
    const std::string counted = only_words ? petition_search_sql(c_.engine()).index : from;
    std::string sql = "SELECT count(*) FROM " + counted + " " + w.sql();
    if (f.count_cap > 0)
      sql = "SELECT count(*) FROM (SELECT 1 FROM " + counted + " " + w.sql() + " LIMIT " +
            std::to_string(f.count_cap + 1) + ") n";
    const std::string key = sql + '\x1e' + w.key();
    if (f.count_cap > 0 && capped_counts::recently_over(key)) {
      *total = f.count_cap + 1;
    } else {
      auto st = c_.prepare(sql);
      w.bind(st);
      *total = st.step() ? st.i64(0) : 0;
      if (f.count_cap > 0 && *total > f.count_cap) capped_counts::remember_over(key);
    }
    const bool over = f.count_cap > 0 && *total > f.count_cap;
    if (over) *total = f.count_cap;
    if (capped) *capped = over;
  }
  auto st = c_.prepare(select_from(from) + w.sql() + " " + order_by(f, c_.engine()) +
                       " LIMIT ? OFFSET ?");
  w.bind(st);
  st.bind_all(
      f.per_page > 0 ? static_cast<int64_t>(f.per_page) : INT64_MAX,  // LIMIT -1: SQLite only
      static_cast<int64_t>(f.per_page > 0 ? (f.page - 1) * f.per_page : 0));
  std::vector<domain::Petition> out;
  while (st.step()) out.push_back(read_petition(st));
  load_details(out);
  return out;
}

void PetitionsRepo::put_content(const std::string& sha256, const std::string& bytes) {
  auto st = c_.prepare(
      "INSERT INTO attachment_contents (sha256, bytes) VALUES (?, ?) ON CONFLICT DO NOTHING");
  st.bind(sha256).bind_blob(bytes);
  st.run();
}

std::optional<std::string> PetitionsRepo::content(const std::string& sha256) {
  auto st = c_.prepare("SELECT bytes FROM attachment_contents WHERE sha256 = ?");
  st.bind(sha256);
  if (!st.step()) return std::nullopt;
  return st.blob(0);
}

int64_t PetitionsRepo::insert_attachment(const domain::Attachment& a,
                                         std::optional<int64_t> user_id, const std::string& now) {
  auto st = c_.prepare(
      "INSERT INTO petition_attachments (petition_id, filename, content_type, size, sha256, "
      "uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
  st.bind_all(a.petition_id, a.filename, a.content_type, a.size, a.sha256, user_id, now);
  st.step();
  return st.i64(0);
}

std::optional<domain::Attachment> PetitionsRepo::attachment(int64_t petition_id,
                                                            int64_t attachment_id) {
  auto st = c_.prepare(
      "SELECT id, petition_id, filename, content_type, size, sha256 FROM petition_attachments "
      "WHERE petition_id = ? AND id = ?");
  st.bind_all(petition_id, attachment_id);
  if (!st.step()) return std::nullopt;
  return domain::Attachment{st.i64(0), st.i64(1), st.text(2), st.text(3), st.i64(4), st.text(5)};
}

std::vector<CategoryRow> PetitionsRepo::categories() {
  auto st = c_.prepare(
      "SELECT c.code, c.name_vi, c.name_en, coalesce(a.id, 0), coalesce(a.code, ''), "
      "coalesce(a.name, ''), c.default_days, c.position FROM categories c LEFT JOIN agencies a "
      "ON a.id = c.default_agency_id ORDER BY c.position");
  std::vector<CategoryRow> out;
  while (st.step())
    out.push_back({st.text(0),
                   st.text(1),
                   st.text(2),
                   {st.i64(3), st.text(4), st.text(5)},
                   static_cast<int>(st.i64(6)),
                   static_cast<int>(st.i64(7))});
  return out;
}

namespace {
std::set<Date> days_of_kind(Connection& c, const char* kind) {
  auto st = c.prepare("SELECT day FROM holidays WHERE kind = ?");
  st.bind(kind);
  std::set<Date> out;
  while (st.step())
    if (auto d = Date::parse(st.text(0))) out.insert(*d);
  return out;
}
}  // namespace

std::set<Date> PetitionsRepo::holidays() {
  return days_of_kind(c_, "holiday");
}

std::set<Date> PetitionsRepo::worked_days() {
  return days_of_kind(c_, "working");
}

std::vector<HolidayRow> PetitionsRepo::holidays_of(int year) {
  auto st =
      c_.prepare("SELECT day, name, kind FROM holidays WHERE day LIKE ? || '-%' ORDER BY day");
  st.bind(std::to_string(year));
  std::vector<HolidayRow> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2)});
  return out;
}

int64_t PetitionsRepo::insert_batch(const BatchRow& b, int64_t user_id) {
  auto st = c_.prepare(
      "INSERT INTO batches (year, seq, number, title, created_by, created_at) VALUES (?, ?, ?, "
      "?, ?, ?) RETURNING id");
  st.bind_all(b.year, std::stoi(b.number.substr(0, b.number.find('/'))), b.number, b.title, user_id,
              b.created_at);
  st.step();
  return st.i64(0);
}

std::vector<BatchRow> PetitionsRepo::batches(int page, int per_page, int64_t* total) {
  {
    auto st = c_.prepare("SELECT count(*) FROM batches");
    *total = st.step() ? st.i64(0) : 0;
  }
  auto st = c_.prepare("SELECT id FROM batches ORDER BY year DESC, seq DESC LIMIT ? OFFSET ?");
  st.bind_all(static_cast<int64_t>(per_page), static_cast<int64_t>(page - 1) * per_page);
  std::vector<int64_t> ids;
  while (st.step()) ids.push_back(st.i64(0));
  std::vector<BatchRow> out;
  for (auto id : ids) out.push_back(*batch(id));
  return out;
}

std::optional<BatchRow> PetitionsRepo::batch(int64_t id) {
  BatchRow b;
  {
    auto st = c_.prepare("SELECT id, year, number, title, created_at FROM batches WHERE id = ?");
    st.bind(id);
    if (!st.step()) return std::nullopt;
    b = {st.i64(0), static_cast<int>(st.i64(1)), st.text(2), st.text(3), st.text(4), {}};
  }
  auto st = c_.prepare(
      "SELECT id, code, title, state FROM petitions WHERE batch_id = ? ORDER BY year, seq");
  st.bind(id);
  while (st.step()) b.petitions.push_back({st.i64(0), st.text(1), st.text(2), st.text(3)});
  return b;
}

std::optional<RetiredAgency> PetitionsRepo::retired_agency(int64_t id) {
  auto st =
      c_.prepare("SELECT name, coalesce(retired_on, '') FROM agencies WHERE id = ? AND active = 0");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return RetiredAgency{st.text(0), st.text(1)};
}

std::optional<Ref> PetitionsRepo::agency(int64_t id) {
  auto st = c_.prepare("SELECT id, code, name FROM agencies WHERE id = ? AND active = 1");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return Ref{st.i64(0), st.text(1), st.text(2)};
}

}  // namespace hoptac::store
