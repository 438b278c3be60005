#include "core/two_factor.hpp"

#include <liboath/oath.h>
#include <qrencode.h>
#include <sodium.h>

#include <cctype>
#include <memory>
#include <stdexcept>

#include "core/secrets.hpp"

namespace hoptac::core::two_factor {

namespace {
void ensure_oath() {
  static const int ok = oath_init();
  if (ok != OATH_OK) throw std::runtime_error("liboath failed to initialise");
}

std::string percent_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}
}  // namespace

std::string new_secret() {
  ensure_oath();
  ensure_sodium();
  char raw[20];
  randombytes_buf(raw, sizeof raw);
  char* out = nullptr;
  size_t len = 0;
  if (oath_base32_encode(raw, sizeof raw, &out, &len) != OATH_OK)
    throw std::runtime_error("base32 encoding failed");
  std::string secret(out, len);
  free(out);
  while (!secret.empty() && secret.back() == '=') secret.pop_back();
  return secret;
}

std::string otpauth_uri(const std::string& secret, const std::string& username) {
  return "otpauth://totp/hoptac:" + percent_encode(username) + "?secret=" + secret +
         "&issuer=hoptac&algorithm=SHA1&digits=6&period=30";
}

std::string qr_svg(const std::string& text) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!qr) throw std::runtime_error("QR encoding failed");
  const int w = qr->width, margin = 4, size = w + 2 * margin;
  std::string path;
  for (int y = 0; y < w; ++y)
    for (int x = 0; x < w; ++x)
      if (qr->data[y * w + x] & 1)
        path += "M" + std::to_string(x + margin) + " " + std::to_string(y + margin) + "h1v1h-1z";
  const std::string n = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n + "\" width=\"" +
         std::to_string(size * 6) + "\" height=\"" + std::to_string(size * 6) +
         "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
         "<path fill=\"#000\" d=\"" +
         path + "\"/></svg>";
}

std::optional<int64_t> matching_step(const std::string& secret, const std::string& code,
                                     std::time_t now) {
  ensure_oath();
  if (code.size() != 6) return std::nullopt;
  for (char c : code)
    if (c < '0' || c > '9') return std::nullopt;
  char* raw = nullptr;
  size_t len = 0;
  if (oath_base32_decode(secret.c_str(), secret.size(), &raw, &len) != OATH_OK) return std::nullopt;
  std::unique_ptr<char, decltype(&free)> guard(raw, &free);
  int pos = 0;
  uint64_t counter = 0;
  int rc = oath_totp_validate3(raw, len, now, OATH_TOTP_DEFAULT_TIME_STEP_SIZE,
                               OATH_TOTP_DEFAULT_START_TIME, 1, &pos, &counter, code.c_str());
  if (rc < 0) return std::nullopt;
  return static_cast<int64_t>(counter);
}

std::vector<std::string> new_recovery_codes() {
  ensure_sodium();
  static const char* alphabet = "abcdefghjkmnpqrstuvwxyz23456789";  // no 0/o, 1/l/i
  std::vector<std::string> codes;
  for (int i = 0; i < 10; ++i) {
    std::string code;
    for (int j = 0; j < 10; ++j) {
      if (j == 5) code += '-';
      code += alphabet[randombytes_uniform(31)];
    }
    codes.push_back(code);
  }
  return codes;
}

std::string normalise_recovery_code(const std::string& typed) {
  std::string out;
  for (unsigned char c : typed)
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
  return out;
}

}  // namespace hoptac::core::two_factor
