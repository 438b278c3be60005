#pragma once
// Dialogue conferences and directives (conclusions and tasks), with progress reports.
#include <optional>
#include <vector>

#include "domain/actor.hpp"
#include "domain/conference.hpp"
#include "store/database.hpp"

namespace hoptac::core {

using MaybeActor = std::optional<domain::Actor>;

struct ConferenceInput {
  std::optional<std::string> title, venue, chair_name, chair_title, status, minutes;
  std::optional<domain::Date> held_on;
  std::optional<std::optional<int64_t>> host_agency_id;
  std::optional<std::vector<int64_t>> agency_ids, cooperative_ids;
};

std::vector<domain::Conference> list_conferences(store::Connection& c, const MaybeActor& actor,
                                                 int page, int per_page, int64_t* total);
domain::Conference get_conference(store::Connection& c, const MaybeActor& actor, int64_t id);
domain::Conference create_conference(store::Connection& c, const MaybeActor& actor,
                                     const ConferenceInput& in);
domain::Conference update_conference(store::Connection& c, const MaybeActor& actor, int64_t id,
                                     const ConferenceInput& in,
                                     std::optional<int64_t> expected_version);

struct DirectiveInput {
  std::optional<std::string> content;
  std::optional<int64_t> assignee_agency_id, conference_id;
  std::optional<domain::Date> due_on;
};

std::vector<domain::Directive> list_directives(store::Connection& c, const MaybeActor& actor,
                                               std::optional<int64_t> agency,
                                               std::optional<int64_t> conference,
                                               std::optional<std::string> status, int page,
                                               int per_page, int64_t* total);
domain::Directive get_directive(store::Connection& c, const MaybeActor& actor, int64_t id);
domain::Directive create_directive(store::Connection& c, const MaybeActor& actor,
                                   const DirectiveInput& in);
domain::Directive report_on_directive(store::Connection& c, const MaybeActor& actor, int64_t id,
                                      const std::optional<std::string>& text,
                                      const std::optional<std::string>& status);

}  // namespace hoptac::core
