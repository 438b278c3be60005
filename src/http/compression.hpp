#pragma once
// Compressing answers for slow links: what a client accepts (Accept-Encoding), gzip with zlib,
// and the rule for which answers are worth it.
#include <cstddef>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace hoptac::http {

// Smaller answers are sent as they are: the compression would cost more than it saves.
inline constexpr std::size_t kCompressAbove = 1024;

// Whether the request's Accept-Encoding lists `coding` (or "*") without q=0 (RFC 9110 §12.5.3).
bool accepts_encoding(const Request& req, std::string_view coding);
bool accepts_encoding(std::string_view header, std::string_view coding);

// The gzip stream (RFC 1952) of `data`.
std::string gzip(std::string_view data);

// Whether a body of this type is text that compresses (JSON, CSV, HTML...): not a PDF, an
// XLSX (already a zip), an image.
bool compressible_type(std::string_view content_type);

// Gzips the body in place when the client accepts it, the type compresses, the body is above
// kCompressAbove and not already encoded; adds Vary: Accept-Encoding to any answer that could
// have been compressed.
void compress_if_worth(const Request& req, Response& res);

}  // namespace hoptac::http
