#include "core/petitions.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/audit.hpp"
#include "core/clock.hpp"
#include "core/notify.hpp"
#include "core/permissions.hpp"
#include "core/secrets.hpp"
#include "core/undo.hpp"
#include "domain/failure.hpp"
#include "domain/petition_workflow.hpp"
#include "store/conferences_repo.hpp"
#include "store/petitions_repo.hpp"
#include "store/reference_repo.hpp"
#include "text/control.hpp"
#include "text/fold.hpp"

namespace hoptac::core {

using domain::Date;
using domain::Failure;
using domain::FailureKind;
using domain::Petition;
using domain::Role;
using store::Transaction;

namespace {

bool speaks_for(const domain::Actor& a, const Petition& p) {
  if (a.role != Role::coop || !a.cooperative_id) return false;
  return std::any_of(p.cooperatives.begin(), p.cooperatives.end(),
                     [&](const domain::Ref& r) { return r.id == *a.cooperative_id; });
}

bool is_agency_of(const domain::Actor& a, const Petition& p) {
  if (a.role != Role::department || !a.agency_id) return false;
  if (p.lead_agency && p.lead_agency->id == *a.agency_id) return true;
  return std::any_of(p.coordinating_agencies.begin(), p.coordinating_agencies.end(),
                     [&](const domain::Ref& r) { return r.id == *a.agency_id; });
}

bool can_read(const domain::Actor& a, const Petition& p) {
  switch (a.role) {
    case Role::coop:
      return speaks_for(a, p) || p.published;
    case Role::department:
      return is_agency_of(a, p);
    default:
      return true;
  }
}

void set_deadline_flags(Petition& p, const domain::WorkingCalendar& cal, Date today) {
  if (p.state != "assigned" || !p.due_on) return;
  p.overdue = *p.due_on < today;
  p.due_soon = cal.due_soon(*p.due_on, today);
}

Petition load(store::PetitionsRepo& repo, int64_t id) {
  auto p = repo.get(id);
  if (!p) throw Failure::not_found("kiến nghị", "petition");
  return *p;
}

bool is_lead(const domain::Actor& a, const Petition& p) {
  return a.role == Role::department && a.agency_id && p.lead_agency &&
         p.lead_agency->id == *a.agency_id;
}

// The actions only the lead agency takes.
bool lead_only(std::string_view action) {
  return action == "answer" || action == "request_extension" || action == "send_back" ||
         action == "ask_opinion";
}

const domain::Opinion* waiting_opinion(const domain::Actor& a, const Petition& p) {
  if (a.role != Role::department || !a.agency_id) return nullptr;
  for (const auto& o : p.opinions)
    if (!o.answer && o.agency.id == *a.agency_id) return &o;
  return nullptr;
}

// What the table cannot say: whose petition it is, and whether a request is open.
bool fits_now(const domain::Actor& a, const Petition& p, std::string_view action) {
  if (a.role == Role::coop && !speaks_for(a, p)) return false;
  if (lead_only(action) && !is_lead(a, p)) return false;
  if (action == "request_extension") return p.open_extension() == nullptr;
  if (action == "grant_extension" || action == "refuse_extension")
    return p.open_extension() != nullptr;
  if (action == "give_opinion") return waiting_opinion(a, p) != nullptr;
  return true;
}

void set_allowed_actions(Petition& p, const domain::Actor& a) {
  p.allowed_actions.clear();
  for (auto action : domain::petition_actions()) {
    if (domain::decide(p.state, action, a.role).verdict != domain::Verdict::allowed) continue;
    if (fits_now(a, p, action)) p.allowed_actions.emplace_back(action);
  }
}

Petition load_visible(store::Connection& c, const MaybeActor& actor, int64_t id) {
  require_signed_in(actor);
  store::PetitionsRepo repo(c);
  auto p = load(repo, id);
  if (!can_read(*actor, p)) throw Failure::not_found("kiến nghị", "petition");
  set_deadline_flags(p, working_calendar(c), Date::today_in_vietnam());
  set_allowed_actions(p, *actor);
  return p;
}

void check_categories(const std::vector<std::string>& categories, store::PetitionsRepo& repo,
                      domain::Problems& p) {
  if (categories.empty()) {
    p.add("categories", "Cần ít nhất một nhóm kiến nghị", "At least one category is required");
    return;
  }
  auto known = repo.categories();
  for (const auto& code : categories)
    if (std::none_of(known.begin(), known.end(), [&](const auto& k) { return k.code == code; }))
      p.add("categories", "Nhóm kiến nghị không có trong danh mục: " + code,
            "Unknown category: " + code);
}

std::string petition_code(int year, int seq) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "KN-%04d-%06d", year, seq);
  return buf;
}

int default_days(store::PetitionsRepo& repo, const Petition& p) {
  auto cats = repo.categories();
  for (const auto& k : cats)
    if (!p.categories.empty() && k.code == p.categories.front()) return k.default_days;
  return 15;
}

Message message(const Petition& p, std::string kind, const std::string& vi, const std::string& en) {
  return Message{std::move(kind), p.id, std::nullopt, vi + " " + p.code + ": " + p.title,
                 en + " " + p.code + ": " + p.title};
}

void notify_petitioners(store::Connection& c, const Petition& p, const Message& m) {
  for (const auto& coop : p.cooperatives) notify_cooperative(c, coop.id, m);
}

std::string required_text(const std::optional<std::string>& v, const char* field,
                          std::size_t max_chars, domain::Problems& problems) {
  if (!v || v->empty()) {
    problems.add(field, "Bắt buộc phải có", "Required");
    return "";
  }
  if (text::length_in_characters(*v) > max_chars)
    problems.add(field, "Dài quá " + std::to_string(max_chars) + " ký tự",
                 "Longer than " + std::to_string(max_chars) + " characters");
  return *v;
}

// An agency that is not there to take work: unknown, or retired (the district committees since
// 1 July 2025), said as such.
void add_no_agency(store::PetitionsRepo& repo, int64_t id, const char* field,
                   domain::Problems& problems) {
  if (auto retired = repo.retired_agency(id)) {
    auto on = Date::parse(retired->retired_on);
    problems.add(field,
                 retired->name + " đã thôi hoạt động" + (on ? " từ ngày " + on->vietnamese() : ""),
                 retired->name + " is retired" + (on ? " since " + on->iso() : ""));
  } else {
    problems.add(field, "Không có cơ quan " + std::to_string(id),
                 "No agency " + std::to_string(id));
  }
}

