#pragma once
// Background jobs (long reports), claimed one at a time by a worker.
#include <optional>
#include <string>

#include "store/database.hpp"

namespace hoptac::store {

struct JobRow {
  int64_t id = 0;
  std::string kind, params, status, error;
  int progress = 0;
  std::string content_type, filename, created_at, finished_at;
  std::optional<int64_t> created_by;
};

class JobsRepo {
 public:
  explicit JobsRepo(Connection& c) : c_(c) {}
  int64_t insert(const std::string& kind, const std::string& params, int64_t user_id,
                 const std::string& now);
  std::optional<JobRow> get(int64_t id);
  std::optional<JobRow> claim_next();  // the oldest queued job, now running
  void set_progress(int64_t id, int progress);
  void finish(int64_t id, const std::string& content_type, const std::string& filename,
              const std::string& bytes, const std::string& now);
  void fail(int64_t id, const std::string& error, const std::string& now);
  std::string result(int64_t id);

 private:
  Connection& c_;
};

}  // namespace hoptac::store
