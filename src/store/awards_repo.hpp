#pragma once
// Award campaigns, nominations and the awards they became.
#include <optional>
#include <vector>

#include "domain/awards.hpp"
#include "store/database.hpp"

namespace hoptac::store {

class AwardsRepo {
 public:
  explicit AwardsRepo(Connection& c) : c_(c) {}

  std::vector<domain::AwardCampaign> campaigns(std::optional<int> year);
  std::optional<domain::AwardCampaign> campaign(int64_t id);
  bool campaign_exists(int year, const std::string& level);
  int64_t insert_campaign(const domain::AwardCampaign& k, const std::string& now);
  void decide(int64_t campaign_id, const std::string& number, const std::string& on,
              const std::string& signer, const std::string& now);

  std::vector<domain::Nomination> nominations(int64_t campaign_id);
  std::optional<domain::Nomination> nomination(int64_t id);
  int64_t insert_nomination(const domain::Nomination& n, int64_t user_id, const std::string& now);
  void review(int64_t id, const std::string& status, const std::string& reason, int64_t user_id,
              const std::string& now);
  // Nominations of this cooperative in campaigns of this year, other than `except_campaign`,
  // that are not rejected.
  int64_t other_live_nominations(int64_t cooperative_id, int year, int64_t except_campaign);

  // The cooperative's status and its figures that year (for eligibility).
  struct Eligibility {
    bool exists = false, reported = false;
    std::string status, classification;
  };
  Eligibility eligibility(int64_t cooperative_id, int year);

  std::vector<domain::Nomination> awarded(std::optional<int> year, std::optional<std::string> level,
                                          std::optional<int64_t> cooperative_id);

 private:
  Connection& c_;
};

}  // namespace hoptac::store
