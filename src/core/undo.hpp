#pragma once
// A short undo where it is safe: an action not yet seen by anyone else. The Alliance's sending
// of a batch to the UBND, and the UBND's assignment of a petition, can be taken back by the
// person who did it, within kUndoSeconds, while no one it concerns has opened it (the batch or
// one of its petitions for the UBND; the petition for the agencies given it), read its
// notification, or acted on it. Each undo is one transaction with its history.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/permissions.hpp"
#include "domain/batch.hpp"
#include "domain/petition.hpp"
#include "store/database.hpp"

namespace hoptac::core {

inline constexpr long kUndoSeconds = 600;

// Records that the reader saw these petitions (their page, a list, the batch), when that can
// still stop an undo (a leader or a department, shortly after the petition changed). Its own write
// transaction: call it outside any other.
void note_petitions_seen(store::Connection& c, const domain::Actor& reader,
                         const std::vector<domain::Petition>& ps);
void note_batch_seen(store::Connection& c, const domain::Actor& reader, const domain::BatchRow& b);

// Until when this reader may undo, or nullopt; inside the caller's transaction.
std::optional<std::string> batch_undo_until(store::Connection& c, const domain::Actor& reader,
                                            const domain::BatchRow& b);
std::optional<std::string> assignment_undo_until(store::Connection& c, const domain::Actor& reader,
                                                 const domain::Petition& p);

struct UndoneBatch {
  std::string number;
  std::vector<domain::BatchPetition> petitions;  // received again
};
// The batch is withdrawn: its petitions are received again, its notice to the UBND taken back,
// its number given back when it was the year's last.
UndoneBatch undo_batch(store::Connection& c, const MaybeActor& actor, int64_t batch_id);
// The assignment is withdrawn: the petition is forwarded again, its notices taken back.
domain::Petition undo_assignment(store::Connection& c, const MaybeActor& actor,
                                 int64_t petition_id);

}  // namespace hoptac::core
