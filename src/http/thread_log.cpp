#include "http/thread_log.hpp"

#include <unistd.h>

#include <cerrno>
#include <string>

namespace hoptac::http::thread_log {

namespace {
constexpr std::size_t kChunk = 4096;  // PIPE_BUF: a write of this size is never interleaved

void write_all(const char* p, std::size_t n) {
  while (n > 0) {
    ssize_t w = ::write(STDOUT_FILENO, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;  // nowhere to log to: the lines are dropped, the request is not
    p += w;
    n -= static_cast<std::size_t>(w);
  }
}

struct Buffer {
  std::string pending;
  Buffer() { pending.reserve(kChunk); }
  ~Buffer() { drain(); }
  void drain() {
    write_all(pending.data(), pending.size());
    pending.clear();
  }
};

Buffer& mine() {
  thread_local Buffer buffer;
  return buffer;
}
}  // namespace

void write_line(std::string_view line) {
  Buffer& b = mine();
  if (b.pending.size() + line.size() + 1 > kChunk) b.drain();
  b.pending.append(line);
  b.pending.push_back('\n');
  if (b.pending.size() >= kChunk) b.drain();  // a line longer than a chunk goes alone
}

void flush() {
  Buffer& b = mine();
  if (!b.pending.empty()) b.drain();
}

}  // namespace hoptac::http::thread_log
