#include "seed/demo_plans.hpp"

#include <stdexcept>

#include "core/clock.hpp"
#include "store/accounts_repo.hpp"
#include "store/awards_repo.hpp"
#include "store/planning_repo.hpp"
#include "store/reference_admin_repo.hpp"

namespace hoptac::seed {

// The generators build their data through the use cases, as a user would.
using namespace hoptac::core;  // NOLINT(google-build-using-namespace)

void seed_demo_plans(store::Connection& c) {
  store::PlanningRepo repo(c);
  const std::string now = now_iso();
  int64_t lienminh = store::AccountsRepo(c).user_by_username("lienminh")->id;
  repo.set_setting("province_name", "Bắc Kạn");
  // The province's bodies with their dates: Bắc Kạn until 30/06/2025, then merged into Thái
  // Nguyên. A report issued today bears Thái Nguyên's letterhead; its content keeps the units of
  // the period it covers.
  store::ReferenceAdminRepo letterheads(c);
  letterheads.insert_letterhead({0, "2015-01-01", "UBND TỈNH BẮC KẠN", "LIÊN MINH HỢP TÁC XÃ TỈNH", "Bắc Kạn"}, now);
  letterheads.insert_letterhead({0, "2025-07-01", "UBND TỈNH THÁI NGUYÊN", "LIÊN MINH HỢP TÁC XÃ TỈNH", "Thái Nguyên"}, now);
  repo.set_plan(2023,
                {{"cooperatives", 430},
                 {"members", 5300},
                 {"avg_income_vnd", 56'000'000},
                 {"effective_share_pct", 60},
                 {"ocop_products", 40}},
                lienminh, now);
  repo.set_plan(2024,
                {{"cooperatives", 455},
                 {"new_cooperatives", 20},
                 {"members", 5500},
                 {"avg_income_vnd", 59'000'000},
                 {"effective_share_pct", 62},
                 {"ocop_products", 45}},
                lienminh, now);
  store::SchemeRow s2021{
      0,        "Đề án phát triển kinh tế tập thể, hợp tác xã tỉnh Bắc Kạn giai đoạn 2021–2025",
      2021,     2025,
      "active", "Phát triển kinh tế tập thể gắn với chuỗi giá trị sản phẩm chủ lực, sản phẩm OCOP.",
      "",       {}};
  s2021.targets = {{"cooperatives", 480},
                   {"members", 6000},
                   {"avg_income_vnd", 60'000'000},
                   {"effective_share_pct", 65},
                   {"ocop_products", 60}};
  repo.insert_scheme(s2021, now);
  store::SchemeRow s2025{
      0,
      "Đề án phát triển kinh tế tập thể, hợp tác xã giai đoạn 2025–2030 (dự thảo)",
      2025,
      2030,
      "draft",
      "Dự thảo do Liên minh HTX tỉnh xây dựng theo kết luận của Hội nghị đối thoại năm 2025.",
      "",
      {}};
  s2025.targets = {{"cooperatives", 550},
                   {"members", 7000},
                   {"avg_income_vnd", 80'000'000},
                   {"effective_share_pct", 75},
                   {"ocop_products", 90}};
  repo.insert_scheme(s2025, now);
}

void seed_demo_awards(store::Connection& c, const std::vector<int64_t>& good,
                      const std::vector<int64_t>& fair) {
  if (good.size() < kDemoBangKhen || good.size() + fair.size() < kDemoBangKhen + kDemoGiayKhen)
    throw std::runtime_error("the demo has too few cooperatives rated good or fair");
  store::AwardsRepo repo(c);
  store::AccountsRepo accounts(c);
  int64_t lienminh = accounts.user_by_username("lienminh")->id;
  int64_t ubnd = accounts.user_by_username("ubnd")->id;
  const std::string now = now_iso();
  auto campaign = [&](const char* level, const char* title, int quota,
                      const std::vector<int64_t>& ids, const char* achievement, int64_t reviewer,
                      const char* number, const char* signer) {
    domain::AwardCampaign k;
    k.year = 2024;
    k.level = level;
    k.title = title;
    k.quota = quota;
    int64_t id = repo.insert_campaign(k, now);
    for (auto coop : ids) {
      domain::Nomination n;
      n.campaign_id = id;
      n.cooperative = {coop, "", ""};
      n.achievement = achievement;
      n.proposer = "Liên minh Hợp tác xã tỉnh";
      auto nid = repo.insert_nomination(n, lienminh, now);
      repo.review(nid, "accepted", "", reviewer, now);
    }
    repo.decide(id, number, "2025-03-20", signer, now);
  };
  std::vector<int64_t> bang(good.begin(), good.begin() + kDemoBangKhen);
  std::vector<int64_t> giay(good.begin() + kDemoBangKhen, good.end());
  giay.insert(giay.end(), fair.begin(), fair.end());
  giay.resize(kDemoGiayKhen);
  campaign("ubnd_bang_khen", "Bằng khen của Chủ tịch UBND tỉnh cho tập thể hợp tác xã năm 2024",
           kDemoBangKhen, bang,
           "Đã có thành tích xuất sắc trong phong trào thi đua phát triển kinh tế tập thể, hợp tác "
           "xã năm 2024",
           ubnd, "123/QĐ-UBND", "KT. Chủ tịch - Phó Chủ tịch UBND tỉnh Nông Quang Nhất");
  campaign("alliance_giay_khen", "Giấy khen của Chủ tịch Liên minh HTX tỉnh năm 2024",
           kDemoGiayKhen, giay,
           "Đã có thành tích tốt trong hoạt động sản xuất, kinh doanh năm 2024", lienminh,
           "45/QĐ-LMHTX", "Chủ tịch Liên minh Hợp tác xã tỉnh");
}

}  // namespace hoptac::seed
