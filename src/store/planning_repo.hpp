#pragma once
// What indicators, plans, schemes and the dashboard read: facts of the register for a year and
// a place, plan targets, schemes, and petition statistics.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/indicators.hpp"
#include "domain/petition.hpp"
#include "domain/planning_records.hpp"
#include "store/database.hpp"

namespace hoptac::store {

using Place = domain::Place;
using SchemeRow = domain::SchemeRow;
using PetitionStats = domain::PetitionStats;

class PlanningRepo {
 public:
  explicit PlanningRepo(Connection& c) : c_(c) {}

  std::vector<domain::CooperativeFacts> cooperative_facts(int year, const Place& place);
  std::vector<domain::OcopFacts> ocop_facts(const Place& place);
  // The same facts added up in the database (for large registers).
  std::vector<domain::FactGroup> cooperative_groups(int year, const Place& place);
  std::pair<int64_t, int64_t> founded_and_dissolved(int year, const Place& place);
  std::optional<std::pair<int, int>> years_with_figures();
  bool has_figures(int year);

  std::map<std::string, double> plan(int year);
  void set_plan(int year, const std::map<std::string, double>& targets, int64_t user_id,
                const std::string& now);

  std::vector<SchemeRow> schemes();
  std::optional<SchemeRow> scheme(int64_t id);
  int64_t insert_scheme(const SchemeRow& s, const std::string& now);

  // Petitions created in the year (by state and category); answers given in the year (on time).
  PetitionStats petition_stats(int year, const std::string& today, const std::string& soon_until);
  std::vector<int64_t> oldest_open_petitions(int limit);

  // The places the register's cooperatives are in: districts (before the reform) or the
  // communes they are in now (after it).
  std::vector<std::pair<std::string, std::string>> districts_in_use();
  std::vector<std::pair<std::string, std::string>> current_communes_in_use();
  // Cooperatives with figures in the year, by main sector.
  std::map<std::string, int64_t> main_sector_counts(int year);

  struct AgencyLoad {
    int64_t id = 0;
    std::string code, name;
    int64_t assigned = 0, answered = 0, on_time = 0, late = 0;  // petitions of the year
    int64_t overdue = 0;                                        // being answered, past due, now
    std::optional<std::string> oldest_due;                      // the oldest overdue's due date
  };
  // Petitions of the year by lead agency, and what each has overdue today (drafts never count):
  // read from the running totals of migration 0012.
  std::vector<AgencyLoad> agency_loads(int year, const std::string& today);

  std::string setting(const std::string& key);
  void set_setting(const std::string& key, const std::string& value);

 private:
  Connection& c_;
};

}  // namespace hoptac::store