domain::Ref require_agency(store::PetitionsRepo& repo, std::optional<int64_t> id, const char* field,
                           domain::Problems& problems) {
  if (!id) {
    problems.add(field, "Bắt buộc phải có", "Required");
    return {};
  }
  auto a = repo.agency(*id);
  if (!a) {
    add_no_agency(repo, *id, field, problems);
    return {};
  }
  return *a;
}

// The checks every transition passes first: the workflow allows the action from this state
// for this role, a cooperative acts on its own petitions, only the lead agency answers.
domain::Decision authorize(const domain::Actor& actor, const Petition& p,
                           const std::string& action) {
  auto decision = domain::decide(p.state, action, actor.role);
  switch (decision.verdict) {
    case domain::Verdict::unknown_action:
      throw Failure::invalid_field("action", "Thao tác không tồn tại: " + action,
                                   "Unknown action: " + action);
    case domain::Verdict::wrong_role:
      throw Failure::forbidden();
    case domain::Verdict::wrong_state:
      throw Failure(FailureKind::conflict,
                    "Không thể '" + action + "' khi kiến nghị đang ở trạng thái '" + p.state + "'",
                    "Cannot '" + action + "' a petition that is '" + p.state + "'");
    case domain::Verdict::allowed:
      break;
  }
  if (actor.role == Role::coop && !speaks_for(actor, p)) throw Failure::forbidden();
  if (lead_only(action) && !is_lead(actor, p))
    throw Failure(FailureKind::forbidden, "Chỉ cơ quan chủ trì mới làm được việc này",
                  "Only the lead agency does this");
  if (action == "give_opinion" && !waiting_opinion(actor, p))
    throw Failure(FailureKind::forbidden, "Cơ quan của bạn không được hỏi ý kiến về kiến nghị này",
                  "Your agency's opinion is not asked on this petition");
  if (!fits_now(actor, p, action))
    throw Failure(FailureKind::conflict,
                  action == "request_extension" ? "Đã có một đề nghị gia hạn đang chờ quyết định"
                                                : "Không có đề nghị gia hạn nào đang chờ",
                  action == "request_extension" ? "An extension request is already open"
                                                : "No extension request is open");
  return decision;
}

// One transition in progress: what each action reads, and what it leaves to record and tell.
struct Step {
  store::Connection& c;
  store::PetitionsRepo& repo;
  const domain::Actor& actor;
  const TransitionInput& in;
  Petition& p;
  const std::string now;
  const Date today;
  const domain::WorkingCalendar calendar;
  domain::Problems problems;
  std::string reason;
  std::optional<Message> to_petitioners, to_lead, to_leaders;
  std::vector<int64_t> coordinators_to_notify;
  std::optional<std::string> to_state;  // when the action ends elsewhere than the table says
};

void return_or_reject(Step& s) {
  s.reason = required_text(s.in.reason, "reason", 2000, s.problems);
  s.to_petitioners =
      s.in.action == "return"
          ? message(s.p, "returned",
                    "Kiến nghị cần bổ sung thông tin:", "More information needed for")
          : message(s.p, "rejected", "Kiến nghị không được tiếp nhận:", "Petition rejected:");
  s.to_petitioners->vi += ". Lý do: " + s.reason;
  s.to_petitioners->en += ". Reason: " + s.reason;
}

void receive(Step& s) {
  s.to_petitioners = message(s.p, "received", "Liên minh HTX tỉnh đã tiếp nhận kiến nghị",
                             "The Provincial Cooperative Alliance received your petition");
  if (!s.in.categories) return;
  check_categories(*s.in.categories, s.repo, s.problems);
  if (!s.problems.empty()) return;
  s.p.categories = *s.in.categories;
  s.repo.set_categories(s.p.id, s.p.categories);
}

void assign(Step& s) {
  auto lead = require_agency(s.repo, s.in.lead_agency_id, "lead_agency_id", s.problems);
  std::vector<domain::Ref> coordinators;
  for (auto id : s.in.coordinating_agency_ids.value_or(std::vector<int64_t>{})) {
    auto x = s.repo.agency(id);
    if (!x)
      add_no_agency(s.repo, id, "coordinating_agency_ids", s.problems);
    else if (id != lead.id)
      coordinators.push_back(*x);
  }
  if (s.in.due_on && *s.in.due_on <= s.today)
    s.problems.add("due_on", "Hạn trả lời phải sau hôm nay", "The due date must be after today");
  if (!s.problems.empty()) return;
  s.p.lead_agency = lead;
  s.p.coordinating_agencies = coordinators;
  s.p.assigned_on = s.today;
  s.p.due_on =
      s.in.due_on ? *s.in.due_on : s.calendar.add_working_days(s.today, default_days(s.repo, s.p));
  std::vector<int64_t> ids;
  for (const auto& x : coordinators) ids.push_back(x.id);
  s.coordinators_to_notify = ids;
  s.repo.set_coordinators(s.p.id, ids);
  const std::string by_vi = " (hạn trả lời " + s.p.due_on->vietnamese() + ")";
  const std::string by_en = " (due " + s.p.due_on->iso() + ")";
  s.to_lead = message(s.p, "assigned",
                      "Kiến nghị được giao cho cơ quan của bạn chủ trì trả lời" + by_vi + ":",
                      "Petition assigned to your agency to answer" + by_en + ":");
  s.to_petitioners = message(s.p, "assigned", "Kiến nghị", "Petition");
  s.to_petitioners->vi +=
      " — UBND tỉnh giao " + lead.name + " trả lời, hạn " + s.p.due_on->vietnamese();
  s.to_petitioners->en +=
      " — the UBND assigned " + lead.name + " to answer by " + s.p.due_on->iso();
}

void resubmit(Step& s) {
  s.p.submitted_at = s.now;
}

// A new due date: after the current one and today, a working day, at most 90 working days
// after the current one.
constexpr int kMaxExtensionWorkingDays = 90;
void check_new_due(Step& s, Date d, const char* field) {
  const Date current = s.p.due_on.value_or(s.today);
  if (d <= current || d <= s.today)
    s.problems.add(
        field, "Hạn mới phải sau hạn hiện tại (" + current.vietnamese() + ") và hôm nay",
        "The new date must be after the current due date (" + current.iso() + ") and today");
  else if (!s.calendar.is_working_day(d))
    s.problems.add(field, "Hạn mới phải là ngày làm việc", "The new date must be a working day");
  else if (d > s.calendar.add_working_days(current, kMaxExtensionWorkingDays))
    s.problems.add(field, "Gia hạn tối đa 90 ngày làm việc", "At most 90 working days more");
}

