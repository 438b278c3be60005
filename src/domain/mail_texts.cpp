#include "domain/mail_texts.hpp"

#include "domain/notification_kinds.hpp"

namespace hoptac::domain {

namespace {

bool english(const MailRecipient& to) {
  return to.language == "en";
}

// One language or the other, by the recipient's choice.
std::string say(const MailRecipient& to, const std::string& vi, const std::string& en) {
  return english(to) ? en : vi;
}

std::string kind_label(const MailRecipient& to, const std::string& kind) {
  const auto* k = find_notification_kind(kind);
  if (!k) return say(to, "Thông báo", "Notification");
  return std::string(english(to) ? k->label_en : k->label_vi);
}

std::string settings_url(const MailRecipient& to) {
  return to.base_url + "/account#notifications";
}

std::string percent(int64_t part, int64_t whole) {
  if (whole == 0) return "–";
  return std::to_string((part * 100 + whole / 2) / whole) + "%";
}

// The greeting, the lines of facts, the links and the footer, as text and as HTML.
struct Letter {
  std::string greeting, lead;
  std::vector<std::pair<std::string, std::string>> facts;  // label, value
  std::vector<std::string> paragraphs;
  std::vector<std::pair<std::string, std::string>> links;  // label, URL
  std::vector<std::vector<std::string>> table;             // first row: headings
};

std::string footer_text(const MailRecipient& to) {
  return say(to,
             "Thư gửi tự động từ hệ thống hoptac; vui lòng không trả lời thư này.\n"
             "Đổi cách nhận thông báo: ",
             "Sent automatically by hoptac; please do not reply.\n"
             "Change how you are notified: ") +
         settings_url(to) + "\n";
}

std::string as_text(const MailRecipient& to, const Letter& l) {
  std::string t = l.greeting + "\n\n" + l.lead + "\n\n";
  for (const auto& [label, value] : l.facts) t += label + ": " + value + "\n";
  if (!l.facts.empty()) t += "\n";
  for (const auto& p : l.paragraphs) t += p + "\n";
  if (!l.paragraphs.empty()) t += "\n";
  for (const auto& row : l.table) {
    std::string line;
    for (const auto& cell : row) line += (line.empty() ? "" : " | ") + cell;
    t += line + "\n";
  }
  if (!l.table.empty()) t += "\n";
  for (const auto& [label, url] : l.links) t += label + ": " + url + "\n";
  return t + "\n-- \n" + footer_text(to);
}

std::string as_html(const MailRecipient& to, const Letter& l) {
  std::string h = "<!doctype html><html lang=\"" + std::string(english(to) ? "en" : "vi") +
                  "\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif;"
                  "line-height:1.5;color:#1a1a1a\">";
  h +=
      "<p>" + html_escaped(l.greeting) + "</p><p><strong>" + html_escaped(l.lead) + "</strong></p>";
  if (!l.facts.empty()) {
    h += "<table>";
    for (const auto& [label, value] : l.facts)
      h += "<tr><th align=\"left\">" + html_escaped(label) + "</th><td>" + html_escaped(value) +
           "</td></tr>";
    h += "</table>";
  }
  for (const auto& p : l.paragraphs) h += "<p>" + html_escaped(p) + "</p>";
  if (!l.table.empty()) {
    h += "<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">";
    for (std::size_t r = 0; r < l.table.size(); ++r) {
      h += "<tr>";
      for (const auto& cell : l.table[r])
        h += (r == 0 ? "<th>" : "<td>") + html_escaped(cell) + (r == 0 ? "</th>" : "</td>");
      h += "</tr>";
    }
    h += "</table>";
  }
  for (const auto& [label, url] : l.links)
    h += "<p><a href=\"" + html_escaped(url) + "\">" + html_escaped(label) + "</a></p>";
  h += "<hr><p style=\"font-size:small;color:#555\">" +
       html_escaped(say(to, "Thư gửi tự động từ hệ thống hoptac; vui lòng không trả lời thư này.",
                        "Sent automatically by hoptac; please do not reply.")) +
       " <a href=\"" + html_escaped(settings_url(to)) + "\">" +
       html_escaped(say(to, "Đổi cách nhận thông báo", "Change how you are notified")) +
       "</a></p></body></html>";
  return h;
}

std::string greeting(const MailRecipient& to) {
  return say(to, "Kính gửi ", "Dear ") +
         (to.name.empty() ? say(to, "Quý vị", "colleague") : to.name) + ",";
}

}  // namespace

std::string html_escaped(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

MailText notification_mail(const MailRecipient& to, const NotificationFacts& f) {
  Letter l;
  l.greeting = greeting(to);
  l.lead = f.message;
  if (!f.petition_code.empty())
    l.facts.push_back({say(to, "Mã kiến nghị", "Petition"), f.petition_code});
  if (!f.petition_title.empty()) l.facts.push_back({say(to, "Tiêu đề", "Title"), f.petition_title});
  if (!f.agency_name.empty())
    l.facts.push_back({say(to, "Cơ quan chủ trì", "Lead agency"), f.agency_name});
  if (f.due_on)
    l.facts.push_back(
        {say(to, "Hạn trả lời", "Due"), english(to) ? f.due_on->iso() : f.due_on->vietnamese()});
  if (f.petition_id)
    l.links.push_back({say(to, "Xem kiến nghị", "Open the petition"),
                       to.base_url + "/petitions/" + std::to_string(*f.petition_id)});
  else if (f.directive_id)
    l.links.push_back({say(to, "Xem chỉ đạo", "Open the directives"), to.base_url + "/directives"});
  else
    l.links.push_back(
        {say(to, "Xem thông báo", "Open your notifications"), to.base_url + "/notifications"});
  MailText m;
  m.subject = "[hoptac] " + kind_label(to, f.kind) +
              (f.petition_code.empty() ? "" : " – " + f.petition_code);
  m.text = as_text(to, l);
  m.html = as_html(to, l);
  return m;
}

MailText daily_digest_mail(const MailRecipient& to, Date day,
                           const std::vector<DigestItem>& items) {
  Letter l;
  l.greeting = greeting(to);
  l.lead = say(
      to,
      "Các thông báo trong ngày " + day.vietnamese() + " (" + std::to_string(items.size()) + "):",
      "Your notifications of " + day.iso() + " (" + std::to_string(items.size()) + "):");
  for (const auto& i : items) {
    std::string line = "• " + i.message;
    if (i.petition_id) line += " — " + to.base_url + "/petitions/" + std::to_string(*i.petition_id);
    l.paragraphs.push_back(line);
  }
  l.links.push_back(
      {say(to, "Xem tất cả thông báo", "All your notifications"), to.base_url + "/notifications"});
  MailText m;
  m.subject = say(to, "[hoptac] Tổng hợp thông báo ngày ", "[hoptac] Daily digest, ") +
              (english(to) ? day.iso() : day.vietnamese());
  m.text = as_text(to, l);
  m.html = as_html(to, l);
  return m;
}

MailText weekly_digest_mail(const MailRecipient& to, const WeekFigures& w) {
  const std::string from = english(to) ? w.from.iso() : w.from.vietnamese();
  const std::string until = english(to) ? w.to.iso() : w.to.vietnamese();
  Letter l;
  l.greeting = greeting(to);
  l.lead = say(to, "Tình hình trả lời kiến nghị tuần " + from + " – " + until,
               "Petitions in the week " + from + " – " + until);
  l.facts = {{say(to, "Tiếp nhận", "Received"), std::to_string(w.received)},
             {say(to, "Đã trả lời", "Answered"), std::to_string(w.answered)},
             {say(to, "Trả lời đúng hạn", "Answered on time"), percent(w.on_time, w.answered)},
             {say(to, "Đang quá hạn", "Overdue now"), std::to_string(w.overdue_now)}};
  if (!w.agencies.empty()) {
    l.table.push_back({say(to, "Cơ quan", "Agency"), say(to, "Được giao", "Assigned"),
                       say(to, "Đã trả lời", "Answered"), say(to, "Đúng hạn", "On time"),
                       say(to, "Đang quá hạn", "Overdue now")});
    for (const auto& a : w.agencies)
      l.table.push_back({a.agency, std::to_string(a.assigned), std::to_string(a.answered),
                         percent(a.on_time, a.answered), std::to_string(a.overdue)});
  }
  l.links.push_back(
      {say(to, "Xem bảng điều hành", "Open the dashboard"), to.base_url + "/dashboard"});
  MailText m;
  m.subject = say(to, "[hoptac] Bản tin tuần ", "[hoptac] Weekly digest ") + from + " – " + until;
  m.text = as_text(to, l);
  m.html = as_html(to, l);
  return m;
}

}  // namespace hoptac::domain
