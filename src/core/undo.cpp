#include "core/undo.hpp"

#include <ctime>

#include "core/clock.hpp"
#include "core/petitions.hpp"
#include "domain/failure.hpp"
#include "store/petitions_repo.hpp"
#include "store/undo_repo.hpp"

namespace hoptac::core {

using domain::Failure;
using domain::FailureKind;
using domain::Petition;
using domain::Role;
using store::Transaction;

namespace {

// "2026-11-28T09:30:05Z" plus seconds, in the same form.
std::string iso_plus(const std::string& iso, long seconds) {
  std::tm tm{};
  if (!strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm)) return iso;
  std::time_t t = timegm(&tm) + seconds;
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Why an undo cannot be done, or nothing when it can (then `until` is set).
struct Verdict {
  std::optional<Failure> refusal;
  std::string until;
};

Failure too_late(const std::string& what_vi, const std::string& what_en) {
  return Failure(FailureKind::conflict,
                 "Đã quá " + std::to_string(kUndoSeconds / 60) + " phút, không hoàn tác " +
                     what_vi + " được nữa",
                 "More than " + std::to_string(kUndoSeconds / 60) +
                     " minutes have passed: " + what_en + " can no longer be undone");
}

Verdict judge_batch(store::Connection& c, const domain::Actor& a, const store::BatchRow& b) {
  store::UndoRepo undo(c);
  auto origin = undo.batch_origin(b.id);
  if (!origin) return {Failure::not_found("báo cáo tổng hợp", "batch"), ""};
  if (a.role != Role::alliance || origin->created_by != a.user_id)
    return {Failure(FailureKind::forbidden, "Chỉ người đã gửi báo cáo mới hoàn tác được",
                    "Only who sent the batch can undo it"),
            ""};
  const std::string until = iso_plus(origin->created_at, kUndoSeconds);
  if (now_iso() > until) return {too_late("việc gửi báo cáo", "sending the batch"), ""};
  std::vector<int64_t> ids;
  for (const auto& p : b.petitions) {
    auto last = undo.last_step(p.id);
    if (p.state != "forwarded" || !last || last->action != "compile")
      return {
          Failure(FailureKind::conflict,
                  "UBND tỉnh đã xử lý kiến nghị " + p.code + " của báo cáo; không hoàn tác được",
                  "The UBND has acted on " + p.code + " in this batch; it cannot be undone"),
          ""};
    ids.push_back(p.id);
  }
  if (undo.seen_since(ids, "leader", origin->created_at) || undo.batch_notice_seen(*origin))
    return {Failure(FailureKind::conflict,
                    "UBND tỉnh đã mở báo cáo " + origin->number + "; không hoàn tác được nữa",
                    "The UBND has opened batch " + origin->number + "; it cannot be undone"),
            ""};
  return {std::nullopt, until};
}

Verdict judge_assignment(store::Connection& c, const domain::Actor& a, const Petition& p) {
  store::UndoRepo undo(c);
  if (a.role != Role::leader) return {Failure::forbidden(), ""};
  auto last = undo.last_step(p.id);
  if (p.state != "assigned" || !last || last->action != "assign")
    return {
        Failure(FailureKind::conflict, "Kiến nghị không còn ở bước vừa giao; không hoàn tác được",
                "The petition is no longer just assigned; it cannot be undone"),
        ""};
  if (last->user_id != a.user_id)
    return {Failure(FailureKind::forbidden, "Chỉ người đã giao mới hoàn tác được",
                    "Only who made the assignment can undo it"),
            ""};
  const std::string until = iso_plus(last->at, kUndoSeconds);
  if (now_iso() > until) return {too_late("việc giao", "the assignment"), ""};
  if (undo.seen_since({p.id}, "department", last->at) ||
      undo.petition_notice_seen(p.id, "assigned", last->at, "department"))
    return {Failure(FailureKind::conflict,
                    "Cơ quan được giao đã mở kiến nghị này; không hoàn tác được nữa",
                    "The agency it was given to has opened it; it cannot be undone"),
            ""};
  return {std::nullopt, until};
}

// A view counts while an undo could still be made: shortly after the petition changed.
bool worth_noting(const domain::Actor& r, const std::string& changed_at) {
  return (r.role == Role::leader || r.role == Role::department) &&
         changed_at >= iso_from_now(-kUndoSeconds);
}

}  // namespace

void note_petitions_seen(store::Connection& c, const domain::Actor& reader,
                         const std::vector<Petition>& ps) {
  std::vector<int64_t> ids;
  for (const auto& p : ps)
    if ((p.state == "forwarded" || p.state == "assigned") && worth_noting(reader, p.updated_at))
      ids.push_back(p.id);
  if (ids.empty()) return;
  Transaction tx(c, Transaction::Mode::write);
  store::UndoRepo undo(c);
  const std::string now = now_iso();
  for (auto id : ids)
    undo.note_seen(id, reader.user_id, std::string(domain::to_string(reader.role)),
                   reader.agency_id, now);
  tx.commit();
}

void note_batch_seen(store::Connection& c, const domain::Actor& reader, const store::BatchRow& b) {
  if (reader.role != Role::leader || !worth_noting(reader, b.created_at)) return;
  Transaction tx(c, Transaction::Mode::write);
  store::UndoRepo undo(c);
  const std::string now = now_iso();
  for (const auto& p : b.petitions)
    undo.note_seen(p.id, reader.user_id, "leader", reader.agency_id, now);
  tx.commit();
}

std::optional<std::string> batch_undo_until(store::Connection& c, const domain::Actor& reader,
                                            const store::BatchRow& b) {
  if (reader.role != Role::alliance) return std::nullopt;
  auto v = judge_batch(c, reader, b);
  if (v.refusal) return std::nullopt;
  return v.until;
}

std::optional<std::string> assignment_undo_until(store::Connection& c, const domain::Actor& reader,
                                                 const Petition& p) {
  if (reader.role != Role::leader || p.state != "assigned") return std::nullopt;
  auto v = judge_assignment(c, reader, p);
  if (v.refusal) return std::nullopt;
  return v.until;
}

UndoneBatch undo_batch(store::Connection& c, const MaybeActor& actor, int64_t batch_id) {
  const auto& a = require_role(actor, {Role::alliance});
  store::PetitionsRepo repo(c);
  store::UndoRepo undo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto b = repo.batch(batch_id);
  if (!b) throw Failure::not_found("báo cáo tổng hợp", "batch");
  auto v = judge_batch(c, a, *b);
  if (v.refusal) throw *v.refusal;
  auto origin = *undo.batch_origin(b->id);
  const std::string now = now_iso();
  UndoneBatch out{b->number, {}};
  for (const auto& bp : b->petitions) {
    auto p = *repo.get(bp.id);
    p.state = "received";
    p.batch.reset();
    repo.update(p, now);
    repo.add_history(p.id, a.user_id, "undo_compile", "forwarded", "received",
                     "Hoàn tác gửi báo cáo " + b->number + " (UBND tỉnh chưa mở)", now);
    out.petitions.push_back({p.id, p.code, p.title, p.state});
  }
  undo.delete_batch_notices(origin);
  undo.delete_batch(origin);
  tx.commit();
  return out;
}

Petition undo_assignment(store::Connection& c, const MaybeActor& actor, int64_t petition_id) {
  const auto& a = require_role(actor, {Role::leader});
  store::PetitionsRepo repo(c);
  store::UndoRepo undo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto found = repo.get(petition_id);
  if (!found) throw Failure::not_found("kiến nghị", "petition");
  Petition p = *found;
  auto v = judge_assignment(c, a, p);
  if (v.refusal) throw *v.refusal;
  const auto last = *undo.last_step(p.id);
  const std::string now = now_iso();
  const std::string lead = p.lead_agency ? p.lead_agency->name : "";
  p.state = "forwarded";
  p.lead_agency.reset();
  p.coordinating_agencies.clear();
  repo.set_coordinators(p.id, {});
  p.assigned_on.reset();
  p.due_on.reset();
  repo.update(p, now);
  repo.add_history(p.id, a.user_id, "undo_assign", "assigned", "forwarded",
                   "Hoàn tác việc giao cho " + lead + " (cơ quan chưa mở)", now);
  undo.delete_petition_notices(p.id, "assigned", last.at);
  tx.commit();
  return get_petition(c, actor, petition_id);
}

}  // namespace hoptac::core