void request_extension(Step& s) {
  auto reason = required_text(s.in.reason, "reason", 2000, s.problems);
  if (!s.in.proposed_due_on)
    s.problems.add("proposed_due_on", "Bắt buộc phải có", "Required");
  else
    check_new_due(s, *s.in.proposed_due_on, "proposed_due_on");
  if (!s.problems.empty()) return;
  domain::Extension e;
  e.reason = reason;
  e.previous_due_on = s.p.due_on ? s.p.due_on->iso() : s.today.iso();
  e.proposed_due_on = s.in.proposed_due_on->iso();
  e.requested_at = s.now;
  s.repo.insert_extension(s.p.id, e, s.actor.user_id);
  s.reason = "Đề nghị gia hạn đến " + s.in.proposed_due_on->vietnamese() + ": " + reason;
  s.to_leaders = message(s.p, "extension_requested", "Cơ quan chủ trì đề nghị gia hạn kiến nghị",
                         "The lead agency asks for more time on");
}

// The leader grants (the date proposed, or another) or refuses (with a reason).
void decide_extension(Step& s) {
  domain::Extension e = *s.p.open_extension();
  const bool grant = s.in.action == "grant_extension";
  e.status = grant ? "granted" : "refused";
  e.decided_at = s.now;
  if (grant) {
    Date d = s.in.due_on ? *s.in.due_on : *Date::parse(e.proposed_due_on);
    check_new_due(s, d, "due_on");
    e.decision_reason = s.in.reason.value_or("");
    e.granted_due_on = d.iso();
    s.p.due_on = d;
    s.reason = "Gia hạn đến " + d.vietnamese() +
               (e.decision_reason.empty() ? "" : ": " + e.decision_reason);
  } else {
    e.decision_reason = required_text(s.in.reason, "reason", 2000, s.problems);
    s.reason = "Không đồng ý gia hạn: " + e.decision_reason;
  }
  if (!s.problems.empty()) return;
  s.repo.close_extension(e.id, e, s.actor.user_id);
  s.to_lead =
      grant ? message(s.p, "extension_granted", "Đồng ý gia hạn kiến nghị", "More time granted for")
            : message(s.p, "extension_refused", "Không đồng ý gia hạn kiến nghị",
                      "More time refused for");
}

// Not within the lead agency's remit: back to the UBND to be assigned again.
void send_back(Step& s) {
  auto reason = required_text(s.in.reason, "reason", 2000, s.problems);
  if (!s.problems.empty()) return;
  if (const auto* open = s.p.open_extension()) {
    domain::Extension e = *open;
    e.status = "withdrawn";
    e.decided_at = s.now;
    s.repo.close_extension(e.id, e, s.actor.user_id);
  }
  s.reason = "Trả lại (không thuộc thẩm quyền của " + s.p.lead_agency->name + "): " + reason;
  s.p.lead_agency.reset();
  s.p.coordinating_agencies.clear();
  s.repo.set_coordinators(s.p.id, {});
  s.p.assigned_on.reset();
  s.p.due_on.reset();
  s.to_leaders =
      message(s.p, "sent_back",
              "Kiến nghị bị trả lại, cần giao lại:", "Petition sent back, to assign again:");
}

// The lead agency asks a coordinating agency (one of them, or one it adds) for its opinion.
void ask_opinion(Step& s) {
  auto question = required_text(s.in.question, "question", 2000, s.problems);
  auto agency = require_agency(s.repo, s.in.agency_id, "agency_id", s.problems);
  if (agency.id != 0 && agency.id == s.p.lead_agency->id)
    s.problems.add("agency_id", "Cơ quan chủ trì không tự hỏi ý kiến mình",
                   "The lead agency does not ask itself");
  for (const auto& o : s.p.opinions)
    if (!o.answer && o.agency.id == agency.id && agency.id != 0)
      s.problems.add("agency_id", "Đang chờ ý kiến của cơ quan này",
                     "This agency's opinion is already awaited");
  if (!s.problems.empty()) return;
  std::vector<int64_t> ids;
  for (const auto& x : s.p.coordinating_agencies) ids.push_back(x.id);
  if (std::find(ids.begin(), ids.end(), agency.id) == ids.end()) {
    ids.push_back(agency.id);
    s.repo.set_coordinators(s.p.id, ids);
  }
  domain::Opinion o;
  o.agency = agency;
  o.question = question;
  o.asked_at = s.now;
  s.repo.insert_opinion(s.p.id, o, s.actor.user_id);
  s.reason = "Xin ý kiến " + agency.name + ": " + question;
  notify_agency(s.c, agency.id,
                message(s.p, "opinion_asked", "Cơ quan chủ trì xin ý kiến về kiến nghị",
                        "The lead agency asks your opinion on"));
}

std::optional<int64_t> attachment_of(Step& s, std::optional<int64_t> id, const char* field) {
  if (!id) return std::nullopt;
  if (!s.repo.attachment(s.p.id, *id))
    s.problems.add(field, "Không có tệp đính kèm này trong kiến nghị",
                   "No such attachment on this petition");
  return id;
}

void give_opinion(Step& s) {
  domain::Opinion o = *waiting_opinion(s.actor, s.p);
  if (s.in.opinion_id && *s.in.opinion_id != o.id)
    s.problems.add("opinion_id", "Không phải yêu cầu ý kiến đang chờ cơ quan của bạn",
                   "Not the request waiting for your agency");
  o.answer = required_text(s.in.text, "text", domain::kMaxPetitionContent, s.problems);
  o.attachment_id = attachment_of(s, s.in.attachment_id, "attachment_id");
  o.answered_at = s.now;
  if (!s.problems.empty()) return;
  s.repo.answer_opinion(o.id, o, s.actor.user_id);
  s.reason = "Ý kiến của " + o.agency.name;
  s.to_lead = message(s.p, "opinion_given", "Cơ quan phối hợp đã cho ý kiến về kiến nghị",
                      "A coordinating agency gave its opinion on");
}

// "125/STC-QLNS": a number, a slash, a symbol of capital letters, digits and dashes.
bool is_letter_number(const std::string& v) {
  auto slash = v.find('/');
  if (slash == std::string::npos || slash == 0 || slash > 6 || v.size() - slash < 3) return false;
  for (size_t i = 0; i < slash; ++i)
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  for (size_t i = slash + 1; i < v.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(v[i]);
    if (ch == 0xC4 && i + 1 < v.size() && static_cast<unsigned char>(v[i + 1]) == 0x90) {
      ++i;  // Đ
      continue;
    }
    if (!(std::isupper(ch) || std::isdigit(ch) || ch == '-' || ch == '/' || ch == '.'))
      return false;
  }
  return true;
}

