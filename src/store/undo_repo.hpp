#pragma once
// What a short undo needs to know: who has opened a petition lately, the last step of its
// history, and the notifications an action sent (to take them back with it).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace hoptac::store {

struct LastStep {
  int64_t history_id = 0;
  std::string action, at;
  std::optional<int64_t> user_id;
};

struct BatchOrigin {
  int64_t id = 0, created_by = 0;
  int year = 0, seq = 0;
  std::string number, created_at;
};

class UndoRepo {
 public:
  explicit UndoRepo(Connection& c) : c_(c) {}

  // Records that this user opened the petition now (the latest view is kept).
  void note_seen(int64_t petition_id, int64_t user_id, const std::string& role,
                 std::optional<int64_t> agency_id, const std::string& at);
  // Whether a user of this role opened one of these petitions at or after `since`.
  bool seen_since(const std::vector<int64_t>& petition_ids, const std::string& role,
                  const std::string& since);
  std::optional<LastStep> last_step(int64_t petition_id);

  // Notifications of this kind about this petition made at or after `since`: whether one to a
  // user of `role` was read, or its e-mail is being sent or was sent (alone or in a digest);
  // and taking back those nobody has seen (their queued e-mails go with them).
  bool petition_notice_seen(int64_t petition_id, const std::string& kind, const std::string& since,
                            const std::string& role);
  void delete_petition_notices(int64_t petition_id, const std::string& kind,
                               const std::string& since);
  // The same for the notice of a batch sent to the UBND (it names no petition).
  bool batch_notice_seen(const BatchOrigin& b);
  void delete_batch_notices(const BatchOrigin& b);

  std::optional<BatchOrigin> batch_origin(int64_t batch_id);
  // The batch is gone; its number is given back when it was the year's last.
  void delete_batch(const BatchOrigin& b);

 private:
  Connection& c_;
};

}  // namespace hoptac::store
