#include "core/cooperatives.hpp"

#include "core/audit.hpp"
#include "core/clock.hpp"
#include "core/permissions.hpp"
#include "domain/cooperative_rules.hpp"
#include "domain/failure.hpp"
#include "store/cooperatives_repo.hpp"
#include "store/reference_repo.hpp"

namespace hoptac::core {

using domain::Failure;
using domain::FailureKind;
using domain::Role;
using store::Transaction;

namespace {

// The register is written by the Alliance and the administrator; a cooperative writes some
// parts of its own record (checked where those parts are written).
void require_register_writer(const MaybeActor& a) {
  require_role(a, {Role::alliance, Role::admin});
}

void require_writer_or_owner(const MaybeActor& a, int64_t coop_id) {
  require_signed_in(a);
  if (a->is_any_of({Role::alliance, Role::admin}) || a->represents(coop_id)) return;
  throw Failure::forbidden();
}

domain::Cooperative load(store::CooperativesRepo& repo, int64_t id) {
  auto c = repo.get(id);
  if (!c) throw Failure::not_found("hợp tác xã", "cooperative");
  return *c;
}

void apply(domain::Cooperative& c, const CooperativeInput& in) {
  if (in.kind) c.kind = *in.kind;
  if (in.name) c.name = *in.name;
  if (in.registration_code) c.registration_code = *in.registration_code;
  if (in.address) c.address = *in.address;
  if (in.status) c.status = *in.status;
  if (in.sectors) c.sectors = *in.sectors;
  if (in.founded_on) c.founded_on = *in.founded_on;
  if (in.charter_capital_vnd) c.charter_capital_vnd = *in.charter_capital_vnd;
  if (in.representative) c.representative = *in.representative;
}

// Resolves the commune code at its date; adds a field error when it is not valid then.
std::optional<int64_t> resolve_commune(store::Connection& c, const CooperativeInput& in,
                                       domain::Problems& p, const std::string& prefix) {
  if (!in.commune_code) return std::nullopt;
  auto as_of = in.commune_as_of.value_or(domain::Date::today_in_vietnam());
  store::ReferenceRepo ref(c);
  auto unit = ref.commune_valid_at(*in.commune_code, as_of.iso());
  if (unit) return unit->id;
  if (ref.unit_code_exists("commune", *in.commune_code))
    p.add(prefix + "commune_code",
          "Xã " + *in.commune_code + " không còn hiệu lực vào ngày " + as_of.vietnamese(),
          "Commune " + *in.commune_code + " is not valid on " + as_of.iso());
  else
    p.add(prefix + "commune_code", "Không có mã xã " + *in.commune_code,
          "No commune has the code " + *in.commune_code);
  return std::nullopt;
}

void check_unique_code(store::CooperativesRepo& repo, const domain::Cooperative& c,
                       domain::Problems& p, const std::string& prefix) {
  if (!c.registration_code.empty() && repo.registration_code_taken(c.registration_code, c.id))
    p.add(prefix + "registration_code", "Mã số " + c.registration_code + " đã có trong sổ",
          "Registration code " + c.registration_code + " is already registered");
}

}  // namespace

bool can_see_private(const MaybeActor& a, int64_t cooperative_id) {
  return a && (a->role != Role::coop || a->represents(cooperative_id));
}

void require_may_create_cooperative(const MaybeActor& a) {
  require_register_writer(a);
}
void require_may_edit_cooperative(const MaybeActor& a, int64_t id) {
  require_writer_or_owner(a, id);
}

bool can_write_register(const MaybeActor& a) {
  return a && a->is_any_of({Role::alliance, Role::admin});
}

std::vector<domain::Cooperative> list_cooperatives(store::Connection& c,
                                                   const store::CooperativeFilter& f,
                                                   int64_t* total) {
  store::CooperativesRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  return repo.list(f, total);
}

domain::Cooperative get_cooperative(store::Connection& c, int64_t id) {
  store::CooperativesRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  return load(repo, id);
}

int64_t insert_cooperative_in_tx(store::Connection& c, const CooperativeInput& in,
                                 const std::string& prefix, const domain::Problems& earlier) {
  domain::Problems read = earlier;
  read.absorb(in.problems);
  domain::Problems p;
  auto required = [&](bool present, const char* field) {
    if (!present) p.add(prefix + field, "Bắt buộc phải có", "Required");
  };
  required(in.kind.has_value(), "kind");
  required(in.name.has_value(), "name");
  required(in.commune_code.has_value(), "commune_code");
  required(in.address.has_value(), "address");
  domain::Cooperative coop;
  coop.status = "active";
  apply(coop, in);
  if (in.kind) domain::check_cooperative(coop, p);
  auto commune_id = resolve_commune(c, in, p, prefix);
  store::CooperativesRepo repo(c);
  check_unique_code(repo, coop, p, prefix);
  read.absorb_new_fields(p);
  read.throw_if_any();
  return repo.insert(coop, *commune_id, now_iso());
}

domain::Cooperative create_cooperative(store::Connection& c, const MaybeActor& actor,
                                       const CooperativeInput& in) {
  require_register_writer(actor);
  Transaction tx(c, Transaction::Mode::write);
  int64_t id = insert_cooperative_in_tx(c, in, "");
  note_audit_object(c, std::to_string(id));
  store::CooperativesRepo repo(c);
  auto created = load(repo, id);
  tx.commit();
  return created;
}

domain::Cooperative update_cooperative(store::Connection& c, const MaybeActor& actor, int64_t id,
                                       const CooperativeInput& in,
                                       std::optional<int64_t> expected_version) {
  require_writer_or_owner(actor, id);
  if (!can_write_register(actor)) {
    // A cooperative keeps its own contact details only.
    domain::Problems p;
    auto deny = [&](bool present, const char* field) {
      if (present)
        p.add(field, "Hợp tác xã chỉ được sửa địa chỉ và thông tin người đại diện",
              "A cooperative may change only its address and representative");
    };
    deny(in.kind.has_value(), "kind");
    deny(in.name.has_value(), "name");
    deny(in.registration_code.has_value(), "registration_code");
    deny(in.commune_code.has_value(), "commune_code");
    deny(in.status.has_value(), "status");
    deny(in.sectors.has_value(), "sectors");
    deny(in.founded_on.has_value(), "founded_on");
    deny(in.charter_capital_vnd.has_value(), "charter_capital_vnd");
    p.throw_if_any(FailureKind::forbidden);
  }
  store::CooperativesRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto coop = load(repo, id);
  if (expected_version && *expected_version != coop.version)
    throw Failure(FailureKind::precondition_failed,
                  "Hồ sơ đã được người khác sửa; hãy tải lại rồi sửa tiếp",
                  "The record was changed by someone else; reload it and try again");
  apply(coop, in);
  domain::Problems p;
  domain::check_cooperative(coop, p);
  int64_t commune_id = coop.commune.id;
  if (auto resolved = resolve_commune(c, in, p, "")) commune_id = *resolved;
  check_unique_code(repo, coop, p, "");
  domain::Problems all = in.problems;
  all.absorb_new_fields(p);
  all.throw_if_any();
  repo.update(coop, commune_id, now_iso());
  auto updated = load(repo, id);
  tx.commit();
  return updated;
}

std::vector<domain::CooperativeYear> list_years(store::Connection& c, const MaybeActor& actor,
                                                int64_t id) {
  require_signed_in(actor);
  store::CooperativesRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  load(repo, id);
  return repo.years(id);
}

domain::CooperativeYear put_year(store::Connection& c, const MaybeActor& actor,
                                 domain::CooperativeYear y, bool* created) {
  require_writer_or_owner(actor, y.cooperative_id);
  store::CooperativesRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto coop = load(repo, y.cooperative_id);
  domain::Problems p;
  if (y.classification.empty() && y.classification_score)
    y.classification = domain::classification_for_score(*y.classification_score);
  domain::check_year(coop.kind, y, p);
  p.throw_if_any();
  *created = !repo.year(y.cooperative_id, y.year).has_value();
  repo.upsert_year(y, now_iso());
  auto stored = *repo.year(y.cooperative_id, y.year);
  tx.commit();
  return stored;
}

std::vector<domain::OcopProduct> list_products(store::Connection& c, int64_t id) {
  store::CooperativesRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  load(repo, id);
  return repo.products(id);
}

domain::OcopProduct create_product(store::Connection& c, const MaybeActor& actor,
                                   domain::OcopProduct x) {
  require_writer_or_owner(actor, x.cooperative_id);
  store::CooperativesRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  load(repo, x.cooperative_id);
  domain::Problems p;
  domain::check_product(x, p);
  p.throw_if_any();
  x.expires_on = x.decided_on.plus_months(domain::kOcopValidityMonths);
  x.id = repo.insert_product(x);
  tx.commit();
  return x;
}

domain::OcopProduct update_product(store::Connection& c, const MaybeActor& actor, int64_t coop_id,
                                   int64_t product_id, const ProductPatch& patch) {
  require_writer_or_owner(actor, coop_id);
  store::CooperativesRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  auto x = repo.product(coop_id, product_id);
  if (!x) throw Failure::not_found("sản phẩm", "product");
  if (patch.name) x->name = *patch.name;
  if (patch.group) x->group = *patch.group;
  if (patch.decision_no) x->decision_no = *patch.decision_no;
  if (patch.stars) x->stars = *patch.stars;
  if (patch.score) x->score = *patch.score;
  if (patch.decided_on) x->decided_on = *patch.decided_on;
  domain::Problems p;
  domain::check_product(*x, p);
  p.throw_if_any();
  x->expires_on = x->decided_on.plus_months(domain::kOcopValidityMonths);
  repo.update_product(*x);
  tx.commit();
  return *x;
}

void delete_product(store::Connection& c, const MaybeActor& actor, int64_t coop_id,
                    int64_t product_id) {
  require_writer_or_owner(actor, coop_id);
  store::CooperativesRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  if (!repo.product(coop_id, product_id)) throw Failure::not_found("sản phẩm", "product");
  repo.delete_product(product_id);
  tx.commit();
}

std::vector<domain::OfftakeContract> list_contracts(store::Connection& c, const MaybeActor& actor,
                                                    int64_t id) {
  require_signed_in(actor);
  store::CooperativesRepo repo(c);
  Transaction tx(c, Transaction::Mode::read);
  load(repo, id);
  return repo.contracts(id);
}

domain::OfftakeContract create_contract(store::Connection& c, const MaybeActor& actor,
                                        domain::OfftakeContract k) {
  require_register_writer(actor);
  store::CooperativesRepo repo(c);
  Transaction tx(c, Transaction::Mode::write);
  load(repo, k.cooperative_id);
  domain::Problems p;
  domain::check_contract(k, p);
  p.throw_if_any();
  k.id = repo.insert_contract(k);
  tx.commit();
  return k;
}

}  // namespace hoptac::core
