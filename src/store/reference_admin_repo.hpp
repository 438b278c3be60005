#pragma once
// Writing reference data: agencies (and moving an agency's open work to another), petition
// categories, the working calendar's days and the reports' letterheads.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/reference_records.hpp"
#include "store/database.hpp"
#include "store/petitions_repo.hpp"
#include "store/reference_repo.hpp"

namespace hoptac::store {

using LetterheadRow = domain::LetterheadRow;

// A petition not yet answered, closed, rejected or merged that an agency leads or coordinates.
struct OpenPetitionOfAgency {
  int64_t id = 0;
  std::string state;
  bool leads = false;
};

class ReferenceAdminRepo {
 public:
  explicit ReferenceAdminRepo(Connection& c) : c_(c) {}

  std::optional<AgencyRow> agency(int64_t id);
  bool agency_code_exists(const std::string& code);
  void update_agency(int64_t id, const std::string& name, const std::string& short_name);
  int64_t open_petition_count(int64_t agency_id);
  int64_t open_directive_count(int64_t agency_id);
  std::vector<OpenPetitionOfAgency> open_petitions(int64_t agency_id);
  // One petition's part for `from` goes to `into`; the version is bumped.
  void move_petition(const OpenPetitionOfAgency& p, int64_t from, int64_t into,
                     const std::string& now);
  int64_t move_open_directives(int64_t from, int64_t into, const std::string& now);
  void move_category_defaults(int64_t from, int64_t into);
  int64_t category_default_count(int64_t agency_id);
  int64_t move_accounts(int64_t from, int64_t into);  // the officers go with their work
  void retire_agency(int64_t id, std::optional<int64_t> merged_into, const std::string& on);

  std::optional<CategoryRow> category(const std::string& code);
  void insert_category(const CategoryRow& k);  // at the end of the list
  void update_category(const CategoryRow& k);

  std::optional<HolidayRow> holiday(const std::string& day);
  void insert_holiday(const HolidayRow& h);
  bool delete_holiday(const std::string& day);

  std::vector<LetterheadRow> letterheads();
  std::optional<LetterheadRow> letterhead(int64_t id);
  std::optional<int64_t> letterhead_id_from(const std::string& valid_from);
  // The letterhead in force on `day`: the latest valid_from on or before it.
  std::optional<LetterheadRow> letterhead_on(const std::string& day);
  int64_t insert_letterhead(const LetterheadRow& l, const std::string& now);
  void update_letterhead(const LetterheadRow& l);
  bool delete_letterhead(int64_t id);

 private:
  Connection& c_;
};

}  // namespace hoptac::store