// The reply letter: all of it or none (answers recorded before letters were asked for).
void take_letter(Step& s, domain::PetitionAnswer& a) {
  const auto& in = s.in;
  if (!in.letter_number && !in.letter_date && !in.signer_name && !in.signer_title &&
      !in.letter_attachment_id)
    return;
  a.letter_number = required_text(in.letter_number, "letter_number", 50, s.problems);
  if (!a.letter_number.empty() && !is_letter_number(a.letter_number))
    s.problems.add("letter_number", "Số, ký hiệu văn bản có dạng 125/STC-QLNS",
                   "Number and symbol are written like 125/STC-QLNS");
  if (!in.letter_date)
    s.problems.add("letter_date", "Bắt buộc phải có", "Required");
  else if (*in.letter_date > s.today)
    s.problems.add("letter_date", "Ngày văn bản không được sau hôm nay",
                   "The letter's date cannot be in the future");
  else if (s.p.assigned_on && *in.letter_date < *s.p.assigned_on)
    s.problems.add("letter_date", "Ngày văn bản không được trước ngày giao",
                   "The letter's date cannot be before the assignment");
  if (in.letter_date) a.letter_date = in.letter_date->iso();
  a.signer_name = required_text(in.signer_name, "signer_name", 100, s.problems);
  a.signer_title = required_text(in.signer_title, "signer_title", 100, s.problems);
  if (!in.letter_attachment_id)
    s.problems.add("letter_attachment_id", "Hãy đính kèm văn bản trả lời đã ký",
                   "Attach the signed reply letter");
  a.letter_attachment_id = attachment_of(s, in.letter_attachment_id, "letter_attachment_id");
}

// An answer recorded at a conference names its agency and conference, and dates from it.
void take_conference(Step& s, domain::PetitionAnswer& answer) {
  answer.agency = require_agency(s.repo, s.in.lead_agency_id, "lead_agency_id", s.problems);
  answer.at_conference = true;
  store::ConferencesRepo conferences(s.c);
  auto conference_id = s.in.conference_id ? s.in.conference_id : s.p.conference_id;
  auto k = conference_id ? conferences.get(*conference_id) : std::nullopt;
  if (!k) {
    s.problems.add("conference_id", "Không có hội nghị này", "No such conference");
    return;
  }
  s.p.conference_id = k->id;
  s.p.channel = "conference";
  answer.answered_on = k->held_on.iso();
  s.p.lead_agency = answer.agency;
  s.p.submitted_at = s.now;
}

// A petition recorded at a conference without an answer on the spot is received there and
// follows the normal way (a batch, the leader's assignment).
void record_unanswered(Step& s) {
  if (s.in.text)
    s.problems.add("text", "Không ghi trả lời khi chưa có trả lời", "No text without an answer");
  if (s.in.lead_agency_id)
    s.problems.add("lead_agency_id", "Cơ quan chủ trì do UBND giao sau",
                   "The lead agency is assigned later by the UBND");
  store::ConferencesRepo conferences(s.c);
  auto conference_id = s.in.conference_id ? s.in.conference_id : s.p.conference_id;
  auto k = conference_id ? conferences.get(*conference_id) : std::nullopt;
  if (!k) return s.problems.add("conference_id", "Không có hội nghị này", "No such conference");
  s.p.conference_id = k->id;
  s.p.channel = "conference";
  s.p.submitted_at = s.now;
  s.to_state = "received";
}

void record_answer(Step& s) {
  if (s.in.action == "record_at_conference" && s.in.no_answer) return record_unanswered(s);
  domain::PetitionAnswer answer;
  answer.text = required_text(s.in.text, "text", domain::kMaxPetitionContent, s.problems);
  answer.legal_basis = s.in.legal_basis.value_or("");
  if (text::length_in_characters(answer.legal_basis) > 1000)
    s.problems.add("legal_basis", "Dài quá 1000 ký tự", "Longer than 1000 characters");
  answer.answered_on = s.today.iso();
  if (s.in.action == "answer") {
    answer.agency = *s.p.lead_agency;
    take_letter(s, answer);
  } else {
    take_conference(s, answer);
  }
  if (!s.problems.empty()) return;
  s.repo.add_answer(s.p.id, answer, s.actor.user_id, s.now);
  s.p.answered_on = Date::parse(answer.answered_on);
  s.to_petitioners =
      message(s.p, "answered", "Kiến nghị đã có trả lời:", "Your petition has an answer:");
}

void close_with_rating(Step& s) {
  if (s.in.rating && (*s.in.rating < 1 || *s.in.rating > 5))
    s.problems.add("rating", "Mức hài lòng từ 1 đến 5", "rating is from 1 to 5");
  else if (!s.in.rating && s.actor.role == Role::coop)
    s.problems.add("rating", "Hãy chấm mức hài lòng từ 1 đến 5",
                   "A rating from 1 to 5 is required");
  std::string comment = s.in.comment.value_or("");
  if (text::length_in_characters(comment) > 2000)
    s.problems.add("comment", "Dài quá 2000 ký tự", "Longer than 2000 characters");
  if (s.in.rating) s.p.rating = static_cast<int>(*s.in.rating);
  s.p.rating_comment = comment;
}

void reopen(Step& s) {
  s.reason = required_text(s.in.reason, "reason", 2000, s.problems);
  s.p.assigned_on = s.today;
  s.p.due_on = s.calendar.add_working_days(s.today, default_days(s.repo, s.p));
  s.to_lead = message(s.p, "reopened",
                      "Kiến nghị được mở lại (chưa hài lòng):", "Petition reopened (unsatisfied):");
}

// The petition kept gains the merged one's cooperatives as co-petitioners.
void merge(Step& s) {
  if (!s.in.into) return s.problems.add("into", "Bắt buộc phải có", "Required");
  if (*s.in.into == s.p.id)
    return s.problems.add("into", "Không thể gộp kiến nghị vào chính nó",
                          "A petition cannot be merged into itself");
  auto target = s.repo.get(*s.in.into);
  if (!target) return s.problems.add("into", "Không có kiến nghị này", "No such petition");
  if (target->state == "merged" || target->state == "rejected" || target->state == "closed" ||
      target->state == "draft")
    return s.problems.add("into",
                          "Không thể gộp vào kiến nghị đang ở trạng thái '" + target->state + "'",
                          "Cannot merge into a petition that is '" + target->state + "'");
  std::vector<int64_t> coops;
  for (const auto& x : s.p.cooperatives) coops.push_back(x.id);
  s.repo.add_cooperatives(target->id, coops);
  s.repo.add_history(target->id, s.actor.user_id, "merge", target->state, target->state,
                     "Gộp " + s.p.code + " vào kiến nghị này", s.now);
  s.repo.update(*target, s.now);
  s.p.merged_into = domain::Ref{target->id, target->code, ""};
}

