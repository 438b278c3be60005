#include "seed/demo_petitions.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/petitions.hpp"
#include "domain/working_days.hpp"
#include "store/accounts_repo.hpp"
#include "store/conferences_repo.hpp"
#include "store/petitions_repo.hpp"
#include "store/reference_repo.hpp"

namespace hoptac::seed {

// The generators build their data through the use cases, as a user would.
using namespace hoptac::core;  // NOLINT(google-build-using-namespace)

namespace {

using domain::Date;
using domain::Ref;

struct Rng {
  uint64_t s = 0x243F6A8885A308D3ull;
  int below(int n) {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return static_cast<int>((s * 2685821657736338717ull) % static_cast<uint64_t>(n));
  }
};

std::string at(Date d, int hour) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00Z", d.iso().c_str(), hour, (hour * 7) % 60);
  return buf;
}

struct Topic {
  const char* category;
  const char* title;
  const char* content;
  const char* answer;
  const char* legal_basis;
};

// One or two typical petitions per category (RULES.md §4), written for the demo.
const std::vector<Topic> kTopics = {
    {"credit", "Đề nghị hỗ trợ tiếp cận vốn vay ưu đãi",
     "Hợp tác xã cần vốn lưu động để mở rộng sản xuất nhưng thiếu tài sản bảo đảm; đề nghị hướng "
     "dẫn vay từ Quỹ hỗ trợ phát triển hợp tác xã và ngân hàng chính sách với thủ tục đơn giản.",
     "Hợp tác xã được vay tại Quỹ hỗ trợ phát triển HTX với lãi suất ưu đãi; Ngân hàng Nhà nước "
     "chi nhánh đã chỉ đạo các tổ chức tín dụng rút gọn hồ sơ, hướng dẫn cụ thể tại trụ sở.",
     "Nghị định 113/2024/NĐ-CP"},
    {"credit", "Kiến nghị giảm lãi suất khoản vay sản xuất",
     "Lãi suất vay thương mại cao so với hiệu quả sản xuất nông nghiệp; đề nghị xem xét hỗ trợ lãi "
     "suất cho các hợp tác xã có dự án liên kết chuỗi.",
     "Các dự án liên kết chuỗi giá trị được xem xét hỗ trợ lãi suất theo chính sách của tỉnh; đề "
     "nghị hợp tác xã lập hồ sơ gửi Sở Tài chính.",
     "Nghị định 98/2018/NĐ-CP"},
    {"land", "Đề nghị cho thuê đất xây dựng nhà xưởng",
     "Hợp tác xã chưa có mặt bằng sản xuất ổn định; đề nghị tỉnh có chính sách cho hợp tác xã thuê "
     "đất với thời hạn dài và giá thuê ưu đãi.",
     "Sở Nông nghiệp và Môi trường hướng dẫn hợp tác xã lập hồ sơ thuê đất; hợp tác xã được miễn, "
     "giảm tiền thuê đất theo quy định.",
     "Luật Đất đai 2024"},
    {"tax", "Đề nghị tập huấn chính sách thuế cho hợp tác xã",
     "Cán bộ kế toán của hợp tác xã còn lúng túng khi kê khai thuế và sử dụng hóa đơn điện tử; đề "
     "nghị tổ chức tập huấn tại huyện.",
     "Thuế tỉnh sẽ tổ chức các lớp tập huấn về kê khai thuế và hóa đơn điện tử cho hợp tác xã "
     "trong quý tới, miễn phí.",
     "Luật Quản lý thuế 2019"},
    {"market", "Đề nghị hỗ trợ tham gia hội chợ, triển lãm",
     "Hợp tác xã mong được hỗ trợ chi phí gian hàng để giới thiệu sản phẩm tại các hội chợ trong "
     "và ngoài tỉnh.",
     "Sở Công Thương bố trí gian hàng miễn phí cho các hợp tác xã có sản phẩm OCOP tại hội chợ xúc "
     "tiến thương mại năm tới.",
     "Chương trình xúc tiến thương mại của tỉnh"},
    {"market", "Đề nghị kết nối tiêu thụ sản phẩm qua hợp đồng bao tiêu",
     "Sản phẩm của hợp tác xã chủ yếu bán lẻ, đầu ra không ổn định; đề nghị kết nối với doanh "
     "nghiệp lớn để ký hợp đồng bao tiêu.",
     "Sở Công Thương sẽ tổ chức hội nghị kết nối cung cầu giữa hợp tác xã và doanh nghiệp phân "
     "phối trong tháng tới.",
     ""},
    {"support_policy", "Đề nghị hỗ trợ máy móc, thiết bị chế biến",
     "Dây chuyền chế biến của hợp tác xã đã cũ; đề nghị được hỗ trợ kinh phí mua máy móc theo "
     "chính sách phát triển hợp tác xã.",
     "Hợp tác xã thuộc đối tượng hỗ trợ đầu tư trang thiết bị; đề nghị lập dự án gửi Sở Tài chính "
     "để tổng hợp vào kế hoạch năm.",
     "Nghị định 113/2024/NĐ-CP"},
    {"workforce", "Đề nghị đào tạo cán bộ quản lý hợp tác xã",
     "Đội ngũ quản lý của hợp tác xã còn thiếu kỹ năng quản trị, kế toán; đề nghị mở lớp bồi "
     "dưỡng.",
     "Liên minh HTX tỉnh phối hợp Sở Nội vụ mở lớp bồi dưỡng cán bộ quản lý hợp tác xã trong năm.",
     ""},
    {"technology", "Đề nghị hỗ trợ chuyển đổi số, truy xuất nguồn gốc",
     "Hợp tác xã muốn áp dụng mã QR truy xuất nguồn gốc và bán hàng trên sàn thương mại điện tử.",
     "Sở Khoa học và Công nghệ hỗ trợ hợp tác xã xây dựng hệ thống truy xuất nguồn gốc; chi phí "
     "được hỗ trợ 50%.",
     ""},
    {"ocop", "Đề nghị hỗ trợ thiết kế tem nhãn, bao bì sản phẩm",
     "Sản phẩm chưa có tem nhãn, bao bì đạt chuẩn để đánh giá OCOP; đề nghị hỗ trợ thiết kế và "
     "đăng ký nhãn hiệu.",
     "Văn phòng điều phối nông thôn mới hỗ trợ thiết kế bao bì, tem nhãn cho sản phẩm tham gia "
     "Chương trình OCOP.",
     "Quyết định 148/QĐ-TTg"},
    {"infrastructure", "Đề nghị nâng cấp đường vào vùng sản xuất",
     "Đường vào vùng nguyên liệu của hợp tác xã xuống cấp, xe tải không vào được trong mùa mưa.",
     "Sở Xây dựng đã đưa tuyến đường vào danh mục sửa chữa; UBND xã phối hợp huy động nhân dân góp "
     "công.",
     ""},
    {"procedures", "Kiến nghị đơn giản hóa thủ tục đăng ký lại hợp tác xã",
     "Thủ tục đăng ký thay đổi theo Luật Hợp tác xã 2023 còn phức tạp; đề nghị hướng dẫn cụ thể và "
     "giải quyết trực tuyến.",
     "Sở Tài chính đã công bố quy trình đăng ký trực tuyến; cán bộ hướng dẫn trực tiếp tại Trung "
     "tâm phục vụ hành chính công.",
     "Nghị định 92/2024/NĐ-CP"},
    {"insurance", "Đề nghị hướng dẫn đóng bảo hiểm xã hội cho người lao động",
     "Hợp tác xã chưa rõ đối tượng và mức đóng bảo hiểm xã hội cho thành viên làm việc thường "
     "xuyên.",
     "Bảo hiểm xã hội tỉnh sẽ cử cán bộ hướng dẫn hợp tác xã về đối tượng và mức đóng bảo hiểm.",
     "Luật Bảo hiểm xã hội 2024"},
    {"linkage", "Đề nghị hỗ trợ thành lập liên hiệp hợp tác xã",
     "Các hợp tác xã miến dong trong huyện muốn liên kết thành liên hiệp để chủ động nguyên liệu "
     "và thị trường.",
     "Liên minh HTX tỉnh hỗ trợ tư vấn điều lệ, phương án sản xuất kinh doanh và thủ tục thành lập "
     "liên hiệp.",
     "Luật Hợp tác xã 2023"},
    {"disaster", "Đề nghị hỗ trợ khắc phục thiệt hại do mưa lũ",
     "Mưa lũ làm hư hỏng nhà xưởng và vùng nguyên liệu của hợp tác xã; đề nghị hỗ trợ khôi phục "
     "sản xuất.",
     "Sở Nông nghiệp và Môi trường tổng hợp thiệt hại, đề xuất hỗ trợ giống và khoanh nợ theo quy "
     "định.",
     "Nghị định 02/2017/NĐ-CP"},
};

class Writer {
 public:
  Writer(store::Connection& c) : c_(c), repo_(c), cal_(repo_.holidays(), repo_.worked_days()) {
    store::AccountsRepo accounts(c);
    for (const char* u : {"lienminh", "ubnd", "so-congthuong", "so-taichinh"})
      users_[u] = accounts.user_by_username(u)->id;
    store::ReferenceRepo ref(c);
    for (const auto& a : ref.agencies()) agencies_[a.code] = Ref{a.id, a.code, a.name};
    for (const auto& k : repo_.categories()) default_agency_[k.code] = k.default_agency.code;
  }

