#include "api/cooperative_json.hpp"

#include "api/json_io.hpp"

namespace hoptac::api {

namespace {
json::value unit_json(const domain::AdminUnitRef& u) {
  if (u.id == 0) return nullptr;
  json::object o{{"code", u.code}, {"name", u.name}};
  if (u.level == "commune") {
    o["valid_from"] = optional_string(u.valid_from);
    o["valid_to"] = optional_string(u.valid_to);
  }
  return o;
}
}  // namespace

json::object cooperative_json(const domain::Cooperative& c, bool with_private) {
  json::array sectors;
  for (const auto& s : c.sectors) sectors.push_back(json::value(s));
  json::array current;
  for (const auto& u : c.current_communes) current.push_back(unit_json(u));
  json::object rep{{"name", c.representative.name}, {"title", c.representative.title}};
  if (with_private) {
    rep["phone"] = c.representative.phone;
    rep["email"] = c.representative.email;
  }
  json::object o{
      {"id", c.id},
      {"kind", c.kind},
      {"name", c.name},
      {"registration_code", optional_string(c.registration_code)},
      {"commune", unit_json(c.commune)},
      {"district", unit_json(c.district)},
      {"province", unit_json(c.province)},
      {"current_communes", std::move(current)},
      {"address", c.address},
      {"sectors", std::move(sectors)},
      {"founded_on", c.founded_on ? json::value(c.founded_on->iso()) : json::value(nullptr)},
      {"charter_capital_vnd",
       c.charter_capital_vnd ? json::value(*c.charter_capital_vnd) : json::value(nullptr)},
      {"status", c.status},
      {"representative", std::move(rep)},
      {"version", c.version},
      {"updated_at", c.updated_at}};
  if (c.figures_year)
    o["latest_figures"] =
        json::object{{"year", *c.figures_year},
                     {"members", c.members ? json::value(*c.members) : json::value(nullptr)},
                     {"classification", optional_string(c.classification)}};
  else
    o["latest_figures"] = nullptr;
  return o;
}

json::object year_json(const domain::CooperativeYear& y) {
  return json::object{
      {"year", y.year},
      {"members_official", y.members_official},
      {"members_associate", y.members_associate},
      {"workers", y.workers},
      {"revenue_vnd", y.revenue_vnd},
      {"profit_vnd", y.profit_vnd},
      {"avg_income_vnd", y.avg_income_vnd},
      {"classification", optional_string(y.classification)},
      {"classification_score",
       y.classification_score ? json::value(*y.classification_score) : json::value(nullptr)},
      {"updated_at", y.updated_at}};
}

json::object product_json(const domain::OcopProduct& p) {
  return json::object{{"id", p.id},
                      {"cooperative_id", p.cooperative_id},
                      {"name", p.name},
                      {"group", p.group},
                      {"stars", p.stars},
                      {"score", p.score ? json::value(*p.score) : json::value(nullptr)},
                      {"decision_no", p.decision_no},
                      {"decided_on", p.decided_on.iso()},
                      {"expires_on", p.expires_on.iso()},
                      {"valid", p.expires_on >= domain::Date::today_in_vietnam()},
                      // 36 months from recognition (RULES.md §2): past expires_on, expired.
                      {"expired", p.expires_on < domain::Date::today_in_vietnam()}};
}

json::object contract_json(const domain::OfftakeContract& k) {
  return json::object{{"id", k.id},
                      {"cooperative_id", k.cooperative_id},
                      {"partner", k.partner},
                      {"product", k.product},
                      {"volume", k.volume},
                      {"valid_from", k.valid_from.iso()},
                      {"valid_to", k.valid_to.iso()}};
}

core::CooperativeInput cooperative_input(const json::object& body, bool create) {
  JsonInput in(body,
               {"kind", "name", "registration_code", "commune_code", "commune_as_of", "address",
                "sectors", "founded_on", "charter_capital_vnd", "status", "representative"});
  core::CooperativeInput c;
  c.kind = in.string("kind", 10, create);
  c.name = in.string("name", 200, create);
  c.registration_code = in.string("registration_code", 20, false);
  if (in.is_null("registration_code")) c.registration_code = std::string();
  c.commune_code = in.string("commune_code", 5, create);
  c.commune_as_of = in.date("commune_as_of", false);
  c.address = in.string("address", 300, create);
  c.sectors = in.strings("sectors", 10, 40, create);
  if (in.has("founded_on")) {
    auto d = in.date("founded_on", false);
    c.founded_on = in.is_null("founded_on") ? std::optional<domain::Date>() : d;
  }
  if (in.has("charter_capital_vnd")) {
    auto v = in.integer("charter_capital_vnd", false, 0);
    c.charter_capital_vnd = in.is_null("charter_capital_vnd") ? std::optional<int64_t>() : v;
  }
  c.status = in.string("status", 20, false);
  if (const json::object* rep = in.object("representative", false)) {
    JsonInput r(*rep, {"name", "title", "phone", "email"}, "representative.");
    domain::Representative value;
    value.name = r.string("name", 100, false).value_or("");
    value.title = r.string("title", 100, false).value_or("");
    value.phone = r.string("phone", 20, false).value_or("");
    value.email = r.string("email", 120, false).value_or("");
    in.problems().absorb(r.problems());
    c.representative = value;
  }
  c.problems = in.problems();  // reported with the rules' problems, all at once (core)
  return c;
}

}  // namespace hoptac::api
