#include "mail/smtp_sender.hpp"

#include <curl/curl.h>

#include <cstring>
#include <memory>

namespace hoptac::mail {

namespace {

struct Upload {
  std::string data;
  std::size_t sent = 0;
};

std::size_t read_payload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, up->data.size() - up->sent);
  std::memcpy(buffer, up->data.data() + up->sent, n);
  up->sent += n;
  return n;
}

// Keeps the server's last reply line, to show the admin what the mail server answered. Only
// what comes in is read: what goes out carries the password.
int keep_reply(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  if (type != CURLINFO_HEADER_IN) return 0;
  std::string line(data, size);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (!line.empty()) *static_cast<std::string*>(user) = line;
  return 0;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

void init_smtp() {
  curl_global_init(CURL_GLOBAL_DEFAULT);
}

SmtpSender::SmtpSender(SmtpConfig config) : config_(std::move(config)) {}

domain::SendResult SmtpSender::send(const domain::OutgoingMail& m) const {
  if (!plain_address(m.to_address))
    return {false, "the recipient's address cannot be used: " + m.to_address};
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return {false, "libcurl could not start"};
  Upload up{mime_message(config_.from, m, rfc5322_now())};
  std::unique_ptr<curl_slist, ListDeleter> rcpt(
      curl_slist_append(nullptr, ("<" + m.to_address + ">").c_str()));
  const std::string from = "<" + config_.from.address + ">";
  std::string reply;
  char error[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, config_.url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_payload);
  curl_easy_setopt(c, CURLOPT_READDATA, &up);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_USE_SSL, config_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
  if (!config_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, config_.ca_file.c_str());
  if (!config_.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, config_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, config_.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, config_.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for timeouts
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);  // for keep_reply only; nothing is printed
  curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, keep_reply);
  curl_easy_setopt(c, CURLOPT_DEBUGDATA, &reply);
  const CURLcode rc = curl_easy_perform(c);
  if (rc == CURLE_OK) return {true, ""};
  std::string why = error[0] ? error : curl_easy_strerror(rc);
  if (!reply.empty() && (reply[0] == '4' || reply[0] == '5')) why = reply + " (" + why + ")";
  return {false, why};
}

}  // namespace hoptac::mail
