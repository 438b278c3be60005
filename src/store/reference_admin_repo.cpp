#include "store/reference_admin_repo.hpp"

namespace hoptac::store {

namespace {
// States in which a petition is still someone's work (docs/petitions.md).
constexpr const char* kOpen = "('draft', 'submitted', 'received', 'forwarded', 'assigned')";

LetterheadRow read_letterhead(const Statement& st) {
  return {st.i64(0), st.text(1), st.text(2), st.text(3), st.text(4)};
}
constexpr const char* kLetterheadColumns =
    "SELECT id, valid_from, parent_body, issuing_body, place_name FROM letterheads ";
}  // namespace

std::optional<AgencyRow> ReferenceAdminRepo::agency(int64_t id) {
  auto st = c_.prepare(std::string(kAgencyFullColumns) + " WHERE a.id = ?");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return read_full_agency(st);
}

bool ReferenceAdminRepo::agency_code_exists(const std::string& code) {
  auto st = c_.prepare("SELECT EXISTS (SELECT 1 FROM agencies WHERE code = ?)");
  st.bind(code);
  return st.step() && st.i64(0) != 0;
}

void ReferenceAdminRepo::update_agency(int64_t id, const std::string& name,
                                       const std::string& short_name) {
  c_.prepare("UPDATE agencies SET name = ?, short_name = ? WHERE id = ?")
      .bind_all(name, short_name, id)
      .run();
}

int64_t ReferenceAdminRepo::open_petition_count(int64_t agency_id) {
  auto st = c_.prepare(std::string("SELECT count(*) FROM petitions p WHERE p.state IN ") + kOpen +
                       " AND (p.lead_agency_id = ?1 OR p.id IN (SELECT petition_id FROM "
                       "petition_coordinators WHERE agency_id = ?1))");
  st.bind(agency_id);
  return st.step() ? st.i64(0) : 0;
}

int64_t ReferenceAdminRepo::open_directive_count(int64_t agency_id) {
  auto st = c_.prepare(
      "SELECT count(*) FROM directives WHERE assignee_agency_id = ? AND status <> 'done'");
  st.bind(agency_id);
  return st.step() ? st.i64(0) : 0;
}

std::vector<OpenPetitionOfAgency> ReferenceAdminRepo::open_petitions(int64_t agency_id) {
  auto st = c_.prepare(
      std::string("SELECT p.id, p.state, CASE WHEN p.lead_agency_id = ?1 THEN 1 ELSE 0 END "
                  "FROM petitions p WHERE p.state IN ") +
      kOpen +
      " AND (p.lead_agency_id = ?1 OR p.id IN (SELECT petition_id FROM petition_coordinators "
      "WHERE agency_id = ?1)) ORDER BY p.id");
  st.bind(agency_id);
  std::vector<OpenPetitionOfAgency> out;
  while (st.step()) out.push_back({st.i64(0), st.text(1), st.i64(2) != 0});
  return out;
}

void ReferenceAdminRepo::move_petition(const OpenPetitionOfAgency& p, int64_t from, int64_t into,
                                       const std::string& now) {
  c_.prepare(
        "UPDATE petitions SET lead_agency_id = CASE WHEN lead_agency_id = ?1 THEN ?2 ELSE "
        "lead_agency_id END, version = version + 1, updated_at = ?3 WHERE id = ?4")
      .bind_all(from, into, now, p.id)
      .run();
  // `from` as coordinator becomes `into`, unless `into` leads (a lead never coordinates).
  const bool coordinated = [&] {
    auto st = c_.prepare(
        "SELECT EXISTS (SELECT 1 FROM petition_coordinators WHERE petition_id = ? AND agency_id "
        "= ?)");
    st.bind_all(p.id, from);
    return st.step() && st.i64(0) != 0;
  }();
  c_.prepare("DELETE FROM petition_coordinators WHERE petition_id = ? AND agency_id = ?")
      .bind_all(p.id, from)
      .run();
  if (coordinated)
    c_.prepare(
          "INSERT INTO petition_coordinators (petition_id, agency_id) SELECT ?1, ?2 WHERE NOT "
          "EXISTS (SELECT 1 FROM petitions WHERE id = ?1 AND lead_agency_id = ?2) ON CONFLICT DO "
          "NOTHING")
        .bind_all(p.id, into)
        .run();
  c_.prepare(
        "DELETE FROM petition_coordinators WHERE petition_id = ?1 AND agency_id = (SELECT "
        "lead_agency_id FROM petitions WHERE id = ?1)")
      .bind(p.id)
      .run();
}

int64_t ReferenceAdminRepo::move_open_directives(int64_t from, int64_t into,
                                                 const std::string& now) {
  c_.prepare(
        "UPDATE directives SET assignee_agency_id = ?, updated_at = ? WHERE assignee_agency_id = "
        "? AND status <> 'done'")
      .bind_all(into, now, from)
      .run();
  return c_.changes();
}

void ReferenceAdminRepo::move_category_defaults(int64_t from, int64_t into) {
  c_.prepare("UPDATE categories SET default_agency_id = ? WHERE default_agency_id = ?")
      .bind_all(into, from)
      .run();
}

int64_t ReferenceAdminRepo::category_default_count(int64_t agency_id) {
  auto st = c_.prepare("SELECT count(*) FROM categories WHERE default_agency_id = ?");
  st.bind(agency_id);
  st.step();
  return st.i64(0);
}

int64_t ReferenceAdminRepo::move_accounts(int64_t from, int64_t into) {
  c_.prepare("UPDATE users SET agency_id = ? WHERE agency_id = ?").bind_all(into, from).run();
  return c_.changes();
}

void ReferenceAdminRepo::retire_agency(int64_t id, std::optional<int64_t> merged_into,
                                       const std::string& on) {
  c_.prepare("UPDATE agencies SET active = 0, merged_into = ?, retired_on = ? WHERE id = ?")
      .bind_all(merged_into, on, id)
      .run();
}

std::optional<CategoryRow> ReferenceAdminRepo::category(const std::string& code) {
  auto st = c_.prepare(
      "SELECT c.code, c.name_vi, c.name_en, coalesce(a.id, 0), coalesce(a.code, ''), "
      "coalesce(a.name, ''), c.default_days, c.position FROM categories c LEFT JOIN agencies a "
      "ON a.id = c.default_agency_id WHERE c.code = ?");
  st.bind(code);
  if (!st.step()) return std::nullopt;
  return CategoryRow{st.text(0),
                     st.text(1),
                     st.text(2),
                     {st.i64(3), st.text(4), st.text(5)},
                     static_cast<int>(st.i64(6)),
                     static_cast<int>(st.i64(7))};
}

namespace {
std::optional<int64_t> agency_or_null(const CategoryRow& k) {
  if (k.default_agency.id == 0) return std::nullopt;
  return k.default_agency.id;
}
}  // namespace

void ReferenceAdminRepo::insert_category(const CategoryRow& k) {
  int64_t position = 1;
  {
    auto st = c_.prepare("SELECT coalesce(max(position), 0) + 1 FROM categories");
    if (st.step()) position = st.i64(0);
  }
  c_.prepare(
        "INSERT INTO categories (code, position, name_vi, name_en, default_agency_id, "
        "default_days) VALUES (?, ?, ?, ?, ?, ?)")
      .bind_all(k.code, position, k.name_vi, k.name_en, agency_or_null(k),
                static_cast<int64_t>(k.default_days))
      .run();
}

void ReferenceAdminRepo::update_category(const CategoryRow& k) {
  c_.prepare(
        "UPDATE categories SET name_vi = ?, name_en = ?, default_agency_id = ?, default_days = ? "
        "WHERE code = ?")
      .bind_all(k.name_vi, k.name_en, agency_or_null(k), static_cast<int64_t>(k.default_days),
                k.code)
      .run();
}

std::optional<HolidayRow> ReferenceAdminRepo::holiday(const std::string& day) {
  auto st = c_.prepare("SELECT day, name, kind FROM holidays WHERE day = ?");
  st.bind(day);
  if (!st.step()) return std::nullopt;
  return HolidayRow{st.text(0), st.text(1), st.text(2)};
}

void ReferenceAdminRepo::insert_holiday(const HolidayRow& h) {
  c_.prepare("INSERT INTO holidays (day, name, kind) VALUES (?, ?, ?)")
      .bind_all(h.day, h.name, h.kind)
      .run();
}

bool ReferenceAdminRepo::delete_holiday(const std::string& day) {
  c_.prepare("DELETE FROM holidays WHERE day = ?").bind(day).run();
  return c_.changes() > 0;
}

std::vector<LetterheadRow> ReferenceAdminRepo::letterheads() {
  auto st = c_.prepare(std::string(kLetterheadColumns) + "ORDER BY valid_from");
  std::vector<LetterheadRow> out;
  while (st.step()) out.push_back(read_letterhead(st));
  return out;
}

std::optional<LetterheadRow> ReferenceAdminRepo::letterhead(int64_t id) {
  auto st = c_.prepare(std::string(kLetterheadColumns) + "WHERE id = ?");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return read_letterhead(st);
}

std::optional<int64_t> ReferenceAdminRepo::letterhead_id_from(const std::string& valid_from) {
  auto st = c_.prepare("SELECT id FROM letterheads WHERE valid_from = ?");
  st.bind(valid_from);
  if (!st.step()) return std::nullopt;
  return st.i64(0);
}

std::optional<LetterheadRow> ReferenceAdminRepo::letterhead_on(const std::string& day) {
  auto st = c_.prepare(std::string(kLetterheadColumns) +
                       "WHERE valid_from <= ? ORDER BY valid_from DESC LIMIT 1");
  st.bind(day);
  if (!st.step()) return std::nullopt;
  return read_letterhead(st);
}

int64_t ReferenceAdminRepo::insert_letterhead(const LetterheadRow& l, const std::string& now) {
  auto st = c_.prepare(
      "INSERT INTO letterheads (valid_from, parent_body, issuing_body, place_name, created_at) "
      "VALUES (?, ?, ?, ?, ?) RETURNING id");
  st.bind_all(l.valid_from, l.parent_body, l.issuing_body, l.place_name, now);
  st.step();
  return st.i64(0);
}

void ReferenceAdminRepo::update_letterhead(const LetterheadRow& l) {
  c_.prepare(
        "UPDATE letterheads SET valid_from = ?, parent_body = ?, issuing_body = ?, place_name = ? "
        "WHERE id = ?")
      .bind_all(l.valid_from, l.parent_body, l.issuing_body, l.place_name, l.id)
      .run();
}

bool ReferenceAdminRepo::delete_letterhead(int64_t id) {
  c_.prepare("DELETE FROM letterheads WHERE id = ?").bind(id).run();
  return c_.changes() > 0;
}

}  // namespace hoptac::store