void apply_action(Step& s) {
  const std::string& a = s.in.action;
  if (a == "submit") s.p.submitted_at = s.now;
  if (a == "return" || a == "reject") return_or_reject(s);
  if (a == "receive") receive(s);
  if (a == "assign") assign(s);
  if (a == "answer" || a == "record_at_conference") record_answer(s);
  if (a == "publish") {
    s.p.published = true;
    s.to_petitioners = message(s.p, "published", "Trả lời kiến nghị đã được công khai:",
                               "The answer to your petition is published:");
  }
  if (a == "close") close_with_rating(s);
  if (a == "reopen") reopen(s);
  if (a == "merge") merge(s);
  if (a == "resubmit") resubmit(s);
  if (a == "request_extension") request_extension(s);
  if (a == "grant_extension" || a == "refuse_extension") decide_extension(s);
  if (a == "send_back") send_back(s);
  if (a == "ask_opinion") ask_opinion(s);
  if (a == "give_opinion") give_opinion(s);
}

void tell(Step& s) {
  if (s.in.action == "submit")
    notify_role(
        s.c, "alliance",
        message(s.p, "submitted", "Có kiến nghị mới cần tiếp nhận:", "New petition to receive:"));
  if (s.in.action == "resubmit")
    notify_role(s.c, "alliance",
                message(s.p, "submitted", "Kiến nghị đã được bổ sung, cần tiếp nhận:",
                        "Petition completed, to receive:"));
  if (s.to_leaders) notify_role(s.c, "leader", *s.to_leaders);
  if (s.to_petitioners) {
    auto reloaded = load(s.repo, s.p.id);  // co-petitioners may have grown by merges
    notify_petitioners(s.c, reloaded, *s.to_petitioners);
    if (s.to_petitioners->kind == "answered") notify_role(s.c, "alliance", *s.to_petitioners);
  }
  if (s.to_lead && s.p.lead_agency) notify_agency(s.c, s.p.lead_agency->id, *s.to_lead);
  for (auto id : s.coordinators_to_notify)
    notify_agency(s.c, id,
                  message(s.p, "assigned",
                          "Cơ quan của bạn phối hợp trả lời kiến nghị (hạn " +
                              s.p.due_on->vietnamese() + "):",
                          "Your agency coordinates the answer (due " + s.p.due_on->iso() + ") to"));
}

// Applies one transition to a loaded petition inside the caller's transaction: checks, the
// action's own changes (all its errors at once), the new state and its history, then who is
// told.
Petition apply_transition(store::Connection& c, const domain::Actor& actor, Petition p,
                          const TransitionInput& in) {
  store::PetitionsRepo repo(c);
  const auto decision = authorize(actor, p, in.action);
  const std::string from = p.state;
  Step s{c,
         repo,
         actor,
         in,
         p,
         now_iso(),
         Date::today_in_vietnam(),
         working_calendar(c),
         {},
         in.reason.value_or(""),
         {},
         {},
         {}};
  apply_action(s);
  s.problems.throw_if_any();

  p.state = s.to_state ? *s.to_state : std::string(decision.to);
  repo.update(p, s.now);
  repo.add_history(p.id, actor.user_id, in.action, from, p.state, s.reason, s.now);
  // Only an answer adds searchable text (its words are found with the petition's).
  if (in.action == "answer" || in.action == "record_at_conference") repo.refresh_search(p.id);
  tell(s);
  auto result = load(repo, p.id);
  set_deadline_flags(result, s.calendar, s.today);
  set_allowed_actions(result, actor);
  return result;
}

void check_category_filter(store::Connection& c, const std::optional<std::string>& category) {
  if (!category) return;
  auto known = store::PetitionsRepo(c).categories();
  if (std::none_of(known.begin(), known.end(), [&](const auto& k) { return k.code == *category; }))
    throw Failure(FailureKind::bad_request, "Nhóm kiến nghị không có trong danh mục",
                  "Unknown category",
                  {{"category", "Không có nhóm " + *category, "No category " + *category}});
}

void check_version(const Petition& p, std::optional<int64_t> expected) {
  if (expected && *expected != p.version)
    throw Failure(FailureKind::precondition_failed,
                  "Kiến nghị đã được người khác thay đổi; hãy tải lại",
                  "The petition was changed by someone else; reload it");
}

}  // namespace

domain::WorkingCalendar working_calendar(store::Connection& c) {
  store::PetitionsRepo repo(c);
  return domain::WorkingCalendar(repo.holidays(), repo.worked_days());
}

std::optional<std::string> as_petition_code(const std::string& q) {
  std::string s;
  for (char ch : q)
    if (ch != ' ') s += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (s.size() != 14 || s.rfind("KN-", 0) != 0 || s[7] != '-') return std::nullopt;
  for (size_t i : {3, 4, 5, 6, 8, 9, 10, 11, 12, 13})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  return s;
}

std::vector<std::string> search_tokens(const std::string& q) {
  std::string folded = text::fold(q);
  std::vector<std::string> out;
  std::string token;
  auto flush = [&] {
    if (token.empty()) return;
    if (out.size() < 20) out.push_back(token);  // a search of more words adds nothing
    token.clear();
  };
  for (unsigned char ch : folded) {
    if (std::isalnum(ch) || ch >= 0x80)
      token += static_cast<char>(ch);
    else
      flush();
  }
  flush();
  return out;
}

namespace {
// The input's own problems (types, lengths) and the rules' ones on the other fields, at once.
void throw_all(const domain::Problems& read, const domain::Problems& rules) {
  domain::Problems all = read;
  all.absorb_new_fields(rules);
  all.throw_if_any();
}
}  // namespace

