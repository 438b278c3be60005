#pragma once
// The audit log: appended to in the transaction of the change it records, read by filters, and
// walked in order to verify its hash chain (core/audit.hpp computes the hashes).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/connection.hpp"

namespace hoptac::store {

struct AuditRow {
  int64_t id = 0;
  std::string at;
  std::optional<int64_t> user_id;
  std::string username, address, kind, object_type, object_id, summary;
  std::string prev_hash, hash;
};

struct AuditFilter {
  std::optional<int64_t> user_id;
  std::optional<std::string> username, kind, object_type, object_id;
  std::optional<std::string> from, to;  // dates, inclusive
  int page = 1, per_page = 50;
};

class AuditRepo {
 public:
  explicit AuditRepo(Connection& c) : c_(c) {}
  // The id and hash of the last entry, {0, ""} for an empty log. Read inside the write
  // transaction, which excludes every other writer: two appends cannot chain to one entry.
  std::pair<int64_t, std::string> last();
  int64_t append(const AuditRow& r);
  std::vector<AuditRow> list(const AuditFilter& f, int64_t* total);  // newest first
  // Every entry in id order, `batch` at a time; stops when `visit` returns false.
  void walk(const std::function<bool(const AuditRow&)>& visit, int batch = 1000);

 private:
  Connection& c_;
};

}  // namespace hoptac::store
