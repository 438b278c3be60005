#include "core/bench_seed.hpp"

#include <cstdio>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/cooperatives.hpp"
#include "domain/cooperative_rules.hpp"
#include "domain/working_days.hpp"
#include "store/cooperatives_repo.hpp"
#include "store/petitions_repo.hpp"
#include "store/reference_repo.hpp"

namespace hoptac::core {

namespace {
struct Rng {
  uint64_t s = 0x853C49E6748FEA9Bull;
  int below(int n) {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return static_cast<int>((s * 2685821657736338717ull) % static_cast<uint64_t>(n));
  }
};
}  // namespace

void seed_bench(store::Connection& c, int cooperatives, int petitions, std::ostream& out) {
  store::ReferenceRepo ref(c);
  store::CooperativesRepo coops(c);
  store::PetitionsRepo repo(c);
  Rng rng;
  const std::string now = now_iso();
  std::vector<store::AdminUnitRow> communes;
  {
    store::AdminUnitQuery q;
    q.level = "commune";
    q.as_of = "2024-12-31";
    q.per_page = 20000;
    int64_t n = 0;
    store::Transaction tx(c, store::Transaction::Mode::read);
    communes = ref.admin_units(q, &n);
  }
  const char* themes[] = {"Nông nghiệp", "Dịch vụ",  "Chè",      "Miến dong",
                          "Vận tải",     "Thủy sản", "Rau sạch", "Dược liệu"};
  const char* sectors[] = {"agriculture", "trade_services", "agriculture", "industry_handicraft",
                           "transport",   "agriculture",    "agriculture", "agriculture"};
  store::Transaction tx(c, store::Transaction::Mode::write);
  std::vector<int64_t> ids;
  ids.reserve(static_cast<size_t>(cooperatives));
  for (int i = 0; i < cooperatives; ++i) {
    const auto& w = communes[static_cast<size_t>(rng.below(static_cast<int>(communes.size())))];
    int t = rng.below(8);
    domain::Cooperative k;
    k.kind = "htx";
    k.name = "Hợp tác xã " + std::string(themes[t]) + " " + w.name + " " + std::to_string(i);
    char code[16];
    std::snprintf(code, sizeof code, "9%09d", i);
    k.registration_code = code;
    k.address = "Thôn " + std::to_string(1 + rng.below(20)) + ", " + w.name;
    k.sectors = {sectors[t]};
    k.status = "active";
    k.founded_on = domain::Date{2005 + rng.below(19), 1 + rng.below(12), 1 + rng.below(28)};
    int64_t id = coops.insert(k, w.id, now);
    ids.push_back(id);
    domain::CooperativeYear y;
    y.cooperative_id = id;
    y.year = 2024;
    y.members_official = 5 + rng.below(40);
    y.workers = y.members_official + rng.below(10);
    y.revenue_vnd = int64_t{10'000'000} * (10 + rng.below(500));
    y.profit_vnd = y.revenue_vnd / 20;
    y.avg_income_vnd = int64_t{1'000'000} * (30 + rng.below(60));
    y.classification = domain::classification_for_score(30 + rng.below(71));
    coops.upsert_year(y, now);
  }
  out << "hoptac: " << cooperatives << " cooperatives\n";
  auto agencies = ref.agencies();
  const char* categories[] = {"credit",         "land",       "tax",        "market",
                              "support_policy", "workforce",  "technology", "ocop",
                              "infrastructure", "procedures", "insurance",  "linkage",
                              "disaster"};
  const char* states[] = {"submitted", "received", "forwarded", "assigned", "assigned",
                          "answered",  "closed",   "closed",    "closed",   "rejected"};
  domain::Date today = domain::Date::today_in_vietnam();
  for (int i = 0; i < petitions; ++i) {
    domain::Date created = today.plus_days(-rng.below(700));
    domain::Petition p;
    char code[32];
    std::snprintf(code, sizeof code, "KN-%04d-%06d", created.year,
                  repo.next_number("petition", created.year));
    p.code = code;
    p.cooperative = {ids[static_cast<size_t>(rng.below(static_cast<int>(ids.size())))], "", ""};
    p.title = std::string("Kiến nghị về ") + categories[i % 13] + " số " + std::to_string(i);
    p.content = "Hợp tác xã đề nghị các cơ quan xem xét hỗ trợ " + std::string(themes[i % 8]) +
                " cho vụ sản xuất tới.";
    p.categories = {categories[i % 13]};
    p.created_at = created.iso() + "T08:00:00Z";
    p.id = repo.insert(p);
    std::string state = states[rng.below(10)];
    p.state = state;
    p.submitted_at = p.created_at;
    if (state == "assigned" || state == "answered" || state == "closed") {
      const auto& a =
          agencies[static_cast<size_t>(3 + rng.below(static_cast<int>(agencies.size()) - 3))];
      p.lead_agency = domain::Ref{a.id, a.code, a.name};
      p.assigned_on = created.plus_days(10);
      p.due_on = created.plus_days(31);
      if (state != "assigned") p.answered_on = created.plus_days(12 + rng.below(30));
    }
    repo.update(p, p.created_at);
    repo.add_history(p.id, std::nullopt, "submit", "draft", state, "", p.created_at);
    if (i % 100000 == 99999) out << "hoptac: " << (i + 1) << " petitions\n";
  }
  tx.commit();
  out << "hoptac: " << petitions << " petitions\n";
}

}  // namespace hoptac::core
