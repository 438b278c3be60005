#include "core/awards.hpp"

#include "core/audit.hpp"
#include "core/clock.hpp"
#include "core/permissions.hpp"
#include "domain/failure.hpp"
#include "store/awards_repo.hpp"
#include "text/fold.hpp"

namespace hoptac::core {

using domain::Failure;
using domain::FailureKind;
using domain::Role;
using store::Transaction;

namespace {

// Campaigns are the business of the Alliance, the leadership and the administrator.
void require_award_staff(const MaybeActor& a) {
  require_role(a, {Role::alliance, Role::leader, Role::admin});
}

domain::AwardCampaign load(store::AwardsRepo& repo, int64_t id) {
  auto k = repo.campaign(id);
  if (!k) throw Failure::not_found("đợt khen thưởng", "award campaign");
  return *k;
}

Failure conflict(const std::string& field, const std::string& vi, const std::string& en) {
  return Failure(FailureKind::conflict, vi, en, {{field, vi, en}});
}

}  // namespace

std::vector<domain::AwardCampaign> list_campaigns(store::Connection& c, const MaybeActor& actor,
                                                  std::optional<int> year) {
  require_award_staff(actor);
  Transaction tx(c, Transaction::Mode::read);
  return store::AwardsRepo(c).campaigns(year);
}

domain::AwardCampaign get_campaign(store::Connection& c, const MaybeActor& actor, int64_t id,
                                   std::vector<domain::Nomination>* nominations) {
  require_award_staff(actor);
  store::AwardsRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  auto k = load(repo, id);
  *nominations = repo.nominations(id);
  return k;
}

domain::AwardCampaign create_campaign(store::Connection& c, const MaybeActor& actor,
                                      const domain::AwardCampaign& k) {
  if (!actor) throw Failure::unauthenticated();
  if (!actor->is_any_of({Role::alliance, Role::leader})) throw Failure::forbidden();
  domain::Problems p;
  if (!domain::is_award_level(k.level))
    p.add("level", "Hình thức là ubnd_bang_khen hoặc alliance_giay_khen",
          "level must be ubnd_bang_khen or alliance_giay_khen");
  if (k.year < 2000 || k.year > domain::Date::today_in_vietnam().year + 1)
    p.add("year", "Năm không hợp lệ", "The year is out of range");
  if (k.quota < 1 || k.quota > 1000)
    p.add("quota", "Chỉ tiêu từ 1 đến 1000", "quota is from 1 to 1000");
  if (k.title.empty() || text::length_in_characters(k.title) > 300)
    p.add("title", "Tên đợt từ 1 đến 300 ký tự", "title must be 1 to 300 characters");
  p.throw_if_any();
  store::AwardsRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  if (repo.campaign_exists(k.year, k.level))
    throw conflict("level", "Đã có đợt khen thưởng hình thức này trong năm",
                   "There is already such a campaign that year");
  auto id = repo.insert_campaign(k, now_iso());
  note_audit_object(c, std::to_string(id));
  auto created = load(repo, id);
  tx.commit();
  return created;
}

domain::Nomination nominate(store::Connection& c, const MaybeActor& actor, int64_t campaign_id,
                            int64_t cooperative_id, const std::string& achievement,
                            const std::string& proposer) {
  if (!actor) throw Failure::unauthenticated();
  if (!actor->is(Role::alliance)) throw Failure::forbidden();
  domain::Problems p;
  if (achievement.empty() || text::length_in_characters(achievement) > 2000)
    p.add("achievement", "Thành tích từ 1 đến 2000 ký tự",
          "achievement must be 1 to 2000 characters");
  if (text::length_in_characters(proposer) > 200)
    p.add("proposer", "Dài quá 200 ký tự", "Longer than 200 characters");
  p.throw_if_any();
  store::AwardsRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto k = load(repo, campaign_id);
  if (k.status != "open")
    throw conflict("campaign", "Đợt khen thưởng đã có quyết định", "The campaign is closed");
  auto e = repo.eligibility(cooperative_id, k.year);
  if (!e.exists)
    throw Failure::invalid_field("cooperative_id", "Không có hợp tác xã này",
                                 "No such cooperative");
  if (!domain::may_be_nominated(e.reported, e.status, e.classification))
    throw Failure::invalid_field("cooperative_id",
                                 "Chỉ đề nghị khen thưởng hợp tác xã hoạt động trong năm " +
                                     std::to_string(k.year) + " và không xếp loại yếu",
                                 "Only cooperatives active in " + std::to_string(k.year) +
                                     " and not rated weak may be nominated");
  for (const auto& n : repo.nominations(campaign_id))
    if (n.cooperative.id == cooperative_id)
      throw conflict("cooperative_id", "Hợp tác xã đã có trong danh sách đề nghị của đợt này",
                     "The cooperative is already nominated in this campaign");
  if (repo.other_live_nominations(cooperative_id, k.year, campaign_id) > 0)
    throw conflict("cooperative_id",
                   "Một thành tích chỉ được khen một lần, một hình thức: hợp tác xã đã được đề "
                   "nghị ở hình thức khác năm " +
                       std::to_string(k.year),
                   "One achievement, one award: the cooperative is already nominated for another "
                   "level that year");
  if (k.nominated >= k.quota)
    throw conflict("campaign", "Đã đủ chỉ tiêu " + std::to_string(k.quota) + " của đợt khen thưởng",
                   "The campaign's quota of " + std::to_string(k.quota) + " is reached");
  domain::Nomination n;
  n.campaign_id = campaign_id;
  n.cooperative = {cooperative_id, "", ""};
  n.achievement = achievement;
  n.proposer = proposer.empty() ? "Liên minh Hợp tác xã tỉnh" : proposer;
  auto id = repo.insert_nomination(n, actor->user_id, now_iso());
  auto created = *repo.nomination(id);
  tx.commit();
  return created;
}

domain::Nomination review_nomination(store::Connection& c, const MaybeActor& actor, int64_t id,
                                     const std::string& decision, const std::string& reason) {
  if (!actor) throw Failure::unauthenticated();
  store::AwardsRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto n = repo.nomination(id);
  if (!n) throw Failure::not_found("đề nghị khen thưởng", "nomination");
  if (actor->role != domain::deciding_role(n->level)) throw Failure::forbidden();
  domain::Problems p;
  if (decision != "accept" && decision != "reject")
    p.add("decision", "Quyết định là accept hoặc reject", "decision must be accept or reject");
  if (decision == "reject" && reason.empty())
    p.add("reason", "Cần nêu lý do", "A reason is required");
  p.throw_if_any();
  auto k = load(repo, n->campaign_id);
  if (k.status != "open")
    throw conflict("campaign", "Đợt khen thưởng đã có quyết định", "The campaign is closed");
  if (n->status != "proposed" && n->status != "accepted" && n->status != "rejected")
    throw conflict("decision", "Đề nghị đã được khen thưởng", "The nomination was already awarded");
  if (decision == "accept" && n->status != "accepted" && k.accepted >= k.quota)
    throw conflict("decision", "Đã đủ chỉ tiêu khen thưởng", "The quota is reached");
  // Accepting again what was rejected must not give a second award for the same year.
  if (decision == "accept" && n->status == "rejected" &&
      repo.other_live_nominations(n->cooperative.id, k.year, k.id) > 0)
    throw conflict(
        "decision",
        "Một thành tích chỉ được khen một lần, một hình thức: hợp tác xã đã được đề nghị ở hình "
        "thức khác",
        "One achievement, one award: the cooperative is nominated for another level that year");
  repo.review(id, decision == "accept" ? "accepted" : "rejected", reason, actor->user_id,
              now_iso());
  auto updated = *repo.nomination(id);
  tx.commit();
  return updated;
}

domain::AwardCampaign decide_campaign(store::Connection& c, const MaybeActor& actor, int64_t id,
                                      const std::string& number, const domain::Date& decided_on,
                                      const std::string& signer) {
  if (!actor) throw Failure::unauthenticated();
  store::AwardsRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto k = load(repo, id);
  if (actor->role != domain::deciding_role(k.level)) throw Failure::forbidden();
  domain::Problems p;
  if (!domain::is_decision_number(number))
    p.add("decision_no", "Số quyết định có dạng 123/QĐ-UBND",
          "The decision number looks like 123/QĐ-UBND");
  if (decided_on > domain::Date::today_in_vietnam())
    p.add("decided_on", "Ngày quyết định không được ở tương lai",
          "decided_on cannot be in the future");
  if (signer.empty() || text::length_in_characters(signer) > 200)
    p.add("signer", "Người ký từ 1 đến 200 ký tự", "signer must be 1 to 200 characters");
  p.throw_if_any();
  if (k.status != "open")
    throw conflict("campaign", "Đợt khen thưởng đã có quyết định",
                   "The campaign is already decided");
  if (k.accepted == 0)
    throw conflict("campaign", "Chưa có đề nghị nào được chấp nhận",
                   "No nomination is accepted yet");
  if (k.accepted > k.quota)
    throw conflict("campaign", "Vượt chỉ tiêu khen thưởng", "More accepted than the quota");
  repo.decide(id, number, decided_on.iso(), signer, now_iso());
  auto decided = load(repo, id);
  tx.commit();
  return decided;
}

std::vector<domain::Nomination> list_awards(store::Connection& c, std::optional<int> year,
                                            std::optional<std::string> level,
                                            std::optional<int64_t> cooperative_id) {
  Transaction tx(c, Transaction::Mode::read);
  return store::AwardsRepo(c).awarded(year, std::move(level), cooperative_id);
}

}  // namespace hoptac::core
