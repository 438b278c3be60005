// The only translation unit that compiles Beast and Asio's coroutine machinery.
//
// Threads: one io_context per I/O thread, each run by its own thread, so that a connection's
// coroutine, its timers and its bookkeeping never need a lock. One acceptor (on the first
// context) deals connections out in turn. Requests that need no database are answered on the
// I/O thread; the others run on the worker pool, and reports and imports on the slow pool.
#include "http/server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <deque>
#include <optional>
#include <random>
#include <set>
#include <thread>

#include "http/compression.hpp"
#include "http/security_headers.hpp"
#include "http/thread_log.hpp"

namespace hoptac::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

namespace {
// An I/O thread's own state: touched only from that thread (or by handlers posted to it).
struct IoThread {
  asio::io_context ioc{1};
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> keep_running{
      ioc.get_executor()};
  std::set<beast::tcp_stream*> idle;  // connections waiting for their next request
  asio::steady_timer log_flush{ioc};  // writes out this thread's buffered access-log lines
  bool closing = false;

  void flush_logs_every(std::chrono::milliseconds period) {
    log_flush.expires_after(period);
    log_flush.async_wait([this, period](beast::error_code ec) {
      thread_log::flush();
      if (!ec && !closing) flush_logs_every(period);
    });
  }
};

int io_thread_count(int asked) {
  if (asked > 0) return asked;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}
}  // namespace

struct Server::Impl {
  ServerOptions opt;
  Dispatch dispatch;
  Observer observe;
  std::deque<IoThread> io;  // io[0] also accepts, and handles signals and shutdown
  asio::thread_pool workers;
  asio::thread_pool slow_workers;  // reports: never on the workers that answer the rest
  std::atomic<int> slow_waiting{0};
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer grace;
  std::atomic<int> sessions{0};
  std::atomic<bool> stopping{false};

  Impl(ServerOptions o, Dispatch d, Observer ob)
      : opt(std::move(o)),
        dispatch(std::move(d)),
        observe(std::move(ob)),
        io(static_cast<std::size_t>(io_thread_count(opt.io_threads))),
        workers(static_cast<std::size_t>(std::max(1, opt.worker_threads))),
        slow_workers(static_cast<std::size_t>(std::max(1, opt.slow_threads))),
        acceptor(io[0].ioc),
        signals(io[0].ioc, SIGINT, SIGTERM),
        grace(io[0].ioc) {}

  // On io[0]. Idle connections are closed at once; those in a request finish it first.
  void begin_shutdown() {
    if (stopping.exchange(true)) return;
    beast::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    for (auto& t : io)
      asio::post(t.ioc, [&t] {
        for (auto* s : t.idle) s->cancel();
      });
    if (sessions.load() == 0) return finish();
    grace.expires_after(opt.shutdown_grace);
    grace.async_wait([this](beast::error_code ec) {
      if (ec) return;
      for (auto& t : io) t.ioc.stop();  // requests still running after the grace period are cut
    });
  }

  // On io[0]: every I/O thread's run() returns once its last connection is gone.
  void finish() {
    grace.cancel();
    for (auto& t : io)
      asio::post(t.ioc, [&t] {
        t.closing = true;
        t.log_flush.cancel();
        t.keep_running.reset();
      });
  }

  void session_ended() {
    if (sessions.fetch_sub(1) == 1 && stopping.load()) asio::post(io[0].ioc, [this] { finish(); });
  }
};

namespace {

Request to_request(bhttp::request<bhttp::string_body>& msg, std::string remote) {
  Request r;
  r.method = std::string(msg.method_string());
  r.target = std::string(msg.target());
  r.headers.reserve(16);
  for (const auto& f : msg) {
    std::string name(f.name_string());
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    r.headers.emplace_back(std::move(name), std::string(f.value()));
  }
  r.body = std::move(msg.body());
  r.remote = std::move(remote);
  r.query_valid = parse_target(r);
  return r;
}

Response plain_problem(int status, const char* title) {
  Response r;
  r.status = status;
  r.header("Content-Type", "application/problem+json");
  r.body = std::string("{\"type\":\"about:blank\",\"status\":") + std::to_string(status) +
           ",\"title\":\"" + title + "\"}";
  add_security_headers(r);
  return r;
}

// What the HTTP layer itself refuses before any handler sees the request: a target that is
// not origin-form ("*", "http://host/..."), and HTTP/1.1 without exactly one Host.
const char* refusal(const bhttp::request_parser<bhttp::string_body>& parser) {
  const auto& h = parser.get();
  std::string_view target = h.target();
  if (target.empty() || target.front() != '/') return "The request target must be a path";
  auto hosts = h.count(bhttp::field::host);
  if (hosts > 1) return "More than one Host header";
  if (h.version() >= 11 && hosts == 0) return "HTTP/1.1 requires a Host header";
  // Only "chunked" is a transfer coding we read; anything else (xchunked, identity,
  // "gzip, chunked") could make a proxy and us see different requests (RFC 9112 §6.3).
  auto te = h.count(bhttp::field::transfer_encoding);
  if (te > 1) return "More than one Transfer-Encoding header";
  if (te == 1) {
    std::string v(h[bhttp::field::transfer_encoding]);
    for (auto& ch : v) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.pop_back();
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.erase(0, 1);
    if (v != "chunked") return "The only transfer coding accepted is chunked";
    if (h.count(bhttp::field::content_length)) return "Content-Length with Transfer-Encoding";
  }
  return nullptr;
}

// The body is moved into the message, not copied; the caller keeps the status and headers.
awaitable<void> write_response(beast::tcp_stream& stream, Response& res, unsigned version,
                               bool keep_alive, bool head, const std::string& request_id = {}) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
  for (const auto& [k, v] : res.headers) out.set(k, v);
  if (!request_id.empty()) out.set("X-Request-Id", request_id);
  out.keep_alive(keep_alive);
  if (head) {
    out.content_length(res.body.size());
  } else {
    out.body() = std::move(res.body);
    out.prepare_payload();
  }
  co_await bhttp::async_write(stream, out, kNoThrow);
  if (!head) res.body = std::move(out.body());  // the observer logs its size
}

