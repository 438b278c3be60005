#include "seed/vietnamese_text.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_set>

namespace hoptac::seed {

namespace {

// ---- What petitions talk about ---------------------------------------------------------------

constexpr Place kPlaces[] = {
    {"Tân Cương", "Thái Nguyên"}, {"Định Hóa", "Thái Nguyên"},     {"Bình Liêu", "Quảng Ninh"},
    {"Côn Minh", "Bắc Kạn"},      {"Chợ Đồn", "Bắc Kạn"},          {"Ba Bể", "Bắc Kạn"},
    {"Na Rì", "Bắc Kạn"},         {"Mộc Châu", "Sơn La"},          {"Vân Hồ", "Sơn La"},
    {"Tà Xùa", "Sơn La"},         {"Bắc Hà", "Lào Cai"},           {"Suối Giàng", "Yên Bái"},
    {"Văn Chấn", "Yên Bái"},      {"Đồng Văn", "Hà Giang"},        {"Hoàng Su Phì", "Hà Giang"},
    {"Trùng Khánh", "Cao Bằng"},  {"Nguyên Bình", "Cao Bằng"},     {"Lục Ngạn", "Bắc Giang"},
    {"Thanh Hà", "Hải Dương"},    {"Tam Đường", "Lai Châu"},       {"Sìn Hồ", "Lai Châu"},
    {"Tủa Chùa", "Điện Biên"},    {"Mai Châu", "Hòa Bình"},        {"Lạc Sơn", "Hòa Bình"},
    {"Lâm Bình", "Tuyên Quang"},  {"Bình Gia", "Lạng Sơn"},        {"Đình Lập", "Lạng Sơn"},
    {"Tân Sơn", "Phú Thọ"},       {"Lập Thạch", "Vĩnh Phúc"},      {"Kim Sơn", "Ninh Bình"},
    {"Hải Hậu", "Nam Định"},      {"Tiền Hải", "Thái Bình"},       {"Lý Nhân", "Hà Nam"},
    {"Thường Xuân", "Thanh Hóa"}, {"Bá Thước", "Thanh Hóa"},       {"Quỳ Hợp", "Nghệ An"},
    {"Hương Khê", "Hà Tĩnh"},     {"Bố Trạch", "Quảng Bình"},      {"Hướng Hóa", "Quảng Trị"},
    {"A Lưới", "Thừa Thiên Huế"}, {"Trà My", "Quảng Nam"},         {"Ba Tơ", "Quảng Ngãi"},
    {"Phù Mỹ", "Bình Định"},      {"Đồng Xuân", "Phú Yên"},        {"Vạn Ninh", "Khánh Hòa"},
    {"Ninh Phước", "Ninh Thuận"}, {"Hàm Thuận Nam", "Bình Thuận"}, {"Krông Pắc", "Đắk Lắk"},
    {"Đắk Mil", "Đắk Nông"},      {"Chư Sê", "Gia Lai"},           {"Di Linh", "Lâm Đồng"},
    {"Bảo Lộc", "Lâm Đồng"},      {"Bù Đăng", "Bình Phước"},       {"Tân Phước", "Tiền Giang"},
    {"Cái Bè", "Tiền Giang"},     {"Mỏ Cày", "Bến Tre"},           {"Cầu Kè", "Trà Vinh"},
    {"Tháp Mười", "Đồng Tháp"},   {"Tri Tôn", "An Giang"},         {"Tịnh Biên", "An Giang"},
    {"Vĩnh Châu", "Sóc Trăng"},   {"Hồng Dân", "Bạc Liêu"},        {"Ngọc Hiển", "Cà Mau"},
    {"Phú Quốc", "Kiên Giang"},
};

constexpr Commodity kCommodities[] = {
    {"chè", "trồng", 10},        {"miến dong", "sản xuất", 13},
    {"lúa", "trồng", 8},         {"cà phê", "trồng", 6},
    {"rau an toàn", "trồng", 6}, {"lợn", "chăn nuôi", 5},
    {"bò", "chăn nuôi", 4},      {"gà", "chăn nuôi", 4},
    {"cá", "nuôi", 4},           {"tôm", "nuôi", 4},
    {"cam", "trồng", 4},         {"bưởi", "trồng", 3},
    {"vải thiều", "trồng", 3},   {"nhãn", "trồng", 2},
    {"xoài", "trồng", 3},        {"thanh long", "trồng", 3},
    {"chuối", "trồng", 3},       {"nấm", "trồng", 2},
    {"mật ong", "sản xuất", 3},  {"dược liệu", "trồng", 4},
    {"quế", "trồng", 3},         {"hồi", "trồng", 2},
    {"măng", "chế biến", 2},     {"hồ tiêu", "trồng", 3},
    {"điều", "trồng", 2},        {"sắn", "trồng", 2},
    {"ngô", "trồng", 2},         {"mây tre đan", "sản xuất", 2},
    {"thổ cẩm", "dệt", 1},       {"nước mắm", "sản xuất", 2},
    {"muối", "sản xuất", 1},     {"dứa", "trồng", 2},
    {"gạo", "sản xuất", 3},      {"cao su", "trồng", 2},
};

struct CategoryText {
  std::string_view topic;                      // after "về": "Kiến nghị về vốn vay"
  std::span<const std::string_view> needs;     // after "đề nghị"; one per petition
  std::span<const std::string_view> problems;  // whole sentences for the body
  uint16_t weight;
};

// Patterns: {c} the cooperative's name, {q} the same as a common noun ("hợp tác xã trồng chè
// Tân Cương"), {p} commune, {v} province, {m} commodity, {a} its activity, {N} the petition's
// need, {T} its category's topic; numbers: {n} members, {h} hectares, {x} million VND, {y} a
// recent year, {f} the founding year, {k} a percentage, {t} tonnes, {d} km, {o} a month, {e} a day.

constexpr std::string_view kCreditNeeds[] = {
    "hỗ trợ vốn vay ưu đãi",
    "giảm lãi suất cho vay",
    "gia hạn thời hạn trả nợ vay",
    "cho vay tín chấp không cần tài sản thế chấp",
    "tăng hạn mức cho vay từ Quỹ phát triển hợp tác xã",
    "đơn giản hóa thủ tục vay vốn tại ngân hàng",
    "bố trí nguồn vốn tín dụng ưu đãi để thu mua {m}",
};
constexpr std::string_view kCreditProblems[] = {
    "Hiện nay hợp tác xã đang thiếu vốn lưu động để thu mua {m} cho thành viên, nhu cầu vốn "
    "khoảng {x} triệu đồng.",
    "Các ngân hàng thương mại yêu cầu tài sản thế chấp trong khi tài sản của hợp tác xã chủ yếu "
    "là nhà xưởng trên đất thuê nên không đủ điều kiện vay.",
    "Lãi suất vay hiện nay còn cao, thời hạn vay ngắn, chưa phù hợp với chu kỳ sản xuất {m}.",
    "Năm {y}, hợp tác xã đã nộp hồ sơ vay vốn tại Quỹ phát triển hợp tác xã tỉnh nhưng đến nay "
    "vẫn chưa được giải ngân.",
    "Nhiều thành viên phải vay vốn bên ngoài với lãi suất cao để mua giống và phân bón.",
};

constexpr std::string_view kLandNeeds[] = {
    "giao đất, cho thuê đất để xây dựng nhà xưởng", "cấp giấy chứng nhận quyền sử dụng đất",
    "hướng dẫn thủ tục thuê đất sản xuất",          "miễn, giảm tiền thuê đất",
    "điều chỉnh quy hoạch sử dụng đất nông nghiệp", "tạo điều kiện tích tụ, tập trung ruộng đất",
};
constexpr std::string_view kLandProblems[] = {
    "Hợp tác xã đang sử dụng {h} ha đất sản xuất nhưng chưa được cấp giấy chứng nhận quyền sử "
    "dụng đất nên không thể thế chấp để vay vốn.",
    "Diện tích đất của các thành viên nhỏ lẻ, manh mún, khó hình thành vùng nguyên liệu tập "
    "trung.",
    "Thủ tục thuê đất để xây dựng kho bảo quản {m} kéo dài, qua nhiều cấp, nhiều đầu mối.",
    "Một phần diện tích sản xuất của hợp tác xã nằm trong quy hoạch đất rừng phòng hộ nên không "
    "được đầu tư xây dựng.",
};

constexpr std::string_view kTaxNeeds[] = {
    "miễn, giảm thuế thu nhập doanh nghiệp",
    "hướng dẫn thủ tục hoàn thuế giá trị gia tăng",
    "gia hạn thời hạn nộp thuế",
    "hướng dẫn kê khai thuế và sử dụng hóa đơn điện tử",
    "không thu thuế đối với dịch vụ nội bộ",
};
constexpr std::string_view kTaxProblems[] = {
    "Hợp tác xã gặp khó khăn trong việc kê khai thuế giá trị gia tăng đối với sản phẩm {m} thu "
    "mua của thành viên.",
    "Cán bộ kế toán của hợp tác xã chưa được tập huấn về hóa đơn điện tử nên thường xuyên bị "
    "nhắc nhở.",
    "Các khoản thu từ dịch vụ cung ứng cho thành viên vẫn phải chịu thuế như doanh nghiệp.",
    "Năm {y}, hợp tác xã bị phạt chậm nộp hồ sơ khai thuế do chưa nắm rõ quy định mới.",
};

constexpr std::string_view kMarketNeeds[] = {
    "hỗ trợ kết nối tiêu thụ sản phẩm",
    "hỗ trợ tham gia hội chợ, xúc tiến thương mại",
    "giúp đưa sản phẩm {m} lên sàn thương mại điện tử",
    "tìm kiếm thị trường tiêu thụ {m}",
    "kết nối tiêu thụ qua hệ thống siêu thị",
    "xây dựng thương hiệu và nhãn mác sản phẩm {m}",
};
constexpr std::string_view kMarketProblems[] = {
    "Năm {y}, giá {m} giảm mạnh, nhiều hộ thành viên không bán được sản phẩm.",
    "Sản phẩm {m} của hợp tác xã chủ yếu bán qua thương lái, giá cả bấp bênh, thường bị ép giá.",
    "Hợp tác xã chưa có hệ thống phân phối ổn định, chưa đưa được sản phẩm vào siêu thị và cửa "
    "hàng tiện lợi.",
    "Sản lượng {m} năm nay đạt khoảng {t} tấn nhưng mới tiêu thụ được {k}%.",
};

constexpr std::string_view kSupportNeeds[] = {
    "hỗ trợ kinh phí theo chính sách phát triển hợp tác xã",
    "sớm hướng dẫn thực hiện chính sách phát triển hợp tác xã",
    "đầu tư kết cấu hạ tầng phục vụ sản xuất",
    "bố trí vốn thực hiện chính sách phát triển hợp tác xã năm {y}",
    "công khai danh mục chính sách và điều kiện thụ hưởng",
};
constexpr std::string_view kSupportProblems[] = {
    "Các chính sách hỗ trợ hợp tác xã hiện nay còn phân tán ở nhiều văn bản, điều kiện tiếp cận "
    "khó khăn.",
    "Hợp tác xã đã lập hồ sơ đề nghị hỗ trợ từ năm {y} nhưng chưa nhận được phản hồi.",
    "Mức hỗ trợ hiện nay còn thấp so với nhu cầu đầu tư thực tế của hợp tác xã.",
    "Nhiều chính sách yêu cầu đối ứng vốn cao, vượt quá khả năng tài chính của hợp tác xã.",
};

constexpr std::string_view kWorkforceNeeds[] = {
    "mở lớp đào tạo, bồi dưỡng cán bộ quản lý hợp tác xã",
    "hỗ trợ kinh phí thu hút lao động trẻ có trình độ",
    "tập huấn kỹ thuật {a} {m}",
    "mở lớp đào tạo nghề ngắn hạn",
    "cử cán bộ kỹ thuật về hướng dẫn sản xuất",
};
constexpr std::string_view kWorkforceProblems[] = {
    "Đội ngũ cán bộ quản lý của hợp tác xã phần lớn chưa qua đào tạo chuyên môn, tuổi cao.",
    "Lao động trẻ tại địa phương đi làm ăn xa, hợp tác xã thiếu lao động trong mùa vụ.",
    "Hợp tác xã chưa có kế toán có chứng chỉ theo quy định.",
    "Thành viên chủ yếu sản xuất theo kinh nghiệm, chưa được tập huấn kỹ thuật {a} {m}.",
};

constexpr std::string_view kTechnologyNeeds[] = {
    "chuyển giao công nghệ chế biến {m}",
    "hỗ trợ mua sắm máy móc, thiết bị sản xuất",
    "hướng dẫn ứng dụng chuyển đổi số trong quản lý",
    "xây dựng hệ thống truy xuất nguồn gốc sản phẩm {m}",
    "hỗ trợ chi phí chứng nhận VietGAP",
};
constexpr std::string_view kTechnologyProblems[] = {
    "Máy móc chế biến của hợp tác xã đã cũ, năng suất thấp, tiêu hao nhiều điện năng.",
    "Việc bảo quản {m} sau thu hoạch chủ yếu theo phương pháp thủ công nên tỷ lệ hao hụt cao.",
    "Hợp tác xã muốn áp dụng quy trình VietGAP nhưng thiếu kinh phí chứng nhận.",
    "Khách hàng yêu cầu mã truy xuất nguồn gốc nhưng hợp tác xã chưa có phần mềm quản lý.",
};

constexpr std::string_view kOcopNeeds[] = {
    "hướng dẫn hoàn thiện hồ sơ đánh giá, phân hạng sản phẩm OCOP",
    "hỗ trợ thiết kế bao bì, nhãn mác sản phẩm OCOP",
    "nâng hạng sản phẩm {m} từ 3 sao lên 4 sao",
    "hỗ trợ kinh phí chứng nhận an toàn thực phẩm",
    "quảng bá sản phẩm OCOP tại các hội chợ",
};
constexpr std::string_view kOcopProblems[] = {
    "Sản phẩm {m} {p} của hợp tác xã đã đạt chứng nhận OCOP 3 sao năm {y} nhưng chưa có kinh phí "
    "để duy trì và nâng hạng.",
    "Chi phí kiểm nghiệm, công bố chất lượng và in bao bì cho sản phẩm OCOP còn cao so với khả "
    "năng của hợp tác xã.",
    "Nhiều cơ sở sản xuất nhỏ lẻ sử dụng nhãn mác tương tự làm ảnh hưởng đến uy tín sản phẩm của "
    "hợp tác xã.",
};

constexpr std::string_view kInfrastructureNeeds[] = {
    "đầu tư nâng cấp tuyến đường giao thông nông thôn vào vùng sản xuất",
    "đầu tư xây dựng công trình thủy lợi, kênh mương nội đồng",
    "kéo điện ba pha phục vụ sản xuất",
    "hỗ trợ xây dựng kho lạnh bảo quản {m}",
    "sửa chữa cầu tràn bị hư hỏng sau mùa mưa",
};
constexpr std::string_view kInfrastructureProblems[] = {
    "Tuyến đường từ trung tâm xã vào vùng sản xuất dài khoảng {d} km đã xuống cấp nghiêm trọng, "
    "mùa mưa xe tải không vào được.",
    "Hệ thống kênh mương nội đồng bị bồi lấp, không đảm bảo nước tưới cho {h} ha {m}.",
    "Khu vực sản xuất chưa có điện ba pha nên hợp tác xã không vận hành được máy chế biến.",
    "Hợp tác xã chưa có kho bảo quản nên phải bán {m} ngay sau thu hoạch với giá thấp.",
};

constexpr std::string_view kProcedureNeeds[] = {
    "đơn giản hóa thủ tục đăng ký kinh doanh",
    "hướng dẫn chuyển đổi tổ chức theo Luật Hợp tác xã năm 2023",
    "rút ngắn thời gian giải quyết thủ tục hành chính",
    "thống nhất hồ sơ, biểu mẫu báo cáo",
    "cho phép nộp hồ sơ trực tuyến qua Cổng dịch vụ công",
};
constexpr std::string_view kProcedureProblems[] = {
    "Thủ tục đăng ký thay đổi nội dung đăng ký kinh doanh của hợp tác xã phải đi lại nhiều lần.",
    "Hợp tác xã phải nộp nhiều loại báo cáo cho nhiều cơ quan khác nhau với nội dung trùng lặp.",
    "Hướng dẫn thực hiện Luật Hợp tác xã năm 2023 chưa được phổ biến đầy đủ tới cơ sở.",
    "Việc xin giấy phép xây dựng nhà sơ chế {m} phải qua nhiều cơ quan, mất nhiều thời gian.",
};

constexpr std::string_view kInsuranceNeeds[] = {
    "hỗ trợ phí bảo hiểm nông nghiệp",
    "mở rộng danh mục cây trồng, vật nuôi được bảo hiểm",
    "hướng dẫn thủ tục tham gia bảo hiểm xã hội",
    "rút ngắn thời gian chi trả bồi thường bảo hiểm",
};
constexpr std::string_view kInsuranceProblems[] = {
    "Phần lớn thành viên hợp tác xã chưa tham gia bảo hiểm nông nghiệp do mức phí cao.",
    "Sản phẩm {m} chưa nằm trong danh mục được bảo hiểm nông nghiệp theo quy định.",
    "Người lao động làm việc thường xuyên tại hợp tác xã chưa được đóng bảo hiểm xã hội.",
};

constexpr std::string_view kLinkageNeeds[] = {
    "xây dựng liên kết chuỗi giá trị {m}",
    "kết nối với doanh nghiệp bao tiêu sản phẩm",
    "hỗ trợ kinh phí thực hiện dự án liên kết theo chuỗi",
    "hình thành vùng nguyên liệu {m} tập trung",
};
constexpr std::string_view kLinkageProblems[] = {
    "Hợp đồng liên kết với doanh nghiệp thu mua {m} không ổn định, doanh nghiệp thường xuyên chậm "
    "thanh toán.",
    "Việc liên kết giữa các hợp tác xã trong vùng còn lỏng lẻo, chưa hình thành chuỗi giá trị bền "
    "vững.",
    "Doanh nghiệp đầu tư giống và vật tư nhưng thu mua với giá thấp hơn thị trường.",
    "Một số thành viên tự ý bán sản phẩm ra ngoài, phá vỡ hợp đồng liên kết.",
};

constexpr std::string_view kDisasterNeeds[] = {
    "hỗ trợ khắc phục thiệt hại do thiên tai",
    "cấp giống cây trồng để tái sản xuất sau lũ quét",
    "khoanh nợ, giãn nợ các khoản vay bị ảnh hưởng bởi thiên tai",
    "xử lý sạt lở tại khu vực sản xuất",
    "cứu trợ khẩn cấp lương thực và giống cây trồng",
};
constexpr std::string_view kDisasterProblems[] = {
    "Đợt mưa lớn kéo dài tháng {o} năm {y} gây lũ quét, sạt lở làm hư hỏng {h} ha {m} của thành "
    "viên.",
    "Hạn hán kéo dài khiến năng suất {m} giảm khoảng {k}%, nhiều hộ mất trắng.",
    "Ước tính tổng thiệt hại của hợp tác xã khoảng {x} triệu đồng.",
    "Rét đậm, rét hại kéo dài làm chết nhiều vật nuôi và cây giống của thành viên.",
};

constexpr std::string_view kCategoryCodes[] = {
    "credit",    "land",       "tax",      "market",         "support_policy",
    "workforce", "technology", "ocop",     "infrastructure", "procedures",
    "insurance", "linkage",    "disaster",
};
constexpr CategoryText kCategories[] = {
    {"vốn vay", kCreditNeeds, kCreditProblems, 14},
    {"đất đai", kLandNeeds, kLandProblems, 8},
    {"thuế", kTaxNeeds, kTaxProblems, 5},
    {"tiêu thụ sản phẩm", kMarketNeeds, kMarketProblems, 13},
    {"chính sách hỗ trợ", kSupportNeeds, kSupportProblems, 11},
    {"nguồn nhân lực", kWorkforceNeeds, kWorkforceProblems, 6},
    {"khoa học và công nghệ", kTechnologyNeeds, kTechnologyProblems, 7},
    {"sản phẩm OCOP", kOcopNeeds, kOcopProblems, 8},
    {"hạ tầng sản xuất", kInfrastructureNeeds, kInfrastructureProblems, 9},
    {"thủ tục hành chính", kProcedureNeeds, kProcedureProblems, 6},
    {"bảo hiểm", kInsuranceNeeds, kInsuranceProblems, 4},
    {"liên kết sản xuất", kLinkageNeeds, kLinkageProblems, 5},
    {"khắc phục hậu quả thiên tai", kDisasterNeeds, kDisasterProblems, 4},
};
static_assert(std::size(kCategoryCodes) == std::size(kCategories));

struct NameForm {
  std::string_view proper;  // {c}
  std::string_view common;  // {q}
};
constexpr NameForm kNames[] = {
    {"Hợp tác xã {m} {p}", "hợp tác xã {m} {p}"},
    {"Hợp tác xã {a} {m} {p}", "hợp tác xã {a} {m} {p}"},
    {"Hợp tác xã Nông nghiệp {p}", "hợp tác xã nông nghiệp {p}"},
    {"Hợp tác xã Dịch vụ tổng hợp {p}", "hợp tác xã dịch vụ tổng hợp {p}"},
};

constexpr std::string_view kTitles[] = {
    "Đề nghị {N} cho {q}",           "Kiến nghị {N} cho {q}",
    "Về việc đề nghị {N}",           "Kiến nghị về {T} của {q}",
    "Đề xuất {N} tại {p}, tỉnh {v}", "Đề nghị tháo gỡ khó khăn về {T} cho {q}",
    "Kiến nghị của {c} về {T}",      "Đề nghị xem xét {N} cho thành viên {q}",
};
// With the shortest name (kNames[0]) it has at most 18 words, whatever the topic and place.
constexpr std::string_view kShortTitle = "Kiến nghị về {T} của {q}";

constexpr std::string_view kHeader = "Kính gửi: Ủy ban nhân dân tỉnh {v}.";
constexpr std::string_view kOpenings[] = {
    "{c} có trụ sở tại {p}, tỉnh {v}, được thành lập năm {f}, hiện có {n} thành viên.",
    "{c} xin trình bày kiến nghị về {T} như sau.",
    "Thực hiện chủ trương phát triển kinh tế tập thể, {c} đã tổ chức {a} {m} theo hướng tập "
    "trung.",
    "{c} được thành lập năm {f} tại {p}, chủ yếu {a} và tiêu thụ {m} cho thành viên.",
    "Qua quá trình hoạt động, {c} xin phản ánh một số khó khăn, vướng mắc về {T}.",
};
constexpr std::string_view kGeneric[] = {
    "Hợp tác xã hiện có {n} thành viên, trong đó nhiều hộ là đồng bào dân tộc thiểu số.",
    "Doanh thu năm {y} của hợp tác xã đạt khoảng {x} triệu đồng, thu nhập bình quân của thành "
    "viên còn thấp.",
    "Thời gian qua, hợp tác xã đã nhận được sự quan tâm của chính quyền địa phương và các sở, "
    "ngành.",
    "Hợp tác xã hiện canh tác khoảng {h} ha {m} tại {p}.",
    "Tuy nhiên, do quy mô nhỏ nên hợp tác xã còn gặp nhiều khó khăn trong sản xuất, kinh doanh.",
    "Những khó khăn trên ảnh hưởng trực tiếp đến thu nhập và đời sống của thành viên.",
    "Ban quản trị hợp tác xã đã nhiều lần kiến nghị tại các hội nghị đối thoại nhưng chưa được "
    "giải quyết dứt điểm.",
    "Hợp tác xã cam kết sử dụng nguồn hỗ trợ đúng mục đích, hiệu quả và báo cáo đầy đủ theo quy "
    "định.",
    "UBND xã đã xác nhận nội dung kiến nghị và đề nghị cấp trên xem xét.",
    "Sản phẩm {m} là thế mạnh của địa phương, gắn với sinh kế của nhiều hộ gia đình.",
    "Năm {y}, sản lượng {m} của hợp tác xã đạt khoảng {t} tấn.",
    "Hợp tác xã đã ký hợp đồng liên kết với {n} hộ trong và ngoài xã.",
    "Giá vật tư đầu vào như phân bón, thức ăn chăn nuôi tăng cao làm giảm lợi nhuận của thành "
    "viên.",
    "Nhiều thành viên mong muốn mở rộng quy mô sản xuất nhưng chưa có điều kiện.",
    "Hợp tác xã đã chủ động huy động vốn góp của thành viên nhưng vẫn chưa đáp ứng nhu cầu.",
    "Nội dung kiến nghị đã được thông qua tại cuộc họp thành viên ngày {e} tháng {o} năm {y}.",
};
static_assert(std::size(kGeneric) <= 24, "the used-template mask has 24 bits for them");
constexpr std::string_view kRequests[] = {
    "Hợp tác xã đề nghị các cơ quan có thẩm quyền xem xét {N}.",
    "Từ những khó khăn nêu trên, {c} kính đề nghị các cấp, các ngành {N}.",
    "Vì vậy, hợp tác xã đề nghị tỉnh {v} quan tâm {N} để hợp tác xã ổn định sản xuất.",
    "Hợp tác xã kính đề nghị Sở Nông nghiệp và Phát triển nông thôn, Sở Tài chính phối hợp {N}.",
    "Để tháo gỡ khó khăn, hợp tác xã đề nghị {N} trong năm {y}.",
};
constexpr std::string_view kClosings[] = {
    "Kính đề nghị UBND tỉnh xem xét, giải quyết.",
    "Kính đề nghị UBND tỉnh {v} xem xét, chỉ đạo các sở, ngành liên quan sớm giải quyết để hợp "
    "tác xã ổn định sản xuất.",
    "Hợp tác xã trân trọng cảm ơn!",
    "Kính mong nhận được sự quan tâm, giúp đỡ của các cấp, các ngành. Trân trọng cảm ơn!",
    "Kính đề nghị UBND tỉnh xem xét, chỉ đạo giải quyết. Xin trân trọng cảm ơn.",
};
// Free sentences: one of these, then a list of sampled words ("... còn thiếu kho lạnh, vốn góp
// và máy sấy."); starting with them, sampled words never need a capital letter.
constexpr std::string_view kLeadIns[] = {
    "Ngoài ra,",  // the fallback: two words
    "Ngoài ra, hợp tác xã còn gặp khó khăn về",
    "Bên cạnh đó, thành viên phản ánh về",
    "Hiện nay, hợp tác xã còn thiếu",
    "Thành viên mong muốn được hướng dẫn thêm về",
    "Đề nghị quan tâm thêm đến",
    "Các nội dung cần làm rõ gồm",
    "Trong năm qua, hợp tác xã tập trung vào",
    "Tại địa phương, còn nhiều vướng mắc liên quan đến",
    "Thực tế cho thấy cần đầu tư thêm cho",
    "Qua rà soát, còn tồn tại về",
    "Đặc biệt là",
    "Mặt khác,",
    "Đến nay, chưa giải quyết được",
    "Hợp tác xã kiến nghị làm rõ",
    "Theo phản ánh của thành viên, khó khăn lớn nhất là",
};

// Content lengths: a log-normal (median 95 words, sigma 0.5) in buckets of ten words, the first
// [33, 40), the last [390, 400]; within a bucket uniform. Integers, so no libm on the path.
constexpr uint16_t kLengthWeights[] = {
    237, 565, 785, 913, 949, 917, 843, 750, 650, 554, 466, 389, 322, 266, 219, 179, 147, 121, 99,
    81,  67,  55,  45,  37,  31,  25,  21,  17,  14,  12,  10,  8,   7,   6,   5,   4,   4};

// ---- The sampled vocabulary ----------------------------------------------------------------

// Separated by |, ranked: Zipf weights 1/rank. Function words (của, và, các...) come with the fixed
// texts, which make up most of a petition, and are frequent without being sampled.
constexpr std::string_view kContentWords =
    "thị trường|vốn|giá cả|đất đai|lao động|kỹ thuật|đầu ra|chi phí|sản xuất|thu nhập|giống|"
    "phân bón|máy móc|chất lượng|thông tin|kinh phí|nguồn vốn|tiêu thụ|bảo quản|thủ tục|hỗ trợ|"
    "thành viên|đời sống|sản phẩm|chính sách|doanh nghiệp|nhu cầu|hạ tầng|kế hoạch|quy định|"
    "hiệu quả|giá trị|nông nghiệp|nông thôn|việc làm|cán bộ|đào tạo|vốn vay|ngân hàng|lãi suất|"
    "thuế|kinh tế|phát triển|thực hiện|địa phương|nông dân|hộ gia đình|công việc|thời gian|"
    "khó khăn|tình hình|cơ quan|nhà nước|khu vực|tổ chức|hoạt động|thủy lợi|giao thông nông thôn|"
    "chứng nhận|nhãn mác|truy xuất nguồn gốc|bảo hiểm|thiên tai|lũ quét|hạn hán|liên kết|"
    "chuỗi giá trị|thủ tục hành chính|đăng ký kinh doanh|sản phẩm OCOP|chính quyền|cơ sở|"
    "thiết bị|nhà xưởng|kho lạnh|chế biến|hộ nghèo|cây trồng|vật nuôi|dịch bệnh|mùa vụ|năng suất|"
    "an toàn thực phẩm|hữu cơ|VietGAP|quy hoạch|điện|nước sạch|mặt bằng|thuê đất|tín dụng|"
    "tài sản thế chấp|khoản vay|hồ sơ|thẩm định|giải ngân|thời hạn|dự án|ngân sách|quỹ|"
    "xúc tiến thương mại|hội chợ|thương hiệu|bao bì|mẫu mã|quảng bá|thương mại điện tử|xuất khẩu|"
    "thương lái|hợp đồng|bao tiêu|giá thành|vật tư|thức ăn chăn nuôi|thuốc bảo vệ thực vật|"
    "khuyến nông|chuyển giao|công nghệ|ứng dụng|chuyển đổi số|kế toán|quản lý|điều hành|giám đốc|"
    "hội đồng quản trị|ban kiểm soát|điều lệ|đại hội|vốn góp|lợi nhuận|doanh thu|phân phối|"
    "siêu thị|cửa hàng|tuyến đường|cầu|kênh mương|trạm bơm|hồ chứa|sạt lở|mưa lớn|ngập úng|"
    "rét đậm|sâu bệnh|thiệt hại|khắc phục|tái sản xuất|cứu trợ|giảm nghèo|nông thôn mới|"
    "vùng nguyên liệu|tập trung|quy mô|bền vững|môi trường|chứng chỉ|tập huấn|học nghề|"
    "thanh niên|phụ nữ|đồng bào dân tộc thiểu số|vùng cao|miền núi|biên giới|vướng mắc|bất cập|"
    "kịp thời|thuận lợi|cấp|xã|huyện|tỉnh|trung ương|sở|phòng|ủy ban|hướng dẫn|văn bản|nghị định|"
    "thông tư|quyết định|luật|điều kiện|tiêu chí|thẩm quyền|trách nhiệm|phối hợp|kiểm tra|"
    "giám sát|báo cáo|đánh giá|tổng kết|đề nghị|kiến nghị|xem xét|giải quyết|tháo gỡ|"
    "tạo điều kiện|ưu đãi|miễn|giảm|gia hạn|đầu tư|xây dựng|nâng cấp|sửa chữa|mua sắm|cung ứng|"
    "dịch vụ|thu mua|thu hoạch|gieo trồng|chăm sóc|chăn nuôi|trồng trọt|lâm nghiệp|thủy sản|rừng|"
    "ruộng|nương|vườn|ao|chuồng trại|con giống|cây con|hạt giống|máy cày|máy gặt|lò sấy|xưởng|"
    "kho|bến|chợ|trường|trạm|điểm|thôn|bản|làng|ấp|tổ|nhóm|hội|đoàn|ban|ngành|mức|tỷ lệ|"
    "diện tích|sản lượng|khối lượng|giá|tiền|đồng|triệu|tỷ|ha|tấn|ý kiến|phản ánh|đối thoại|"
    "tiếp xúc|cử tri|đại biểu|hội nghị|cuộc họp|biên bản|công văn|tờ trình|đề án|chương trình|"
    "mục tiêu|giải pháp|nhiệm vụ|kết quả|thành công|tồn tại|hạn chế|nguyên nhân|ảnh hưởng|"
    "tác động|rủi ro|an toàn|sức khỏe|con người|cộng đồng|xã hội|văn hóa|du lịch|trải nghiệm|"
    "đặc sản|truyền thống|làng nghề|thủ công|nghệ nhân|bí quyết|quy trình|tiêu chuẩn|kiểm nghiệm|"
    "công bố|mã số|tem|mã vùng trồng|nhật ký|ghi chép|số liệu|thống kê|dữ liệu|phần mềm|"
    "điện thoại|sàn|giao dịch|thanh toán|công nợ|nợ|lãi|gốc|kỳ hạn|tài chính|minh bạch|công khai|"
    "dân chủ|tự nguyện|bình đẳng";

// The generated tail continues the Zipf curve of the content words from this rank on, as if a
// middle vocabulary we do not list sat in between: each tail syllable then shows up in a few
// hundredths of a percent of petitions, and a search for one finds few.
constexpr uint32_t kTailFirstRank = 12000;
constexpr std::size_t kTailSize = 6000;

// ---- Spelling the tail: onset + rhyme + tone, as Vietnamese writes them ---------------------

// Separated by spaces; the empty onset (a syllable starting with its vowel) comes on top. No "p":
// native words do not start with it.
constexpr std::string_view kOnsets =
    "b c ch d đ g gh gi h k kh l m n ng ngh nh ph qu r s t th tr v x";
constexpr std::string_view kOpenRhymes =
    "a ai ao au ay ăm ăn ăng âm ân âng âu ây am an ang anh e em en eng eo ê êm ên ênh êu i "
    "ia im in inh iu iêm iên iêng iêu o oa oai oay oan oang oanh oăn oăng oe oen oi om on "
    "ong ô ôi ôm ôn ông ơ ơi ơm ơn u ua uân uây uê uênh ui um un ung uy uya uyên uynh uôi "
    "uôm uôn uông ư ưa ưi ưng ươi ươm ươn ương ươu ưu";
// Ending in p t c ch: these take only sắc and nặng.
constexpr std::string_view kStopRhymes =
    "ac ach ap at ăc ăp ăt âc âp ât ep et êch êp êt ich ip it iêc iêp iêt oc op ot ôc ôp ôt "
    "ơp ơt uc up ut uôc uôt ưc ưt ươc ươp ươt oac oach oat oăc oăt oet uât uych uyt uyêt";

// Each vowel with the six tones: ngang, huyền, sắc, hỏi, ngã, nặng; precomposed (NFC).
constexpr std::u32string_view kToneRows[] = {
    U"aàáảãạ", U"ăằắẳẵặ", U"âầấẩẫậ", U"eèéẻẽẹ", U"êềếểễệ", U"iìíỉĩị",
    U"oòóỏõọ", U"ôồốổỗộ", U"ơờớởỡợ", U"uùúủũụ", U"ưừứửữự", U"yỳýỷỹỵ",
};
constexpr int kSac = 2, kNang = 5;

// Spellings that are valid but would make a public data set unpublishable.
constexpr std::string_view kBlocked[] = {"đụ",    "địt", "đéo", "lồn", "cặc", "buồi", "đĩ",
                                         "chịch", "dái", "ỉa",  "đít", "cứt", "đái"};

int vowel_row(char32_t c) {
  for (int i = 0; i < static_cast<int>(std::size(kToneRows)); ++i)
    if (kToneRows[i][0] == c) return i;
  return -1;
}

bool is_vowel(char32_t c) {
  return vowel_row(c) >= 0;
}

bool has_mark(char32_t c) {  // ă â ê ô ơ ư: the tone goes on them
  return c == U'ă' || c == U'â' || c == U'ê' || c == U'ô' || c == U'ơ' || c == U'ư';
}

// Where the tone mark goes, in the traditional placement of official texts ("hòa", "thủy",
// "hoàn", "người"): on the last vowel with a hat or horn; else, when a consonant ends the rhyme,
// on the last vowel; else on the first of two vowels or the middle of three.
std::size_t tone_position(std::u32string_view rhyme) {
  std::size_t vowels[4] = {};
  std::size_t n = 0, marked = rhyme.size();
  for (std::size_t i = 0; i < rhyme.size(); ++i) {
    if (!is_vowel(rhyme[i])) continue;
    if (n < 4) vowels[n++] = i;
    if (has_mark(rhyme[i])) marked = i;
  }
  if (marked < rhyme.size()) return marked;
  if (!is_vowel(rhyme.back())) return vowels[n - 1];
  return n == 3 ? vowels[1] : vowels[0];
}

bool is_front(char32_t c) {
  return c == U'i' || c == U'e' || c == U'ê';
}

// A rhyme with the /w/ glide spelled o or u ("hoa", "thuyền", "xuân").
bool has_glide(std::u32string_view r) {
  if (r.size() < 2) return false;
  if (r[0] == U'o') return r[1] == U'a' || r[1] == U'ă' || r[1] == U'e';
  if (r[0] == U'u') return r[1] == U'y' || r[1] == U'â' || r[1] == U'ê';
  return false;
}

// The spelling rules onsets impose on rhymes: k gh ngh before i e ê, c g ng elsewhere, qu for
// c + glide, no glide after lips, gi + i written gi.
bool onset_fits(std::u32string_view onset, std::u32string_view r) {
  const bool front = is_front(r[0]);
  const bool glide = has_glide(r);
  if (onset == U"c" || onset == U"ng") return !front && !(onset == U"c" && glide);
  if (onset == U"g") return !front && !(glide && r[0] == U'u');
  if (onset == U"k" || onset == U"gh" || onset == U"ngh") return front;
  if (onset == U"qu") return !glide && std::u32string_view(U"aăâeêơ").find(r[0]) != r.npos;
  if (onset == U"b" || onset == U"m" || onset == U"ph" || onset == U"v") return !glide;
  if (onset == U"gi") {
    if (glide) return false;
    if (r[0] != U'i') return true;
    return r.size() >= 2 && (r[1] == U'ê' || !is_vowel(r[1]));
  }
  return true;
}

void encode_utf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// An empty string when the combination is not a valid spelling.
std::string spell(std::u32string_view onset, std::u32string_view rhyme, int tone) {
  if (!onset_fits(onset, rhyme)) return {};
  std::u32string s(rhyme);
  const std::size_t at = tone_position(rhyme);
  s[at] = kToneRows[vowel_row(s[at])][tone];
  if (onset.empty() && rhyme.starts_with(U"iê")) s[0] = U'y';  // yên, yêu
  if (onset == U"gi" && rhyme[0] == U'i') onset = U"g";        // gìn, giếng
  std::string out;
  for (char32_t c : onset) encode_utf8(c, out);
  for (char32_t c : s) encode_utf8(c, out);
  return out;
}

// ---- Lower case and syllables of the fixed texts (build time only) --------------------------

char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  char32_t c = len == 1 ? b : b & (0x3F >> (len - 1));
  for (int k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += static_cast<std::size_t>(len);
  return c;
}

char32_t to_lower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c == 0x102 || c == 0x110 || c == 0x128 || c == 0x168 || c == 0x1A0) return c + 1;
  if (c == 0x1AF) return 0x1B0;                                // Ư
  if (c >= 0x1EA0 && c <= 0x1EF9 && c % 2 == 0) return c + 1;  // Ạ..Ỹ
  return c;
}