  const Ref& agency(const std::string& code) { return agencies_.at(code); }
  const std::string& default_agency(const std::string& category) {
    return default_agency_.at(category);
  }
  const domain::WorkingCalendar& calendar() const { return cal_; }
  int64_t user(const std::string& name) { return users_.at(name); }

  domain::Petition create(int64_t coop, const std::string& channel,
                          std::optional<int64_t> conference, const std::string& title,
                          const std::string& content, std::vector<std::string> categories,
                          Date on) {
    domain::Petition p;
    p.code = code(on.year, repo_.next_number("petition", on.year));
    p.cooperative = {coop, "", ""};
    p.channel = channel;
    p.conference_id = conference;
    p.title = title;
    p.content = content;
    p.categories = std::move(categories);
    p.created_at = at(on, 8);
    p.created_by = channel == "online" ? std::nullopt : std::optional<int64_t>(user("lienminh"));
    p.id = repo_.insert(p);
    history(p, "create", "", "draft", "", on, 8);
    return *repo_.get(p.id);
  }

  void step(domain::Petition& p, const std::string& action, const std::string& to, Date on,
            int hour, const std::string& who = "", const std::string& reason = "") {
    std::string from = p.state;
    p.state = to;
    if (action == "submit") p.submitted_at = at(on, hour);
    repo_.update(p, at(on, hour));
    history(p, action, from, to, reason, on, hour, who);
    p = *repo_.get(p.id);
  }

