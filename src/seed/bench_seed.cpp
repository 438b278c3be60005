#include "seed/bench_seed.hpp"

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "domain/cooperative_rules.hpp"
#include "seed/vietnamese_text.hpp"
#include "store/cooperatives_repo.hpp"
#include "store/petitions_repo.hpp"
#include "store/reference_repo.hpp"
#include "text/fold.hpp"

namespace hoptac::seed {

namespace {
// splitmix64: the same numbers on every machine, so that a data set can be made again.
struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed) {}
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
};

std::string capitalized(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::vector<int64_t> seed_cooperatives(store::Connection& c, int count, Rng& rng) {
  store::ReferenceRepo ref(c);
  store::CooperativesRepo coops(c);
  std::vector<store::AdminUnitRow> communes;
  {
    store::AdminUnitQuery q;
    q.level = "commune";
    q.as_of = "2024-12-31";
    q.per_page = 20000;
    int64_t n = 0;
    communes = ref.admin_units(q, &n);
  }
  const auto goods = commodities();
  const char* sectors[] = {"agriculture", "trade_services", "industry_handicraft", "transport"};
  const std::string now = core::now_iso();
  std::vector<int64_t> ids;
  ids.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    const auto& w = communes[static_cast<size_t>(rng.below(static_cast<int>(communes.size())))];
    const auto& g = goods[static_cast<size_t>(rng.below(static_cast<int>(goods.size())))];
    domain::Cooperative k;
    k.kind = "htx";
    k.name = "Hợp tác xã " + capitalized(g.activity) + " " + std::string(g.name) + " " + w.name;
    char code[16];
    std::snprintf(code, sizeof code, "9%09d", i);
    k.registration_code = code;
    k.address = "Thôn " + std::to_string(1 + rng.below(20)) + ", " + w.name;
    k.sectors = {sectors[rng.below(10) < 7 ? 0 : 1 + rng.below(3)]};
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
  return ids;
}

// A petition's text and folded search text, made on a second thread while the first writes.
struct Written {
  std::string title, content, category, folded;
};

// Texts are handed over in batches, so that the two threads rarely meet on the lock.
class TextPipe {
 public:
  TextPipe(int count, uint64_t seed) : thread_([this, count, seed] { produce(count, seed); }) {}
  ~TextPipe() { thread_.join(); }
  Written pop() {
    if (next_ == current_.size()) {
      std::unique_lock lock(m_);
      cv_.wait(lock, [this] { return !ready_.empty(); });
      current_ = std::move(ready_.front());
      ready_.pop_front();
      next_ = 0;
      cv_.notify_all();
    }
    return std::move(current_[next_++]);
  }

 private:
  static constexpr int kBatch = 512;
  void produce(int count, uint64_t seed) {
    PetitionText text(seed);
    std::vector<Written> batch;
    for (int i = 0; i < count; ++i) {
      Written w;
      w.title = text.title();
      w.content = text.content();
      w.category = std::string(text.category());
      w.folded = text::fold(w.title + " " + w.content);
      batch.push_back(std::move(w));
      if (static_cast<int>(batch.size()) == kBatch || i + 1 == count) {
        std::unique_lock lock(m_);
        cv_.wait(lock, [this] { return ready_.size() < 8; });
        ready_.push_back(std::move(batch));
        batch.clear();
        cv_.notify_all();
      }
    }
  }
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::vector<Written>> ready_;
  std::vector<Written> current_;
  size_t next_ = 0;
  std::thread thread_;
};

std::string answer_text(const std::string& agency, const std::string& title) {
  std::string t = title;
  if (!t.empty()) t[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(t[0])));
  return agency + " trả lời: đã tiếp thu kiến nghị \"" + t +
         "\" và phối hợp với các địa phương giải quyết trong phạm vi thẩm quyền; đề nghị hợp "
         "tác xã liên hệ phòng chuyên môn để được hướng dẫn hồ sơ.";
}

// Where a petition of this age stands: the old ones mostly answered and closed, the recent
// ones still on their way; a few are late.
const char* state_for_age(int days, Rng& rng) {
  int r = rng.below(100);
  if (days <= 30)
    return r < 25   ? "submitted"
           : r < 45 ? "received"
           : r < 65 ? "forwarded"
           : r < 95 ? "assigned"
                    : "rejected";
  if (days <= 120)
    return r < 10 ? "assigned" : r < 55 ? "answered" : r < 95 ? "closed" : "rejected";
  return r < 1 ? "assigned" : r < 20 ? "answered" : r < 93 ? "closed" : "rejected";
}
}  // namespace

// Petitions are entered over the last 700 days in order, so ids follow their dates.
void seed_bench(store::Connection& c, int cooperatives, int petitions, std::ostream& out) {
  Rng rng(20241231);
  store::Transaction tx(c, store::Transaction::Mode::write);
  const auto coop_ids = seed_cooperatives(c, cooperatives, rng);
  out << "hoptac: " << cooperatives << " cooperatives\n";
  store::ReferenceRepo ref(c);
  store::PetitionsRepo repo(c);
  auto agencies = ref.agencies();
  const domain::Date today = domain::Date::today_in_vietnam();
  TextPipe texts(petitions, 7);
  repo.begin_load();
  for (int i = 0; i < petitions; ++i) {
    const int age = 700 - static_cast<int>(int64_t{i} * 700 / std::max(1, petitions));
    const domain::Date created = today.plus_days(-age);
    Written w = texts.pop();
    domain::Petition p;
    char code[32];
    std::snprintf(code, sizeof code, "KN-%04d-%06d", created.year,
                  repo.next_number("petition", created.year));
    p.code = code;
    p.cooperative = {coop_ids[static_cast<size_t>(rng.below(static_cast<int>(coop_ids.size())))],
                     "", ""};
    p.title = std::move(w.title);
    p.content = std::move(w.content);
    p.categories = {std::move(w.category)};
    char at[32];
    std::snprintf(at, sizeof at, "T%02d:%02d:00Z", 1 + rng.below(9), rng.below(60));
    p.created_at = created.iso() + at;
    const std::string state = state_for_age(age, rng);
    p.state = state;
    p.submitted_at = p.created_at;
    std::string folded = std::string(code) + " " + w.folded;
    if (state == "assigned" || state == "answered" || state == "closed") {
      const auto& a =
          agencies[static_cast<size_t>(3 + rng.below(static_cast<int>(agencies.size()) - 3))];
      p.lead_agency = domain::Ref{a.id, a.code, a.name};
      p.assigned_on = created.plus_days(3 + rng.below(7));
      p.due_on = p.assigned_on->plus_days(30);
      if (state != "assigned") {
        auto answered = p.assigned_on->plus_days(5 + rng.below(40));  // some after the due date
        p.answered_on = answered < today ? answered : today;
        domain::PetitionAnswer reply{p.lead_agency->id ? *p.lead_agency : domain::Ref{},
                                     answer_text(a.name, p.title), "", p.answered_on->iso(), false};
        folded += " " + text::fold(reply.text);
        p.answers = {std::move(reply)};
        p.published = state == "closed";
      }
    }
    p.id = repo.insert_loaded(p, folded);
    if (i % 100000 == 99999) {
      repo.flush_load();
      out << "hoptac: " << (i + 1) << " petitions\n" << std::flush;
    }
  }
  repo.flush_load();
  repo.rebuild_tallies();
  tx.commit();
  out << "hoptac: " << petitions << " petitions\n";
}

}  // namespace hoptac::seed
