#pragma once
// What the connections of one process to one SQLite file share, to write fast and durably:
//
// - the writer lock: SQLite lets one writer in at a time; waiting on a mutex wakes the next
//   writer the moment the last one commits, where SQLite's busy handler sleeps and polls;
// - the writer connection, on which every write transaction runs, its cache kept warm;
// - group commit: a write transaction commits without syncing (synchronous=NORMAL), and is
//   acknowledged only once an fdatasync of the WAL that began after its commit has ended. One
//   sync covers every transaction committed before it started, so concurrent requests share
//   their syncs, and none is answered before it is on disk (docs/decisions.md, "Group commit");
// - checkpoints off the writers' path: the writer connection never checkpoints at a commit
//   (wal_autocheckpoint=0); a thread of the gate copies the WAL into the database a few times a
//   second beside the writers (PASSIVE), syncing both files as it does, and with the writers
//   held for a moment when the WAL has grown past 64 MiB, so that it starts again.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace hoptac::store::sqlite {

class SqliteConnection;

class WriteGate {
 public:
  explicit WriteGate(std::string database_path);
  ~WriteGate();

  void lock_writer() { writer_.lock(); }
  // Called with the writer lock held, right after a COMMIT that changed something: the
  // ticket to wait for.
  uint64_t committed() { return committed_.fetch_add(1) + 1; }
  void unlock_writer() { writer_.unlock(); }
  // The connection every write transaction of this process runs on (opened at first use);
  // only with the writer lock held.
  SqliteConnection& writer();

  // Returns once the WAL holding commit `ticket` is on disk; throws when it cannot sync.
  void wait_durable(uint64_t ticket);

 private:
  void sync_wal();
  void checkpoint_loop();
  int64_t wal_bytes() const;
  static constexpr int64_t kWalBytesBeforeFullCheckpoint = 64 << 20;
  std::string database_path_, wal_path_;
  std::unique_ptr<SqliteConnection> writer_connection_;  // guarded by writer_
  std::mutex writer_;
  // Commits counted so far, each counted after its COMMIT returned (so it is in the WAL file).
  // Incremented by the writer holding writer_; read by the syncs and the checkpoints without
  // it, which would otherwise wait for a whole write transaction.
  std::atomic<uint64_t> committed_{0};

  std::mutex sync_mutex_;
  std::condition_variable synced_cv_;
  uint64_t synced_ = 0;  // every commit up to this one is on disk
  bool syncing_ = false;

  std::thread checkpointer_;  // started with the writer connection
  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_cv_;
  bool stopping_ = false;
};

}  // namespace hoptac::store::sqlite
