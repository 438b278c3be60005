#pragma once
// The register: cooperatives, their sectors, yearly figures, OCOP products and contracts.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/cooperative.hpp"
#include "domain/cooperative_filter.hpp"
#include "store/database.hpp"

namespace hoptac::store {

using CooperativeFilter = domain::CooperativeFilter;

class CooperativesRepo {
 public:
  explicit CooperativesRepo(Connection& c) : c_(c) {}

  std::vector<domain::Cooperative> list(const CooperativeFilter& f, int64_t* total);
  std::optional<domain::Cooperative> get(int64_t id);
  int64_t insert(const domain::Cooperative& coop, int64_t commune_unit_id, const std::string& now);
  void update(const domain::Cooperative& coop, int64_t commune_unit_id, const std::string& now);
  bool registration_code_taken(const std::string& code, int64_t except_id);

  std::vector<domain::CooperativeYear> years(int64_t cooperative_id);
  std::optional<domain::CooperativeYear> year(int64_t cooperative_id, int year);
  void upsert_year(const domain::CooperativeYear& y, const std::string& now);

  std::vector<domain::OcopProduct> products(int64_t cooperative_id);
  std::optional<domain::OcopProduct> product(int64_t cooperative_id, int64_t product_id);
  int64_t insert_product(const domain::OcopProduct& p);
  void update_product(const domain::OcopProduct& p);
  void delete_product(int64_t product_id);

  std::vector<domain::OfftakeContract> contracts(int64_t cooperative_id);
  int64_t insert_contract(const domain::OfftakeContract& k);

 private:
  void load_details(domain::Cooperative& c);
  void write_sectors(int64_t id, const std::vector<std::string>& sectors);
  Connection& c_;
};

}  // namespace hoptac::store
