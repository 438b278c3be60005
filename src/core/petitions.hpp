#pragma once
// Use cases of petitions: writing, reading with each role's visibility, the lifecycle's
// transitions (one transaction each, with history and notifications), batches to the UBND,
// attachments and the public view.
#include <optional>
#include <string>
#include <vector>

#include "domain/actor.hpp"
#include "domain/batch.hpp"
#include "domain/failure.hpp"
#include "domain/petition.hpp"
#include "domain/reference_records.hpp"
#include "domain/working_days.hpp"
#include "store/database.hpp"

namespace hoptac::core {

using MaybeActor = std::optional<domain::Actor>;

domain::WorkingCalendar working_calendar(store::Connection& c);

struct PetitionInput {
  std::optional<int64_t> cooperative_id;
  std::optional<std::string> title, content, channel;
  std::optional<std::vector<std::string>> categories;
  std::optional<int64_t> conference_id;
  domain::Problems problems;  // found while reading the input: reported with the rules' ones
};

struct TransitionInput {
  std::string action;
  std::optional<std::string> reason;
  std::optional<int64_t> lead_agency_id;
  std::optional<std::vector<int64_t>> coordinating_agency_ids;
  std::optional<domain::Date> due_on;
  std::optional<std::string> text, legal_basis, comment;
  std::optional<int64_t> rating;
  std::optional<int64_t> into, conference_id;
  std::optional<std::vector<std::string>> categories;
  // More time, opinions, the reply letter, a conference petition not answered on the spot.
  std::optional<domain::Date> proposed_due_on, letter_date;
  std::optional<int64_t> agency_id, opinion_id, attachment_id, letter_attachment_id;
  std::optional<std::string> question, letter_number, signer_name, signer_title;
  bool no_answer = false;
};

struct PetitionQuery {
  std::optional<std::string> q, status, category;
  std::optional<std::string> district, commune;  // the petitioner's place (old or new units)
  std::optional<int64_t> agency, cooperative, conference, batch, lead_agency, year;
  std::optional<std::string> answered;  // any | on_time | late
  bool overdue = false, due_soon = false;
  bool late = false;             // answered after the due date
  bool escalated = false;        // reported overdue to the leaders (domain::Petition::escalated)
  bool opinion_waiting = false;  // a department: opinions asked of its agency, not yet given
  std::optional<domain::Date> from, to;
  std::string sort = "created_at";
  bool descending = true;
  int page = 1, per_page = 20;
};

domain::Petition create_petition(store::Connection& c, const MaybeActor& actor,
                                 const PetitionInput& in);
domain::Petition update_petition(store::Connection& c, const MaybeActor& actor, int64_t id,
                                 const PetitionInput& in, std::optional<int64_t> expected_version);
domain::Petition get_petition(store::Connection& c, const MaybeActor& actor, int64_t id);
// A page's total is exact up to kCountCap; past it, *capped is set and the total is the cap.
inline constexpr int64_t kCountCap = 10000;
std::vector<domain::Petition> list_petitions(store::Connection& c, const MaybeActor& actor,
                                             const PetitionQuery& q, int64_t* total,
                                             bool* capped = nullptr);
std::vector<domain::HistoryEntry> petition_history(store::Connection& c, const MaybeActor& actor,
                                                   int64_t id);

domain::Petition transition_petition(store::Connection& c, const MaybeActor& actor, int64_t id,
                                     const TransitionInput& in,
                                     std::optional<int64_t> expected_version);
// The same action on every petition, all or none.
std::vector<domain::Petition> bulk_transition(store::Connection& c, const MaybeActor& actor,
                                              const std::vector<int64_t>& ids,
                                              const TransitionInput& in);

std::vector<domain::Petition> list_public_petitions(store::Connection& c, const PetitionQuery& q,
                                                    int64_t* total, bool* capped = nullptr);
domain::Petition get_public_petition(store::Connection& c, const std::string& code);

std::vector<domain::CategoryRow> list_categories(store::Connection& c);
std::vector<domain::HolidayRow> list_holidays(store::Connection& c, int year);

domain::BatchRow create_batch(store::Connection& c, const MaybeActor& actor,
                              const std::string& title, const std::vector<int64_t>& petition_ids);
std::vector<domain::BatchRow> list_batches(store::Connection& c, const MaybeActor& actor, int page,
                                           int per_page, int64_t* total);
domain::BatchRow get_batch(store::Connection& c, const MaybeActor& actor, int64_t id);

// Attachments are stored outside the web root, named by their SHA-256.
constexpr std::size_t kMaxAttachmentBytes = 10u * 1024 * 1024;
domain::Attachment add_attachment(store::Connection& c, const MaybeActor& actor, int64_t id,
                                  const std::string& filename, const std::string& content_type,
                                  const std::string& bytes, const std::string& storage_dir);
// The attachment and its bytes, for those who may read the petition.
std::pair<domain::Attachment, std::string> read_attachment(store::Connection& c,
                                                           const MaybeActor& actor, int64_t id,
                                                           int64_t attachment_id,
                                                           const std::string& storage_dir);

// "kn-2025-000123" -> "KN-2025-000123" when the search text is a petition's code.
std::optional<std::string> as_petition_code(const std::string& q);
// The folded words of a user's search text (at most 20), each to match as a prefix.
std::vector<std::string> search_tokens(const std::string& q);

}  // namespace hoptac::core