std::string lower(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) encode_utf8(to_lower(next_code_point(s, i)), out);
  return out;
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out += next_code_point(s, i);
  return out;
}

// Calls `f` with each non-empty `separator`-separated item of `list`.
template <typename F>
void for_each_item(std::string_view list, char separator, F f) {
  while (!list.empty()) {
    const std::size_t end = std::min(list.find(separator), list.size());
    if (end > 0) f(list.substr(0, end));
    list.remove_prefix(std::min(end + 1, list.size()));
  }
}

// Calls `f` with each syllable of `text`, lower case; punctuation, {slots} and numbers left out.
template <typename F>
void for_each_syllable(std::string_view text, F f) {
  for_each_item(text, ' ', [&f](std::string_view token) {
    while (!token.empty() && std::string_view(",.!:;%").find(token.back()) != token.npos)
      token.remove_suffix(1);
    if (!token.empty() && token.find_first_of("{0123456789") == token.npos) f(lower(token));
  });
}

// splitmix64: tiny, fast, well mixed, and the same on every platform.
uint64_t splitmix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// ---- The tables, built once -----------------------------------------------------------------

struct Word {
  uint32_t offset;
  uint16_t bytes;
  uint16_t syllables;
};

// Words with integer weights; a draw is a binary search in the running sums.
struct Sampler {
  std::vector<uint64_t> cumulative;
  std::vector<Word> words;
  void add(Word w, uint64_t weight) {
    cumulative.push_back((cumulative.empty() ? 0 : cumulative.back()) + weight);
    words.push_back(w);
  }
  const Word& draw(uint64_t r) const {
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), r % cumulative.back());
    return words[static_cast<std::size_t>(it - cumulative.begin())];
  }
};

