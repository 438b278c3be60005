#pragma once
// Who did what: every sign-in, failed sign-in and sign-out, and every change to a record, with
// who, when, from where, the object and what changed. Append-only and tamper-evident: each
// entry's hash covers the hash of the entry before it (docs/decisions.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/permissions.hpp"
#include "store/database.hpp"

namespace hoptac::core {

struct AuditEvent {
  std::optional<int64_t> user_id;
  std::string username, address, kind, object_type, object_id, summary;
};

// Appends inside the caller's write transaction.
void append_audit(store::Connection& c, const AuditEvent& e);

// For the time of one request: the first write transaction that commits records `event` with
// it. A use case that creates a record names it with note_audit_object.
class AuditScope : public store::CommitHook {
 public:
  AuditScope(store::Connection& c, AuditEvent event);
  ~AuditScope() override;
  AuditScope(const AuditScope&) = delete;
  AuditScope& operator=(const AuditScope&) = delete;
  void before_commit(store::Connection& c) override;
  void set_object_id(const std::string& id) { event_.object_id = id; }

 private:
  store::Connection& c_;
  AuditEvent event_;
  bool written_ = false;
};
void note_audit_object(store::Connection& c, const std::string& id);

struct AuditQuery {
  std::optional<int64_t> user_id;
  std::optional<std::string> username, kind, object_type, object_id;
  std::optional<std::string> from, to;  // dates, inclusive
  int page = 1, per_page = 50;
};

struct AuditEntry {
  int64_t id = 0;
  std::string at;
  std::optional<int64_t> user_id;
  std::string username, address, kind, object_type, object_id, summary, hash;
};

// Admin: everything; leader and Liên minh: the petitions' part only (the filter is forced).
std::vector<AuditEntry> list_audit(store::Connection& c, const MaybeActor& actor, AuditQuery q,
                                   int64_t* total);
std::string audit_csv(store::Connection& c, const MaybeActor& actor, AuditQuery q);

struct AuditCheck {
  int64_t entries = 0;
  std::optional<int64_t> first_bad;  // the id of the first entry that does not fit
  std::string why;
  std::string head_hash;  // the last entry's hash: keep it elsewhere to detect a cut tail
};
AuditCheck verify_audit(store::Connection& c);

}  // namespace hoptac::core
