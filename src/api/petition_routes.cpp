// /api/v1/petitions...: petitions, their transitions, history and attachments; bulk
// transitions; batches to the UBND; categories and holidays; the public view.
#include <algorithm>

#include "api/context.hpp"
#include "api/json_io.hpp"
#include "api/petition_json.hpp"
#include "api/reference_json.hpp"
#include "core/petitions.hpp"
#include "core/undo.hpp"

namespace hoptac::api {

namespace {

core::PetitionInput petition_input(const json::object& body, bool create) {
  JsonInput in(body,
               {"cooperative_id", "title", "content", "categories", "channel", "conference_id"});
  core::PetitionInput p;
  p.cooperative_id = in.integer("cooperative_id", create, 1);
  p.title = in.string("title", domain::kMaxPetitionTitle, create);
  p.content = in.string("content", domain::kMaxPetitionContent, create);
  p.categories = in.strings("categories", 13, 40, create);
  p.channel = in.string("channel", 20, false);
  p.conference_id = in.integer("conference_id", false, 1);
  p.problems = in.problems();  // reported with the rules' problems, all at once (core)
  return p;
}

core::TransitionInput transition_input(const json::object& body, bool bulk) {
  std::initializer_list<std::string_view> fields = {"action",
                                                    "reason",
                                                    "lead_agency_id",
                                                    "coordinating_agency_ids",
                                                    "due_on",
                                                    "text",
                                                    "legal_basis",
                                                    "rating",
                                                    "comment",
                                                    "into",
                                                    "conference_id",
                                                    "categories",
                                                    "petition_ids",
                                                    "proposed_due_on",
                                                    "agency_id",
                                                    "question",
                                                    "opinion_id",
                                                    "attachment_id",
                                                    "letter_number",
                                                    "letter_date",
                                                    "signer_name",
                                                    "signer_title",
                                                    "letter_attachment_id",
                                                    "no_answer"};
  JsonInput in(body, fields);
  if (!bulk && in.has("petition_ids"))
    in.problems().add("petition_ids", "Trường không được hỗ trợ", "Unknown field");
  core::TransitionInput t;
  t.action = in.string("action", 40, true).value_or("");
  t.reason = in.string("reason", 2000, false);
  t.lead_agency_id = in.integer("lead_agency_id", false);
  t.coordinating_agency_ids = in.integers("coordinating_agency_ids", 20, false);
  t.due_on = in.date("due_on", false);
  t.text = in.string("text", domain::kMaxPetitionContent, false);
  t.legal_basis = in.string("legal_basis", 1000, false);
  t.rating = in.integer("rating", false);
  t.comment = in.string("comment", 2000, false);
  t.into = in.integer("into", false);
  t.conference_id = in.integer("conference_id", false);
  t.categories = in.strings("categories", 13, 40, false);
  t.proposed_due_on = in.date("proposed_due_on", false);
  t.agency_id = in.integer("agency_id", false);
  t.question = in.string("question", 2000, false);
  t.opinion_id = in.integer("opinion_id", false);
  t.attachment_id = in.integer("attachment_id", false);
  t.letter_number = in.string("letter_number", 50, false);
  t.letter_date = in.date("letter_date", false);
  t.signer_name = in.string("signer_name", 100, false);
  t.signer_title = in.string("signer_title", 100, false);
  t.letter_attachment_id = in.integer("letter_attachment_id", false);
  if (in.has("no_answer")) {
    const auto* v = body.if_contains("no_answer");
    if (!v->is_bool())
      in.problems().add("no_answer", "Phải là true hoặc false", "Must be true or false");
    else
      t.no_answer = v->as_bool();
  }
  in.finish();
  return t;
}

core::PetitionQuery petition_query(QueryInput& in, bool public_view) {
  core::PetitionQuery q;
  q.q = in.string("q", 200);
  q.category = in.string("category", 40);
  if (!public_view) {
    q.status = in.one_of("status", {"draft", "submitted", "received", "rejected", "forwarded",
                                    "assigned", "answered", "closed", "merged", "needs_info"});
    q.agency = in.integer("agency", 1, INT64_MAX / 2);
    q.cooperative = in.integer("cooperative", 1, INT64_MAX / 2);
    q.district = in.digits("district", 3);
    q.commune = in.digits("commune", 5);
    q.conference = in.integer("conference", 1, INT64_MAX / 2);
    q.batch = in.integer("batch", 1, INT64_MAX / 2);
    q.lead_agency = in.integer("lead_agency", 1, INT64_MAX / 2);
    q.year = in.integer("year", 2000, 2200);
    q.answered = in.one_of("answered", {"any", "on_time", "late"});
    q.overdue = in.flag("overdue");
    q.due_soon = in.flag("due_soon");
    q.late = in.flag("late");
    q.escalated = in.flag("escalated");
    q.opinion_waiting = in.flag("opinion_waiting");
    q.from = in.date("from");
    q.to = in.date("to");
    if (auto s = in.one_of("sort",
                           {"created_at", "-created_at", "due_on", "-due_on", "code", "-code"})) {
      q.descending = s->front() == '-';
      q.sort = q.descending ? s->substr(1) : *s;
    } else if (q.overdue || q.due_soon || q.escalated) {
      q.sort = "due_on";  // a deadline list reads the most urgent first
      q.descending = false;
    }
  }
  q.page = in.page();
  q.per_page = in.per_page(20);
  return q;
}

http::Response petition_response(int status, const domain::Petition& p) {
  return with_etag(json_response(status, petition_json(p)), p.version);
}

}  // namespace

void register_petition_routes(http::Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/categories", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller&) {
      QueryInput in(req, {});
      in.finish();
      json::array items;
      for (const auto& k : core::list_categories(c)) items.push_back(category_json(k));
      return json_response(200, whole_list(std::move(items)));
    });
  });

  r.add("GET", "/api/v1/holidays", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller&) {
      QueryInput in(req, {"year"});
      int year = static_cast<int>(
          in.integer("year", 2000, 2100).value_or(domain::Date::today_in_vietnam().year));
      in.finish();
      json::array items;
      for (const auto& h : core::list_holidays(c, year)) items.push_back(holiday_json(h));
      return json_response(200, whole_list(std::move(items)));
    });
  });

  r.add("GET", "/api/v1/petitions", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput in(req, {"q",
                          "status",
                          "category",
                          "agency",
                          "cooperative",
                          "district",
                          "commune",
                          "conference",
                          "batch",
                          "lead_agency",
                          "year",
                          "answered",
                          "overdue",
                          "due_soon",
                          "late",
                          "escalated",
                          "opinion_waiting",
                          "from",
                          "to",
                          "page",
                          "per_page",
                          "sort"});
      auto q = petition_query(in, false);
      in.finish();
      int64_t total = 0;
      bool capped = false;
      auto rows = core::list_petitions(c, caller.actor, q, &total, &capped);
      check_page_in_range(total, q.page, q.per_page);
      json::array items;
      for (const auto& p : rows) items.push_back(petition_json(p));
      auto page = page_envelope(std::move(items), total, q.page, q.per_page);
      page["total_capped"] = capped;  // "10,000+": more rows than the total says
      return json_response(200, std::move(page));
    });
  });

  r.add("POST", "/api/v1/petitions", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto p = core::create_petition(c, caller.actor, petition_input(parse_body_object(req), true));
      auto res = petition_response(201, p);
      res.header("Location", "/api/v1/petitions/" + std::to_string(p.id));
      return res;
    });
  });

  r.add("GET", "/api/v1/petitions/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      return petition_response(200, core::get_petition(c, caller.actor, id_param(req, "id")));
    });
  });

  r.add("PATCH", "/api/v1/petitions/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto input = petition_input(parse_body_object(req), false);
      return petition_response(200, core::update_petition(c, caller.actor, id_param(req, "id"),
                                                          input, if_match_version(req)));
    });
  });

  r.add("POST", "/api/v1/petitions/{id}/transitions", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto input = transition_input(parse_body_object(req), false);
      return petition_response(200, core::transition_petition(c, caller.actor, id_param(req, "id"),
                                                              input, if_match_version(req)));
    });
  });

  r.add("POST", "/api/v1/petitions/bulk-transitions", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto body = parse_body_object(req);
      auto input = transition_input(body, true);
      JsonInput ids_in(body, {"action", "reason", "lead_agency_id", "coordinating_agency_ids",
                              "due_on", "text", "legal_basis", "rating", "comment", "into",
                              "conference_id", "categories", "petition_ids"});
      auto ids = ids_in.integers("petition_ids", 500, true);
      ids_in.finish();
      auto rows = core::bulk_transition(c, caller.actor, *ids, input);
      json::array items;
      for (const auto& p : rows) items.push_back(petition_json(p));
      return json_response(200, whole_list(std::move(items)));
    });
  });

  r.add("GET", "/api/v1/petitions/{id}/history", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      json::array items;
      for (const auto& h : core::petition_history(c, caller.actor, id_param(req, "id")))
        items.push_back(history_json(h));
      return json_response(200, whole_list(std::move(items)));
    });
  });

  r.add("POST", "/api/v1/petitions/{id}/attachments", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      QueryInput in(req, {"filename"});
      auto filename = in.string("filename", 200);
      if (!filename) in.problems().add("filename", "Bắt buộc phải có", "Required");
      in.finish();
      auto a = core::add_attachment(c, caller.actor, id_param(req, "id"), *filename,
                                    std::string(req.header("content-type").value_or("")), req.body,
                                    ctx.attachments_dir);
      return json_response(201, json::object{{"id", a.id},
                                             {"filename", a.filename},
                                             {"content_type", a.content_type},
                                             {"size", a.size}});
    });
  });

  r.add("GET", "/api/v1/petitions/{id}/attachments/{aid}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto [a, bytes] = core::read_attachment(c, caller.actor, id_param(req, "id"),
                                              id_param(req, "aid"), ctx.attachments_dir);
      http::Response res;
      res.header("Content-Type", a.content_type);
      // Never rendered inline: a file from a user is downloaded, not run in our origin.
      res.header("Content-Disposition", "attachment; filename*=UTF-8''" + a.sha256.substr(0, 8) +
                                            "-" + std::to_string(a.id));
      res.body = std::move(bytes);
      return res;
    });
  });

  r.add("GET", "/api/v1/public/petitions", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller&) {
      QueryInput in(req, {"q", "category", "page", "per_page"});
      auto q = petition_query(in, true);
      in.finish();
      int64_t total = 0;
      bool capped = false;
      auto rows = core::list_public_petitions(c, q, &total, &capped);
      check_page_in_range(total, q.page, q.per_page);
      json::array items;
      for (const auto& p : rows) items.push_back(public_petition_json(p));
      auto page = page_envelope(std::move(items), total, q.page, q.per_page);
      page["total_capped"] = capped;  // "10,000+": more rows than the total says
      return json_response(200, std::move(page));
    });
  });

  r.add("GET", "/api/v1/public/petitions/{code}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller&) {
      return json_response(
          200, public_petition_json(core::get_public_petition(c, req.params.at("code"))));
    });
  });

  r.add("GET", "/api/v1/batches", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput in(req, {"page", "per_page"});
      int page = in.page(), per_page = in.per_page(20);
      in.finish();
      int64_t total = 0;
      auto rows = core::list_batches(c, caller.actor, page, per_page, &total);
      check_page_in_range(total, page, per_page);
      json::array items;
      for (const auto& b : rows) items.push_back(batch_json(b));
      return json_response(200, page_envelope(std::move(items), total, page, per_page));
    });
  });

  r.add("POST", "/api/v1/batches", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto body = parse_body_object(req);
      JsonInput in(body, {"title", "petition_ids"});
      auto title = in.string("title", 300, true);
      auto ids = in.integers("petition_ids", 1000, true);
      in.finish();
      auto b = core::create_batch(c, caller.actor, *title, *ids);
      return created_response(batch_json(b), "/api/v1/batches/" + std::to_string(b.id));
    });
  });

  r.add("GET", "/api/v1/batches/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      return json_response(200, batch_json(core::get_batch(c, caller.actor, id_param(req, "id"))));
    });
  });

  // A short undo (core/undo.hpp): no body; the server decides whether it is still possible.
  r.add("POST", "/api/v1/batches/{id}/undo", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto undone = core::undo_batch(c, caller.actor, id_param(req, "id"));
      json::array petitions;
      for (const auto& p : undone.petitions)
        petitions.push_back(
            json::object{{"id", p.id}, {"code", p.code}, {"title", p.title}, {"state", p.state}});
      return json_response(
          200, json::object{{"number", undone.number}, {"petitions", std::move(petitions)}});
    });
  });

  r.add("POST", "/api/v1/petitions/{id}/undo", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      return petition_response(200, core::undo_assignment(c, caller.actor, id_param(req, "id")));
    });
  });
}

}  // namespace hoptac::api
