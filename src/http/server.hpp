#pragma once
// The HTTP/1.1 server: Boost.Beast + Asio coroutines on one I/O thread per core; what needs no
// database answered there, the rest on a pool of worker threads (they may block on the
// database); keep-alive, header and body limits, read and idle deadlines, graceful shutdown on
// SIGINT/SIGTERM.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace hoptac::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: an ephemeral port, see Server::port()
  int io_threads = 0;          // 0: one per core
  int worker_threads = 4;
  // Requests answered on the I/O thread itself: they must never block (no database).
  std::function<bool(const Request&)> runs_inline;
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1024 * 1024;
  // A larger limit for some targets (imports); returns body_limit otherwise.
  std::function<std::size_t(const std::string& method, const std::string& target)> body_limit_for;
  std::chrono::seconds read_timeout{30};    // to read one request once it has started
  std::chrono::seconds idle_timeout{60};    // between requests on a kept-alive connection
  std::chrono::seconds shutdown_grace{25};  // for requests in flight after a signal
  // Slow requests (reports) run on their own small pool, so that they never hold the workers
  // that answer everything else; past `slow_queue_limit` waiting, they are refused with 503.
  std::function<bool(const Request&)> is_slow;
  int slow_threads = 1;
  int slow_queue_limit = 8;
  // Peers whose X-Forwarded-For and X-Forwarded-Proto are believed (a reverse proxy).
  std::vector<std::string> trusted_proxies;
};

using Dispatch = std::function<Response(Request&)>;
using Observer = std::function<void(const Request&, const Response&, double seconds)>;

class Server {
 public:
  Server(ServerOptions options, Dispatch dispatch, Observer observe);
  ~Server();
  unsigned short port() const;
  void run();   // serves until a signal or stop(); requests in flight finish first
  void stop();  // thread-safe

  struct Impl;  // implementation detail, in server.cpp

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace hoptac::http