Petition create_petition(store::Connection& c, const MaybeActor& actor, const PetitionInput& in) {
  require_signed_in(actor);
  if (!actor->is_any_of({Role::coop, Role::alliance})) throw Failure::forbidden();
  domain::Problems problems;
  if (!in.cooperative_id) problems.add("cooperative_id", "Bắt buộc phải có", "Required");
  std::string title = required_text(in.title, "title", domain::kMaxPetitionTitle, problems);
  std::string content = required_text(in.content, "content", domain::kMaxPetitionContent, problems);
  std::string channel = in.channel.value_or(actor->role == Role::coop ? "online" : "paper");
  if (channel != "online" && channel != "conference" && channel != "paper")
    problems.add("channel", "Kênh phải là online, conference hoặc paper",
                 "channel must be online, conference or paper");
  else if (actor->role == Role::coop && channel != "online")
    problems.add("channel", "Hợp tác xã gửi kiến nghị trực tuyến",
                 "A cooperative sends its petitions online");
  if (actor->role == Role::coop && in.cooperative_id && !actor->represents(*in.cooperative_id))
    throw Failure(FailureKind::forbidden, "Chỉ gửi kiến nghị cho hợp tác xã của mình",
                  "You may write petitions for your own cooperative only");

  store::PetitionsRepo repo(c);
  store::ReferenceRepo ref(c);
  Transaction tx(c, Transaction::Mode::write);
  check_categories(in.categories.value_or(std::vector<std::string>{}), repo, problems);
  if (in.cooperative_id && !ref.cooperative_exists(*in.cooperative_id))
    problems.add("cooperative_id", "Không có hợp tác xã này", "No such cooperative");
  if (in.conference_id && !store::ConferencesRepo(c).get(*in.conference_id))
    problems.add("conference_id", "Không có hội nghị này", "No such conference");
  throw_all(in.problems, problems);

  const Date today = Date::today_in_vietnam();
  Petition p;
  p.code = petition_code(today.year, repo.next_number("petition", today.year));
  p.cooperative = {*in.cooperative_id, "", ""};
  p.channel = channel;
  p.conference_id = in.conference_id;
  p.title = title;
  p.content = content;
  p.categories = *in.categories;
  p.created_by = actor->user_id;
  p.created_at = now_iso();
  p.id = repo.insert(p);
  note_audit_object(c, std::to_string(p.id));
  repo.add_history(p.id, actor->user_id, "create", "", "draft", "", p.created_at);
  auto created = load(repo, p.id);
  set_allowed_actions(created, *actor);
  tx.commit();
  return created;
}

Petition update_petition(store::Connection& c, const MaybeActor& actor, int64_t id,
                         const PetitionInput& in, std::optional<int64_t> expected_version) {
  require_signed_in(actor);
  store::PetitionsRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto p = load_visible(c, actor, id);
  if (!(actor->role == Role::alliance || speaks_for(*actor, p))) throw Failure::forbidden();
  check_version(p, expected_version);
  if (p.state != "draft" && p.state != "needs_info")
    throw Failure(FailureKind::conflict,
                  "Chỉ sửa được kiến nghị khi còn là bản nháp hoặc cần bổ sung",
                  "A petition can be edited only while it is a draft or needs information");
  domain::Problems problems;
  if (in.cooperative_id)
    problems.add("cooperative_id", "Không sửa được trường này", "This field cannot be changed");
  if (in.channel)
    problems.add("channel", "Không sửa được trường này", "This field cannot be changed");
  if (in.conference_id)
    problems.add("conference_id", "Không sửa được trường này", "This field cannot be changed");
  if (in.title) p.title = required_text(in.title, "title", domain::kMaxPetitionTitle, problems);
  if (in.content)
    p.content = required_text(in.content, "content", domain::kMaxPetitionContent, problems);
  if (in.categories) {
    check_categories(*in.categories, repo, problems);
    p.categories = *in.categories;
  }
  throw_all(in.problems, problems);
  repo.update(p, now_iso());
  if (in.categories) repo.set_categories(p.id, p.categories);
  repo.refresh_search(p.id);
  auto updated = load(repo, id);
  set_allowed_actions(updated, *actor);
  tx.commit();
  return updated;
}

Petition get_petition(store::Connection& c, const MaybeActor& actor, int64_t id) {
  Petition p;
  {
    Transaction tx(c, Transaction::Mode::read);
    p = load_visible(c, actor, id);
    p.undo_until = assignment_undo_until(c, *actor, p);
  }
  note_petitions_seen(c, *actor, {p});  // an undo stops once those concerned have opened it
  return p;
}

std::vector<Petition> list_petitions(store::Connection& c, const MaybeActor& actor,
                                     const PetitionQuery& q, int64_t* total, bool* capped) {
  require_signed_in(actor);
  store::PetitionFilter f;
  if (actor->role == Role::coop) f.visible_to_cooperative = actor->cooperative_id.value_or(-1);
  if (actor->role == Role::department) f.visible_to_agency = actor->agency_id.value_or(-1);
  if (q.q) {
    // A readable code is looked up by its unique index, not through the text index.
    if (auto code = as_petition_code(*q.q))
      f.code = code;
    else
      f.search_tokens = search_tokens(*q.q);
    f.match_nothing = f.search_tokens.empty() && !f.code;  // "%", "*": no word, no match
  }
  f.status = q.status;
  f.category = q.category;
  f.agency = q.agency;
  f.cooperative = q.cooperative;
  f.district = q.district;
  f.commune = q.commune;
  f.conference = q.conference;
  f.batch = q.batch;
  f.lead_agency = q.lead_agency;
  f.year = q.year;
  f.answered = q.answered;
  f.overdue = q.overdue;
  f.due_soon = q.due_soon;
  f.late = q.late;
  f.escalated = q.escalated;
  if (q.opinion_waiting) f.opinion_asked_of = actor->agency_id.value_or(-1);
  if (q.from) f.from = q.from->iso();
  if (q.to) f.to_exclusive = q.to->plus_days(1).iso();
  f.sort = q.sort;
  f.descending = q.descending;
  f.page = q.page;
  f.per_page = q.per_page;
  if (q.per_page > 0) f.count_cap = kCountCap;
  std::vector<Petition> rows;
  {
    Transaction tx(c, Transaction::Mode::read);
    check_category_filter(c, q.category);
    auto calendar = working_calendar(c);
    const Date today = Date::today_in_vietnam();
    f.today = today.iso();
    f.soon_until = calendar.due_soon_threshold(today).iso();
    store::PetitionsRepo repo(c);
    rows = repo.list(f, total, capped);
    for (auto& p : rows) {
      set_deadline_flags(p, calendar, today);
      set_allowed_actions(p, *actor);
    }
  }
  // A list shows a petition's title and content: it is seen, as when its page is opened.
  note_petitions_seen(c, *actor, rows);
  return rows;
}

