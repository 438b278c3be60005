#pragma once
// Serves the built web application: files with their content type, long-lived caching for
// hashed assets, and index.html for the application's own routes.
#include <filesystem>
#include <optional>
#include <string>

#include "http/message.hpp"

namespace hoptac::http {

class StaticFiles {
 public:
  // Only files that resolve (after following links) inside `root` are ever served.
  explicit StaticFiles(std::string root);
  // A response for GET/HEAD of `path`, or nothing when the path is not the web app's.
  std::optional<Response> serve(const Request& req) const;

 private:
  std::filesystem::path root_;  // canonical; empty when there is no web app
};

}  // namespace hoptac::http
