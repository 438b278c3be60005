#include "mail/mime.hpp"

#include <sodium.h>

#include <ctime>
#include <string_view>

namespace hoptac::mail {

namespace {

std::string base64(std::string_view bytes) {
  if (bytes.empty()) return "";
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// Base64 in lines of 76 characters (RFC 2045 §6.8).
std::string base64_lines(std::string_view bytes) {
  const std::string b = base64(bytes);
  std::string out;
  for (std::size_t i = 0; i < b.size(); i += 76) out += b.substr(i, 76) + "\r\n";
  return out;
}

bool needs_encoding(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x7f || c < 0x20 ||
        std::string_view("\"=?<>,;:\\()@[].").find(static_cast<char>(c)) != std::string_view::npos)
      return true;
  return false;
}

// Control characters (CR, LF among them) never reach a header.
std::string without_controls(std::string_view s) {
  std::string out;
  for (unsigned char c : s) out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
  return out;
}

std::string mailbox(const std::string& name, const std::string& address) {
  if (name.empty()) return "<" + address + ">";
  return encoded_words(name) + " <" + address + ">";
}

}  // namespace

std::string encoded_words(std::string_view raw) {
  const std::string s = without_controls(raw);
  if (!needs_encoding(s)) return s;
  // 75 characters: "=?UTF-8?B?" and "?=" leave 63, i.e. 45 bytes of text in base64 (RFC 2047 §2).
  constexpr std::size_t kBytesPerWord = 45;
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t end = std::min(s.size(), i + kBytesPerWord);
    // Back off to the start of a character: continuation bytes are 10xxxxxx.
    while (end < s.size() && end > i + 1 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
      --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(s).substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

bool plain_address(std::string_view a) {
  if (a.empty() || a.size() > 254) return false;
  int at = 0;
  for (unsigned char c : a) {
    if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == ',' || c == '"' || c == '(' ||
        c == ')' || c == ';' || c == '\\')
      return false;
    at += c == '@';
  }
  return at == 1 && a.front() != '@' && a.back() != '@';
}

std::string mime_message(const Sender& from, const domain::OutgoingMail& m,
                         const std::string& date) {
  // The boundary cannot occur in base64 text ('_' is not in its alphabet).
  const std::string boundary = "=_hoptac_" + base64(m.message_id).substr(0, 24);
  std::string out;
  out += "Date: " + date + "\r\n";
  out += "From: " + mailbox(from.name, from.address) + "\r\n";
  out += "To: " + mailbox(m.to_name, m.to_address) + "\r\n";
  out += "Subject: " + encoded_words(m.subject) + "\r\n";
  out += "Message-ID: " + without_controls(m.message_id) + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Auto-Submitted: auto-generated\r\n";  // RFC 3834: no automatic replies
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  out += "--" + boundary +
         "\r\nContent-Type: text/plain; charset=UTF-8\r\n"
         "Content-Transfer-Encoding: base64\r\n\r\n" +
         base64_lines(m.text);
  out += "--" + boundary +
         "\r\nContent-Type: text/html; charset=UTF-8\r\n"
         "Content-Transfer-Encoding: base64\r\n\r\n" +
         base64_lines(m.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

std::string rfc5322_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday],
                tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

}  // namespace hoptac::mail