struct Tables {
  std::string pool;  // every sampled word, back to back
  Sampler content;
  Sampler single;  // the one-syllable content words, to fill a sentence to the exact length
  std::vector<uint32_t> categories, commodities, lengths;  // running sums of the weights
  std::vector<std::string> vocabulary;
  std::string_view text(const Word& w) const { return {pool.data() + w.offset, w.bytes}; }
};

constexpr uint64_t kZipfScale = uint64_t{1} << 40;
constexpr int kMaxListWords = 16;  // longest list: the longest free sentence less its lead-in

Word add_to_pool(Tables& t, std::string_view s) {
  const auto syllables = static_cast<uint16_t>(1 + std::count(s.begin(), s.end(), ' '));
  Word w{static_cast<uint32_t>(t.pool.size()), static_cast<uint16_t>(s.size()), syllables};
  t.pool.append(s);
  return w;
}

template <typename T, typename W>
std::vector<uint32_t> running_sums(std::span<const T> items, W weight) {
  std::vector<uint32_t> sums;
  uint32_t total = 0;
  for (const T& item : items) sums.push_back(total += weight(item));
  return sums;
}

// Every fixed text, so that its syllables count as known and stay out of the tail.
template <typename F>
void for_each_fixed_text(F f) {
  for_each_item(kContentWords, '|', f);
  for (const Place& p : kPlaces) {
    f(p.commune);
    f(p.province);
  }
  for (const Commodity& c : kCommodities) {
    f(c.name);
    f(c.activity);
  }
  for (const CategoryText& c : kCategories) {
    f(c.topic);
    for (auto s : c.needs) f(s);
    for (auto s : c.problems) f(s);
  }
  for (const NameForm& n : kNames) {
    f(n.proper);
    f(n.common);
  }
  for (auto s : kTitles) f(s);
  f(kHeader);
  for (auto s : kOpenings) f(s);
  for (auto s : kGeneric) f(s);
  for (auto s : kRequests) f(s);
  for (auto s : kClosings) f(s);
  for (auto s : kLeadIns) f(s);
}