awaitable<void> write_problem(beast::tcp_stream& stream, int status, const char* title) {
  Response r = plain_problem(status, title);
  co_await write_response(stream, r, 11, false, false);
}

// Unique within a process and unlikely across instances: a random prefix and a counter.
std::string next_request_id() {
  static const std::string prefix = [] {
    std::random_device rd;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", rd());
    return std::string(buf);
  }();
  static std::atomic<uint64_t> counter{0};
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "-%llu",
                        static_cast<unsigned long long>(counter.fetch_add(1) + 1));
  return prefix + std::string(buf, static_cast<std::size_t>(n));
}

Response dispatch_safely(Server::Impl& s, Request& req) {
  try {
    Response r = s.dispatch(req);
    compress_if_worth(req, r);  // on the worker, not the I/O thread, for most answers
    return r;
  } catch (const std::exception& e) {
    spdlog::error(
        R"({{"event":"unhandled_exception","request_id":"{}","method":"{}","error":"{}"}})", req.id,
        req.method.substr(0, 20), e.what());
  } catch (...) {
    spdlog::error(R"({{"event":"unhandled_exception","request_id":"{}"}})", req.id);
  }
  Response r = plain_problem(500, "Internal server error");
  r.route = "(unhandled)";
  return r;
}

// What needs no database is answered here, on the I/O thread. The rest may block on the
// database: it runs on a worker, and slow requests on their own pool, refused when too many
// already wait.
awaitable<Response> handle(Server::Impl& s, Request& req) {
  if (s.opt.runs_inline && s.opt.runs_inline(req)) co_return dispatch_safely(s, req);
  if (s.opt.is_slow && s.opt.is_slow(req)) {
    if (s.slow_waiting.fetch_add(1) >= s.opt.slow_queue_limit) {
      s.slow_waiting.fetch_sub(1);
      Response busy = plain_problem(503, "Too many reports are being prepared; try again soon");
      busy.header("Retry-After", "5");
      busy.route = "(slow queue full)";
      co_return busy;
    }
    Response res = co_await asio::co_spawn(
        s.slow_workers, [&]() -> awaitable<Response> { co_return dispatch_safely(s, req); },
        asio::use_awaitable);
    s.slow_waiting.fetch_sub(1);
    co_return res;
  }
  co_return co_await asio::co_spawn(
      s.workers, [&]() -> awaitable<Response> { co_return dispatch_safely(s, req); },
      asio::use_awaitable);
}

bool quiet_read_error(const beast::error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted ||
         ec == beast::error::timeout || ec == asio::error::eof ||
         ec == asio::error::connection_reset;
}

bool quiet_body_error(const beast::error_code& ec) {
  return quiet_read_error(ec) || ec == bhttp::error::partial_message;
}

// After the answer, what the client still sends is read and dropped for a moment (as nginx's
// lingering close): closing with unread bytes would reset the connection, and the client
// would lose the 413 it was sent while still sending its oversized body.
awaitable<void> linger(beast::tcp_stream& stream) {
  constexpr std::size_t kMaxDrained = 8u << 20;
  stream.expires_after(std::chrono::seconds(2));
  static thread_local std::array<char, 16384> sink;
  for (std::size_t drained = 0; drained < kMaxDrained;) {
    auto [ec, n] = co_await stream.async_read_some(asio::buffer(sink), kNoThrow);
    if (ec) break;
    drained += n;
  }
}

