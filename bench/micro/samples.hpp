#pragma once
// Realistic Vietnamese inputs shared by the micro-benchmarks (NFC, as stored).
#include <string_view>

namespace hoptac::bench {

// A cooperative's name as registered.
inline constexpr std::string_view kCooperativeName = "Hợp tác xã Nông nghiệp Miến dong Côn Minh";

// What the register folds for a cooperative's search (store/cooperatives_repo.cpp):
// name | registration code | address | commune.
inline constexpr std::string_view kCooperativeSearchText =
    "Hợp tác xã Nông nghiệp Miến dong Côn Minh | 4701000123 | Thôn Nà Đon, xã Côn Minh, "
    "huyện Na Rì, tỉnh Bắc Kạn | Xã Côn Minh";

// What a user types in the search box (core/petitions.cpp folds it into tokens).
inline constexpr std::string_view kSearchQuery = "miến dong Côn Minh vay vốn";

// A petition's content: 597 bytes, 446 characters.
inline constexpr std::string_view kPetitionContent =
    "Hợp tác xã Nông nghiệp Miến dong Côn Minh có 126 thành viên, trồng 45 ha dong riềng và "
    "sản xuất miến theo chuỗi khép kín. Vào vụ thu hoạch, hợp tác xã cần vốn lưu động để thu "
    "mua củ dong của bà con nhưng thiếu tài sản bảo đảm. Đề nghị Quỹ hỗ trợ phát triển hợp "
    "tác xã và Ngân hàng Chính sách xã hội hướng dẫn thủ tục vay ưu đãi, rút gọn hồ sơ; đồng "
    "thời hỗ trợ xây dựng lò sấy để giữ chất lượng miến quanh năm, và giới thiệu sản phẩm "
    "tại hội chợ.";

inline constexpr std::string_view kPetitionTitle = "Đề nghị hỗ trợ tiếp cận vốn vay ưu đãi";

// An agency's answer to it, with its legal basis.
inline constexpr std::string_view kAnswerText =
    "Hợp tác xã được vay tại Quỹ hỗ trợ phát triển HTX với lãi suất ưu đãi; Ngân hàng Nhà nước "
    "chi nhánh đã chỉ đạo các tổ chức tín dụng rút gọn hồ sơ, hướng dẫn cụ thể tại trụ sở.";
inline constexpr std::string_view kLegalBasis = "Nghị định 113/2024/NĐ-CP";

}  // namespace hoptac::bench
