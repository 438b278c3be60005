#pragma once
// Routes "METHOD /path/{param}" patterns to handlers. A handler is a plain function from
// request to response; it does no socket I/O.
#include <functional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace hoptac::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);

  struct Match {
    const Handler* handler = nullptr;  // null: no route
    std::string pattern;               // for logs and metrics
    bool path_known = false;           // the path exists with another method (405)
    std::vector<std::string> allowed;
  };
  // Fills req.params on success.
  Match match(Request& req) const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace hoptac::http