std::vector<domain::HistoryEntry> petition_history(store::Connection& c, const MaybeActor& actor,
                                                   int64_t id) {
  Transaction tx(c, Transaction::Mode::read);
  load_visible(c, actor, id);
  return store::PetitionsRepo(c).history(id);
}

namespace {
// A role that never takes the action is refused before any petition is looked at.
void require_role_takes(const domain::Actor& actor, const std::string& action) {
  const auto& actions = domain::petition_actions();
  if (std::find(actions.begin(), actions.end(), action) == actions.end())
    throw Failure::invalid_field("action", "Thao tác không tồn tại: " + action,
                                 "Unknown action: " + action);
  if (!domain::role_takes(action, actor.role)) throw Failure::forbidden();
}
}  // namespace

Petition transition_petition(store::Connection& c, const MaybeActor& actor, int64_t id,
                             const TransitionInput& in, std::optional<int64_t> expected_version) {
  require_signed_in(actor);
  require_role_takes(*actor, in.action);
  Transaction tx(c, Transaction::Mode::write);
  auto p = load_visible(c, actor, id);
  check_version(p, expected_version);
  auto result = apply_transition(c, *actor, p, in);
  result.undo_until = assignment_undo_until(c, *actor, result);
  tx.commit();
  return result;
}

std::vector<Petition> bulk_transition(store::Connection& c, const MaybeActor& actor,
                                      const std::vector<int64_t>& ids, const TransitionInput& in) {
  require_signed_in(actor);
  if (ids.empty() || ids.size() > 500)
    throw Failure::invalid_field("petition_ids", "Từ 1 đến 500 kiến nghị",
                                 "From 1 to 500 petitions");
  require_role_takes(*actor, in.action);
  Transaction tx(c, Transaction::Mode::write);
  std::vector<Petition> out;
  for (size_t i = 0; i < ids.size(); ++i) {
    try {
      auto p = load_visible(c, actor, ids[i]);
      out.push_back(apply_transition(c, *actor, p, in));
    } catch (const Failure& f) {
      // Name the petition that failed; the transaction rolls back every change.
      std::string field = "petition_ids[" + std::to_string(i) + "]";
      std::vector<domain::FieldError> errors{{field, f.title_vi(), f.title_en()}};
      for (const auto& e : f.errors())
        errors.push_back({field + "." + e.field, e.message_vi, e.message_en});
      throw Failure(f.kind(), f.title_vi(), f.title_en(), errors);
    }
  }
  tx.commit();
  return out;
}

std::vector<Petition> list_public_petitions(store::Connection& c, const PetitionQuery& q,
                                            int64_t* total, bool* capped) {
  store::PetitionFilter f;
  f.published_only = true;
  if (q.q) {
    f.search_tokens = search_tokens(*q.q);
    f.match_nothing = f.search_tokens.empty();
  }
  f.category = q.category;
  f.page = q.page;
  f.per_page = q.per_page;
  if (q.per_page > 0) f.count_cap = kCountCap;
  f.today = Date::today_in_vietnam().iso();
  f.soon_until = f.today;
  Transaction tx(c, Transaction::Mode::read);
  check_category_filter(c, q.category);
  return store::PetitionsRepo(c).list(f, total, capped);
}

Petition get_public_petition(store::Connection& c, const std::string& code) {
  store::PetitionsRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  auto p = repo.get_by_code(code);
  if (!p || !p->published) throw Failure::not_found("kiến nghị đã công khai", "published petition");
  return *p;
}

std::vector<store::CategoryRow> list_categories(store::Connection& c) {
  Transaction tx(c, Transaction::Mode::read);
  return store::PetitionsRepo(c).categories();
}

std::vector<store::HolidayRow> list_holidays(store::Connection& c, int year) {
  Transaction tx(c, Transaction::Mode::read);
  return store::PetitionsRepo(c).holidays_of(year);
}

store::BatchRow create_batch(store::Connection& c, const MaybeActor& actor,
                             const std::string& title, const std::vector<int64_t>& ids) {
  require_signed_in(actor);
  if (!actor->is(Role::alliance)) throw Failure::forbidden();
  domain::Problems problems;
  if (title.empty() || text::length_in_characters(title) > 300)
    problems.add("title", "Tiêu đề từ 1 đến 300 ký tự", "title must be 1 to 300 characters");
  if (ids.empty() || ids.size() > 1000)
    problems.add("petition_ids", "Từ 1 đến 1000 kiến nghị", "From 1 to 1000 petitions");
  problems.throw_if_any();
  store::PetitionsRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  const Date today = Date::today_in_vietnam();
  const std::string now = now_iso();
  std::vector<Petition> petitions;
  for (size_t i = 0; i < ids.size(); ++i) {
    std::string field = "petition_ids[" + std::to_string(i) + "]";
    auto p = repo.get(ids[i]);
    if (!p) throw Failure::invalid_field(field, "Không có kiến nghị này", "No such petition");
    if (p->state != "received")
      throw Failure(FailureKind::conflict, "Chỉ tổng hợp kiến nghị đã tiếp nhận",
                    "Only received petitions can be compiled",
                    {{field, p->code + " đang ở trạng thái '" + p->state + "'",
                      p->code + " is '" + p->state + "'"}});
    petitions.push_back(*p);
  }
  int seq = repo.next_number("batch", today.year);
  char number[32];
  std::snprintf(number, sizeof number, "%02d/BC-LMHTX", seq);
  store::BatchRow b{0, today.year, number, title, now, {}};
  b.id = repo.insert_batch(b, actor->user_id);
  note_audit_object(c, std::to_string(b.id));
  for (auto& p : petitions) {
    p.state = "forwarded";
    p.batch = domain::Ref{b.id, b.number, ""};
    repo.update(p, now);
    repo.add_history(p.id, actor->user_id, "compile", "received", "forwarded",
                     "Báo cáo " + b.number, now);
    notify_petitioners(
        c, p,
        message(p, "forwarded",
                "Liên minh HTX tỉnh đã chuyển UBND tỉnh (báo cáo số " + b.number + ") kiến nghị",
                "Your petition was forwarded to the UBND (report " + b.number + "):"));
  }
  notify_role(c, "leader",
              Message{"batch", std::nullopt, std::nullopt,
                      "Báo cáo tổng hợp kiến nghị số " + b.number + " gửi UBND tỉnh",
                      "Petition report " + b.number + " sent to the People's Committee"});
  auto created = *repo.batch(b.id);
  created.undo_until = batch_undo_until(c, *actor, created);
  tx.commit();
  return created;
}