  void assign(domain::Petition& p, const std::string& lead, std::vector<std::string> coordinators,
              Date on, int days) {
    p.lead_agency = agency(lead);
    p.assigned_on = on;
    p.due_on = cal_.add_working_days(on, days);
    std::vector<int64_t> ids;
    for (const auto& x : coordinators) ids.push_back(agency(x).id);
    repo_.set_coordinators(p.id, ids);
    step(p, "assign", "assigned", on, 9, "ubnd");
  }

  void answer(domain::Petition& p, const std::string& text, const std::string& basis, Date on,
              bool at_conference) {
    domain::PetitionAnswer a{*p.lead_agency, text, basis, on.iso(), at_conference};
    std::optional<int64_t> by;
    if (p.lead_agency->code == "so-congthuong" || p.lead_agency->code == "so-taichinh")
      by = user(p.lead_agency->code);
    repo_.add_answer(p.id, a, by, at(on, 15));
    p.answered_on = on;
    std::string who = by ? p.lead_agency->code : "lienminh";
    step(p, at_conference ? "record_at_conference" : "answer", "answered", on, 15, who);
    repo_.refresh_search(p.id);
  }

  // Compiles the petition into the batch of its month, numbered in order within the year.
  void compile(domain::Petition& p, Date on) {
    std::string month = on.iso().substr(0, 7);
    auto it = batches_.find(month);
    if (it == batches_.end()) {
      int seq = repo_.next_number("batch", on.year);
      char number[32];
      std::snprintf(number, sizeof number, "%02d/BC-LMHTX", seq);
      std::string title = "Tổng hợp kiến nghị của các hợp tác xã tháng " +
                          std::to_string(on.month) + "/" + std::to_string(on.year);
      store::BatchRow b{0, on.year, number, title, at(on, 10), {}};
      b.id = repo_.insert_batch(b, user("lienminh"));
      it = batches_.emplace(month, Ref{b.id, number, ""}).first;
    }
    p.batch = it->second;
    step(p, "compile", "forwarded", on, 10, "lienminh", "Báo cáo " + it->second.code);
  }

