#include "http/static_path.hpp"

#include <algorithm>

namespace hoptac::http {

namespace fs = std::filesystem;

namespace {
// A segment we accept: visible, no separators or control bytes; dot files and "." / ".."
// are refused outright.
bool acceptable_segment(std::string_view s) {
  if (s.empty() || s.front() == '.') return false;
  return std::none_of(s.begin(), s.end(), [](char ch) {
    auto u = static_cast<unsigned char>(ch);
    return u < 0x20 || u == 0x7f || ch == '\\' || ch == ':';
  });
}
}  // namespace

bool is_within(const fs::path& root, const fs::path& p) {
  auto r = root.begin(), q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (r->empty() && std::next(r) == root.end()) break;  // a trailing separator
    if (q == p.end() || *r != *q) return false;
  }
  return true;
}

ResolvedPath resolve_static_path(const fs::path& canonical_root, std::string_view path) {
  if (path.empty() || path.front() != '/' || path.size() > 1024) return {};
  fs::path candidate = canonical_root;
  std::string_view rest = path.substr(1);
  // Each segment must be acceptable; a single trailing slash ("/ho-so/") ends the loop with
  // nothing left, an empty segment anywhere ("//etc", "/a//") is refused.
  while (!rest.empty()) {
    auto slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    if (!acceptable_segment(segment)) return {};
    candidate /= fs::path(std::string(segment));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  std::error_code ec;
  fs::path real = fs::canonical(candidate, ec);  // follows every link
  if (ec) return {PathVerdict::missing, {}};
  if (!is_within(canonical_root, real)) return {};
  if (!fs::is_regular_file(real, ec)) return {PathVerdict::missing, {}};
  return {PathVerdict::file, real};
}

}  // namespace hoptac::http
