// Indicators, plans, schemes, the dashboard, awards, reports and jobs.
#include "api/context.hpp"
#include "api/json_io.hpp"
#include "api/petition_json.hpp"
#include "core/awards.hpp"
#include "core/planning.hpp"
#include "core/reports.hpp"
#include "domain/planning_records.hpp"

#include <algorithm>
#include <cmath>

namespace hoptac::api {

namespace {

json::value number_or_null(std::optional<double> v) {
  if (!v || !std::isfinite(*v)) return nullptr;  // JSON has no Infinity or NaN
  double r = *v;
  if (std::fabs(r) < 9e15 && r == std::trunc(r)) return static_cast<int64_t>(r);
  return r;
}

json::object agency_lateness_json(const domain::AgencyLateness& a) {
  return json::object{
      {"agency", json::object{{"id", a.id}, {"code", a.code}, {"name", a.name}}},
      {"assigned", a.assigned},
      {"answered", a.answered},
      {"answered_on_time", a.on_time},
      {"answered_late", a.late},
      {"on_time_pct", number_or_null(a.on_time_pct)},
      {"overdue", a.overdue},
      {"oldest_overdue_days",
       a.oldest_overdue_days ? json::value(*a.oldest_overdue_days) : json::value(nullptr)}};
}

json::object indicators_json(const core::IndicatorReport& r, bool english) {
  json::array items;
  for (const auto& def : domain::plan_indicators()) {
    double actual = domain::indicator_value(r.values, def.code);
    auto t = r.targets.find(std::string(def.code));
    std::optional<double> target;
    if (t != r.targets.end()) target = t->second;
    items.push_back(json::object{
        {"code", def.code},
        {"name", english ? def.name_en : def.name_vi},
        {"unit", def.unit},
        {"value", number_or_null(actual)},
        {"target", number_or_null(target)},
        {"achievement_pct",
         number_or_null(target ? domain::achievement_pct(actual, *target) : std::nullopt)}});
  }
  json::object by_kind, by_status, by_class, stars;
  for (const auto& [k, v] : r.values.by_kind) by_kind[k] = v;
  for (const auto& [k, v] : r.values.by_status) by_status[k] = v;
  for (const auto& [k, v] : r.values.by_classification) by_class[k] = v;
  for (const auto& [k, v] : r.values.ocop_by_stars) stars[std::to_string(k)] = v;
  const auto& v = r.values;
  return json::object{
      {"year", v.year},
      {"district", r.place.district ? json::value(*r.place.district) : json::value(nullptr)},
      {"commune", r.place.commune ? json::value(*r.place.commune) : json::value(nullptr)},
      {"indicators", std::move(items)},
      {"cooperatives", v.cooperatives},
      {"cooperatives_by_kind", std::move(by_kind)},
      {"cooperatives_by_status", std::move(by_status)},
      {"cooperatives_by_classification", std::move(by_class)},
      {"new_cooperatives", v.new_cooperatives},
      {"dissolved_cooperatives", v.dissolved_cooperatives},
      {"members", v.members},
      {"members_official", v.members_official},
      {"members_associate", v.members_associate},
      {"workers", v.workers},
      {"avg_revenue_vnd", v.avg_revenue_vnd},
      {"avg_profit_vnd", v.avg_profit_vnd},
      {"avg_income_vnd", v.avg_income_vnd},
      {"rated", v.rated},
      {"effective", v.effective},
      {"effective_share_pct", v.effective_share_pct},
      {"ocop_products", v.ocop_products},
      {"ocop_by_stars", std::move(stars)}};
}

// Every target a finite number; its range by indicator is checked in core (check_targets).
std::map<std::string, double> read_targets(const json::object& o, domain::Problems& p,
                                           const std::string& prefix) {
  std::map<std::string, double> out;
  for (const auto& kv : o) {
    std::string key(kv.key());
    if (!kv.value().is_number()) {
      p.add(prefix + key, "Chỉ tiêu phải là số", "A target must be a number");
      continue;
    }
    double v = kv.value().to_number<double>();
    if (std::isfinite(v))
      out[key] = v;
    else
      p.add(prefix + key, "Chỉ tiêu phải là một số hữu hạn", "A target must be a finite number");
  }
  return out;
}

json::object targets_json(const std::map<std::string, double>& t) {
  json::object o;
  for (const auto& [k, v] : t) o[k] = number_or_null(v);
  return o;
}

json::object scheme_json(const domain::SchemeRow& s) {
  return json::object{{"id", s.id},
                      {"title", s.title},
                      {"period_start", s.period_start},
                      {"period_end", s.period_end},
                      {"status", s.status},
                      {"description", s.description},
                      {"targets", targets_json(s.targets)},
                      {"created_at", s.created_at}};
}

json::object campaign_json(const domain::AwardCampaign& k) {
  return json::object{{"id", k.id},
                      {"year", k.year},
                      {"level", k.level},
                      {"title", k.title},
                      {"quota", k.quota},
                      {"status", k.status},
                      {"decision_no", optional_string(k.decision_no)},
                      {"decided_on", optional_string(k.decided_on)},
                      {"signer", optional_string(k.signer)},
                      {"nominated", k.nominated},
                      {"accepted", k.accepted},
                      {"awarded", k.awarded}};
}

json::object nomination_json(const domain::Nomination& n) {
  return json::object{
      {"id", n.id},
      {"campaign_id", n.campaign_id},
      {"cooperative", json::object{{"id", n.cooperative.id}, {"name", n.cooperative.name}}},
      {"achievement", n.achievement},
      {"proposer", n.proposer},
      {"status", n.status},
      {"review_reason", n.review_reason},
      {"year", n.year},
      {"level", n.level},
      {"decision_no", optional_string(n.decision_no)},
      {"decided_on", optional_string(n.decided_on)},
      {"signer", optional_string(n.signer)}};
}

json::object job_json(const core::Job& j) {
  json::object o{{"id", j.id},
                 {"kind", j.kind},
                 {"status", j.status},
                 {"progress", j.progress},
                 {"error", optional_string(j.error)},
                 {"created_at", j.created_at},
                 {"finished_at", optional_string(j.finished_at)},
                 {"download", nullptr}};
  if (j.status == "done") o["download"] = "/api/v1/jobs/" + std::to_string(j.id) + "/file";
  return o;
}

int year_param(const http::Request& req, const std::string& name) {
  const auto& v = req.params.at(name);
  if (v.size() != 4 || !std::all_of(v.begin(), v.end(), ::isdigit))
    throw domain::Failure::invalid_field("year", "Năm có 4 chữ số", "The year has 4 digits");
  return std::stoi(v);
}

core::ReportRequest report_request(const http::Request& req, QueryInput& in) {
  core::ReportRequest r;
  r.kind = req.params.at("kind");
  r.format = in.string("format", 10).value_or("pdf");
  r.year = static_cast<int>(
      in.integer("year", 1900, 2200).value_or(domain::Date::today_in_vietnam().year));
  r.conference_id = in.integer("conference", 1, INT64_MAX / 2);
  return r;
}

http::Response file_response(core::ReportFile f) {
  http::Response res;
  res.header("Content-Type", f.content_type);
  res.header("Content-Disposition", "attachment; filename=\"" + f.filename + "\"");
  res.body = std::move(f.bytes);
  return res;
}

}  // namespace

void register_planning_routes(http::Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/indicators", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller&) {
      QueryInput in(req, {"year", "district", "commune"});
      int year =
          static_cast<int>(in.integer("year", 1900, 2200).value_or(core::latest_figures_year(c)));
      domain::Place place{in.string("district", 3), in.string("commune", 5)};
      in.finish();
      return json_response(200,
                           indicators_json(core::indicators(c, year, place), wants_english(req)));
    });
  });

  r.add("GET", "/api/v1/plans/{year}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      int year = year_param(req, "year");
      return json_response(
          200, json::object{{"year", year},
                            {"targets", targets_json(core::get_plan(c, caller.actor, year))}});
    });
  });

  r.add("PUT", "/api/v1/plans/{year}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      int year = year_param(req, "year");
      auto body = parse_body_object(req);
      JsonInput in(body, {"targets"});
      std::map<std::string, double> targets;
      if (const json::object* t = in.object("targets", true))
        targets = read_targets(*t, in.problems(), "targets.");
      in.finish();
      auto stored = core::put_plan(c, caller.actor, year, targets);
      return json_response(200, json::object{{"year", year}, {"targets", targets_json(stored)}});
    });
  });

  r.add("GET", "/api/v1/schemes", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      json::array items;
      for (const auto& s : core::list_schemes(c, caller.actor)) items.push_back(scheme_json(s));
      return json_response(200, whole_list(std::move(items)));
    });
  });

  r.add("POST", "/api/v1/schemes", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto body = parse_body_object(req);
      JsonInput in(body,
                   {"title", "period_start", "period_end", "status", "description", "targets"});
      domain::SchemeRow s;
      s.title = in.string("title", 300, true).value_or("");
      s.period_start = static_cast<int>(in.integer("period_start", true, 2000, 2100).value_or(0));
      s.period_end = static_cast<int>(in.integer("period_end", true, 2000, 2120).value_or(0));
      s.status = in.string("status", 20, false).value_or("draft");
      s.description = in.string("description", 5000, false).value_or("");
      if (const json::object* t = in.object("targets", false))
        s.targets = read_targets(*t, in.problems(), "targets.");
      in.finish();
      auto created = core::create_scheme(c, caller.actor, s);
      return created_response(scheme_json(created),
                              "/api/v1/schemes/" + std::to_string(created.id));
    });
  });

  r.add("GET", "/api/v1/schemes/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      return json_response(200,
                           scheme_json(core::get_scheme(c, caller.actor, id_param(req, "id"))));
    });
  });

  r.add("GET", "/api/v1/schemes/{id}/progress", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      auto p = core::scheme_progress(c, caller.actor, id_param(req, "id"));
      json::array targets;
      for (const auto& def : domain::plan_indicators()) {
        auto t = p.scheme.targets.find(std::string(def.code));
        if (t == p.scheme.targets.end()) continue;
        json::array years;
        for (const auto& y : p.actuals[t->first])
          years.push_back(
              json::object{{"year", y.year},
                           {"actual", number_or_null(y.actual)},
                           {"achievement_pct",
                            number_or_null(y.actual ? domain::achievement_pct(*y.actual, t->second)
                                                    : std::nullopt)}});
        targets.push_back(json::object{{"indicator", def.code},
                                       {"name", wants_english(req) ? def.name_en : def.name_vi},
                                       {"unit", def.unit},
                                       {"target", number_or_null(t->second)},
                                       {"years", std::move(years)}});
      }
      return json_response(
          200, json::object{{"scheme", scheme_json(p.scheme)}, {"targets", std::move(targets)}});
    });
  });

  r.add("GET", "/api/v1/dashboard", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput in(req, {"year"});
      // Without a year: the latest figures, and this year's petitions.
      auto asked = in.integer("year", 1900, 2200);
      in.finish();
      // A year without figures yet (the current one) shows the latest figures before it.
      int latest = core::latest_figures_year(c);
      int year = asked ? static_cast<int>(std::min<int64_t>(*asked, latest)) : latest;
      int petitions_year = static_cast<int>(asked.value_or(domain::Date::today_in_vietnam().year));
      auto d = core::dashboard(c, caller.actor, year, petitions_year);
      json::object by_state, by_category;
      for (const auto& [k, v] : d.petitions.by_state) by_state[k] = v;
      for (const auto& [k, v] : d.petitions.by_category) by_category[k] = v;
      json::array oldest, directives;
      for (const auto& p : d.oldest_open)
        oldest.push_back(json::object{
            {"id", p.id},
            {"code", p.code},
            {"title", p.title},
            {"state", p.state},
            {"cooperative", p.cooperative.name},
            {"submitted_at", optional_string(p.submitted_at)},
            {"due_on", p.due_on ? json::value(p.due_on->iso()) : json::value(nullptr)}});
      for (const auto& dir : d.directives_due) directives.push_back(directive_json(dir));
      const auto& s = d.petitions;
      std::optional<double> on_time;
      if (s.answered_with_due > 0)
        on_time = std::round(1000.0 * static_cast<double>(s.answered_on_time) /
                             static_cast<double>(s.answered_with_due)) /
                  10.0;
      return json_response(
          200, json::object{
                   {"year", year},
                   {"headline", indicators_json(d.headline, wants_english(req))},
                   {"petitions",
                    json::object{{"year", petitions_year},
                                 {"by_state", std::move(by_state)},
                                 {"by_category", std::move(by_category)},
                                 {"answered_with_due", s.answered_with_due},
                                 {"answered_on_time", s.answered_on_time},
                                 {"on_time_rate_pct", number_or_null(on_time)},
                                 {"overdue", s.overdue},
                                 {"due_soon", s.due_soon},
                                 {"average_rating",
                                  s.rated ? json::value(std::round(s.average_rating * 100) / 100)
                                          : json::value(nullptr)}}},
                   {"oldest_open", std::move(oldest)},
                   {"directives_due", std::move(directives)}});
    });
  });

  r.add("GET", "/api/v1/dashboard/agencies", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput in(req, {"year", "sort"});
      int year = static_cast<int>(
          in.integer("year", 2000, 2200).value_or(domain::Date::today_in_vietnam().year));
      auto sort = in.one_of("sort", {"name", "-name", "assigned", "-assigned", "answered",
                                     "-answered", "on_time_pct", "-on_time_pct", "overdue",
                                     "-overdue", "oldest_overdue_days", "-oldest_overdue_days"})
                      .value_or("-overdue");
      in.finish();
      const bool desc = sort.front() == '-';
      json::array items;
      for (const auto& a :
           core::agency_lateness(c, caller.actor, year, desc ? sort.substr(1) : sort, desc))
        items.push_back(agency_lateness_json(a));
      return json_response(200, json::object{{"year", year},
                                             {"today", domain::Date::today_in_vietnam().iso()},
                                             {"items", std::move(items)}});
    });
  });

  r.add("GET", "/api/v1/award-campaigns", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput in(req, {"year"});
      std::optional<int> year;
      if (auto y = in.integer("year", 1900, 2200)) year = static_cast<int>(*y);
      in.finish();
      json::array items;
      for (const auto& k : core::list_campaigns(c, caller.actor, year))
        items.push_back(campaign_json(k));
      return json_response(200, whole_list(std::move(items)));
    });
  });

  r.add("POST", "/api/v1/award-campaigns", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto body = parse_body_object(req);
      JsonInput in(body, {"year", "level", "title", "quota"});
      domain::AwardCampaign k;
      k.year = static_cast<int>(in.integer("year", true, 1900, 2200).value_or(0));
      k.level = in.string("level", 40, true).value_or("");
      k.quota = static_cast<int>(in.integer("quota", true, 0, 100000).value_or(0));
      k.title = in.string("title", 300, false)
                    .value_or(std::string(domain::level_name_vi(k.level)) + " năm " +
                              std::to_string(k.year));
      in.finish();
      auto created = core::create_campaign(c, caller.actor, k);
      return created_response(campaign_json(created),
                              "/api/v1/award-campaigns/" + std::to_string(created.id));
    });
  });

  r.add("GET", "/api/v1/award-campaigns/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      std::vector<domain::Nomination> nominations;
      auto k = core::get_campaign(c, caller.actor, id_param(req, "id"), &nominations);
      json::array items;
      for (const auto& n : nominations) items.push_back(nomination_json(n));
      auto o = campaign_json(k);
      o["nominations"] = std::move(items);
      return json_response(200, o);
    });
  });

  r.add("POST", "/api/v1/award-campaigns/{id}/nominations", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto body = parse_body_object(req);
      JsonInput in(body, {"cooperative_id", "achievement", "proposer"});
      auto coop = in.integer("cooperative_id", true, 1);
      auto achievement = in.string("achievement", 2000, true);
      auto proposer = in.string("proposer", 200, false);
      in.finish();
      auto n = core::nominate(c, caller.actor, id_param(req, "id"), *coop, *achievement,
                              proposer.value_or(""));
      return json_response(201, nomination_json(n));
    });
  });

  r.add("POST", "/api/v1/nominations/{id}/review", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto body = parse_body_object(req);
      JsonInput in(body, {"decision", "reason"});
      auto decision = in.string("decision", 10, true);
      auto reason = in.string("reason", 2000, false);
      in.finish();
      return json_response(
          200, nomination_json(core::review_nomination(c, caller.actor, id_param(req, "id"),
                                                       *decision, reason.value_or(""))));
    });
  });

  r.add("POST", "/api/v1/award-campaigns/{id}/decision", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      auto body = parse_body_object(req);
      JsonInput in(body, {"decision_no", "decided_on", "signer"});
      auto number = in.string("decision_no", 40, true);
      auto on = in.date("decided_on", true);
      auto signer = in.string("signer", 200, true);
      in.finish();
      return json_response(200, campaign_json(core::decide_campaign(
                                    c, caller.actor, id_param(req, "id"), *number, *on, *signer)));
    });
  });

  r.add("GET", "/api/v1/awards", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller&) {
      QueryInput in(req, {"year", "level", "cooperative"});
      std::optional<int> year;
      if (auto y = in.integer("year", 1900, 2200)) year = static_cast<int>(*y);
      auto level = in.one_of("level", {"ubnd_bang_khen", "alliance_giay_khen"});
      auto cooperative = in.integer("cooperative", 1, INT64_MAX / 2);
      in.finish();
      json::array items;
      for (const auto& n : core::list_awards(c, year, level, cooperative))
        items.push_back(nomination_json(n));
      return json_response(200, whole_list(std::move(items)));
    });
  });

  r.add("GET", "/api/v1/reports/{kind}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      QueryInput in(req, {"year", "format", "conference"});
      auto request = report_request(req, in);
      in.finish();
      return file_response(core::make_report(c, caller.actor, request));
    });
  });

  r.add("POST", "/api/v1/reports/{kind}/jobs", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      if (!caller.actor) throw domain::Failure::unauthenticated();
      QueryInput in(req, {"year", "format", "conference"});
      auto request = report_request(req, in);
      in.finish();
      auto job = core::enqueue_report(c, caller.actor, request);
      ctx.wake_jobs();
      auto res = json_response(202, job_json(job));
      res.header("Location", "/api/v1/jobs/" + std::to_string(job.id));
      return res;
    });
  });

  r.add("GET", "/api/v1/jobs/{id}", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      return json_response(200, job_json(core::get_job(c, caller.actor, id_param(req, "id"))));
    });
  });

  r.add("GET", "/api/v1/jobs/{id}/file", [&ctx](http::Request& req) {
    return respond(ctx, req, [&](store::Connection& c, const Caller& caller) {
      return file_response(core::job_file(c, caller.actor, id_param(req, "id")));
    });
  });
}

}  // namespace hoptac::api
