#pragma once
// Dialogue conferences (hội nghị đối thoại) and the directives (kết luận, nhiệm vụ) that come
// out of them or are issued on their own.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/petition.hpp"

namespace hoptac::domain {

struct Conference {
  int64_t id = 0;
  std::string title;
  Date held_on;
  std::string venue;
  std::string chair_name;
  std::string chair_title;
  std::optional<Ref> host_agency;
  std::vector<Ref> agencies;
  std::vector<Ref> cooperatives;
  std::string status = "planned";  // planned | held | closed
  std::string minutes;
  int64_t petition_count = 0;
  int64_t version = 1;
  std::string created_at, updated_at;
};

struct DirectiveReport {
  std::string reported_on;
  std::string text;
  std::string status;
  std::string user_name;
};

struct Directive {
  int64_t id = 0;
  std::optional<int64_t> conference_id;
  std::string content;
  Ref assignee_agency;
  Date due_on;
  std::string status = "open";  // open | in_progress | done
  std::vector<DirectiveReport> reports;
  std::string created_at, updated_at;
  bool overdue(Date today) const { return status != "done" && due_on < today; }
};

struct Notification {
  int64_t id = 0;
  std::string kind;
  std::optional<int64_t> petition_id, directive_id;
  std::string message_vi, message_en;
  std::string created_at;
  bool read = false;
};

}  // namespace hoptac::domain
