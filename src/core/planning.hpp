#pragma once
// Indicators from the register against the plan, schemes and their progress, and the
// leader's dashboard.
#include <optional>
#include <vector>

#include "domain/actor.hpp"
#include "domain/conference.hpp"
#include "domain/indicators.hpp"
#include "domain/petition.hpp"
#include "store/planning_repo.hpp"

namespace hoptac::core {

using MaybeActor = std::optional<domain::Actor>;

struct IndicatorReport {
  domain::Indicators values;
  std::map<std::string, double> targets;  // the year's plan
  store::Place place;
};

// Fails with 422 on `year` when the register has no figures for that year.
IndicatorReport indicators(store::Connection& c, int year, const store::Place& place);

// The latest year the register has figures for (last year when it has none).
int latest_figures_year(store::Connection& c);

std::map<std::string, double> get_plan(store::Connection& c, const MaybeActor& actor, int year);
std::map<std::string, double> put_plan(store::Connection& c, const MaybeActor& actor, int year,
                                       const std::map<std::string, double>& targets);

std::vector<store::SchemeRow> list_schemes(store::Connection& c, const MaybeActor& actor);
store::SchemeRow get_scheme(store::Connection& c, const MaybeActor& actor, int64_t id);
store::SchemeRow create_scheme(store::Connection& c, const MaybeActor& actor, store::SchemeRow s);

struct SchemeYear {
  int year;
  std::optional<double> actual;  // nothing when the register has no figures that year
};
struct SchemeProgress {
  store::SchemeRow scheme;
  std::vector<int> years;
  std::map<std::string, std::vector<SchemeYear>> actuals;  // by indicator
};
SchemeProgress scheme_progress(store::Connection& c, const MaybeActor& actor, int64_t id);

struct Dashboard {
  IndicatorReport headline;
  store::PetitionStats petitions;
  std::vector<domain::Petition> oldest_open;
  std::vector<domain::Directive> directives_due;
};
// Headline indicators of `figures_year`, petitions of `petitions_year`.
Dashboard dashboard(store::Connection& c, const MaybeActor& actor, int figures_year,
                    int petitions_year);

}  // namespace hoptac::core