std::vector<store::BatchRow> list_batches(store::Connection& c, const MaybeActor& actor, int page,
                                          int per_page, int64_t* total) {
  require_signed_in(actor);
  if (!actor->is_any_of({Role::alliance, Role::leader, Role::admin})) throw Failure::forbidden();
  std::vector<store::BatchRow> rows;
  {
    Transaction tx(c, Transaction::Mode::read);
    rows = store::PetitionsRepo(c).batches(page, per_page, total);
    for (auto& b : rows) b.undo_until = batch_undo_until(c, *actor, b);
  }
  for (const auto& b : rows) note_batch_seen(c, *actor, b);  // the list names its petitions
  return rows;
}

store::BatchRow get_batch(store::Connection& c, const MaybeActor& actor, int64_t id) {
  require_signed_in(actor);
  if (!actor->is_any_of({Role::alliance, Role::leader, Role::admin})) throw Failure::forbidden();
  store::BatchRow b;
  {
    Transaction tx(c, Transaction::Mode::read);
    auto found = store::PetitionsRepo(c).batch(id);
    if (!found) throw Failure::not_found("báo cáo tổng hợp", "batch");
    b = *found;
    b.undo_until = batch_undo_until(c, *actor, b);
  }
  note_batch_seen(c, *actor, b);  // the UBND has opened it: no undo after this
  return b;
}

namespace {
struct AllowedType {
  const char* content_type;
  std::string magic;
};
const std::vector<AllowedType>& allowed_types() {
  static const std::vector<AllowedType> types = {
      {"application/pdf", "%PDF-"},
      {"image/png", std::string("\x89PNG\r\n\x1a\n", 8)},
      {"image/jpeg", "\xFF\xD8\xFF"},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\x03\x04"},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK\x03\x04"},
      {"application/vnd.oasis.opendocument.text", "PK\x03\x04"},
      {"application/vnd.oasis.opendocument.spreadsheet", "PK\x03\x04"},
      {"application/msword", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"},
      {"application/vnd.ms-excel", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"},
  };
  return types;
}

// Writes the file durably: to a temporary name, fsync, then rename into place.
void store_file(const std::string& dir, const std::string& name, const std::string& bytes) {
  std::filesystem::create_directories(dir);
  std::string final_path = dir + "/" + name;
  if (std::filesystem::exists(final_path)) return;  // content-addressed: already there
  std::string tmp = final_path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0640);
  if (fd < 0) throw std::runtime_error("cannot store the attachment");
  size_t done = 0;
  while (done < bytes.size()) {
    auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      ::close(fd);
      throw std::runtime_error("cannot write the attachment");
    }
    done += static_cast<size_t>(n);
  }
  ::fsync(fd);
  ::close(fd);
  std::filesystem::rename(tmp, final_path);
}
}  // namespace

domain::Attachment add_attachment(store::Connection& c, const MaybeActor& actor, int64_t id,
                                  const std::string& filename, const std::string& content_type,
                                  const std::string& bytes, const std::string& storage_dir) {
  require_signed_in(actor);
  std::string type = content_type.substr(0, content_type.find(';'));
  auto allowed = std::find_if(allowed_types().begin(), allowed_types().end(),
                              [&](const AllowedType& t) { return type == t.content_type; });
  if (allowed == allowed_types().end())
    throw Failure(FailureKind::unsupported_media_type,
                  "Chỉ nhận tệp PDF, ảnh (PNG, JPEG) và văn bản, bảng tính văn phòng",
                  "Only PDF, PNG, JPEG and office documents are accepted");
  domain::Problems problems;
  if (bytes.empty() || bytes.compare(0, allowed->magic.size(), allowed->magic) != 0)
    problems.add("file", "Nội dung tệp không phải " + type, "The file's content is not " + type);
  if (bytes.size() > kMaxAttachmentBytes)
    throw Failure(FailureKind::payload_too_large, "Tệp lớn hơn 10 MiB",
                  "The file is larger than 10 MiB");
  // A visible name: not only dots or spaces, no separators, no controls or invisible marks.
  if (filename.empty() || text::length_in_characters(filename) > 200 ||
      filename.find_first_of("/\\") != std::string::npos || !text::is_valid_utf8(filename) ||
      text::has_forbidden_control(filename, text::Lines::single) ||
      filename.find_first_not_of(". ") == std::string::npos)
    problems.add("filename", "Tên tệp không hợp lệ", "Invalid file name");
  problems.throw_if_any();

  store::PetitionsRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto p = load_visible(c, actor, id);
  bool may = actor->is(Role::alliance) ||
             (actor->is(Role::coop) && speaks_for(*actor, p) &&
              (p.state == "draft" || p.state == "needs_info")) ||
             is_lead(*actor, p) ||
             waiting_opinion(*actor, p);  // a coordinator attaches its opinion
  if (!may) throw Failure::forbidden();
  domain::Attachment a{
      0, id, filename, type, static_cast<int64_t>(bytes.size()), sha256_hex(bytes)};
  // On PostgreSQL the bytes live in the database, which every instance shares; on SQLite in
  // a folder beside the database file (docs/decisions.md "Attachments").
  if (c.engine() == store::Engine::postgresql)
    repo.put_content(a.sha256, bytes);
  else
    store_file(storage_dir, a.sha256, bytes);
  a.id = repo.insert_attachment(a, actor->user_id, now_iso());
  tx.commit();
  return a;
}

std::pair<domain::Attachment, std::string> read_attachment(store::Connection& c,
                                                           const MaybeActor& actor, int64_t id,
                                                           int64_t attachment_id,
                                                           const std::string& storage_dir) {
  domain::Attachment a;
  {
    Transaction tx(c, Transaction::Mode::read);
    load_visible(c, actor, id);
    auto found = store::PetitionsRepo(c).attachment(id, attachment_id);
    if (!found) throw Failure::not_found("tệp đính kèm", "attachment");
    a = *found;
    if (c.engine() == store::Engine::postgresql) {
      auto bytes = store::PetitionsRepo(c).content(a.sha256);
      if (!bytes) throw Failure::not_found("tệp đính kèm", "attachment");
      return {a, *bytes};
    }
  }
  std::ifstream in(storage_dir + "/" + a.sha256, std::ios::binary);
  if (!in) throw Failure::not_found("tệp đính kèm", "attachment");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return {a, bytes};
}

}  // namespace hoptac::core
