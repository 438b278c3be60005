#include "seed/demo_seed.hpp"

#include <map>
#include <stdexcept>
#include <vector>

#include "core/accounts.hpp"
#include "core/clock.hpp"
#include "core/cooperatives.hpp"
#include "domain/cooperative_rules.hpp"
#include "domain/unit_names.hpp"
#include "seed/demo_petitions.hpp"
#include "seed/demo_plans.hpp"
#include "store/accounts_repo.hpp"
#include "store/cooperatives_repo.hpp"
#include "store/reference_admin_repo.hpp"
#include "store/reference_repo.hpp"

namespace hoptac::seed {

// The generators build their data through the use cases, as a user would.
using namespace hoptac::core;  // NOLINT(google-build-using-namespace)

namespace {

using domain::Date;

// A small deterministic generator (xorshift64*), so the demo is the same everywhere.
struct Rng {
  uint64_t s = 0x9E3779B97F4A7C15ull;
  uint64_t next() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 2685821657736338717ull;
  }
  int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
};

struct Theme {
  const char* name;    // goes after "Hợp tác xã"
  const char* sector;  // main sector
};
const std::vector<Theme> kThemes = {
    {"Nông nghiệp", "agriculture"},
    {"Dịch vụ nông nghiệp", "agriculture"},
    {"Miến dong", "industry_handicraft"},
    {"Chè Shan tuyết", "agriculture"},
    {"Gạo Bao thai", "agriculture"},
    {"Nghệ đỏ", "agriculture"},
    {"Bí xanh thơm", "agriculture"},
    {"Chăn nuôi", "agriculture"},
    {"Lâm nghiệp", "agriculture"},
    {"Dược liệu", "agriculture"},
    {"Du lịch cộng đồng", "trade_services"},
    {"Vận tải", "transport"},
    {"Xây dựng", "construction"},
    {"Thương mại dịch vụ", "trade_services"},
    {"Môi trường", "environment"},
    {"Khẩu nua lếch", "agriculture"},
    {"Mây tre đan", "industry_handicraft"},
    {"Cam quýt", "agriculture"},
};

const char* kSurnames[] = {"Nông", "Hoàng", "Triệu", "Ma",     "Lường",
                           "Hà",   "Lý",    "Đàm",   "Nguyễn", "Lục"};
const char* kGiven[] = {"Văn Hùng", "Thị Hoa",  "Văn Thắng",  "Thị Lan", "Đức Anh", "Thị Mai",
                        "Văn Sơn",  "Thị Hằng", "Quang Minh", "Thị Thu", "Văn Tài", "Thị Hoan"};

struct Product {
  const char* name;
  const char* group;
  int stars;
  int score;
};
const std::vector<Product> kProducts = {
    {"Miến dong", "food", 4, 78},          {"Bí xanh thơm", "food", 3, 62},
    {"Tinh bột nghệ đỏ", "herbal", 4, 74}, {"Nghệ đen", "herbal", 3, 60},
    {"Gạo Bao thai", "food", 3, 66},       {"Gạo nếp Khẩu nua lếch", "food", 4, 72},
    {"Chè Shan tuyết", "beverage", 4, 80}, {"Mật ong", "food", 3, 58},
    {"Cam sành", "food", 3, 64},           {"Rượu men lá", "beverage", 3, 55},
};

std::string short_name(const std::string& commune) {
  for (const char* t : {"Thị trấn ", "Phường ", "Xã "})
    if (commune.rfind(t, 0) == 0) return commune.substr(std::string(t).size());
  return commune;
}

void print_accounts(std::ostream& out) {
  out << "Demo accounts (password: " << kDemoPassword << "):\n"
      << "  admin            admin\n"
      << "  lienminh         alliance (Liên minh HTX tỉnh)\n"
      << "  ubnd             leader (UBND tỉnh)\n"
      << "  so-congthuong    department (Sở Công Thương)\n"
      << "  so-taichinh      department (Sở Tài chính)\n"
      << "  htx-taihoan      coop (Hợp tác xã Tài Hoan)\n"
      << "  htx-kientrucxanh coop (Hợp tác xã Kiến trúc xanh)\n";
}

// The day the 2025 reform took effect (districts abolished, communes merged).
constexpr const char* kDistrictsAbolishedOn = "2025-07-01";

struct Seeded {
  int64_t id;
  std::string kind;
  int founded_year;
};

}  // namespace

