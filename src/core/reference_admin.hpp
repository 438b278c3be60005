#pragma once
// Administering reference data: agencies (created, renamed, retired, merged into another with
// their open work), petition categories, the working calendar and the reports' letterheads.
// Admin only (letterheads are readable by staff); each use case is one transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/actor.hpp"
#include "domain/date.hpp"
#include "domain/reference_records.hpp"
#include "store/database.hpp"

namespace hoptac::core {

using MaybeActor = std::optional<domain::Actor>;

// 401 or 403 unless an admin: routes call it before reading the body.
void require_admin(const MaybeActor& actor);

struct AgencyInput {
  std::optional<std::string> code, name, short_name, kind;
  // A commune's People's Committee (kind "commune") names its commune: a code valid today.
  std::optional<std::string> commune_code;
};
domain::AgencyRow create_agency(store::Connection& c, const MaybeActor& actor,
                                const AgencyInput& in);
domain::AgencyRow update_agency(store::Connection& c, const MaybeActor& actor, int64_t id,
                                const AgencyInput& in);
domain::AgencyRow retire_agency(store::Connection& c, const MaybeActor& actor, int64_t id);

struct MergeResult {
  domain::AgencyRow agency;
  int64_t petitions_moved = 0, directives_moved = 0, accounts_moved = 0;
};
MergeResult merge_agency(store::Connection& c, const MaybeActor& actor, int64_t id,
                         std::optional<int64_t> into);

struct CategoryInput {
  std::optional<std::string> code, name_vi, name_en;
  bool has_default_agency = false;  // present in the body (null clears it)
  std::optional<int64_t> default_agency_id;
  std::optional<int64_t> default_days;
};
domain::CategoryRow create_category(store::Connection& c, const MaybeActor& actor,
                                    const CategoryInput& in);
domain::CategoryRow update_category(store::Connection& c, const MaybeActor& actor,
                                    const std::string& code, const CategoryInput& in);

struct HolidayInput {
  std::optional<domain::Date> day;
  std::optional<std::string> name, kind;
};
domain::HolidayRow add_holiday(store::Connection& c, const MaybeActor& actor,
                               const HolidayInput& in);
void delete_holiday(store::Connection& c, const MaybeActor& actor, const std::string& day);

struct LetterheadInput {
  std::optional<domain::Date> valid_from;
  std::optional<std::string> parent_body, issuing_body, place_name;
};
std::vector<domain::LetterheadRow> list_letterheads(store::Connection& c, const MaybeActor& actor);
domain::LetterheadRow create_letterhead(store::Connection& c, const MaybeActor& actor,
                                        const LetterheadInput& in);
domain::LetterheadRow update_letterhead(store::Connection& c, const MaybeActor& actor, int64_t id,
                                        const LetterheadInput& in);
void delete_letterhead(store::Connection& c, const MaybeActor& actor, int64_t id);

// Limits the routes check the body against (characters).
inline constexpr std::size_t kMaxNameChars = 200, kMaxShortNameChars = 100, kMaxPlaceChars = 100,
                             kMaxCodeChars = 40;

}  // namespace hoptac::core
