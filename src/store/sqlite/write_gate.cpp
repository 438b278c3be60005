#include "store/sqlite/write_gate.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "store/connection.hpp"
#include "store/sqlite/connection.hpp"

namespace hoptac::store::sqlite {

WriteGate::WriteGate(std::string database_path)
    : database_path_(std::move(database_path)), wal_path_(database_path_ + "-wal") {}

WriteGate::~WriteGate() {
  {
    std::lock_guard lock(checkpoint_mutex_);
    stopping_ = true;
  }
  checkpoint_cv_.notify_all();
  if (checkpointer_.joinable()) checkpointer_.join();
}

SqliteConnection& WriteGate::writer() {
  if (!writer_connection_) {
    writer_connection_ = std::make_unique<SqliteConnection>(database_path_);
    writer_connection_->exec("PRAGMA wal_autocheckpoint = 0");
    // When the WAL starts again from its beginning, it is cut back to this size.
    writer_connection_->exec("PRAGMA journal_size_limit = " +
                             std::to_string(kWalBytesBeforeFullCheckpoint));
    checkpointer_ = std::thread([this] { checkpoint_loop(); });
  }
  return *writer_connection_;
}

// A checkpoint of its own connection whenever something was committed since the last one,
// beside the writers. Under steady writes such a checkpoint never catches up with the end of
// the WAL, and SQLite starts the WAL again from its beginning only once it has: past 64 MiB,
// the checkpoint runs with the writer lock held, so that it completes (a pause of tens of
// milliseconds for the writers, as often as it takes to write 64 MiB). A failed or partial
// checkpoint (a reader still on old frames) is simply tried again.
void WriteGate::checkpoint_loop() {
  try {
    SqliteConnection c(database_path_);
    uint64_t done = 0;
    std::unique_lock lock(checkpoint_mutex_);
    while (!checkpoint_cv_.wait_for(lock, std::chrono::milliseconds(250),
                                    [this] { return stopping_; })) {
      const uint64_t now = committed_.load();
      if (now == done) continue;
      lock.unlock();
      try {
        std::unique_lock held(writer_, std::defer_lock);
        if (wal_bytes() > kWalBytesBeforeFullCheckpoint) held.lock();
        c.exec("PRAGMA wal_checkpoint(PASSIVE)");
        done = now;
      } catch (const std::exception&) {
      }
      lock.lock();
    }
  } catch (const std::exception&) {
    // Without this thread the WAL only grows until the last connection closes; SQLite then
    // checkpoints it. Nothing is lost either way.
  }
}

int64_t WriteGate::wal_bytes() const {
  struct stat st {};
  return ::stat(wal_path_.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_size) : 0;
}

// fdatasync through a descriptor of our own: Linux writes out the file's pages whoever wrote
// them. Opened each time, so that a WAL that SQLite deleted and made again is still the one.
void WriteGate::sync_wal() {
  int fd = ::open(wal_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw DatabaseError("cannot open " + wal_path_ + " to sync it: " + std::strerror(errno),
                        DatabaseErrorKind::other);
  int rc = ::fdatasync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0)
    throw DatabaseError("cannot sync " + wal_path_ + ": " + std::strerror(err),
                        DatabaseErrorKind::other);
}

void WriteGate::wait_durable(uint64_t ticket) {
  std::unique_lock lock(sync_mutex_);
  for (;;) {
    if (synced_ >= ticket) return;
    if (syncing_) {  // a sync is running: it may have started before our commit; wait for it
      synced_cv_.wait(lock);
      continue;
    }
    syncing_ = true;
    const uint64_t covers = committed_.load();  // every commit counted is in the WAL file
    lock.unlock();
    std::string error;
    try {
      sync_wal();
    } catch (const std::exception& e) {
      error = e.what();
    }
    lock.lock();
    syncing_ = false;
    if (error.empty()) synced_ = std::max(synced_, covers);
    synced_cv_.notify_all();
    if (!error.empty()) throw DatabaseError(error, DatabaseErrorKind::other);
  }
}

}  // namespace hoptac::store::sqlite