void seed_demo(store::Connection& c, std::ostream& out) {
  store::AccountsRepo accounts(c);
  store::ReferenceRepo ref(c);
  store::CooperativesRepo coops(c);
  {
    store::Transaction tx(c, store::Transaction::Mode::read);
    if (accounts.any_demo_user()) {
      out << "hoptac: the demo data set is already loaded.\n";
      print_accounts(out);
      return;
    }
    int64_t total = 0;
    coops.list(store::CooperativeFilter{.per_page = 1}, &total);
    if (total > 0)
      throw std::runtime_error(
          "this database already holds a register; the demo goes only into "
          "an empty database");
  }
  // Password hashing is slow on purpose: do it before taking the write lock.
  const std::string demo_hash = hash_password(kDemoPassword);

  store::Transaction tx(c, store::Transaction::Mode::write);
  const std::string now = now_iso();
  Rng rng;

  // District People's Committees of Bắc Kạn, as agencies.
  const std::vector<std::pair<std::string, std::string>> districts = {
      {"058", "Thành phố Bắc Kạn"}, {"060", "Huyện Pác Nặm"},    {"061", "Huyện Ba Bể"},
      {"062", "Huyện Ngân Sơn"},    {"063", "Huyện Bạch Thông"}, {"064", "Huyện Chợ Đồn"},
      {"065", "Huyện Chợ Mới"},     {"066", "Huyện Na Rì"}};
  // Named as in official use: "Ủy ban nhân dân huyện Pác Nặm", the unit's kind in lower case.
  // The districts were abolished on 1 July 2025: their committees are retired agencies from
  // that day (what they answered keeps their name; nothing new is assigned to them).
  store::ReferenceAdminRepo ref_admin(c);
  for (const auto& [code, name] : districts) {
    const std::string in_sentence = domain::unit_name_in_sentence(name);
    const int64_t id = ref.insert_agency(
        {0, "ubnd-" + code, "Ủy ban nhân dân " + in_sentence, "UBND " + in_sentence, "district"});
    ref_admin.retire_agency(id, std::nullopt, kDistrictsAbolishedOn);
  }
  // Two of the new communes' committees, as the province adds them (the admin adds the others).
  for (const char* code : {"02026", "01843"}) {
    auto unit = ref.commune_valid_at(code, kDistrictsAbolishedOn);
    if (!unit) throw std::runtime_error(std::string("the new commune is missing: ") + code);
    const std::string in_sentence = domain::unit_name_in_sentence(unit->name);
    store::AgencyRow a{0, std::string("ubnd-") + code, "Ủy ban nhân dân " + in_sentence,
                       "UBND " + in_sentence, "commune"};
    a.commune_id = unit->id;
    ref.insert_agency(a);
  }

  // The communes of Bắc Kạn as they were at the end of 2024.
  std::vector<store::AdminUnitRow> communes;
  for (const auto& [code, name] : districts) {
    store::AdminUnitQuery q;
    q.level = "commune";
    q.parent = code;
    q.as_of = "2024-12-31";
    q.per_page = 1000;
    int64_t n = 0;
    for (auto& u : ref.admin_units(q, &n)) communes.push_back(std::move(u));
  }
  if (communes.size() != 108) throw std::runtime_error("Bắc Kạn's communes are missing");

  std::vector<Seeded> seeded;
  std::map<std::string, int> name_count;
  auto add = [&](CooperativeInput in, int founded_year) {
    int64_t id = insert_cooperative_in_tx(c, in, "");
    seeded.push_back({id, *in.kind, founded_year});
    return id;
  };
  auto person = [&]() {
    return std::string(kSurnames[rng.below(10)]) + " " + kGiven[rng.below(12)];
  };
  auto phone = [&]() {
    std::string p = "09";
    for (int i = 0; i < 8; ++i) p += static_cast<char>('0' + rng.below(10));
    return p;
  };

  // The two cooperatives the article names.
  CooperativeInput kien_truc_xanh;
  kien_truc_xanh.kind = "htx";
  kien_truc_xanh.name = "Hợp tác xã Kiến trúc xanh";
  kien_truc_xanh.registration_code = "4700100001";
  kien_truc_xanh.commune_code = "02023";  // Xã Xuân Lạc, huyện Chợ Đồn
  kien_truc_xanh.commune_as_of = Date{2024, 12, 31};
  kien_truc_xanh.address = "Thôn Bản Ó, xã Xuân Lạc, huyện Chợ Đồn, tỉnh Bắc Kạn";
  kien_truc_xanh.sectors = std::vector<std::string>{"construction", "agriculture"};
  kien_truc_xanh.founded_on = Date{2019, 4, 12};
  kien_truc_xanh.charter_capital_vnd = int64_t{1'500'000'000};
  kien_truc_xanh.representative = domain::Representative{"Hoàng Văn Thắng", "Giám đốc",
                                                         "0912345601", "kientrucxanh@example.vn"};
  int64_t kien_truc_xanh_id = add(kien_truc_xanh, 2019);

  CooperativeInput tai_hoan;
  tai_hoan.kind = "htx";
  tai_hoan.name = "Hợp tác xã Tài Hoan";
  tai_hoan.registration_code = "4700100002";
  tai_hoan.commune_code = "02155";  // Thị trấn Yến Lạc, huyện Na Rì
  tai_hoan.commune_as_of = Date{2024, 12, 31};
  tai_hoan.address = "Tiểu khu Pàn Xả, thị trấn Yến Lạc, huyện Na Rì, tỉnh Bắc Kạn";
  tai_hoan.sectors = std::vector<std::string>{"industry_handicraft", "agriculture"};
  tai_hoan.founded_on = Date{2016, 9, 5};
  tai_hoan.charter_capital_vnd = int64_t{2'000'000'000};
  tai_hoan.representative =
      domain::Representative{"Triệu Thị Hoan", "Giám đốc", "0912345602", "taihoan@example.vn"};
  int64_t tai_hoan_id = add(tai_hoan, 2016);

  for (int i = 2; i < kDemoCooperatives; ++i) {
    const auto& commune = communes[static_cast<size_t>(i * 37 % 108)];
    const Theme& theme = kThemes[static_cast<size_t>(rng.below(static_cast<int>(kThemes.size())))];
    CooperativeInput in;
    std::string kind = i % 38 == 5 ? "tht" : i % 150 == 77 ? "lhhtx" : "htx";
    std::string prefix = kind == "tht"     ? "Tổ hợp tác "
                         : kind == "lhhtx" ? "Liên hiệp hợp tác xã "
                                           : "Hợp tác xã ";
    std::string base = prefix + theme.name + " " + short_name(commune.name);
    int n = ++name_count[base];
    in.kind = kind;
    in.name = n == 1 ? base : base + " " + std::to_string(n);
    if (kind != "tht") {
      std::string code = std::to_string(100002 + i);
      in.registration_code = "4700" + std::string(6 - code.size(), '0') + code;
    }
    in.commune_code = commune.code;
    in.commune_as_of = Date{2024, 12, 31};
    in.address = "Thôn " + std::to_string(1 + rng.below(12)) + ", " + commune.name;
    std::vector<std::string> sectors{theme.sector};
    if (rng.below(3) == 0 && std::string(theme.sector) != "trade_services")
      sectors.push_back("trade_services");
    in.sectors = sectors;
    int year = i < 22 ? 2024 : 2008 + rng.below(16);  // twenty new in 2024
    in.founded_on = Date{year, 1 + rng.below(12), 1 + rng.below(28)};
    in.charter_capital_vnd = int64_t{100'000'000} * (1 + rng.below(30));
    in.representative =
        domain::Representative{person(), kind == "tht" ? "Tổ trưởng" : "Giám đốc", phone(), ""};
    add(in, year);
  }

  // 2024 figures: members sum to 5,506 exactly; the members-weighted mean income is exactly
  // 59,000,000 VND (deviations come in +d/-d pairs between cooperatives of equal size).
  std::vector<int64_t> members(seeded.size());
  int64_t sum = 0;
  for (size_t i = 0; i < seeded.size(); ++i) {
    members[i] = domain::minimum_members(seeded[i].kind) + rng.below(14);
    sum += members[i];
  }
  for (size_t i = 0; sum != kDemoMembers2024; i = (i + 1) % seeded.size()) {
    if (sum < kDemoMembers2024) {
      ++members[i];
      ++sum;
    } else if (members[i] > domain::minimum_members(seeded[i].kind) + 1) {
      --members[i];
      --sum;
    }
  }
  std::vector<int64_t> income(seeded.size(), kDemoAverageIncome2024);
  std::vector<std::string> rated_2024(seeded.size());
  std::map<int64_t, std::vector<size_t>> by_size;
  for (size_t i = 0; i < seeded.size(); ++i) by_size[members[i]].push_back(i);
  for (auto& [size, idx] : by_size)
    for (size_t k = 0; k + 1 < idx.size(); k += 2) {
      int64_t d = int64_t{1'000'000} * rng.below(16);
      income[idx[k]] += d;
      income[idx[k + 1]] -= d;
    }

  for (size_t i = 0; i < seeded.size(); ++i) {
    for (int year : {2021, 2022, 2023, 2024}) {
      if (seeded[i].founded_year > year) continue;
      domain::CooperativeYear y;
      y.cooperative_id = seeded[i].id;
      y.year = year;
      // Earlier years: a little smaller and poorer, so the scheme shows progress.
      const int back = 2024 - year;
      int64_t m = year == 2024 ? members[i]
                               : std::max<int64_t>(domain::minimum_members(seeded[i].kind),
                                                   members[i] - rng.below(2) * back);
      y.members_associate = m >= domain::minimum_members(seeded[i].kind) + 4 ? rng.below(3) : 0;
      y.members_official = m - y.members_associate;
      y.workers = m + rng.below(10);
      y.revenue_vnd = int64_t{50'000'000} * (4 + rng.below(80));
      y.profit_vnd = y.revenue_vnd / 100 * (rng.below(12) - 1);
      y.avg_income_vnd =
          year == 2024 ? income[i] : income[i] - int64_t{1'000'000} * (2 + rng.below(3)) * back;
      // Not rated in the year it was founded (TT 01/2020: operating under 12 months).
      if (seeded[i].founded_year < year) {
        int r = rng.below(100);
        int score = r < 24   ? 80 + rng.below(21)
                    : r < 66 ? 65 + rng.below(15)
                    : r < 90 ? 50 + rng.below(15)
                             : 30 + rng.below(20);
        y.classification_score = score;
        y.classification = domain::classification_for_score(score);
      }
      if (year == 2024) rated_2024[i] = y.classification;
      coops.upsert_year(y, now);
    }
  }

  // OCOP products of the key local products, and offtake contracts.
  auto add_product = [&](int64_t coop, const Product& p, const std::string& suffix, Date decided) {
    domain::OcopProduct x;
    x.cooperative_id = coop;
    x.name = std::string(p.name) + suffix;
    x.group = p.group;
    x.stars = p.stars;
    x.score = p.score;
    x.decision_no = std::to_string(100 + rng.below(900)) + "/QĐ-UBND";
    x.decided_on = decided;
    x.expires_on = decided.plus_months(domain::kOcopValidityMonths);
    coops.insert_product(x);
  };
  add_product(tai_hoan_id, kProducts[0], " Tài Hoan", Date{2023, 8, 15});
  for (int k = 0; k < 48; ++k) {
    const auto& s = seeded[static_cast<size_t>(3 + k * 9)];
    add_product(s.id, kProducts[static_cast<size_t>(k) % kProducts.size()], "",
                Date{2020 + k % 5, 1 + k % 12, 10 + k % 15});
  }
  const char* partners[] = {"Công ty CP Thực phẩm Bắc Kạn", "Công ty TNHH Nông sản Việt",
                            "Công ty CP Thương mại Thái Nguyên", "Tổng công ty Chè Việt Nam"};
  coops.insert_contract({0, tai_hoan_id, "Công ty CP Thực phẩm Bắc Kạn", "Miến dong Tài Hoan",
                         "60 tấn/năm", Date{2024, 1, 1}, Date{2026, 12, 31}});
  for (int k = 0; k < 24; ++k) {
    const auto& s = seeded[static_cast<size_t>(10 + k * 17)];
    coops.insert_contract(
        {0, s.id, partners[k % 4], kProducts[static_cast<size_t>(k) % kProducts.size()].name,
         std::to_string(5 + k) + " tấn/năm", Date{2023 + k % 2, 3, 1}, Date{2025 + k % 3, 12, 31}});
  }

  // Demo accounts, one for every role.
  auto agency = [&](const char* code) { return ref.agency_by_code(code)->id; };
  auto user = [&](const char* username, const char* name, const char* role,
                  std::optional<int64_t> agency_id, std::optional<int64_t> coop_id) {
    store::UserRecord u;
    u.username = username;
    u.display_name = name;
    u.role = role;
    u.password_hash = demo_hash;
    u.agency_id = agency_id;
    u.cooperative_id = coop_id;
    u.is_demo = true;
    u.activated_at = now;
    accounts.insert_user(u, now);
  };
  user("admin", "Quản trị hệ thống", "admin", std::nullopt, std::nullopt);
  user("lienminh", "Chuyên viên Liên minh HTX tỉnh", "alliance", agency("lien-minh-htx"),
       std::nullopt);
  user("ubnd", "Lãnh đạo UBND tỉnh", "leader", agency("ubnd-tinh"), std::nullopt);
  user("so-congthuong", "Cán bộ Sở Công Thương", "department", agency("so-congthuong"),
       std::nullopt);
  user("so-taichinh", "Cán bộ Sở Tài chính", "department", agency("so-taichinh"), std::nullopt);
  user("htx-taihoan", "Triệu Thị Hoan (HTX Tài Hoan)", "coop", std::nullopt, tai_hoan_id);
  user("htx-kientrucxanh", "Hoàng Văn Thắng (HTX Kiến trúc xanh)", "coop", std::nullopt,
       kien_truc_xanh_id);

  seed_demo_petitions(c, DemoIds{kien_truc_xanh_id, tai_hoan_id, static_cast<int>(seeded.size())});
  seed_demo_plans(c);
  std::vector<int64_t> good, fair;
  for (size_t i = 0; i < seeded.size(); ++i) {
    if (rated_2024[i] == "tot") good.push_back(seeded[i].id);
    if (rated_2024[i] == "kha") fair.push_back(seeded[i].id);
  }
  seed_demo_awards(c, good, fair);
  tx.commit();

  out << "hoptac: demo data loaded: " << seeded.size() << " cooperatives of Bắc Kạn, "
      << kDemoMembers2024 << " members in 2024.\n";
  print_accounts(out);
}

}  // namespace hoptac::seed