// Valid syllables no fixed text uses, in a shuffled (but fixed) order: their rank says nothing
// about their spelling.
std::vector<std::string> tail_syllables(std::unordered_set<std::string>& known) {
  for (auto b : kBlocked) known.insert(std::string(b));
  std::vector<std::u32string> onsets{U""}, open, stop;
  for_each_item(kOnsets, ' ', [&](std::string_view s) { onsets.push_back(decode(s)); });
  for_each_item(kOpenRhymes, ' ', [&](std::string_view s) { open.push_back(decode(s)); });
  for_each_item(kStopRhymes, ' ', [&](std::string_view s) { stop.push_back(decode(s)); });
  std::vector<std::string> tail;
  const auto add = [&](const std::u32string& onset, const std::u32string& rhyme, int tone) {
    std::string s = spell(onset, rhyme, tone);
    if (!s.empty() && known.insert(s).second) tail.push_back(std::move(s));
  };
  for (const auto& onset : onsets) {
    for (const auto& rhyme : open)
      for (int tone = 0; tone < 6; ++tone) add(onset, rhyme, tone);
    for (const auto& rhyme : stop) {
      add(onset, rhyme, kSac);
      add(onset, rhyme, kNang);
    }
  }
  uint64_t state = 0x7A11'5EED'0000'0001ull;
  for (std::size_t i = tail.size(); i > 1; --i) std::swap(tail[i - 1], tail[splitmix(state) % i]);
  if (tail.size() > kTailSize) tail.resize(kTailSize);
  return tail;
}

