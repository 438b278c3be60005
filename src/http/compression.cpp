#include "http/compression.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace hoptac::http {

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// "q=0", "q=0.", "q=0.000": refused; any other weight (or none) accepts.
bool refuses(std::string_view params) {
  std::string p(params);
  p.erase(std::remove_if(p.begin(), p.end(), [](char ch) { return ch == ' ' || ch == '\t'; }),
          p.end());
  if (p.rfind("q=0", 0) != 0 && p.rfind("Q=0", 0) != 0) return false;
  return p.find_first_not_of("0.", 2) == std::string::npos;
}

}  // namespace

bool accepts_encoding(std::string_view rest, std::string_view coding) {
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    auto semi = item.find(';');
    std::string_view name = trimmed(item.substr(0, semi));
    if (!iequals(name, coding) && name != "*") continue;
    if (!refuses(semi == std::string_view::npos ? "" : item.substr(semi + 1))) return true;
  }
  return false;
}

bool accepts_encoding(const Request& req, std::string_view coding) {
  auto header = req.header("accept-encoding");
  return header && accepts_encoding(*header, coding);
}

std::string gzip(std::string_view data) {
  z_stream z{};
  // 15 window bits + 16: a gzip header and trailer; level 6 is zlib's balance of time and size.
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib: deflateInit2 failed");
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish");
  return out;
}

bool compressible_type(std::string_view type) {
  auto semi = type.find(';');
  type = trimmed(type.substr(0, semi));
  return type.rfind("text/", 0) == 0 || type == "application/json" ||
         type == "application/problem+json" || type == "image/svg+xml" ||
         type == "application/javascript";
}

void compress_if_worth(const Request& req, Response& res) {
  if (res.body.size() <= kCompressAbove || res.find_header("Content-Encoding")) return;
  auto type = res.find_header("Content-Type");
  if (!type || !compressible_type(*type)) return;
  if (!res.find_header("Vary")) res.header("Vary", "Accept-Encoding");
  if (!accepts_encoding(req, "gzip")) return;
  std::string packed = gzip(res.body);
  if (packed.size() >= res.body.size()) return;
  res.body = std::move(packed);
  res.header("Content-Encoding", "gzip");
}

}  // namespace hoptac::http
