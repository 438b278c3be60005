#include "api/petition_json.hpp"

#include "api/json_io.hpp"
#include "domain/batch.hpp"

namespace hoptac::api {

namespace {
json::value date_or_null(const std::optional<domain::Date>& d) {
  return d ? json::value(d->iso()) : json::value(nullptr);
}
json::array refs(const std::vector<domain::Ref>& v) {
  json::array a;
  for (const auto& r : v) a.push_back(ref_json(r));
  return a;
}
json::value letter_json(const domain::PetitionAnswer& x, bool with_file) {
  if (x.letter_number.empty()) return nullptr;
  json::object o{{"number", x.letter_number},
                 {"date", x.letter_date},
                 {"signer_name", x.signer_name},
                 {"signer_title", x.signer_title}};
  if (with_file)
    o["attachment_id"] =
        x.letter_attachment_id ? json::value(*x.letter_attachment_id) : json::value(nullptr);
  return o;
}
json::array answers_json(const domain::Petition& p, bool with_files) {
  json::array a;
  for (const auto& x : p.answers)
    a.push_back(json::object{{"agency", ref_json(x.agency)},
                             {"text", x.text},
                             {"legal_basis", x.legal_basis},
                             {"answered_on", x.answered_on},
                             {"at_conference", x.at_conference},
                             {"letter", letter_json(x, with_files)}});
  return a;
}
json::value text_or_null(const std::string& s) {
  return s.empty() ? json::value(nullptr) : json::value(s);
}
json::array extensions_json(const domain::Petition& p) {
  json::array a;
  for (const auto& e : p.extensions)
    a.push_back(json::object{{"id", e.id},
                             {"status", e.status},
                             {"reason", e.reason},
                             {"previous_due_on", e.previous_due_on},
                             {"proposed_due_on", e.proposed_due_on},
                             {"granted_due_on", text_or_null(e.granted_due_on)},
                             {"decision_reason", e.decision_reason},
                             {"requested_at", e.requested_at},
                             {"decided_at", text_or_null(e.decided_at)}});
  return a;
}
json::array opinions_json(const domain::Petition& p) {
  json::array a;
  for (const auto& o : p.opinions)
    a.push_back(json::object{
        {"id", o.id},
        {"agency", ref_json(o.agency)},
        {"question", o.question},
        {"asked_at", o.asked_at},
        {"answer", o.answer ? json::value(*o.answer) : json::value(nullptr)},
        {"attachment_id", o.attachment_id ? json::value(*o.attachment_id) : json::value(nullptr)},
        {"answered_at", text_or_null(o.answered_at)}});
  return a;
}
bool is_reply_letter(const domain::Petition& p, int64_t attachment_id) {
  for (const auto& x : p.answers)
    if (x.letter_attachment_id == attachment_id) return true;
  return false;
}
json::array strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.push_back(json::value(s));
  return a;
}
}  // namespace

json::value ref_json(const domain::Ref& r) {
  return json::object{{"id", r.id}, {"code", r.code}, {"name", r.name}};
}

json::object petition_json(const domain::Petition& p) {
  json::array attachments;
  for (const auto& a : p.attachments)
    attachments.push_back(json::object{{"id", a.id},
                                       {"filename", a.filename},
                                       {"content_type", a.content_type},
                                       {"size", a.size},
                                       {"reply_letter", is_reply_letter(p, a.id)}});
  return json::object{
      {"id", p.id},
      {"code", p.code},
      {"cooperative", json::object{{"id", p.cooperative.id}, {"name", p.cooperative.name}}},
      {"cooperatives", refs(p.cooperatives)},
      {"channel", p.channel},
      {"conference_id", p.conference_id ? json::value(*p.conference_id) : json::value(nullptr)},
      {"title", p.title},
      {"content", p.content},
      {"categories", strings(p.categories)},
      {"state", p.state},
      {"lead_agency", p.lead_agency ? ref_json(*p.lead_agency) : json::value(nullptr)},
      {"coordinating_agencies", refs(p.coordinating_agencies)},
      {"assigned_on", date_or_null(p.assigned_on)},
      {"due_on", date_or_null(p.due_on)},
      {"answered_on", date_or_null(p.answered_on)},
      {"overdue", p.overdue},
      {"due_soon", p.due_soon},
      {"escalated", p.escalated()},
      {"batch", p.batch ? json::value(json::object{{"id", p.batch->id}, {"number", p.batch->code}})
                        : json::value(nullptr)},
      {"merged_into", p.merged_into ? json::value(json::object{{"id", p.merged_into->id},
                                                               {"code", p.merged_into->code}})
                                    : json::value(nullptr)},
      {"answered_late", p.answered_late()},
      {"answers", answers_json(p, true)},
      {"extensions", extensions_json(p)},
      {"opinions", opinions_json(p)},
      {"return_reason", p.state == "needs_info" ? text_or_null(p.return_reason) : nullptr},
      {"published", p.published},
      {"rating", p.rating ? json::value(*p.rating) : json::value(nullptr)},
      {"rating_comment", p.rating_comment},
      {"attachments", std::move(attachments)},
      {"allowed_actions", strings(p.allowed_actions)},
      {"undo_until", p.undo_until ? json::value(*p.undo_until) : json::value(nullptr)},
      {"version", p.version},
      {"created_at", p.created_at},
      {"submitted_at", optional_string(p.submitted_at)},
      {"updated_at", p.updated_at}};
}

