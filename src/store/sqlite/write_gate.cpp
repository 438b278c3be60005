#include "store/sqlite/write_gate.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/connection.hpp"
#include "store/sqlite/connection.hpp"

namespace hoptac::store::sqlite {

WriteGate::WriteGate(std::string database_path)
    : database_path_(std::move(database_path)), wal_path_(database_path_ + "-wal") {}

WriteGate::~WriteGate() = default;

SqliteConnection& WriteGate::writer() {
  if (!writer_connection_) writer_connection_ = std::make_unique<SqliteConnection>(database_path_);
  return *writer_connection_;
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
    uint64_t covers = 0;
    {
      // Every commit counted so far is in the WAL file (COMMIT returned before counting).
      std::lock_guard writer(writer_);
      covers = committed_;
    }
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
