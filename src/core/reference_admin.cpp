#include "core/reference_admin.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/clock.hpp"
#include "core/permissions.hpp"
#include "domain/failure.hpp"
#include "store/petitions_repo.hpp"
#include "store/reference_admin_repo.hpp"
#include "store/reference_repo.hpp"
#include "text/fold.hpp"

namespace hoptac::core {

using domain::Date;
using domain::Failure;
using domain::FailureKind;
using domain::Problems;
using domain::Role;
using store::Transaction;

void require_admin(const MaybeActor& actor) {
  require_role(actor, {Role::admin});
}

namespace {

// "district": a district's People's Committee (retired with the districts on 1 July 2025);
// "commune": a commune's, tied to a commune valid after the reform.
constexpr std::array<std::string_view, 8> kAgencyKinds = {
    "ubnd", "office", "alliance", "department", "district", "commune", "bank", "other"};

// A code of 2..max characters from `allowed` besides a-z and 0-9.
bool is_code(const std::string& s, std::string_view allowed) {
  return s.size() >= 2 && s.size() <= kMaxCodeChars &&
         std::all_of(s.begin(), s.end(), [&](char ch) {
           return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                  allowed.find(ch) != std::string_view::npos;
         });
}

// Present text must have 1..max characters (the route has trimmed and bounded it already;
// this is the rule, kept where the use case is).
void check_text(Problems& p, const char* field, const std::optional<std::string>& v,
                std::size_t max, bool required) {
  if (!v) {
    if (required) p.add(field, "Bắt buộc phải có", "Required");
    return;
  }
  const auto n = text::length_in_characters(*v);
  if (n == 0 || n > max)
    p.add(field, "Từ 1 đến " + std::to_string(max) + " ký tự",
          "From 1 to " + std::to_string(max) + " characters");
}

void check_year(Problems& p, const char* field, const std::optional<Date>& d) {
  if (d && (d->year < 2000 || d->year > 2100))
    p.add(field, "Năm phải từ 2000 đến 2100", "The year must be from 2000 to 2100");
}

Failure conflict(const char* field, const std::string& vi, const std::string& en) {
  return Failure(FailureKind::conflict, vi, en, {{field, vi, en}});
}

store::AgencyRow load_agency(store::ReferenceAdminRepo& repo, int64_t id) {
  auto a = repo.agency(id);
  if (!a) throw Failure::not_found("cơ quan", "agency");
  return *a;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Agencies

store::AgencyRow create_agency(store::Connection& c, const MaybeActor& actor,
                               const AgencyInput& in) {
  require_admin(actor);
  Problems p;
  if (!in.code)
    p.add("code", "Bắt buộc phải có", "Required");
  else if (!is_code(*in.code, "-"))
    p.add("code", "Mã gồm 2 đến 40 ký tự a-z, 0-9 hoặc dấu gạch ngang",
          "The code is 2 to 40 characters: a-z, 0-9 or hyphens");
  check_text(p, "name", in.name, kMaxNameChars, true);
  check_text(p, "short_name", in.short_name, kMaxShortNameChars, true);
  if (!in.kind)
    p.add("kind", "Bắt buộc phải có", "Required");
  else if (std::find(kAgencyKinds.begin(), kAgencyKinds.end(), *in.kind) == kAgencyKinds.end())
    p.add("kind",
          "Loại cơ quan phải là ubnd, office, alliance, department, district, commune, bank "
          "hoặc other",
          "kind must be ubnd, office, alliance, department, district, commune, bank or other");
  const bool commune_kind = in.kind && *in.kind == "commune";
  if (commune_kind && !in.commune_code)
    p.add("commune_code", "UBND cấp xã phải gắn với một xã: hãy chọn xã",
          "A commune's committee names its commune");
  else if (!commune_kind && in.commune_code)
    p.add("commune_code", "Chỉ UBND cấp xã (loại commune) gắn với một xã",
          "Only a commune's committee (kind commune) names a commune");
  p.throw_if_any();
  store::ReferenceAdminRepo repo(c);
  store::ReferenceRepo ref(c);
  Transaction tx(c, Transaction::Mode::write);
  if (repo.agency_code_exists(*in.code))
    throw conflict("code", "Đã có cơ quan mang mã này", "An agency with this code exists");
  store::AgencyRow a{0, *in.code, *in.name, *in.short_name, *in.kind};
  if (commune_kind) {
    // Today's communes only: the units after 1 July 2025 (districts no longer exist).
    const std::string today = Date::today_in_vietnam().iso();
    auto unit = ref.commune_valid_at(*in.commune_code, today);
    if (!unit)
      throw Failure::invalid_field(
          "commune_code", "Không có xã, phường mã " + *in.commune_code + " đang có hiệu lực",
          "No commune with code " + *in.commune_code + " is in force today");
    if (ref.active_agency_of_commune(unit->id))
      throw conflict("commune_code", "Đã có UBND của " + unit->name,
                     "There is already a committee of " + unit->name);
    a.commune_id = unit->id;
  }
  a.id = ref.insert_agency(a);
  auto created = load_agency(repo, a.id);
  tx.commit();
  return created;
}

store::AgencyRow update_agency(store::Connection& c, const MaybeActor& actor, int64_t id,
                               const AgencyInput& in) {
  require_admin(actor);
  Problems p;
  check_text(p, "name", in.name, kMaxNameChars, false);
  check_text(p, "short_name", in.short_name, kMaxShortNameChars, false);
  p.throw_if_any();
  store::ReferenceAdminRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto a = load_agency(repo, id);
  repo.update_agency(id, in.name.value_or(a.name), in.short_name.value_or(a.short_name));
  auto updated = load_agency(repo, id);
  tx.commit();
  return updated;
}

store::AgencyRow retire_agency(store::Connection& c, const MaybeActor& actor, int64_t id) {
  require_admin(actor);
  store::ReferenceAdminRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto a = load_agency(repo, id);
  if (!a.active)
    throw Failure(FailureKind::conflict, "Cơ quan này đã thôi hoạt động",
                  "This agency is already retired");
  const int64_t petitions = repo.open_petition_count(id);
  const int64_t directives = repo.open_directive_count(id);
  if (petitions > 0 || directives > 0)
    throw Failure(
        FailureKind::conflict,
        "Cơ quan còn " + std::to_string(petitions) + " kiến nghị và " + std::to_string(directives) +
            " nhiệm vụ chưa xong; hãy hợp nhất vào cơ quan khác (merge) thay vì cho thôi hoạt động",
        "The agency still has " + std::to_string(petitions) + " open petitions and " +
            std::to_string(directives) + " open directives; merge it into another instead");
  // A category whose petitions would go by default to a retired agency is a trap for the UBND.
  if (const int64_t categories = repo.category_default_count(id); categories > 0)
    throw Failure(FailureKind::conflict,
                  std::to_string(categories) +
                      " lĩnh vực đang lấy cơ quan này làm cơ quan trả lời mặc định; hãy đổi các "
                      "lĩnh vực đó, hoặc hợp nhất cơ quan vào cơ quan khác",
                  std::to_string(categories) +
                      " categories answer by default through this agency; change them first, or "
                      "merge the agency into another");
  repo.retire_agency(id, std::nullopt, Date::today_in_vietnam().iso());
  auto retired = load_agency(repo, id);
  tx.commit();
  return retired;
}

namespace {
// The merge's preconditions, with the field they concern.
store::AgencyRow check_merge(store::ReferenceAdminRepo& repo, const store::AgencyRow& from,
                             int64_t into) {
  if (!from.active)
    throw Failure(FailureKind::conflict, "Cơ quan này đã thôi hoạt động, không hợp nhất được nữa",
                  "This agency is retired and cannot be merged");
  if (into == from.id)
    throw Failure::invalid_field("into", "Không thể hợp nhất cơ quan vào chính nó",
                                 "An agency cannot be merged into itself");
  auto target = repo.agency(into);
  if (!target) throw Failure::invalid_field("into", "Không có cơ quan này", "No such agency");
  if (!target->active)
    throw conflict("into", "Cơ quan nhận đã thôi hoạt động (" + target->name + ")",
                   "The receiving agency is retired (" + target->name + ")");
  return *target;
}
}  // namespace

MergeResult merge_agency(store::Connection& c, const MaybeActor& actor, int64_t id,
                         std::optional<int64_t> into) {
  const auto& admin = require_role(actor, {Role::admin});
  if (!into) throw Failure::invalid_field("into", "Bắt buộc phải có", "Required");
  store::ReferenceAdminRepo repo(c);
  store::PetitionsRepo petitions(c);
  Transaction tx(c, Transaction::Mode::write);
  auto from = load_agency(repo, id);
  auto target = check_merge(repo, from, *into);
  const std::string now = now_iso();
  const std::string reason = "Chuyển từ " + from.name + " sang " + target.name +
                             " do hợp nhất cơ quan (" + from.code + " → " + target.code + ")";
  MergeResult r;
  for (const auto& p : repo.open_petitions(id)) {
    repo.move_petition(p, id, *into, now);
    petitions.add_history(p.id, admin.user_id, "agency_merged", p.state, p.state, reason, now);
    ++r.petitions_moved;
  }
  r.directives_moved = repo.move_open_directives(id, *into, now);
  repo.move_category_defaults(id, *into);
  r.accounts_moved = repo.move_accounts(id, *into);
  repo.retire_agency(id, *into, Date::today_in_vietnam().iso());
  r.agency = load_agency(repo, id);
  tx.commit();
  return r;
}

// ---------------------------------------------------------------------------------------------
// Categories

namespace {
// The default agency, when the input names one: it must exist and be active.
void check_default_agency(store::ReferenceAdminRepo& repo, const CategoryInput& in,
                          store::CategoryRow& k) {
  if (!in.has_default_agency) return;
  if (!in.default_agency_id) {
    k.default_agency = {};
    return;
  }
  auto a = repo.agency(*in.default_agency_id);
  if (!a)
    throw Failure::invalid_field("default_agency_id", "Không có cơ quan này", "No such agency");
  if (!a->active)
    throw Failure::invalid_field("default_agency_id", "Cơ quan này đã thôi hoạt động",
                                 "This agency is retired");
  k.default_agency = {a->id, a->code, a->name};
}

void check_category_fields(Problems& p, const CategoryInput& in, bool creating) {
  check_text(p, "name_vi", in.name_vi, kMaxNameChars, creating);
  check_text(p, "name_en", in.name_en, kMaxNameChars, creating);
  if (creating && !in.default_days) p.add("default_days", "Bắt buộc phải có", "Required");
  if (in.default_days && (*in.default_days < 1 || *in.default_days > 365))
    p.add("default_days", "Từ 1 đến 365 ngày làm việc", "From 1 to 365 working days");
}
}  // namespace

store::CategoryRow create_category(store::Connection& c, const MaybeActor& actor,
                                   const CategoryInput& in) {
  require_admin(actor);
  Problems p;
  if (!in.code)
    p.add("code", "Bắt buộc phải có", "Required");
  else if (!is_code(*in.code, "_"))
    p.add("code", "Mã gồm 2 đến 40 ký tự a-z, 0-9 hoặc dấu gạch dưới",
          "The code is 2 to 40 characters: a-z, 0-9 or underscores");
  check_category_fields(p, in, true);
  p.throw_if_any();
  store::ReferenceAdminRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  if (repo.category(*in.code))
    throw conflict("code", "Đã có nhóm kiến nghị mang mã này", "A category with this code exists");
  store::CategoryRow k{*in.code, *in.name_vi, *in.name_en, {}, static_cast<int>(*in.default_days)};
  check_default_agency(repo, in, k);
  repo.insert_category(k);
  auto created = *repo.category(k.code);
  tx.commit();
  return created;
}

store::CategoryRow update_category(store::Connection& c, const MaybeActor& actor,
                                   const std::string& code, const CategoryInput& in) {
  require_admin(actor);
  Problems p;
  check_category_fields(p, in, false);
  p.throw_if_any();
  store::ReferenceAdminRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto k = repo.category(code);
  if (!k) throw Failure::not_found("nhóm kiến nghị", "category");
  if (in.name_vi) k->name_vi = *in.name_vi;
  if (in.name_en) k->name_en = *in.name_en;
  if (in.default_days) k->default_days = static_cast<int>(*in.default_days);
  check_default_agency(repo, in, *k);
  repo.update_category(*k);
  auto updated = *repo.category(code);
  tx.commit();
  return updated;
}

// ---------------------------------------------------------------------------------------------
// The working calendar

store::HolidayRow add_holiday(store::Connection& c, const MaybeActor& actor,
                              const HolidayInput& in) {
  require_admin(actor);
  Problems p;
  if (!in.day) p.add("day", "Bắt buộc phải có", "Required");
  check_year(p, "day", in.day);
  check_text(p, "name", in.name, kMaxNameChars, true);
  const std::string kind = in.kind.value_or("holiday");
  if (kind != "holiday" && kind != "working")
    p.add("kind", "Loại ngày phải là holiday (ngày nghỉ) hoặc working (ngày làm bù)",
          "kind must be holiday or working");
  p.throw_if_any();
  const bool weekend = in.day->weekday() >= 5;
  // A holiday takes a weekday off; a worked day moves work onto a weekend day.
  if (kind == "holiday" && weekend)
    throw Failure::invalid_field("day", "Ngày nghỉ phải là ngày trong tuần (thứ Hai đến thứ Sáu)",
                                 "A holiday must be a weekday (Monday to Friday)");
  if (kind == "working" && !weekend)
    throw Failure::invalid_field("day", "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật",
                                 "A worked day must be a Saturday or Sunday");
  store::ReferenceAdminRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  store::HolidayRow h{in.day->iso(), *in.name, kind};
  if (repo.holiday(h.day))
    throw conflict("day", "Ngày " + in.day->vietnamese() + " đã có trong lịch",
                   in.day->iso() + " is already in the calendar");
  repo.insert_holiday(h);
  tx.commit();
  return h;
}

void delete_holiday(store::Connection& c, const MaybeActor& actor, const std::string& day) {
  require_admin(actor);
  auto d = Date::parse(day);
  if (!d)
    throw Failure(FailureKind::bad_request, "Ngày phải có dạng YYYY-MM-DD",
                  "The day must be a date YYYY-MM-DD",
                  {{"day", "Ngày phải có dạng YYYY-MM-DD", "Must be a date YYYY-MM-DD"}});
  store::ReferenceAdminRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  if (!repo.delete_holiday(d->iso())) throw Failure::not_found("ngày trong lịch", "calendar day");
  tx.commit();
}

// ---------------------------------------------------------------------------------------------
// Letterheads

namespace {
void check_letterhead(Problems& p, const LetterheadInput& in, bool creating) {
  if (creating && !in.valid_from) p.add("valid_from", "Bắt buộc phải có", "Required");
  check_year(p, "valid_from", in.valid_from);
  check_text(p, "parent_body", in.parent_body, kMaxNameChars, creating);
  check_text(p, "issuing_body", in.issuing_body, kMaxNameChars, creating);
  check_text(p, "place_name", in.place_name, kMaxPlaceChars, creating);
}

void check_free_day(store::ReferenceAdminRepo& repo, const std::string& valid_from, int64_t self) {
  auto other = repo.letterhead_id_from(valid_from);
  if (other && *other != self)
    throw conflict("valid_from", "Đã có tiêu đề văn bản áp dụng từ ngày này",
                   "A letterhead already applies from this day");
}
}  // namespace

std::vector<store::LetterheadRow> list_letterheads(store::Connection& c, const MaybeActor& actor) {
  require_staff(actor);
  Transaction tx(c, Transaction::Mode::read);
  return store::ReferenceAdminRepo(c).letterheads();
}

store::LetterheadRow create_letterhead(store::Connection& c, const MaybeActor& actor,
                                       const LetterheadInput& in) {
  require_admin(actor);
  Problems p;
  check_letterhead(p, in, true);
  p.throw_if_any();
  store::ReferenceAdminRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  store::LetterheadRow l{0, in.valid_from->iso(), *in.parent_body, *in.issuing_body,
                         *in.place_name};
  check_free_day(repo, l.valid_from, 0);
  l.id = repo.insert_letterhead(l, now_iso());
  tx.commit();
  return l;
}

store::LetterheadRow update_letterhead(store::Connection& c, const MaybeActor& actor, int64_t id,
                                       const LetterheadInput& in) {
  require_admin(actor);
  Problems p;
  check_letterhead(p, in, false);
  p.throw_if_any();
  store::ReferenceAdminRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto l = repo.letterhead(id);
  if (!l) throw Failure::not_found("tiêu đề văn bản", "letterhead");
  if (in.valid_from) l->valid_from = in.valid_from->iso();
  if (in.parent_body) l->parent_body = *in.parent_body;
  if (in.issuing_body) l->issuing_body = *in.issuing_body;
  if (in.place_name) l->place_name = *in.place_name;
  check_free_day(repo, l->valid_from, id);
  repo.update_letterhead(*l);
  tx.commit();
  return *l;
}

void delete_letterhead(store::Connection& c, const MaybeActor& actor, int64_t id) {
  require_admin(actor);
  store::ReferenceAdminRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  if (!repo.delete_letterhead(id)) throw Failure::not_found("tiêu đề văn bản", "letterhead");
  tx.commit();
}

}  // namespace hoptac::core
