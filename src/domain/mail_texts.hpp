#pragma once
// What an e-mail says: subject, plain text and a simple HTML part, in the recipient's
// language (Vietnamese unless they chose English). Pure: the callers load the facts.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"

namespace hoptac::domain {

struct MailText {
  std::string subject, text, html;
};

// Who it is for and where the links go.
struct MailRecipient {
  std::string name;
  std::string language = "vi";  // "vi" or "en"
  std::string base_url;         // the public address of the web application, no trailing '/'
};

struct NotificationFacts {
  std::string kind, message;  // message in the recipient's language
  std::optional<int64_t> petition_id, directive_id;
  std::string petition_code, petition_title, agency_name;
  std::optional<Date> due_on;
};

struct DigestItem {
  std::string kind, message, created_at;  // created_at: UTC ISO instant
  std::optional<int64_t> petition_id;
};

struct AgencyWeek {
  std::string agency;
  int64_t assigned = 0, answered = 0, on_time = 0, overdue = 0;
};

struct WeekFigures {
  Date from, to;  // the seven days reported, inclusive
  int64_t received = 0, answered = 0, on_time = 0, overdue_now = 0;
  std::vector<AgencyWeek> agencies;
};

MailText notification_mail(const MailRecipient& to, const NotificationFacts& facts);
MailText daily_digest_mail(const MailRecipient& to, Date day, const std::vector<DigestItem>& items);
MailText weekly_digest_mail(const MailRecipient& to, const WeekFigures& week);

// "&", "<", ">", '"' and "'" as entities, for text put into the HTML part.
std::string html_escaped(const std::string& s);

}  // namespace hoptac::domain
