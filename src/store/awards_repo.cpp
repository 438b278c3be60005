#include "store/awards_repo.hpp"

namespace hoptac::store {

namespace {
constexpr const char* kCampaignSelect =
    "SELECT k.id, k.year, k.level, k.title, k.quota, k.status, coalesce(k.decision_no, ''), "
    "coalesce(k.decided_on, ''), coalesce(k.signer, ''), "
    "(SELECT count(*) FROM nominations n WHERE n.campaign_id = k.id AND n.status <> 'rejected'), "
    "(SELECT count(*) FROM nominations n WHERE n.campaign_id = k.id AND n.status = 'accepted'), "
    "(SELECT count(*) FROM nominations n WHERE n.campaign_id = k.id AND n.status = 'awarded') "
    "FROM award_campaigns k ";

domain::AwardCampaign read_campaign(const Statement& st) {
  domain::AwardCampaign k;
  k.id = st.i64(0);
  k.year = static_cast<int>(st.i64(1));
  k.level = st.text(2);
  k.title = st.text(3);
  k.quota = static_cast<int>(st.i64(4));
  k.status = st.text(5);
  k.decision_no = st.text(6);
  k.decided_on = st.text(7);
  k.signer = st.text(8);
  k.nominated = st.i64(9);
  k.accepted = st.i64(10);
  k.awarded = st.i64(11);
  return k;
}

constexpr const char* kNominationSelect =
    "SELECT n.id, n.campaign_id, c.id, coalesce(c.registration_code, ''), c.name, n.achievement, "
    "n.proposer, n.status, n.review_reason, n.created_at, k.year, k.level, "
    "coalesce(k.decision_no, ''), coalesce(k.decided_on, ''), coalesce(k.signer, '') "
    "FROM nominations n JOIN cooperatives c ON c.id = n.cooperative_id "
    "JOIN award_campaigns k ON k.id = n.campaign_id ";

domain::Nomination read_nomination(const Statement& st) {
  domain::Nomination n;
  n.id = st.i64(0);
  n.campaign_id = st.i64(1);
  n.cooperative = {st.i64(2), st.text(3), st.text(4)};
  n.achievement = st.text(5);
  n.proposer = st.text(6);
  n.status = st.text(7);
  n.review_reason = st.text(8);
  n.created_at = st.text(9);
  n.year = static_cast<int>(st.i64(10));
  n.level = st.text(11);
  n.decision_no = st.text(12);
  n.decided_on = st.text(13);
  n.signer = st.text(14);
  return n;
}
}  // namespace

std::vector<domain::AwardCampaign> AwardsRepo::campaigns(std::optional<int> year) {
  auto st = c_.prepare(
      std::string(kCampaignSelect) +
      "WHERE CAST(?1 AS BIGINT) IS NULL OR k.year = ?1 ORDER BY k.year DESC, k.level DESC");
  st.bind(year);
  std::vector<domain::AwardCampaign> out;
  while (st.step()) out.push_back(read_campaign(st));
  return out;
}

std::optional<domain::AwardCampaign> AwardsRepo::campaign(int64_t id) {
  auto st = c_.prepare(std::string(kCampaignSelect) + "WHERE k.id = ?");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return read_campaign(st);
}

bool AwardsRepo::campaign_exists(int year, const std::string& level) {
  auto st =
      c_.prepare("SELECT EXISTS (SELECT 1 FROM award_campaigns WHERE year = ? AND level = ?)");
  st.bind_all(year, level);
  return st.step() && st.i64(0) != 0;
}

int64_t AwardsRepo::insert_campaign(const domain::AwardCampaign& k, const std::string& now) {
  auto st = c_.prepare(
      "INSERT INTO award_campaigns (year, level, title, quota, status, created_at) VALUES (?, ?, "
      "?, ?, 'open', ?) RETURNING id");
  st.bind_all(k.year, k.level, k.title, k.quota, now);
  st.step();
  return st.i64(0);
}

void AwardsRepo::decide(int64_t campaign_id, const std::string& number, const std::string& on,
                        const std::string& signer, const std::string& now) {
  c_.prepare(
        "UPDATE award_campaigns SET status = 'closed', decision_no = ?, decided_on = ?, signer = ? "
        "WHERE id = ?")
      .bind_all(number, on, signer, campaign_id)
      .run();
  c_.prepare(
        "UPDATE nominations SET status = 'awarded', updated_at = ? WHERE campaign_id = ? AND "
        "status = 'accepted'")
      .bind_all(now, campaign_id)
      .run();
}

std::vector<domain::Nomination> AwardsRepo::nominations(int64_t campaign_id) {
  auto st = c_.prepare(std::string(kNominationSelect) + "WHERE n.campaign_id = ? ORDER BY n.id");
  st.bind(campaign_id);
  std::vector<domain::Nomination> out;
  while (st.step()) out.push_back(read_nomination(st));
  return out;
}

std::optional<domain::Nomination> AwardsRepo::nomination(int64_t id) {
  auto st = c_.prepare(std::string(kNominationSelect) + "WHERE n.id = ?");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return read_nomination(st);
}

int64_t AwardsRepo::insert_nomination(const domain::Nomination& n, int64_t user_id,
                                      const std::string& now) {
  auto st = c_.prepare(
      "INSERT INTO nominations (campaign_id, cooperative_id, achievement, proposer, status, "
      "proposed_by, created_at, updated_at) VALUES (?, ?, ?, ?, 'proposed', ?, ?, ?) RETURNING id");
  st.bind_all(n.campaign_id, n.cooperative.id, n.achievement, n.proposer, user_id, now, now);
  st.step();
  return st.i64(0);
}

void AwardsRepo::review(int64_t id, const std::string& status, const std::string& reason,
                        int64_t user_id, const std::string& now) {
  c_.prepare(
        "UPDATE nominations SET status = ?, review_reason = ?, reviewed_by = ?, updated_at = ? "
        "WHERE id = ?")
      .bind_all(status, reason, user_id, now, id)
      .run();
}

int64_t AwardsRepo::other_live_nominations(int64_t cooperative_id, int year,
                                           int64_t except_campaign) {
  auto st = c_.prepare(
      "SELECT count(*) FROM nominations n JOIN award_campaigns k ON k.id = n.campaign_id "
      "WHERE n.cooperative_id = ? AND k.year = ? AND k.id <> ? AND n.status <> 'rejected'");
  st.bind_all(cooperative_id, year, except_campaign);
  return st.step() ? st.i64(0) : 0;
}

AwardsRepo::Eligibility AwardsRepo::eligibility(int64_t cooperative_id, int year) {
  auto st = c_.prepare(
      "SELECT c.status, y.year IS NOT NULL, coalesce(y.classification, '') FROM cooperatives c "
      "LEFT JOIN cooperative_years y ON y.cooperative_id = c.id AND y.year = ? WHERE c.id = ?");
  st.bind_all(year, cooperative_id);
  Eligibility e;
  if (!st.step()) return e;
  e.exists = true;
  e.status = st.text(0);
  e.reported = st.i64(1) != 0;
  e.classification = st.text(2);
  return e;
}

std::vector<domain::Nomination> AwardsRepo::awarded(std::optional<int> year,
                                                    std::optional<std::string> level,
                                                    std::optional<int64_t> cooperative_id) {
  auto st = c_.prepare(std::string(kNominationSelect) +
                       "WHERE n.status = 'awarded' AND (CAST(?1 AS BIGINT) IS NULL OR k.year = ?1) "
                       "AND (CAST(?2 AS TEXT) IS NULL OR "
                       "k.level = ?2) AND (CAST(?3 AS BIGINT) IS NULL OR n.cooperative_id = ?3) "
                       "ORDER BY k.year DESC, "
                       "k.level DESC, c.name_sort");
  st.bind_all(year, level, cooperative_id);
  std::vector<domain::Nomination> out;
  while (st.step()) out.push_back(read_nomination(st));
  return out;
}

}  // namespace hoptac::store
