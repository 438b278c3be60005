#include "core/audit.hpp"

#include "core/clock.hpp"
#include "core/secrets.hpp"
#include "report/csv.hpp"
#include "store/audit_repo.hpp"

namespace hoptac::core {

namespace {
// What the hash covers: the entry before it, then every field of this one, unambiguously joined.
std::string entry_hash(const store::AuditRow& r) {
  std::string s = r.prev_hash + '\n' + std::to_string(r.id);
  for (const std::string* f :
       {&r.at, &r.username, &r.address, &r.kind, &r.object_type, &r.object_id, &r.summary}) {
    s += '\x1f';
    s += std::to_string(f->size());
    s += ':';
    s += *f;
  }
  s += '\x1f' + (r.user_id ? std::to_string(*r.user_id) : std::string("-"));
  return sha256_hex(s);
}

constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";
}  // namespace

void append_audit(store::Connection& c, const AuditEvent& e) {
  store::AuditRepo repo(c);
  store::AuditRow r;
  auto last = repo.last();
  r.id = last.first + 1;  // the write transaction excludes other writers: no one takes it
  r.prev_hash = last.first == 0 ? kGenesis : last.second;
  r.at = now_iso();
  r.user_id = e.user_id;
  r.username = e.username;
  r.address = e.address;
  r.kind = e.kind;
  r.object_type = e.object_type;
  r.object_id = e.object_id;
  r.summary = e.summary;
  r.hash = entry_hash(r);
  repo.append(r);
}

AuditScope::AuditScope(store::Connection& c, AuditEvent event) : c_(c), event_(std::move(event)) {
  c_.commit_hook = this;
}

AuditScope::~AuditScope() {
  if (c_.commit_hook == this) c_.commit_hook = nullptr;
}

void AuditScope::before_commit(store::Connection& c) {
  if (written_) return;
  append_audit(c, event_);
  written_ = true;
}

void note_audit_object(store::Connection& c, const std::string& id) {
  if (auto* scope = dynamic_cast<AuditScope*>(c.commit_hook)) scope->set_object_id(id);
}

namespace {
store::AuditFilter allowed_filter(const MaybeActor& actor, const AuditQuery& q) {
  const auto& a =
      require_role(actor, {domain::Role::admin, domain::Role::leader, domain::Role::alliance});
  store::AuditFilter f{q.user_id, q.username, q.kind, q.object_type, q.object_id,
                       q.from,    q.to,       q.page, q.per_page};
  if (!a.is(domain::Role::admin)) f.object_type = "petitions";
  return f;
}

AuditEntry entry_of(const store::AuditRow& r) {
  return {r.id,   r.at,          r.user_id,   r.username, r.address,
          r.kind, r.object_type, r.object_id, r.summary,  r.hash};
}
}  // namespace

std::vector<AuditEntry> list_audit(store::Connection& c, const MaybeActor& actor, AuditQuery q,
                                   int64_t* total) {
  auto f = allowed_filter(actor, q);
  store::Transaction tx(c, store::Transaction::Mode::read);
  std::vector<AuditEntry> out;
  for (const auto& r : store::AuditRepo(c).list(f, total)) out.push_back(entry_of(r));
  return out;
}

std::string audit_csv(store::Connection& c, const MaybeActor& actor, AuditQuery q) {
  auto f = allowed_filter(actor, q);
  report::CsvWriter w;
  w.row({"Mã", "Thời điểm (UTC)", "Người dùng", "Địa chỉ", "Loại", "Đối tượng", "Mã đối tượng",
         "Nội dung", "Hash"});
  store::Transaction tx(c, store::Transaction::Mode::read);
  store::AuditRepo repo(c);
  f.page = 1;
  f.per_page = 1000;
  for (;; ++f.page) {
    auto rows = repo.list(f, nullptr);
    for (const auto& r : rows)
      w.row({std::to_string(r.id), r.at, r.username, r.address, r.kind, r.object_type, r.object_id,
             r.summary, r.hash});
    if (rows.size() < static_cast<size_t>(f.per_page) || f.page >= 100) break;  // 100,000 rows
  }
  return w.str();
}

AuditCheck verify_audit(store::Connection& c) {
  AuditCheck check;
  store::Transaction tx(c, store::Transaction::Mode::read);
  std::string prev = kGenesis;
  int64_t expected_id = 0;
  store::AuditRepo(c).walk([&](const store::AuditRow& r) {
    ++check.entries;
    ++expected_id;
    if (r.id != expected_id)
      check.why = "entry " + std::to_string(expected_id) + " is missing";
    else if (r.prev_hash != prev)
      check.why = "its link to the entry before does not match";
    else if (entry_hash(r) != r.hash)
      check.why = "its content does not match its hash";
    if (!check.why.empty()) {
      check.first_bad = r.id;
      return false;
    }
    prev = r.hash;
    return true;
  });
  check.head_hash = prev;
  return check;
}

}  // namespace hoptac::core