awaitable<void> session(Server::Impl& s, IoThread& t, tcp::socket socket) {
  beast::error_code ec;
  auto endpoint = socket.remote_endpoint(ec);
  std::string remote = ec ? std::string() : endpoint.address().to_string();
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  for (;;) {
    bhttp::request_parser<bhttp::string_body> parser;  // a fresh parser for every message
    parser.header_limit(static_cast<std::uint32_t>(s.opt.header_limit));
    parser.body_limit(boost::none);  // decided once the target is known, below
    if (s.stopping.load()) break;
    t.idle.insert(&stream);
    stream.expires_after(s.opt.idle_timeout);
    auto [read_ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kNoThrow);
    t.idle.erase(&stream);
    if (read_ec == bhttp::error::header_limit) {
      co_await write_problem(stream, 431, "Request header fields too large");
      break;
    }
    if (read_ec) {
      if (!quiet_read_error(read_ec)) co_await write_problem(stream, 400, "Malformed HTTP request");
      break;
    }
    if (const char* why = refusal(parser)) {
      co_await write_problem(stream, 400, why);
      break;
    }
    const auto started = std::chrono::steady_clock::now();
    const std::size_t limit = s.opt.body_limit_for
                                  ? s.opt.body_limit_for(std::string(parser.get().method_string()),
                                                         std::string(parser.get().target()))
                                  : s.opt.body_limit;
    parser.body_limit(limit);
    stream.expires_after(s.opt.read_timeout);
    bool too_large = parser.content_length() && *parser.content_length() > limit;
    if (!too_large && !parser.is_done()) {
      auto [body_ec, m] = co_await bhttp::async_read(stream, buffer, parser, kNoThrow);
      too_large = body_ec == bhttp::error::body_limit;
      if (body_ec && !too_large) {
        // A malformed body (a chunk size that overflows, say) is told, not just dropped.
        if (!quiet_body_error(body_ec))
          co_await write_problem(stream, 400, "Malformed HTTP request body");
        break;
      }
    }
    if (too_large) {
      Request req;
      req.method = std::string(parser.get().method_string());
      req.target = std::string(parser.get().target());
      req.remote = remote;
      Response res = plain_problem(413, "Request body too large");
      res.route = "(body limit)";
      s.observe(req, res, 0);
      co_await write_response(stream, res, 11, false, false);
      break;
    }
    auto msg = parser.release();
    const bool head = msg.method() == bhttp::verb::head;
    const unsigned version = msg.version();
    bool keep_alive = msg.keep_alive();
    Request req = to_request(msg, remote);
    req.id = next_request_id();
    apply_forwarding(req, s.opt.trusted_proxies);
    Response res = co_await handle(s, req);
    if (s.stopping.load()) keep_alive = false;
    stream.expires_after(s.opt.read_timeout);
    // Counted before the write: a client that has its answer finds it in /metrics.
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    s.observe(req, res, seconds);
    co_await write_response(stream, res, version, keep_alive, head, req.id);
    if (!keep_alive) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  co_await linger(stream);
  s.session_ended();
}

awaitable<void> listen(Server::Impl& s) {
  for (std::size_t next = 0;; ++next) {
    auto& t = s.io[next % s.io.size()];
    auto [ec, socket] = co_await s.acceptor.async_accept(t.ioc, kNoThrow);
    if (ec) {
      if (!s.acceptor.is_open()) co_return;
      continue;
    }
    if (s.stopping.load()) co_return;
    s.sessions.fetch_add(1);
    asio::co_spawn(t.ioc, session(s, t, std::move(socket)), asio::detached);
  }
}

}  // namespace

Server::Server(ServerOptions options, Dispatch dispatch, Observer observe)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(dispatch), std::move(observe))) {
  tcp::endpoint ep(asio::ip::make_address(impl_->opt.host), impl_->opt.port);
  impl_->acceptor.open(ep.protocol());
  impl_->acceptor.set_option(asio::socket_base::reuse_address(true));
  impl_->acceptor.bind(ep);
  impl_->acceptor.listen(asio::socket_base::max_listen_connections);
}

Server::~Server() {
  impl_->workers.join();
  impl_->slow_workers.join();
}

unsigned short Server::port() const {
  return impl_->acceptor.local_endpoint().port();
}

void Server::run() {
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) impl_->begin_shutdown();
  });
  asio::co_spawn(impl_->io[0].ioc, listen(*impl_), asio::detached);
  for (auto& t : impl_->io) t.flush_logs_every(std::chrono::milliseconds(100));
  auto serve = [](IoThread& t) {
    t.ioc.run();
    thread_log::flush();
  };
  std::vector<std::thread> others;
  for (std::size_t i = 1; i < impl_->io.size(); ++i)
    others.emplace_back(serve, std::ref(impl_->io[i]));
  serve(impl_->io[0]);
  for (auto& t : others) t.join();
  impl_->workers.join();
  impl_->slow_workers.join();
}

void Server::stop() {
  asio::post(impl_->io[0].ioc, [this] { impl_->begin_shutdown(); });
}

}  // namespace hoptac::http
