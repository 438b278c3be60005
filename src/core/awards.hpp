#pragma once
// Award campaigns, nominations, review and decisions, with the rules of the Law on Emulation
// and Commendation: the quota, one award per cooperative per level and year, one achievement
// one award, only cooperatives active that year and not rated yếu.
#include <optional>
#include <vector>

#include "domain/actor.hpp"
#include "domain/awards.hpp"
#include "store/database.hpp"

namespace hoptac::core {

using MaybeActor = std::optional<domain::Actor>;

std::vector<domain::AwardCampaign> list_campaigns(store::Connection& c, const MaybeActor& actor,
                                                  std::optional<int> year);
domain::AwardCampaign get_campaign(store::Connection& c, const MaybeActor& actor, int64_t id,
                                   std::vector<domain::Nomination>* nominations);
domain::AwardCampaign create_campaign(store::Connection& c, const MaybeActor& actor,
                                      const domain::AwardCampaign& k);
domain::Nomination nominate(store::Connection& c, const MaybeActor& actor, int64_t campaign_id,
                            int64_t cooperative_id, const std::string& achievement,
                            const std::string& proposer);
domain::Nomination review_nomination(store::Connection& c, const MaybeActor& actor, int64_t id,
                                     const std::string& decision, const std::string& reason);
domain::AwardCampaign decide_campaign(store::Connection& c, const MaybeActor& actor, int64_t id,
                                      const std::string& number, const domain::Date& decided_on,
                                      const std::string& signer);
// Public: what was awarded.
std::vector<domain::Nomination> list_awards(store::Connection& c, std::optional<int> year,
                                            std::optional<std::string> level,
                                            std::optional<int64_t> cooperative_id = std::nullopt);

}  // namespace hoptac::core
