#include "http/static_files.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "http/static_path.hpp"

namespace hoptac::http {

namespace {
std::string content_type(const std::filesystem::path& p) {
  auto ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".webmanifest") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

std::optional<std::string> read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Whether the client takes gzip: "gzip" (or "*") listed without q=0 (RFC 9110 §12.5.3).
bool accepts_gzip(const Request& req) {
  auto header = req.header("accept-encoding");
  if (!header) return false;
  std::string_view rest = *header;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    auto semi = item.find(';');
    std::string_view name = item.substr(0, semi);
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    if (name != "gzip" && name != "*") continue;
    std::string params(semi == std::string_view::npos ? "" : item.substr(semi + 1));
    params.erase(std::remove(params.begin(), params.end(), ' '), params.end());
    bool refused =
        params.rfind("q=0", 0) == 0 && params.find_first_not_of("0.", 2) == std::string::npos;
    if (!refused) return true;
  }
  return false;
}

std::filesystem::path canonical_or_empty(const std::string& root) {
  if (root.empty()) return {};
  std::error_code ec;
  auto p = std::filesystem::canonical(root, ec);
  return ec ? std::filesystem::path() : p;
}
}  // namespace

StaticFiles::StaticFiles(std::string root) : root_(canonical_or_empty(root)) {}

std::optional<Response> StaticFiles::serve(const Request& req) const {
  if (root_.empty() || (req.method != "GET" && req.method != "HEAD")) return std::nullopt;
  if (req.path.rfind("/api/", 0) == 0) return std::nullopt;
  const bool is_asset = req.path.rfind("/assets/", 0) == 0;
  std::filesystem::path file;
  if (req.path == "/") {
    file = root_ / "index.html";
  } else {
    auto resolved = resolve_static_path(root_, req.path);
    if (resolved.verdict == PathVerdict::hostile) return std::nullopt;  // a 404, never a file
    // A missing hashed asset is a 404; any other missing path is one of the app's own routes.
    if (resolved.verdict == PathVerdict::missing && is_asset) return std::nullopt;
    file = resolved.verdict == PathVerdict::file ? resolved.file : root_ / "index.html";
  }
  // The build writes a compressed copy beside each text asset (web/scripts/compress.mjs); it
  // is found through the same resolution as any other path, so it too stays inside the root.
  std::optional<std::string> body;
  bool gzipped = false;
  if (accepts_gzip(req)) {
    auto gz = resolve_static_path(root_, "/" + file.lexically_relative(root_).string() + ".gz");
    if (gz.verdict == PathVerdict::file && (body = read_file(gz.file))) gzipped = true;
  }
  if (!body) body = read_file(file);
  if (!body) return std::nullopt;
  Response r;
  r.header("Content-Type", content_type(file));
  if (gzipped) r.header("Content-Encoding", "gzip");
  r.header("Vary", "Accept-Encoding");
  // Vite names assets by their content hash: they never change, so cache them for a year.
  r.header("Cache-Control", is_asset ? "public, max-age=31536000, immutable" : "no-cache");
  r.body = std::move(*body);
  r.route = is_asset ? "/assets/*" : "/*";
  return r;
}

}  // namespace hoptac::http
