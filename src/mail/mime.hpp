#pragma once
// The MIME message of an e-mail (RFC 5322, RFC 2045-2047): UTF-8 headers as encoded words,
// a plain-text and an HTML part as multipart/alternative, both base64.
#include <string>
#include <string_view>

#include "domain/mail.hpp"

namespace hoptac::mail {

struct Sender {
  std::string address, name;  // From:
};

// "=?UTF-8?B?...?=" words of at most 75 characters, never splitting a character, joined by
// folding whitespace; ASCII text without specials is returned as it is.
std::string encoded_words(std::string_view utf8);

// True for an address that can go in a header and an SMTP command: no spaces, controls,
// angle brackets or commas, one '@'.
bool plain_address(std::string_view address);

// The whole message, lines ending in CRLF. `date` is an RFC 5322 date.
std::string mime_message(const Sender& from, const domain::OutgoingMail& m,
                         const std::string& date);

// Now, as an RFC 5322 date in UTC ("Wed, 02 Dec 2026 13:45:00 +0000").
std::string rfc5322_now();

}  // namespace hoptac::mail
