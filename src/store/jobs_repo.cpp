#include "store/jobs_repo.hpp"

namespace hoptac::store {

int64_t JobsRepo::insert(const std::string& kind, const std::string& params, int64_t user_id,
                         const std::string& now) {
  auto st = c_.prepare(
      "INSERT INTO jobs (kind, params, status, created_by, created_at) VALUES (?, ?, 'queued', "
      "?, ?) RETURNING id");
  st.bind_all(kind, params, user_id, now);
  st.step();
  return st.i64(0);
}

std::optional<JobRow> JobsRepo::get(int64_t id) {
  auto st = c_.prepare(
      "SELECT id, kind, params, status, coalesce(error, ''), progress, coalesce(content_type, ''), "
      "coalesce(filename, ''), created_at, coalesce(finished_at, ''), created_by FROM jobs WHERE "
      "id = ?");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return JobRow{
      st.i64(0),  st.text(1), st.text(2), st.text(3), st.text(4),    static_cast<int>(st.i64(5)),
      st.text(6), st.text(7), st.text(8), st.text(9), st.opt_i64(10)};
}

std::optional<JobRow> JobsRepo::claim_next() {
  auto st = c_.prepare("SELECT id FROM jobs WHERE status = 'queued' ORDER BY id LIMIT 1");
  if (!st.step()) return std::nullopt;
  int64_t id = st.i64(0);
  c_.prepare("UPDATE jobs SET status = 'running', progress = 5 WHERE id = ?").bind(id).run();
  return get(id);
}

void JobsRepo::set_progress(int64_t id, int progress) {
  c_.prepare("UPDATE jobs SET progress = ? WHERE id = ?").bind_all(progress, id).run();
}

void JobsRepo::finish(int64_t id, const std::string& content_type, const std::string& filename,
                      const std::string& bytes, const std::string& now) {
  auto st = c_.prepare(
      "UPDATE jobs SET status = 'done', progress = 100, content_type = ?, filename = ?, result = "
      "?, "
      "finished_at = ? WHERE id = ?");
  st.bind_all(content_type, filename).bind_blob(bytes).bind_all(now, id).run();
}

void JobsRepo::fail(int64_t id, const std::string& error, const std::string& now) {
  c_.prepare("UPDATE jobs SET status = 'failed', error = ?, finished_at = ? WHERE id = ?")
      .bind_all(error, now, id)
      .run();
}

std::string JobsRepo::result(int64_t id) {
  auto st = c_.prepare("SELECT result FROM jobs WHERE id = ?");
  st.bind(id);
  return st.step() ? st.blob(0) : std::string();
}

}  // namespace hoptac::store
