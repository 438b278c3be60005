#pragma once
// Serves the built web application: files with their content type, long-lived caching for
// hashed assets, and index.html for the application's own routes.
#include <optional>
#include <string>

#include "http/message.hpp"

namespace hoptac::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  // A response for GET/HEAD of `path`, or nothing when the path is not the web app's.
  std::optional<Response> serve(const Request& req) const;

 private:
  std::string root_;
};

}  // namespace hoptac::http
