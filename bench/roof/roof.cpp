// The roof of `make bench`: a bare Boost.Beast HTTP/1.1 server that reads a request and answers
// a small JSON body, with nothing else (no routing, no logging, no database). It accepts and
// spreads connections over one io_context per thread exactly as hoptac's server does, so the
// ratio of hoptac's throughput to this one's measures what hoptac adds per request.
//
//   roof PORT [THREADS]
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstdlib>
#include <deque>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

asio::awaitable<void> session(tcp::socket socket) {
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> req;
    auto [ec, n] = co_await http::async_read(socket, buffer, req, kNoThrow);
    if (ec) break;
    http::response<http::string_body> res{http::status::ok, req.version()};
    res.set(http::field::content_type, "application/json");
    res.keep_alive(req.keep_alive());
    res.body() = R"({"status":"ok"})";
    res.prepare_payload();
    auto [wec, m] = co_await http::async_write(socket, res, kNoThrow);
    if (wec || !res.keep_alive()) break;
  }
  beast::error_code ignored;
  socket.shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> listen(tcp::acceptor& acceptor, std::deque<asio::io_context>& contexts) {
  for (std::size_t next = 0;; ++next) {
    auto& ioc = contexts[next % contexts.size()];
    auto [ec, socket] = co_await acceptor.async_accept(ioc, kNoThrow);
    if (!ec) asio::co_spawn(ioc, session(std::move(socket)), asio::detached);
  }
}

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  auto port = static_cast<unsigned short>(std::atoi(argv[1]));
  int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  std::deque<asio::io_context> contexts;
  for (int i = 0; i < threads; ++i) contexts.emplace_back(1);
  tcp::acceptor acceptor(contexts[0], {asio::ip::make_address("127.0.0.1"), port});
  asio::co_spawn(contexts[0], listen(acceptor, contexts), asio::detached);
  std::vector<std::thread> pool;
  for (auto& ioc : contexts)
    pool.emplace_back([&ioc] {
      auto guard = asio::make_work_guard(ioc);
      ioc.run();
    });
  for (auto& t : pool) t.join();
}