Tables build_tables() {
  Tables t;
  std::unordered_set<std::string> known;
  for_each_fixed_text([&](std::string_view text) {
    for_each_syllable(text, [&](std::string s) {
      if (known.insert(s).second) t.vocabulary.push_back(std::move(s));
    });
  });
  const auto add = [&t](std::string_view s, uint64_t rank) {
    const Word w = add_to_pool(t, s);
    t.content.add(w, kZipfScale / rank);
    if (w.syllables == 1) t.single.add(w, kZipfScale / rank);
  };
  uint64_t rank = 0;
  for_each_item(kContentWords, '|', [&](std::string_view w) { add(w, ++rank); });
  rank = kTailFirstRank;
  for (std::string& s : tail_syllables(known)) {
    add(s, rank++);
    t.vocabulary.push_back(std::move(s));
  }
  t.categories = running_sums<CategoryText>(kCategories, [](auto& c) { return c.weight; });
  t.commodities = running_sums<Commodity>(kCommodities, [](auto& c) { return c.weight; });
  t.lengths = running_sums<uint16_t>(kLengthWeights, [](uint16_t w) { return w; });
  return t;
}

const Tables& tables() {
  static const Tables t = build_tables();
  return t;
}

int count_words(std::string_view s) {
  return s.empty() ? 0 : 1 + static_cast<int>(std::count(s.begin(), s.end(), ' '));
}

