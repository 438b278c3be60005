#pragma once
// A petition (kiến nghị) of one or more cooperatives, and what hangs on it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"

namespace hoptac::domain {

struct Ref {  // a named thing another record points to
  int64_t id = 0;
  std::string code;
  std::string name;
};

struct PetitionAnswer {
  Ref agency;
  std::string text;
  std::string legal_basis;
  std::string answered_on;
  bool at_conference = false;
  // The signed reply letter: number and symbol ("125/STC-QLNS"), date, signer, the file.
  std::string letter_number;
  std::string letter_date;  // YYYY-MM-DD, "" when none was recorded
  std::string signer_name, signer_title;
  std::optional<int64_t> letter_attachment_id;
};

// The lead agency's request for more time and the UBND leader's decision.
struct Extension {
  int64_t id = 0;
  std::string status;  // open | granted | refused | withdrawn
  std::string reason, previous_due_on, proposed_due_on, granted_due_on, decision_reason;
  std::string requested_at, decided_at;
};

// The lead agency asks a coordinating agency for its opinion.
struct Opinion {
  int64_t id = 0;
  Ref agency;
  std::string question, asked_at;
  std::optional<std::string> answer;
  std::optional<int64_t> attachment_id;
  std::string answered_at;
};

struct Attachment {
  int64_t id = 0;
  int64_t petition_id = 0;
  std::string filename;
  std::string content_type;
  int64_t size = 0;
  std::string sha256;
};

struct Petition {
  int64_t id = 0;
  std::string code;                // KN-2025-000123
  Ref cooperative;                 // who raised it
  std::vector<Ref> cooperatives;   // co-petitioners, the raiser first
  std::string channel = "online";  // online | conference | paper
  std::optional<int64_t> conference_id;
  std::string title;
  std::string content;
  std::vector<std::string> categories;
  std::string state = "draft";
  std::optional<Ref> lead_agency;
  std::vector<Ref> coordinating_agencies;
  std::optional<Date> assigned_on;
  std::optional<Date> due_on;
  std::optional<Date> answered_on;
  std::optional<Ref> batch;        // code = batch number
  std::optional<Ref> merged_into;  // code = petition code
  std::vector<PetitionAnswer> answers;
  std::vector<Attachment> attachments;
  std::vector<Extension> extensions;  // oldest first
  std::vector<Opinion> opinions;      // oldest first
  std::string return_reason;          // why it was last returned for more information
  bool published = false;
  std::optional<int> rating;
  std::string rating_comment;
  std::optional<int64_t> created_by;
  std::string created_at, submitted_at, updated_at;
  int64_t version = 1;
  // Derived from the due date, today and the working calendar when the petition is read.
  bool overdue = false;
  bool due_soon = false;
  // Answered after its due date (the one granted, if more time was).
  bool answered_late() const { return answered_on && due_on && *answered_on > *due_on; }
  // The due date it was reported to the leaders as overdue for (core::sweep_deadlines).
  std::optional<Date> escalated_on;
  // Reported overdue to the leaders and still waiting for its answer by that date.
  bool escalated() const {
    return state == "assigned" && escalated_on && due_on && *escalated_on == *due_on;
  }
  const Extension* open_extension() const {
    for (const auto& e : extensions)
      if (e.status == "open") return &e;
    return nullptr;
  }
  // The actions the reader may take now (filled for a signed-in reader).
  std::vector<std::string> allowed_actions;
  // Until when the reader may still undo the last step (their assignment), if they may.
  std::optional<std::string> undo_until;
};

struct HistoryEntry {
  std::string at;
  std::string action;
  std::string from_state;
  std::string to_state;
  std::string reason;
  std::string user_name;
  std::string user_role;
};

constexpr std::size_t kMaxPetitionContent = 10000;
constexpr std::size_t kMaxPetitionTitle = 300;

}  // namespace hoptac::domain
