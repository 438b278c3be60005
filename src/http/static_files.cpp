#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

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
}  // namespace

std::optional<Response> StaticFiles::serve(const Request& req) const {
  if (root_.empty() || (req.method != "GET" && req.method != "HEAD")) return std::nullopt;
  if (req.path.rfind("/api/", 0) == 0) return std::nullopt;
  namespace fs = std::filesystem;
  // Refuse anything that could climb out of the root.
  if (req.path.find("..") != std::string::npos || req.path.find('\0') != std::string::npos)
    return std::nullopt;
  fs::path root(root_);
  fs::path file = root / req.path.substr(1);
  bool is_asset = req.path.rfind("/assets/", 0) == 0;
  std::error_code ec;
  if (req.path == "/" || !fs::is_regular_file(file, ec)) {
    if (is_asset) return std::nullopt;  // a missing hashed asset is a 404, not the app
    file = root / "index.html";
  }
  auto body = read_file(file);
  if (!body) return std::nullopt;
  Response r;
  r.header("Content-Type", content_type(file));
  // Vite names assets by their content hash: they never change, so cache them for a year.
  r.header("Cache-Control", is_asset ? "public, max-age=31536000, immutable" : "no-cache");
  r.body = std::move(*body);
  r.route = is_asset ? "/assets/*" : "/*";
  return r;
}

}  // namespace hoptac::http
