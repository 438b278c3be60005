#pragma once
// Indicators from the register against the plan, schemes and their progress, and the
// leader's dashboard.
#include <optional>
#include <string_view>
#include <vector>

#include "domain/actor.hpp"
#include "domain/agency_table.hpp"
#include "domain/conference.hpp"
#include "domain/indicators.hpp"
#include "domain/petition.hpp"
#include "domain/planning_records.hpp"
#include "store/database.hpp"

namespace hoptac::core {

using MaybeActor = std::optional<domain::Actor>;

struct IndicatorReport {
  domain::Indicators values;
  std::map<std::string, double> targets;  // the year's plan
  domain::Place place;
};

// Fails with 422 on `year` when the register has no figures for that year.
IndicatorReport indicators(store::Connection& c, int year, const domain::Place& place);

// The latest year the register has figures for (last year when it has none).
int latest_figures_year(store::Connection& c);

std::map<std::string, double> get_plan(store::Connection& c, const MaybeActor& actor, int year);
std::map<std::string, double> put_plan(store::Connection& c, const MaybeActor& actor, int year,
                                       const std::map<std::string, double>& targets);

std::vector<domain::SchemeRow> list_schemes(store::Connection& c, const MaybeActor& actor);
domain::SchemeRow get_scheme(store::Connection& c, const MaybeActor& actor, int64_t id);
domain::SchemeRow create_scheme(store::Connection& c, const MaybeActor& actor, domain::SchemeRow s);

struct SchemeYear {
  int year;
  std::optional<double> actual;  // nothing when the register has no figures that year
};
struct SchemeProgress {
  domain::SchemeRow scheme;
  std::vector<int> years;
  std::map<std::string, std::vector<SchemeYear>> actuals;  // by indicator
};
SchemeProgress scheme_progress(store::Connection& c, const MaybeActor& actor, int64_t id);

struct Dashboard {
  IndicatorReport headline;
  domain::PetitionStats petitions;
  std::vector<domain::Petition> oldest_open;
  std::vector<domain::Directive> directives_due;
};
// Headline indicators of `figures_year`, petitions of `petitions_year`.
Dashboard dashboard(store::Connection& c, const MaybeActor& actor, int figures_year,
                    int petitions_year);

// Which agencies are late: petitions of `year` by lead agency, what each has overdue today,
// sorted by `sort` (one of domain::agency_sort_keys()). Leaders, the Liên minh and admins.
std::vector<domain::AgencyLateness> agency_lateness(store::Connection& c, const MaybeActor& actor,
                                                    int year, std::string_view sort,
                                                    bool descending);

}  // namespace hoptac::core