json::object public_petition_json(const domain::Petition& p) {
  json::array coops;
  for (const auto& c : p.cooperatives) coops.push_back(json::object{{"name", c.name}});
  return json::object{
      {"code", p.code},
      {"title", p.title},
      {"content", p.content},
      {"categories", strings(p.categories)},
      {"cooperatives", std::move(coops)},
      {"state", p.state},
      {"lead_agency", p.lead_agency ? ref_json(*p.lead_agency) : json::value(nullptr)},
      {"answered_on", date_or_null(p.answered_on)},
      {"due_on", date_or_null(p.due_on)},
      {"answered_late", p.answered_late()},
      {"answers", answers_json(p, false)},
      {"rating", p.rating ? json::value(*p.rating) : json::value(nullptr)}};
}

json::object history_json(const domain::HistoryEntry& h) {
  return json::object{{"at", h.at},
                      {"action", h.action},
                      {"from_state", optional_string(h.from_state)},
                      {"to_state", h.to_state},
                      {"reason", h.reason},
                      {"user", json::object{{"display_name", h.user_name}, {"role", h.user_role}}}};
}

json::object batch_json(const domain::BatchRow& b) {
  json::array petitions, ids;
  for (const auto& p : b.petitions) {
    petitions.push_back(
        json::object{{"id", p.id}, {"code", p.code}, {"title", p.title}, {"state", p.state}});
    ids.push_back(p.id);
  }
  return json::object{
      {"id", b.id},
      {"number", b.number},
      {"year", b.year},
      {"title", b.title},
      {"petition_ids", std::move(ids)},
      {"petitions", std::move(petitions)},
      {"created_at", b.created_at},
      {"undo_until", b.undo_until ? json::value(*b.undo_until) : json::value(nullptr)}};
}

json::object conference_json(const domain::Conference& k) {
  return json::object{
      {"id", k.id},
      {"title", k.title},
      {"held_on", k.held_on.iso()},
      {"venue", k.venue},
      {"chair_name", k.chair_name},
      {"chair_title", k.chair_title},
      {"host_agency", k.host_agency ? ref_json(*k.host_agency) : json::value(nullptr)},
      {"agencies", refs(k.agencies)},
      {"cooperatives", refs(k.cooperatives)},
      {"status", k.status},
      {"minutes", k.minutes},
      {"petition_count", k.petition_count},
      {"version", k.version},
      {"updated_at", k.updated_at}};
}

json::object directive_json(const domain::Directive& d) {
  json::array reports;
  for (const auto& r : d.reports)
    reports.push_back(json::object{{"reported_on", r.reported_on},
                                   {"text", r.text},
                                   {"status", r.status},
                                   {"by", r.user_name}});
  return json::object{
      {"id", d.id},
      {"conference_id", d.conference_id ? json::value(*d.conference_id) : json::value(nullptr)},
      {"content", d.content},
      {"assignee_agency", ref_json(d.assignee_agency)},
      {"due_on", d.due_on.iso()},
      {"status", d.status},
      {"overdue", d.overdue(domain::Date::today_in_vietnam())},
      {"reports", std::move(reports)},
      {"created_at", d.created_at},
      {"updated_at", d.updated_at}};
}

json::object notification_json(const domain::Notification& n, bool english) {
  return json::object{
      {"id", n.id},
      {"kind", n.kind},
      {"petition_id", n.petition_id ? json::value(*n.petition_id) : json::value(nullptr)},
      {"directive_id", n.directive_id ? json::value(*n.directive_id) : json::value(nullptr)},
      {"message", english ? n.message_en : n.message_vi},
      {"created_at", n.created_at},
      {"read", n.read}};
}

}  // namespace hoptac::api
