#include "store/undo_repo.hpp"

namespace hoptac::store {

void UndoRepo::note_seen(int64_t petition_id, int64_t user_id, const std::string& role,
                         std::optional<int64_t> agency_id, const std::string& at) {
  c_.prepare(
        "INSERT INTO petition_views (petition_id, user_id, role, agency_id, seen_at) VALUES (?, "
        "?, ?, ?, ?) ON CONFLICT (petition_id, user_id) DO UPDATE SET seen_at = excluded.seen_at")
      .bind_all(petition_id, user_id, role, agency_id, at)
      .run();
}

bool UndoRepo::seen_since(const std::vector<int64_t>& petition_ids, const std::string& role,
                          const std::string& since) {
  for (auto id : petition_ids) {
    auto st = c_.prepare(
        "SELECT EXISTS (SELECT 1 FROM petition_views WHERE petition_id = ? AND role = ? AND "
        "seen_at >= ?)");
    st.bind_all(id, role, since);
    if (st.step() && st.i64(0) != 0) return true;
  }
  return false;
}

std::optional<LastStep> UndoRepo::last_step(int64_t petition_id) {
  auto st = c_.prepare(
      "SELECT id, action, at, user_id FROM petition_history WHERE petition_id = ? ORDER BY id "
      "DESC LIMIT 1");
  st.bind(petition_id);
  if (!st.step()) return std::nullopt;
  return LastStep{st.i64(0), st.text(1), st.text(2), st.opt_i64(3)};
}

namespace {
// A notice was seen when it was read, its e-mail is being sent or was sent, or a digest e-mail
// carries it (written once: it could not be taken out of it).
constexpr const char* kNoticeSeen =
    "(n.read_at IS NOT NULL OR n.digest_outbox_id > 0 OR EXISTS (SELECT 1 FROM outbox o WHERE "
    "o.notification_id = n.id AND o.state IN ('sending', 'sent')))";
// What may be taken back: a notice nobody has seen by any of those ways (its queued e-mail
// goes with it); a notice whose e-mail went stays, with the record of that e-mail.
constexpr const char* kNoticeUnseen =
    "notifications.read_at IS NULL AND coalesce(notifications.digest_outbox_id, 0) = 0 AND NOT "
    "EXISTS (SELECT 1 FROM outbox o WHERE o.notification_id = notifications.id AND o.state IN "
    "('sending', 'sent'))";
}  // namespace

bool UndoRepo::petition_notice_seen(int64_t petition_id, const std::string& kind,
                                    const std::string& since, const std::string& role) {
  auto st = c_.prepare(std::string("SELECT EXISTS (SELECT 1 FROM notifications n JOIN users u ON "
                                   "u.id = n.user_id WHERE n.petition_id = ? AND n.kind = ? AND "
                                   "n.created_at >= ? AND u.role = ? AND ") +
                       kNoticeSeen + ")");
  st.bind_all(petition_id, kind, since, role);
  return st.step() && st.i64(0) != 0;
}

void UndoRepo::delete_petition_notices(int64_t petition_id, const std::string& kind,
                                       const std::string& since) {
  c_.prepare(std::string("DELETE FROM outbox WHERE state = 'pending' AND notification_id IN "
                         "(SELECT id FROM notifications WHERE petition_id = ? AND kind = ? AND "
                         "created_at >= ? AND ") +
             kNoticeUnseen + ")")
      .bind_all(petition_id, kind, since)
      .run();
  c_.prepare(std::string("DELETE FROM notifications WHERE petition_id = ? AND kind = ? AND "
                         "created_at >= ? AND ") +
             kNoticeUnseen)
      .bind_all(petition_id, kind, since)
      .run();
}

namespace {
// The batch's notice: made in the batch's transaction, naming its number.
constexpr const char* kBatchNotices =
    "SELECT id FROM notifications WHERE kind = 'batch' AND petition_id IS NULL AND created_at = "
    "? AND message_vi LIKE ?";
std::string number_pattern(const BatchOrigin& b) {
  return "%" + b.number + "%";  // "05/BC-LMHTX": no % or _ in it
}
}  // namespace

bool UndoRepo::batch_notice_seen(const BatchOrigin& b) {
  auto st = c_.prepare(std::string("SELECT EXISTS (SELECT 1 FROM notifications n WHERE n.id IN (") +
                       kBatchNotices + ") AND " + kNoticeSeen + ")");
  st.bind_all(b.created_at, number_pattern(b));
  return st.step() && st.i64(0) != 0;
}

void UndoRepo::delete_batch_notices(const BatchOrigin& b) {
  c_.prepare(std::string("DELETE FROM outbox WHERE state = 'pending' AND notification_id IN "
                         "(SELECT id FROM notifications WHERE id IN (") +
             kBatchNotices + ") AND " + kNoticeUnseen + ")")
      .bind_all(b.created_at, number_pattern(b))
      .run();
  c_.prepare(std::string("DELETE FROM notifications WHERE id IN (") + kBatchNotices + ") AND " +
             kNoticeUnseen)
      .bind_all(b.created_at, number_pattern(b))
      .run();
}

std::optional<BatchOrigin> UndoRepo::batch_origin(int64_t batch_id) {
  auto st =
      c_.prepare("SELECT id, created_by, year, seq, number, created_at FROM batches WHERE id = ?");
  st.bind(batch_id);
  if (!st.step()) return std::nullopt;
  return BatchOrigin{
      st.i64(0),  st.i64(1), static_cast<int>(st.i64(2)), static_cast<int>(st.i64(3)),
      st.text(4), st.text(5)};
}

void UndoRepo::delete_batch(const BatchOrigin& b) {
  c_.prepare("UPDATE petitions SET batch_id = NULL WHERE batch_id = ?").bind(b.id).run();
  c_.prepare("DELETE FROM batches WHERE id = ?").bind(b.id).run();
  c_.prepare(
        "UPDATE counters SET value = value - 1 WHERE name = 'batch' AND year = ? AND value = ?")
      .bind_all(b.year, b.seq)
      .run();
}

}  // namespace hoptac::store
