#include "core/conferences.hpp"

#include "core/audit.hpp"
#include "core/clock.hpp"
#include "core/notify.hpp"
#include "core/permissions.hpp"
#include "domain/failure.hpp"
#include "store/conferences_repo.hpp"
#include "store/petitions_repo.hpp"
#include "store/reference_repo.hpp"
#include "text/fold.hpp"

namespace hoptac::core {

using domain::Date;
using domain::Failure;
using domain::FailureKind;
using domain::Role;
using store::Transaction;

namespace {

void require_organiser(const MaybeActor& a) {
  require_role(a, {Role::alliance, Role::leader});
}

void check_length(const std::optional<std::string>& v, const char* field, std::size_t max,
                  domain::Problems& p) {
  if (v && text::length_in_characters(*v) > max)
    p.add(field, "Dài quá " + std::to_string(max) + " ký tự",
          "Longer than " + std::to_string(max) + " characters");
}

void apply(store::Connection& c, domain::Conference& k, const ConferenceInput& in,
           domain::Problems& p) {
  store::PetitionsRepo agencies(c);
  store::ReferenceRepo ref(c);
  check_length(in.title, "title", 300, p);
  check_length(in.venue, "venue", 300, p);
  check_length(in.chair_name, "chair_name", 100, p);
  check_length(in.chair_title, "chair_title", 200, p);
  check_length(in.minutes, "minutes", 50000, p);
  if (in.title) k.title = *in.title;
  if (in.venue) k.venue = *in.venue;
  if (in.chair_name) k.chair_name = *in.chair_name;
  if (in.chair_title) k.chair_title = *in.chair_title;
  if (in.minutes) k.minutes = *in.minutes;
  if (in.held_on) k.held_on = *in.held_on;
  if (in.status) {
    if (*in.status != "planned" && *in.status != "held" && *in.status != "closed")
      p.add("status", "Trạng thái là planned, held hoặc closed",
            "status must be planned, held or closed");
    else
      k.status = *in.status;
  }
  if (in.host_agency_id) {
    k.host_agency.reset();
    if (*in.host_agency_id) {
      auto a = agencies.agency(**in.host_agency_id);
      if (!a)
        p.add("host_agency_id", "Không có cơ quan này", "No such agency");
      else
        k.host_agency = *a;
    }
  }
  if (in.agency_ids) {
    k.agencies.clear();
    for (auto id : *in.agency_ids) {
      auto a = agencies.agency(id);
      if (!a)
        p.add("agency_ids", "Không có cơ quan " + std::to_string(id),
              "No agency " + std::to_string(id));
      else
        k.agencies.push_back(*a);
    }
  }
  if (in.cooperative_ids) {
    k.cooperatives.clear();
    for (auto id : *in.cooperative_ids) {
      if (!ref.cooperative_exists(id))
        p.add("cooperative_ids", "Không có hợp tác xã " + std::to_string(id),
              "No cooperative " + std::to_string(id));
      else
        k.cooperatives.push_back({id, "", ""});
    }
  }
}

domain::Conference load(store::ConferencesRepo& repo, int64_t id) {
  auto k = repo.get(id);
  if (!k) throw Failure::not_found("hội nghị", "conference");
  return *k;
}

domain::Directive load_directive(store::ConferencesRepo& repo, int64_t id) {
  auto d = repo.directive(id);
  if (!d) throw Failure::not_found("nhiệm vụ", "directive");
  return *d;
}

}  // namespace

std::vector<domain::Conference> list_conferences(store::Connection& c, const MaybeActor& actor,
                                                 int page, int per_page, int64_t* total) {
  require_signed_in(actor);
  Transaction tx(c, Transaction::Mode::read);
  return store::ConferencesRepo(c).list(page, per_page, total);
}

domain::Conference get_conference(store::Connection& c, const MaybeActor& actor, int64_t id) {
  require_signed_in(actor);
  store::ConferencesRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  return load(repo, id);
}

domain::Conference create_conference(store::Connection& c, const MaybeActor& actor,
                                     const ConferenceInput& in) {
  require_organiser(actor);
  domain::Problems p;
  if (!in.title || in.title->empty()) p.add("title", "Bắt buộc phải có", "Required");
  if (!in.held_on) p.add("held_on", "Bắt buộc phải có", "Required");
  store::ConferencesRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  domain::Conference k;
  apply(c, k, in, p);
  p.throw_if_any();
  auto id = repo.insert(k, now_iso());
  note_audit_object(c, std::to_string(id));
  auto created = load(repo, id);
  tx.commit();
  return created;
}

domain::Conference update_conference(store::Connection& c, const MaybeActor& actor, int64_t id,
                                     const ConferenceInput& in,
                                     std::optional<int64_t> expected_version) {
  require_organiser(actor);
  store::ConferencesRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto k = load(repo, id);
  if (expected_version && *expected_version != k.version)
    throw Failure(FailureKind::precondition_failed, "Hội nghị đã được người khác sửa; hãy tải lại",
                  "The conference was changed by someone else; reload it");
  domain::Problems p;
  if (in.title && in.title->empty()) p.add("title", "Không được để trống", "Must not be empty");
  apply(c, k, in, p);
  p.throw_if_any();
  repo.update(k, now_iso());
  auto updated = load(repo, id);
  tx.commit();
  return updated;
}

std::vector<domain::Directive> list_directives(store::Connection& c, const MaybeActor& actor,
                                               std::optional<int64_t> agency,
                                               std::optional<int64_t> conference,
                                               std::optional<std::string> status, int page,
                                               int per_page, int64_t* total) {
  require_signed_in(actor);
  Transaction tx(c, Transaction::Mode::read);
  return store::ConferencesRepo(c).directives(agency, conference, status, page, per_page, total);
}

domain::Directive get_directive(store::Connection& c, const MaybeActor& actor, int64_t id) {
  require_signed_in(actor);
  store::ConferencesRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  return load_directive(repo, id);
}

domain::Directive create_directive(store::Connection& c, const MaybeActor& actor,
                                   const DirectiveInput& in) {
  require_signed_in(actor);
  if (!actor->is_any_of({Role::leader, Role::alliance})) throw Failure::forbidden();
  domain::Problems p;
  if (!in.content || in.content->empty()) p.add("content", "Bắt buộc phải có", "Required");
  check_length(in.content, "content", 5000, p);
  if (!in.due_on)
    p.add("due_on", "Bắt buộc phải có", "Required");
  else if (*in.due_on < Date::today_in_vietnam())
    p.add("due_on", "Hạn không được ở quá khứ", "The due date cannot be in the past");
  store::ConferencesRepo repo(c);
  store::PetitionsRepo agencies(c);
  Transaction tx(c, Transaction::Mode::write);
  domain::Directive d;
  if (!in.assignee_agency_id) {
    p.add("assignee_agency_id", "Bắt buộc phải có", "Required");
  } else if (auto a = agencies.agency(*in.assignee_agency_id)) {
    d.assignee_agency = *a;
  } else {
    p.add("assignee_agency_id", "Không có cơ quan này", "No such agency");
  }
  if (in.conference_id && !repo.get(*in.conference_id))
    p.add("conference_id", "Không có hội nghị này", "No such conference");
  p.throw_if_any();
  d.content = *in.content;
  d.due_on = *in.due_on;
  d.conference_id = in.conference_id;
  auto id = repo.insert_directive(d, actor->user_id, now_iso());
  note_audit_object(c, std::to_string(id));
  notify_agency(c, d.assignee_agency.id,
                Message{"directive", std::nullopt, id,
                        "Cơ quan của bạn được giao nhiệm vụ (hạn " + d.due_on.vietnamese() +
                            "): " + d.content,
                        "Your agency has a new task (due " + d.due_on.iso() + "): " + d.content});
  // A conclusion of a dialogue conference concerns the cooperatives that took part in it.
  const auto conference = d.conference_id ? repo.get(*d.conference_id) : std::nullopt;
  if (conference)
    for (const auto& coop : conference->cooperatives)
      notify_cooperative(
          c, coop.id,
          Message{"directive", std::nullopt, id,
                  "Kết luận hội nghị đối thoại: " + d.assignee_agency.name +
                      " được giao thực hiện (hạn " + d.due_on.vietnamese() + "): " + d.content,
                  "A conclusion of the dialogue conference: " + d.assignee_agency.name +
                      " is to act (due " + d.due_on.iso() + "): " + d.content});
  auto created = load_directive(repo, id);
  tx.commit();
  return created;
}

domain::Directive report_on_directive(store::Connection& c, const MaybeActor& actor, int64_t id,
                                      const std::optional<std::string>& text,
                                      const std::optional<std::string>& status) {
  require_signed_in(actor);
  store::ConferencesRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto d = load_directive(repo, id);
  bool assignee = actor->agency_id && *actor->agency_id == d.assignee_agency.id &&
                  actor->is_any_of({Role::department, Role::alliance});
  if (!(assignee || actor->is_any_of({Role::leader, Role::alliance}))) throw Failure::forbidden();
  domain::Problems p;
  if (!text || text->empty()) p.add("text", "Bắt buộc phải có", "Required");
  check_length(text, "text", 5000, p);
  std::string new_status = status.value_or(d.status);  // a report alone keeps the status
  if (new_status != "open" && new_status != "in_progress" && new_status != "done")
    p.add("status", "Trạng thái là open, in_progress hoặc done",
          "status must be open, in_progress or done");
  p.throw_if_any();
  repo.add_report(id, {Date::today_in_vietnam().iso(), *text, new_status, ""}, actor->user_id,
                  now_iso());
  auto updated = load_directive(repo, id);
  tx.commit();
  return updated;
}

}  // namespace hoptac::core
