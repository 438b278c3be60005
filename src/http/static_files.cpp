#include "http/static_files.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "http/compression.hpp"
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
  // The build writes compressed copies beside each text asset (web/scripts/compress.mjs):
  // brotli (.br) and gzip (.gz). They are found through the same resolution as any other path,
  // so they too stay inside the root.
  std::optional<std::string> body;
  const char* encoding = nullptr;
  const std::string relative = "/" + file.lexically_relative(root_).string();
  for (const auto& [coding, ext] : {std::pair{"br", ".br"}, std::pair{"gzip", ".gz"}}) {
    if (!accepts_encoding(req, coding)) continue;
    auto packed = resolve_static_path(root_, relative + ext);
    if (packed.verdict == PathVerdict::file && (body = read_file(packed.file))) {
      encoding = coding;
      break;
    }
  }
  if (!body) body = read_file(file);
  if (!body) return std::nullopt;
  Response r;
  r.header("Content-Type", content_type(file));
  if (encoding) r.header("Content-Encoding", encoding);
  r.header("Vary", "Accept-Encoding");
  // Vite names assets by their content hash: they never change, so cache them for a year.
  r.header("Cache-Control", is_asset ? "public, max-age=31536000, immutable" : "no-cache");
  r.body = std::move(*body);
  r.route = is_asset ? "/assets/*" : "/*";
  return r;
}

}  // namespace hoptac::http
