#pragma once
// Use cases of the register. Each checks role and ownership, validates, and runs in one
// transaction.
#include <optional>
#include <string>
#include <vector>

#include "domain/actor.hpp"
#include "domain/cooperative.hpp"
#include "domain/cooperative_filter.hpp"
#include "domain/failure.hpp"
#include "store/database.hpp"

namespace hoptac::core {

using MaybeActor = std::optional<domain::Actor>;

// Fields of a create or a PATCH; absent fields are left as they are.
struct CooperativeInput {
  std::optional<std::string> kind, name, registration_code, commune_code, address, status;
  std::optional<std::vector<std::string>> sectors;
  std::optional<std::optional<domain::Date>> founded_on;  // set to nullopt to clear
  std::optional<std::optional<int64_t>> charter_capital_vnd;
  std::optional<domain::Representative> representative;
  std::optional<domain::Date> commune_as_of;  // the date the commune must be valid at; today
  domain::Problems problems;  // found while reading the input (types, lengths): all reported
};

// True when the actor may see private fields (representative's phone, e-mail, figures).
bool can_see_private(const MaybeActor& actor, int64_t cooperative_id);
bool can_write_register(const MaybeActor& actor);
// 401/403 before a body is even read: creating needs the register's keepers; editing, them or
// the cooperative itself.
void require_may_create_cooperative(const MaybeActor& actor);
void require_may_edit_cooperative(const MaybeActor& actor, int64_t id);

std::vector<domain::Cooperative> list_cooperatives(store::Connection& c,
                                                   const domain::CooperativeFilter& f,
                                                   int64_t* total);
domain::Cooperative get_cooperative(store::Connection& c, int64_t id);
domain::Cooperative create_cooperative(store::Connection& c, const MaybeActor& actor,
                                       const CooperativeInput& in);
domain::Cooperative update_cooperative(store::Connection& c, const MaybeActor& actor, int64_t id,
                                       const CooperativeInput& in,
                                       std::optional<int64_t> expected_version);

// Validates and writes one cooperative inside the caller's transaction (used by the import,
// which passes the problems it already found in the row's cells, to report them all at once).
int64_t insert_cooperative_in_tx(store::Connection& c, const CooperativeInput& in,
                                 const std::string& field_prefix,
                                 const domain::Problems& earlier = {});

std::vector<domain::CooperativeYear> list_years(store::Connection& c, const MaybeActor& actor,
                                                int64_t id);
domain::CooperativeYear put_year(store::Connection& c, const MaybeActor& actor,
                                 domain::CooperativeYear y, bool* created);

std::vector<domain::OcopProduct> list_products(store::Connection& c, int64_t id);
domain::OcopProduct create_product(store::Connection& c, const MaybeActor& actor,
                                   domain::OcopProduct p);
struct ProductPatch {
  std::optional<std::string> name, group, decision_no;
  std::optional<int> stars;
  std::optional<std::optional<int>> score;
  std::optional<domain::Date> decided_on;
};
domain::OcopProduct update_product(store::Connection& c, const MaybeActor& actor, int64_t coop_id,
                                   int64_t product_id, const ProductPatch& patch);
void delete_product(store::Connection& c, const MaybeActor& actor, int64_t coop_id,
                    int64_t product_id);

std::vector<domain::OfftakeContract> list_contracts(store::Connection& c, const MaybeActor& actor,
                                                    int64_t id);
domain::OfftakeContract create_contract(store::Connection& c, const MaybeActor& actor,
                                        domain::OfftakeContract k);

}  // namespace hoptac::core
