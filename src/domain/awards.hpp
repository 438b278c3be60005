#pragma once
// Emulation and commendation (thi đua, khen thưởng): campaigns per year and level with a
// quota, nominations, review and the decision that makes the accepted ones awarded.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/actor.hpp"
#include "domain/petition.hpp"

namespace hoptac::domain {

struct AwardCampaign {
  int64_t id = 0;
  int year = 0;
  std::string level;  // ubnd_bang_khen | alliance_giay_khen
  std::string title;
  int quota = 0;
  std::string status = "open";  // open | closed
  std::string decision_no, decided_on, signer;
  int64_t nominated = 0, accepted = 0, awarded = 0;
};

struct Nomination {
  int64_t id = 0;
  int64_t campaign_id = 0;
  Ref cooperative;
  std::string achievement;
  std::string proposer;
  std::string status = "proposed";  // proposed | accepted | rejected | awarded
  std::string review_reason;
  std::string created_at;
  // Of the campaign, for lists of awards.
  int year = 0;
  std::string level, decision_no, decided_on, signer;
};

bool is_award_level(std::string_view level);
// Bằng khen is decided by the UBND's chairman (leader); Giấy khen by the Alliance's chairman.
Role deciding_role(std::string_view level);
std::string_view level_name_vi(std::string_view level);
// A decision number such as "123/QĐ-UBND" or "45/QĐ-LMHTX".
bool is_decision_number(std::string_view s);
// Only cooperatives active that year and not rated yếu may be nominated.
bool may_be_nominated(bool reported_that_year, std::string_view status,
                      std::string_view classification_that_year);

}  // namespace hoptac::domain
