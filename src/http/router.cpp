#include "http/router.hpp"

namespace hoptac::http {

namespace {
std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.emplace_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
             std::map<std::string, std::string>* params) {
  if (pattern.size() != path.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const auto& p = pattern[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (params) (*params)[p.substr(1, p.size() - 2)] = path[i];
    } else if (p != path[i]) {
      return false;
    }
  }
  return true;
}
}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  auto segments = split_path(pattern);
  routes_.push_back(
      {std::move(method), std::move(pattern), std::move(segments), std::move(handler)});
}

Router::Match Router::match(Request& req) const {
  Match m;
  auto path = split_path(req.path);
  // Literal segments win over parameters: "/cooperatives/export" before "/cooperatives/{id}".
  const Route* best = nullptr;
  int best_literals = -1;
  for (const auto& r : routes_) {
    if (!matches(r.segments, path, nullptr)) continue;
    m.path_known = true;
    m.allowed.push_back(r.method);
    if (r.method != req.method && !(req.method == "HEAD" && r.method == "GET")) continue;
    int literals = 0;
    for (const auto& s : r.segments) literals += s.empty() || s.front() != '{';
    if (literals > best_literals) {
      best = &r;
      best_literals = literals;
    }
  }
  if (best) {
    matches(best->segments, path, &req.params);
    m.handler = &best->handler;
    m.pattern = best->pattern;
  }
  return m;
}

}  // namespace hoptac::http