void append_number(uint32_t v, std::string& out) {
  char buf[12];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

// Vietnamese groups thousands with a dot: 1.250 triệu đồng.
void append_amount(uint32_t v, std::string& out) {
  if (v >= 1000) {
    append_number(v / 1000, out);
    out += '.';
    const uint32_t rest = v % 1000;
    if (rest < 100) out += '0';
    if (rest < 10) out += '0';
    append_number(rest, out);
  } else {
    append_number(v, out);
  }
}

}  // namespace

std::span<const Place> places() {
  return kPlaces;
}
std::span<const Commodity> commodities() {
  return kCommodities;
}
std::span<const std::string_view> petition_categories() {
  return kCategoryCodes;
}
const std::vector<std::string>& vocabulary() {
  return tables().vocabulary;
}

PetitionText::PetitionText(uint64_t seed) : state_(seed) {
  tables();  // build the shared tables now, not inside the first timed call
  start_petition();
}

uint64_t PetitionText::next() {
  return splitmix(state_);
}

uint32_t PetitionText::below(uint32_t n) {
  return static_cast<uint32_t>(next() % n);
}

std::size_t PetitionText::pick(const std::vector<uint32_t>& cumulative) {
  const uint32_t r = below(cumulative.back());
  return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), r) -
                                  cumulative.begin());
}