  store::PetitionsRepo& repo() { return repo_; }

 private:
  static std::string code(int year, int seq) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "KN-%04d-%06d", year, seq);
    return buf;
  }
  void history(const domain::Petition& p, const std::string& action, const std::string& from,
               const std::string& to, const std::string& reason, Date on, int hour,
               const std::string& who = "") {
    std::optional<int64_t> by;
    if (!who.empty()) by = users_.at(who);
    repo_.add_history(p.id, by, action, from, to, reason, at(on, hour));
  }

  store::Connection& c_;
  store::PetitionsRepo repo_;
  domain::WorkingCalendar cal_;
  std::map<std::string, int64_t> users_;
  std::map<std::string, Ref> agencies_;
  std::map<std::string, std::string> default_agency_;
  std::map<std::string, Ref> batches_;  // by month
};

}  // namespace

void seed_demo_petitions(store::Connection& c, const DemoIds& ids) {
  Writer w(c);
  Rng rng;
  const Date today = Date::today_in_vietnam();

  // The dialogue conference of the article, chaired by the vice-chairman of the UBND.
  store::ConferencesRepo conferences(c);
  domain::Conference k;
  k.title =
      "Hội nghị đối thoại giữa lãnh đạo UBND tỉnh với các hợp tác xã trên địa bàn tỉnh năm 2025";
  k.held_on = Date{2025, 3, 20};
  k.venue = "Hội trường Ủy ban nhân dân tỉnh Bắc Kạn";
  k.chair_name = "Nông Quang Nhất";
  k.chair_title = "Phó Chủ tịch UBND tỉnh";
  k.host_agency = w.agency("ubnd-tinh");
  for (const char* a :
       {"lien-minh-htx", "so-taichinh", "so-nnmt", "so-congthuong", "so-khcn", "thue-tinh", "nhnn"})
    k.agencies.push_back(w.agency(a));
  for (int64_t id : {ids.kien_truc_xanh, ids.tai_hoan, int64_t{5}, int64_t{12}, int64_t{33},
                     int64_t{48}, int64_t{77}, int64_t{101}})
    k.cooperatives.push_back({id, "", ""});
  k.status = "closed";
  k.minutes =
      "Năm 2024 toàn tỉnh có 455 hợp tác xã với 5.506 thành viên; thu nhập bình quân của thành "
      "viên, "
      "người lao động đạt 59 triệu đồng/người/năm, đạt 100% kế hoạch. Các hợp tác xã nêu kiến nghị "
      "về "
      "tín dụng, thủ tục hành chính, thuế, đất đai, máy móc và nhà xưởng, tem nhãn, hội chợ, tiêu "
      "thụ "
      "sản phẩm; đại diện các sở, ngành trả lời tại hội nghị. Kết luận: các hợp tác xã tiếp tục "
      "tổng "
      "hợp kiến nghị gửi Liên minh HTX tỉnh để báo cáo UBND tỉnh xem xét, giải quyết; Liên minh "
      "HTX "
      "tỉnh rà soát Đề án phát triển kinh tế tập thể giai đoạn 2021–2025 và xây dựng Đề án giai "
      "đoạn "
      "2025–2030; các sở, ngành, địa phương tiếp tục hỗ trợ hợp tác xã.";
  k.id = conferences.insert(k, at(k.held_on, 17));

  // The petitions raised there, with the answers given on the spot.
  struct Raised {
    int64_t coop;
    const char* title;
    const char* content;
    std::vector<std::string> categories;
    const char* agency;
    const char* answer;
  };
  const std::vector<Raised> raised = {
      {ids.kien_truc_xanh,
       "Đề nghị tiếp cận chính sách hỗ trợ tín dụng, đơn giản thủ tục vay vốn",
       "Hợp tác xã Kiến trúc xanh (thôn Bản Ó, xã Xuân Lạc, huyện Chợ Đồn) mong muốn được tiếp cận "
       "các chính sách của Nhà nước, nhất là hỗ trợ tín dụng với lãi suất ưu đãi; thủ tục vay hiện "
       "còn phức tạp.",
       {"credit", "procedures"},
       "nhnn",
       "Ngân hàng Nhà nước chi nhánh đã chỉ đạo các tổ chức tín dụng rà soát, đơn giản hóa hồ sơ "
       "vay đối với hợp tác xã; hợp tác xã liên hệ Quỹ hỗ trợ phát triển HTX để được vay lãi suất "
       "ưu đãi."},
      {int64_t{5},
       "Đề nghị tập huấn chính sách, nghĩa vụ thuế",
       "Đề nghị cơ quan thuế hỗ trợ tập huấn triển khai các chính sách và nghĩa vụ về thuế cho hợp "
       "tác xã.",
       {"tax"},
       "thue-tinh",
       "Thuế tỉnh sẽ phối hợp Liên minh HTX tổ chức tập huấn về thuế cho hợp tác xã trong quý II."},
      {int64_t{12},
       "Đề nghị có chính sách đất đai cho hợp tác xã thuê",
       "Hợp tác xã mong có chính sách để được thuê đất sản xuất, làm trụ sở và nhà xưởng lâu dài.",
       {"land"},
       "so-nnmt",
       "Sở Nông nghiệp và Môi trường hướng dẫn thủ tục thuê đất; hợp tác xã được ưu đãi tiền thuê "
       "đất theo quy định."},
      {int64_t{33},
       "Đề nghị hỗ trợ máy móc, nhà xưởng",
       "Đề nghị hỗ trợ đầu tư máy móc và nhà xưởng chế biến theo chính sách phát triển hợp tác xã.",
       {"support_policy"},
       "so-taichinh",
       "Sở Tài chính tổng hợp nhu cầu, đề xuất hỗ trợ đầu tư trang thiết bị trong kế hoạch năm "
       "2025."},
      {int64_t{48},
       "Đề nghị hỗ trợ tem nhãn sản phẩm",
       "Đề nghị hỗ trợ thiết kế, in tem nhãn và truy xuất nguồn gốc cho sản phẩm của hợp tác xã.",
       {"ocop"},
       "so-nnmt",
       "Sản phẩm tham gia Chương trình OCOP được hỗ trợ thiết kế bao bì, tem nhãn."},
      {int64_t{77},
       "Đề nghị hỗ trợ tham gia hội chợ, triển lãm trong và ngoài tỉnh",
       "Đề nghị tăng cường hỗ trợ hợp tác xã tham gia các hội chợ thương mại, triển lãm trong và "
       "ngoài tỉnh.",
       {"market"},
       "so-congthuong",
       "Sở Công Thương sẽ ưu tiên bố trí gian hàng cho hợp tác xã tại các hội chợ do tỉnh tổ "
       "chức."},
      {int64_t{101},
       "Đề nghị xây dựng kênh tiêu thụ ổn định qua hợp đồng bao tiêu",
       "Đề nghị kết nối để hợp tác xã ký hợp đồng bao tiêu sản phẩm với các doanh nghiệp lớn.",
       {"market", "linkage"},
       "so-congthuong",
       "Sở Công Thương phối hợp Liên minh HTX tổ chức kết nối hợp tác xã với doanh nghiệp phân "
       "phối."},
  };
  for (const auto& x : raised) {
    auto p = w.create(x.coop, "conference", k.id, x.title, x.content, x.categories, k.held_on);
    p.lead_agency = w.agency(x.agency);
    p.submitted_at = at(k.held_on, 9);
    w.answer(p, x.answer, "", k.held_on, true);
    p.published = true;
    w.repo().update(p, at(k.held_on, 17));
    w.step(p, "publish", "answered", k.held_on.plus_days(3), 9, "lienminh");
  }

  // HTX Tài Hoan's request for about 1 ha in the Vằng Mười industrial cluster: raised at the
  // conference, compiled to the UBND, assigned to the Sở Công Thương, still open.
  {
    Date raised_on = k.held_on;
    auto p = w.create(
        ids.tai_hoan, "conference", k.id,
        "Đề nghị bố trí khoảng 1 ha tại Cụm công nghiệp Vằng Mười cho dây chuyền chế biến miến",
        "Hợp tác xã Tài Hoan (huyện Na Rì) đề nghị các cơ quan, đơn vị xem xét, tạo điều kiện bố "
        "trí diện tích "
        "khoảng 1 ha tại Cụm công nghiệp Vằng Mười (xã Trần Phú) để hợp tác xã xây dựng dây chuyền "
        "sản xuất, "
        "chế biến miến dong.",
        {"land", "support_policy"}, raised_on);
    w.step(p, "submit", "submitted", raised_on, 11, "lienminh");
    w.step(p, "receive", "received", raised_on.plus_days(4), 9, "lienminh");
    w.compile(p, raised_on.plus_days(10));
    Date assigned = today.plus_days(-12);
    w.assign(p, "so-congthuong", {"so-nnmt"}, assigned, 20);
  }

  // A year of petitions over every category and state.
  const std::vector<std::pair<std::string, int>> states = {
      {"draft", 8},     {"submitted", 10}, {"received", 10}, {"rejected", 5}, {"forwarded", 8},
      {"assigned", 36}, {"answered", 26},  {"closed", 42},   {"merged", 5}};
  std::vector<std::string> plan;
  for (const auto& [s, n] : states)
    for (int i = 0; i < n; ++i) plan.push_back(s);
  // Oldest first, so that codes follow dates; the later states are older on the whole.
  std::vector<std::pair<int, std::string>> dated;
  for (size_t i = 0; i < plan.size(); ++i) {
    const auto& s = plan[i];
    // Assigned 10 days after creation and due 15 working days later: about a third of the
    // assigned ones are overdue, a few due soon.
    int age = s == "draft" || s == "submitted" || s == "merged" ? 1 + rng.below(20)
              : s == "received" || s == "forwarded"             ? 10 + rng.below(40)
              : s == "assigned"                                 ? 12 + rng.below(30)
                                                                : 40 + rng.below(320);
    dated.emplace_back(age, s);
  }
  std::sort(dated.begin(), dated.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });

  std::vector<domain::Petition> open_targets;  // for merges
  std::vector<domain::Petition> all;
  all.reserve(dated.size());
  const std::vector<std::string> leads_for_demo = {"so-congthuong", "so-taichinh"};
  for (size_t i = 0; i < dated.size(); ++i) {
    const auto& [age, state] = dated[i];
    const Topic& t = kTopics[i % kTopics.size()];
    Date created = today.plus_days(-age);
    int64_t coop = i % 23 == 0   ? ids.tai_hoan
                   : i % 29 == 0 ? ids.kien_truc_xanh
                                 : 1 + rng.below(ids.cooperatives);
    std::vector<std::string> categories{t.category};
    if (i % 5 == 0) categories.push_back(kTopics[(i + 3) % kTopics.size()].category);
    if (categories.size() == 2 && categories[0] == categories[1]) categories.pop_back();
    auto p = w.create(coop, i % 6 == 0 ? "paper" : "online", std::nullopt, t.title, t.content,
                      categories, created);
    all.push_back(p);
    auto& q = all.back();
    if (state == "draft") continue;
    Date d = created;
    w.step(q, "submit", "submitted", d, 10, i % 6 == 0 ? "lienminh" : "");
    if (state == "submitted") continue;
    if (state == "merged") {
      if (!open_targets.empty()) {
        auto& target =
            open_targets[static_cast<size_t>(rng.below(static_cast<int>(open_targets.size())))];
        w.repo().add_cooperatives(target.id, {q.cooperative.id});
        q.merged_into = Ref{target.id, target.code, ""};
        w.step(q, "merge", "merged", d.plus_days(2), 9, "lienminh",
               "Trùng nội dung với " + target.code);
      }
      continue;
    }
    d = d.plus_days(2);
    w.step(q, "receive", "received", d, 9, "lienminh");
    if (state == "received") {
      open_targets.push_back(q);
      continue;
    }
    if (state == "rejected") {
      w.step(q, "reject", "rejected", d.plus_days(1), 9, "lienminh",
             "Nội dung không thuộc thẩm quyền giải quyết của UBND tỉnh; đề nghị hợp tác xã liên hệ "
             "UBND cấp xã.");
      continue;
    }
    d = d.plus_days(5);
    w.compile(q, d);
    if (state == "forwarded") {
      open_targets.push_back(q);
      continue;
    }
    d = d.plus_days(3);
    // Most go to their category's agency; a share goes to the two demo departments.
    std::string lead = i % 3 == 0 ? leads_for_demo[i % 2] : w.default_agency(t.category);
    std::vector<std::string> coordinators;
    if (i % 4 == 0) coordinators.push_back(lead == "so-taichinh" ? "so-nnmt" : "so-taichinh");
    w.assign(q, lead, coordinators, d, 15);
    if (state == "assigned") {
      open_targets.push_back(q);
      continue;
    }
    Date answered = w.calendar().add_working_days(d, 3 + rng.below(14));
    if (answered > today) answered = today;
    w.answer(q, t.answer, t.legal_basis, answered, false);
    if (i % 10 < 7) {
      q.published = true;
      w.step(q, "publish", "answered", answered.plus_days(1), 9, "lienminh");
    }
    if (state == "answered") continue;
    q.rating = 2 + rng.below(4);
    q.rating_comment = *q.rating >= 4 ? "Câu trả lời rõ ràng, hợp tác xã đã thực hiện được."
                                      : "Cần hướng dẫn cụ thể hơn.";
    w.step(q, "close", "closed", answered.plus_days(4), 16);
  }

  // The directives of the conference's conclusion.
  auto directive = [&](const char* content, const char* agency, Date due, const char* status,
                       const char* report) {
    domain::Directive d;
    d.conference_id = k.id;
    d.content = content;
    d.assignee_agency = w.agency(agency);
    d.due_on = due;
    d.status = "open";
    auto id = conferences.insert_directive(d, w.user("ubnd"), at(k.held_on, 17));
    if (std::string(status) != "open")
      conferences.add_report(id, {today.plus_days(-20).iso(), report, status, ""},
                             w.user("lienminh"), at(today.plus_days(-20), 10));
  };
  directive(
      "Liên minh HTX tỉnh rà soát, đánh giá Đề án phát triển kinh tế tập thể giai đoạn 2021–2025 "
      "và xây dựng Đề án giai đoạn 2025–2030, trình UBND tỉnh.",
      "lien-minh-htx", today.plus_days(45), "in_progress",
      "Đã hoàn thành dự thảo báo cáo đánh giá Đề án 2021–2025; đang lấy ý kiến các sở, ngành về dự "
      "thảo Đề án 2025–2030.");
  directive(
      "Các hợp tác xã tiếp tục tổng hợp kiến nghị gửi Liên minh HTX tỉnh; Liên minh HTX tỉnh tổng "
      "hợp, báo cáo UBND tỉnh xem xét, giải quyết.",
      "lien-minh-htx", today.plus_days(30), "open", "");
  directive(
      "Các sở, ngành tiếp tục hỗ trợ hợp tác xã tiếp cận chính sách tín dụng, đơn giản hóa thủ tục "
      "vay vốn.",
      "so-taichinh", today.plus_days(-10), "in_progress",
      "Đã làm việc với các tổ chức tín dụng về rút gọn hồ sơ vay cho hợp tác xã.");
  directive(
      "Sở Công Thương phối hợp UBND huyện Na Rì rà soát quỹ đất tại Cụm công nghiệp Vằng Mười để "
      "bố trí cho Hợp tác xã Tài Hoan.",
      "so-congthuong", today.plus_days(20), "in_progress",
      "Đã khảo sát hiện trạng Cụm công nghiệp Vằng Mười cùng UBND huyện.");
}

}  // namespace hoptac::seed
