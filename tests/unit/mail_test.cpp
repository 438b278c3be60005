// E-mail without a mail server: RFC 2047 encoded words, the MIME message (no header can be
// injected), addresses, what each e-mail says in each language, and the retry backoff.
#include <gtest/gtest.h>
#include <sodium.h>

#include "core/mail_delivery.hpp"
#include "domain/mail_texts.hpp"
#include "mail/mime.hpp"

namespace hoptac {

namespace {
std::string decode_base64(const std::string& b64) {
  std::string out(b64.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(),
                        b64.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return "<invalid>";
  out.resize(len);
  return out;
}

// The text of "=?UTF-8?B?...?=" words separated by folding whitespace, and each word's length.
std::string decode_words(const std::string& header, std::vector<std::size_t>* lengths) {
  std::string text;
  std::size_t i = 0;
  while ((i = header.find("=?UTF-8?B?", i)) != std::string::npos) {
    auto end = header.find("?=", i + 10);
    lengths->push_back(end + 2 - i);
    text += decode_base64(header.substr(i + 10, end - i - 10));
    i = end + 2;
  }
  return text;
}

bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}
}  // namespace

TEST(EncodedWords, AsciiStaysAsItIs) {
  EXPECT_EQ(mail::encoded_words("Petition KN-2026-000001"), "Petition KN-2026-000001");
}

TEST(EncodedWords, VietnameseIsSplitIntoShortWordsOnCharacterBoundaries) {
  const std::string subject =
      "[hoptac] Kiến nghị được giao cơ quan trả lời – KN-2026-000123: Đề nghị hỗ trợ tiêu thụ "
      "miến dong của Hợp tác xã Tài Hoan";
  std::vector<std::size_t> lengths;
  const std::string header = mail::encoded_words(subject);
  EXPECT_EQ(decode_words(header, &lengths), subject);
  ASSERT_GT(lengths.size(), 2u);
  for (auto n : lengths) EXPECT_LE(n, 75u) << "RFC 2047 §2: an encoded word is at most 75";
  // Each word decodes to whole characters on its own.
  std::size_t i = 0;
  while ((i = header.find("=?UTF-8?B?", i)) != std::string::npos) {
    auto end = header.find("?=", i + 10);
    EXPECT_TRUE(valid_utf8(decode_base64(header.substr(i + 10, end - i - 10))));
    i = end + 2;
  }
}

TEST(EncodedWords, LineBreaksNeverReachAHeader) {
  const std::string header = mail::encoded_words("Chào\r\nBcc: ai@example.vn");
  std::vector<std::size_t> lengths;
  const std::string text = decode_words(header, &lengths);
  EXPECT_EQ(text.find('\n'), std::string::npos);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(mail::encoded_words("Subject\r\nBcc: x@y.z").find('\n'), std::string::npos);
}

TEST(EncodedWords, AnAsciiNameWithSpecialsIsEncodedNotLeftToBreakTheHeader) {
  domain::OutgoingMail m{
      "<hoptac.1.a@x.vn>", "lienminh@example.vn", "attacker@evil.vn (unclosed", "s", "t", "h"};
  const std::string msg = mail::mime_message({"hoptac@x.vn", "hoptac"}, m, "date");
  const auto to = msg.substr(msg.find("\r\nTo: ") + 6);
  EXPECT_EQ(to.rfind("=?UTF-8?B?", 0), 0u) << to.substr(0, 60);
  EXPECT_NE(to.find("?= <lienminh@example.vn>\r\n"), std::string::npos);
  EXPECT_EQ(mail::encoded_words("Nguyen Van A"), "Nguyen Van A");
}

TEST(Addresses, OnlyPlainAddressesAreUsed) {
  EXPECT_TRUE(mail::plain_address("so.congthuong@backan.gov.vn"));
  EXPECT_FALSE(mail::plain_address(""));
  EXPECT_FALSE(mail::plain_address("a@b@c"));
  EXPECT_FALSE(mail::plain_address("no-at-sign"));
  EXPECT_FALSE(mail::plain_address("a@b.vn>\r\nRCPT TO:<c@d.vn"));
  EXPECT_FALSE(mail::plain_address("a b@c.vn"));
  EXPECT_FALSE(mail::plain_address("a@c.vn,b@d.vn"));
}

TEST(MimeMessage, HeadersAndTwoBase64Parts) {
  domain::OutgoingMail m{"<hoptac.7.abc@lienminh.vn>", "htx@example.vn", "Nguyễn Văn A\r\nBcc: x",
                         "Kiến nghị có trả lời",       "Nội dung thư\n", "<p>Nội dung</p>"};
  const std::string msg = mail::mime_message({"hoptac@lienminh.vn", "Liên minh HTX"}, m,
                                             "Wed, 02 Dec 2026 13:45:00 +0000");
  EXPECT_NE(msg.find("\r\nMessage-ID: <hoptac.7.abc@lienminh.vn>\r\n"), std::string::npos);
  EXPECT_NE(msg.find("\r\nSubject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(msg.find("<htx@example.vn>\r\n"), std::string::npos);
  EXPECT_EQ(msg.find("\nBcc:"), std::string::npos) << "the name's line break was not a header";
  EXPECT_NE(msg.find("Content-Type: multipart/alternative; boundary="), std::string::npos);
  EXPECT_NE(msg.find("Content-Type: text/plain; charset=UTF-8"), std::string::npos);
  EXPECT_NE(msg.find("Content-Type: text/html; charset=UTF-8"), std::string::npos);
  for (std::size_t at = 0, next; (next = msg.find("\r\n", at)) != std::string::npos; at = next + 2)
    EXPECT_LE(next - at, 998u) << "RFC 5322 §2.1.1: lines of at most 998 characters";
}

TEST(MailTexts, NotificationInVietnameseWithDueDateAndLinks) {
  domain::MailRecipient to{"Sở Công Thương", "vi", "https://hoptac.tinh.vn"};
  domain::NotificationFacts f;
  f.kind = "assigned";
  f.message = "Kiến nghị được giao cho cơ quan của bạn: KN-2026-000005: Vốn vay";
  f.petition_id = 5;
  f.petition_code = "KN-2026-000005";
  f.petition_title = "Vốn vay <ưu đãi>";
  f.agency_name = "Sở Công Thương";
  f.due_on = domain::Date{2026, 12, 31};
  auto m = domain::notification_mail(to, f);
  EXPECT_EQ(m.subject, "[hoptac] Kiến nghị được giao cơ quan trả lời – KN-2026-000005");
  EXPECT_NE(m.text.find("Hạn trả lời: 31/12/2026"), std::string::npos);
  EXPECT_NE(m.text.find("Xem kiến nghị: https://hoptac.tinh.vn/petitions/5"), std::string::npos);
  EXPECT_NE(m.text.find("https://hoptac.tinh.vn/account#notifications"), std::string::npos);
  EXPECT_NE(m.html.find("Vốn vay &lt;ưu đãi&gt;"), std::string::npos);
  EXPECT_EQ(m.html.find("<ưu đãi>"), std::string::npos);
}

TEST(MailTexts, EnglishForThoseWhoChoseIt) {
  domain::MailRecipient to{"Officer", "en", "https://hoptac.tinh.vn"};
  domain::NotificationFacts f;
  f.kind = "overdue";
  f.message = "Petition KN-2026-000005 is overdue";
  f.petition_code = "KN-2026-000005";
  f.due_on = domain::Date{2026, 12, 31};
  auto m = domain::notification_mail(to, f);
  EXPECT_EQ(m.subject, "[hoptac] Petition overdue – KN-2026-000005");
  EXPECT_NE(m.text.find("Due: 2026-12-31"), std::string::npos);
  EXPECT_NE(m.text.find("Dear Officer,"), std::string::npos);
}

TEST(MailTexts, WeeklyDigestHasTheTableByAgency) {
  domain::WeekFigures w;
  w.from = {2026, 11, 23};
  w.to = {2026, 11, 29};
  w.received = 4;
  w.agencies = {{"Sở Tài chính", 3, 2, 1, 1}};
  w.answered = 2;
  w.on_time = 1;
  w.overdue_now = 1;
  auto m = domain::weekly_digest_mail({"Lãnh đạo", "vi", "https://x.vn"}, w);
  EXPECT_EQ(m.subject, "[hoptac] Bản tin tuần 23/11/2026 – 29/11/2026");
  EXPECT_NE(m.text.find("Trả lời đúng hạn: 50%"), std::string::npos);
  EXPECT_NE(m.text.find("Sở Tài chính | 3 | 2 | 50% | 1"), std::string::npos);
}

TEST(RetryDelay, DoublesAndIsCapped) {
  core::MailSettings s;
  s.retry_base = std::chrono::seconds(60);
  EXPECT_EQ(core::retry_delay(s, 1).count(), 60);
  EXPECT_EQ(core::retry_delay(s, 2).count(), 120);
  EXPECT_EQ(core::retry_delay(s, 4).count(), 480);
  EXPECT_EQ(core::retry_delay(s, 40).count(), 6 * 3600);
}

}  // namespace hoptac