void PetitionText::start_petition() {
  const Tables& t = tables();
  category_ = static_cast<uint32_t>(pick(t.categories));
  need_ = below(static_cast<uint32_t>(kCategories[category_].needs.size()));
  commodity_ = static_cast<uint32_t>(pick(t.commodities));
  place_ = below(static_cast<uint32_t>(std::size(kPlaces)));
  name_ = below(static_cast<uint32_t>(std::size(kNames)));
}

std::string_view PetitionText::category() const {
  return kCategoryCodes[category_];
}
const Commodity& PetitionText::commodity() const {
  return kCommodities[commodity_];
}
const Place& PetitionText::place() const {
  return kPlaces[place_];
}

void PetitionText::render(std::string_view pattern, std::string& out) {
  for (std::size_t open = pattern.find('{'); open != pattern.npos; open = pattern.find('{')) {
    out.append(pattern.substr(0, open));
    render_slot(pattern[open + 1], out);
    pattern.remove_prefix(open + 3);
  }
  out.append(pattern);
}

void PetitionText::render_slot(char slot, std::string& out) {
  const CategoryText& c = kCategories[category_];
  switch (slot) {
    case 'c':
      return render(kNames[name_].proper, out);
    case 'q':
      return render(kNames[name_].common, out);
    case 'N':
      return render(c.needs[need_], out);
    case 'T':
      out.append(c.topic);
      return;
    case 'p':
      out.append(kPlaces[place_].commune);
      return;
    case 'v':
      out.append(kPlaces[place_].province);
      return;
    case 'm':
      out.append(kCommodities[commodity_].name);
      return;
    case 'a':
      out.append(kCommodities[commodity_].activity);
      return;
    case 'n':
      return append_number(7 + below(180), out);
    case 'h':
      return append_number(2 + below(150), out);
    case 'x':
      return append_amount(50 * (1 + below(80)), out);
    case 'y':
      return append_number(2020 + below(6), out);
    case 'f':
      return append_number(1997 + below(27), out);
    case 'k':
      return append_number(10 + below(60), out);
    case 't':
      return append_number(5 + below(500), out);
    case 'd':
      return append_number(2 + below(25), out);
    case 'o':
      return append_number(1 + below(12), out);
    case 'e':
      return append_number(1 + below(28), out);
    default:
      return;
  }
}

