#pragma once
// The register's records: a cooperative (tổ hợp tác, HTX, liên hiệp HTX), its yearly figures,
// its OCOP products and its offtake contracts. Plain data; the rules are in cooperative_rules.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"

namespace hoptac::domain {

struct Representative {
  std::string name;
  std::string title;
  std::string phone;
  std::string email;
};

struct AdminUnitRef {
  int64_t id = 0;
  std::string code;
  std::string name;
  std::string level;                 // province | district | commune
  std::string valid_from, valid_to;  // "" when open
};

struct Cooperative {
  int64_t id = 0;
  std::string kind;  // tht | htx | lhhtx
  std::string name;
  std::string registration_code;  // "" when none (a THT may have none)
  std::string address;
  std::vector<std::string> sectors;  // first is the main sector
  std::optional<Date> founded_on;
  std::optional<int64_t> charter_capital_vnd;
  std::string status;  // active | suspended | dissolving | dissolved
  Representative representative;
  int64_t version = 1;
  std::string created_at, updated_at;
  // Where it is: the commune as registered, its district (none after the 2025 reform),
  // its province, and the communes it maps to after the reform.
  AdminUnitRef commune, district, province;
  std::vector<AdminUnitRef> current_communes;
  // Latest yearly figures, when the list asks for them.
  std::optional<int> figures_year;
  std::optional<int64_t> members;
  std::string classification;
};

struct CooperativeYear {
  int64_t cooperative_id = 0;
  int year = 0;
  int64_t members_official = 0;
  int64_t members_associate = 0;
  int64_t workers = 0;
  int64_t revenue_vnd = 0;
  int64_t profit_vnd = 0;  // may be negative: a loss
  int64_t avg_income_vnd = 0;
  std::string classification;  // tot | kha | trung_binh | yeu, "" = not rated
  std::optional<int> classification_score;
  std::string updated_at;
};

struct OcopProduct {
  int64_t id = 0;
  int64_t cooperative_id = 0;
  std::string name;
  std::string group;  // food | beverage | herbal | handicraft | ornamental | tourism
  int stars = 3;
  std::optional<int> score;
  std::string decision_no;
  Date decided_on;
  Date expires_on;  // decided_on + 36 months
};

struct OfftakeContract {
  int64_t id = 0;
  int64_t cooperative_id = 0;
  std::string partner;
  std::string product;
  std::string volume;
  Date valid_from;
  Date valid_to;
};

}  // namespace hoptac::domain
