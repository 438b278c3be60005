#include "domain/password_rules.hpp"

#include <algorithm>
#include <cctype>

#include "text/fold.hpp"

namespace hoptac::domain {

namespace {
std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// One character repeated ("aaaaaaaaaa") is as weak as any listed password.
bool one_character_repeated(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) { return c == s.front(); });
}
}  // namespace

std::set<std::string, std::less<>> parse_common_passwords(std::string_view text) {
  std::set<std::string, std::less<>> out;
  while (!text.empty()) {
    auto end = text.find('\n');
    auto line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') out.insert(lower_ascii(line));
  }
  return out;
}

void check_new_password(Problems& p, const std::string& field, std::string_view password,
                        std::string_view username,
                        const std::set<std::string, std::less<>>& common) {
  if (password.size() > kMaxPasswordBytes) {
    p.add(field, "Mật khẩu quá dài (tối đa 1024 byte)",
          "The password is too long (1024 bytes at most)");
    return;
  }
  if (text::length_in_characters(password) < kMinPasswordCharacters)
    p.add(field, "Mật khẩu cần ít nhất 10 ký tự", "The password needs at least 10 characters");
  const std::string lower = lower_ascii(password);
  if (common.count(lower) || one_character_repeated(lower))
    p.add(field, "Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác",
          "This password is too common and easy to guess; choose another");
  const std::string name = lower_ascii(username);
  // Containing a short name ("an") is no weakness; being it, or containing a longer one, is.
  if (!name.empty() &&
      (lower == name || (name.size() >= 4 && lower.find(name) != std::string::npos)))
    p.add(field, "Mật khẩu không được chứa tên đăng nhập",
          "The password must not contain the username");
}

}  // namespace hoptac::domain