std::string PetitionText::title() {
  start_petition();
  std::string out;
  for (int attempt = 0; attempt < 6; ++attempt) {
    out.clear();
    render(kTitles[below(static_cast<uint32_t>(std::size(kTitles)))], out);
    const int words = count_words(out);
    if (words >= 5 && words <= 20) return out;
    need_ = below(static_cast<uint32_t>(kCategories[category_].needs.size()));
    if (attempt >= 2) name_ = 0;  // the shortest name
  }
  name_ = 0;
  out.clear();
  render(kShortTitle, out);
  return out;
}

std::string PetitionText::content() {
  std::string out;
  out.reserve(2048);
  append_content(out);
  return out;
}

int PetitionText::content_length() {
  const std::size_t bucket = pick(tables().lengths);
  if (bucket == 0) return 33 + static_cast<int>(below(7));
  const int low = 30 + 10 * static_cast<int>(bucket);
  return low + static_cast<int>(below(bucket + 1 == std::size(kLengthWeights) ? 11 : 10));
}

// A sentence of exactly `words` words (at least 4): a lead-in, then a list of sampled words.
void PetitionText::append_filler(int words, std::string& out) {
  std::string_view lead = kLeadIns[0];
  for (int attempt = 0; attempt < 4; ++attempt) {  // a lead-in not used yet in this petition
    const uint32_t i = below(static_cast<uint32_t>(std::size(kLeadIns)));
    if (count_words(kLeadIns[i]) < words && (leads_used_ & (1u << i)) == 0) {
      lead = kLeadIns[i];
      leads_used_ |= 1u << i;
      break;
    }
  }
  out.append(lead);
  out += ' ';
  append_list(words - count_words(lead), out);
  out += '.';
}

// Exactly `words` words of sampled content words, "a, b và c" when there is room for "và".
void PetitionText::append_list(int words, std::string& out) {
  const Tables& t = tables();
  const Word* items[kMaxListWords + 1];
  int n = 0;
  const bool with_and = words >= 3;
  for (int left = with_and ? words - 1 : words; left > 0 && n < kMaxListWords; ++n) {
    const Word* w = nullptr;
    for (int attempt = 0; attempt < 4 && w == nullptr; ++attempt) {
      const Word& c = t.content.draw(next());
      if (c.syllables <= left && std::find(items, items + n, &c) == items + n) w = &c;
    }
    items[n] = w != nullptr ? w : &t.single.draw(next());
    left -= items[n]->syllables;
  }
  const bool and_fits = with_and && n >= 2;
  if (with_and && !and_fits) items[n++] = &t.single.draw(next());  // "và" has no room: one more
  for (int i = 0; i < n; ++i) {
    if (i > 0) out.append(and_fits && i == n - 1 ? " và " : ", ");
    out.append(t.text(*items[i]));
  }
}

// One more body sentence if it fits in `room` words: one of the category's problems or a
// general remark (each at most once per petition), or a free sentence.
bool PetitionText::append_body_sentence(int room, uint32_t& used, std::string& out, int& words) {
  const CategoryText& c = kCategories[category_];
  const uint32_t roll = below(100);
  uint32_t bit = 0;
  std::string_view pattern;
  if (roll < 40) {
    const uint32_t i = below(static_cast<uint32_t>(c.problems.size()));
    bit = 1u << i;
    pattern = c.problems[i];
  } else if (roll < 60) {
    const uint32_t i = below(static_cast<uint32_t>(std::size(kGeneric)));
    bit = 1u << (8 + i);
    pattern = kGeneric[i];
  }
  sentence_.clear();
  if (bit != 0 && (used & bit) == 0) {
    render(pattern, sentence_);
    used |= bit;
  } else {
    const int n = 6 + static_cast<int>(below(9));
    if (n > room) return false;
    append_filler(n, sentence_);
  }
  const int w = count_words(sentence_);
  if (w > room) return false;
  out += ' ';
  out.append(sentence_);
  words += w;
  return true;
}

void PetitionText::append_content(std::string& out) {
  const int target = content_length();
  request_.clear();
  render(kRequests[below(static_cast<uint32_t>(std::size(kRequests)))], request_);
  closing_.clear();
  render(kClosings[below(static_cast<uint32_t>(std::size(kClosings)))], closing_);
  const int frame = count_words(request_) + count_words(closing_);
  int words = 0;
  leads_used_ = 0;
  if (target >= 60 && below(2) == 0) {
    sentence_.clear();
    render(kHeader, sentence_);
    out.append(sentence_);
    out += '\n';
    words += count_words(sentence_);
  }
  sentence_.clear();
  render(kOpenings[below(static_cast<uint32_t>(std::size(kOpenings)))], sentence_);
  out.append(sentence_);
  words += count_words(sentence_);
  uint32_t used = 0;
  while (append_body_sentence(target - frame - words, used, out, words)) {
  }
  for (int gap = target - frame - words; gap >= 4;) {  // fill up with free sentences
    const int n = gap <= 16 ? gap : std::min(gap - 4, 6 + static_cast<int>(below(9)));
    out += ' ';
    append_filler(n, out);
    gap -= n;
  }
  out += '\n';
  out.append(request_);
  out += ' ';
  out.append(closing_);
}

}  // namespace hoptac::seed
