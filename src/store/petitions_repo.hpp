#pragma once
// Petitions, with their categories, co-petitioners, coordinating agencies, answers, history,
// attachments and search index; batches; counters for readable numbers.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/batch.hpp"
#include "domain/petition.hpp"
#include "domain/reference_records.hpp"
#include "store/database.hpp"

namespace hoptac::store {

using CategoryRow = domain::CategoryRow;
using HolidayRow = domain::HolidayRow;

using BatchPetition = domain::BatchPetition;
using BatchRow = domain::BatchRow;

struct PetitionFilter {
  std::vector<std::string> search_tokens;  // folded words, each matched as a prefix
  bool match_nothing = false;              // a search with no word in it
  std::optional<std::string> code;         // a readable code, exactly
  std::optional<std::string> status, category;
  std::optional<int64_t> agency, cooperative, conference, batch;
  // The dashboard's agency table: its lead agency (drafts never), the petition's year, and how
  // it was answered (any | on_time | late).
  std::optional<int64_t> lead_agency, year;
  std::optional<std::string> answered;
  bool overdue = false, due_soon = false;
  bool late = false;                        // answered after the due date
  bool escalated = false;                   // reported overdue to the leaders, not yet answered
  std::optional<int64_t> opinion_asked_of;  // an opinion waits for this agency
  // Where the petitioner is registered: a district (before 1 July 2025), or a commune (an old
  // code, or a new commune an old one became).
  std::optional<std::string> district, commune;
  std::string today, soon_until;  // YYYY-MM-DD, for overdue and due_soon
  std::optional<std::string> from, to_exclusive;
  // Visibility: a cooperative sees its own and published ones; an agency, its own.
  std::optional<int64_t> visible_to_cooperative, visible_to_agency;
  bool published_only = false;
  std::string sort = "created_at";
  bool descending = true;
  int page = 1, per_page = 20;
  int64_t count_cap = 0;  // count the total up to this many (0: exactly)
};

struct RetiredAgency {
  std::string name, retired_on;  // YYYY-MM-DD
};

class PetitionsRepo {
 public:
  explicit PetitionsRepo(Connection& c) : c_(c) {}

  int next_number(const std::string& counter, int year);  // 1, 2, ... per year

  int64_t insert(const domain::Petition& p);
  // The same, with its searchable text already folded (code, title, content): for bulk loads.
  int64_t insert(const domain::Petition& p, const std::string& folded_search);
  // Bulk loads (seed-bench), in one transaction: begin_load(), petitions inserted in their
  // final state, flush_load() now and then and at the end (it indexes their text), then the
  // running totals made once from all of them.
  void begin_load();
  int64_t insert_loaded(const domain::Petition& p, const std::string& folded_search);
  void flush_load();
  void rebuild_tallies();
  std::optional<domain::Petition> get(int64_t id);
  std::optional<domain::Petition> get_by_code(const std::string& code);
  std::optional<int64_t> id_by_code(const std::string& code);
  // Writes every mutable column of `p` and bumps the version.
  void update(const domain::Petition& p, const std::string& now);
  void set_categories(int64_t id, const std::vector<std::string>& categories);
  void set_coordinators(int64_t id, const std::vector<int64_t>& agency_ids);
  void add_cooperatives(int64_t id, const std::vector<int64_t>& cooperative_ids);
  void add_answer(int64_t id, const domain::PetitionAnswer& a, std::optional<int64_t> user_id,
                  const std::string& now);
  void insert_extension(int64_t petition_id, const domain::Extension& e,
                        std::optional<int64_t> user_id);
  // Decides the open request (granted or refused) or withdraws it.
  void close_extension(int64_t extension_id, const domain::Extension& decided,
                       std::optional<int64_t> user_id);
  int64_t insert_opinion(int64_t petition_id, const domain::Opinion& o,
                         std::optional<int64_t> user_id);
  void answer_opinion(int64_t opinion_id, const domain::Opinion& o, std::optional<int64_t> user_id);
  void add_history(int64_t id, std::optional<int64_t> user_id, const std::string& action,
                   const std::string& from, const std::string& to, const std::string& reason,
                   const std::string& at);
  std::vector<domain::HistoryEntry> history(int64_t id);
  void refresh_search(int64_t id);

  std::vector<domain::Petition> list(const PetitionFilter& f, int64_t* total,
                                     bool* capped = nullptr);

  // The bytes of attachments, by SHA-256 (PostgreSQL: shared by every instance).

  void put_content(const std::string& sha256, const std::string& bytes);

  std::optional<std::string> content(const std::string& sha256);

  int64_t insert_attachment(const domain::Attachment& a, std::optional<int64_t> user_id,
                            const std::string& now);
  std::optional<domain::Attachment> attachment(int64_t petition_id, int64_t attachment_id);

  std::vector<CategoryRow> categories();
  std::set<domain::Date> holidays();     // weekdays off
  std::set<domain::Date> worked_days();  // Saturdays and Sundays worked
  std::vector<HolidayRow> holidays_of(int year);

  int64_t insert_batch(const BatchRow& b, int64_t user_id);
  std::vector<BatchRow> batches(int page, int per_page, int64_t* total);
  std::optional<BatchRow> batch(int64_t id);

  std::optional<domain::Ref> agency(int64_t id);  // an active one
  std::optional<RetiredAgency> retired_agency(int64_t id);

 private:
  int64_t insert_row(const domain::Petition& p);
  std::optional<domain::Petition> first_with_details(Statement& st);
  void load_details(std::vector<domain::Petition>& ps);
  Connection& c_;
};

}  // namespace hoptac::store
