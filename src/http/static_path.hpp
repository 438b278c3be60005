#pragma once
// Where a request path lands inside the web root, or nowhere. The only place that turns a
// client's path into a file name: it must never name a file outside the root.
#include <filesystem>
#include <optional>
#include <string_view>

namespace hoptac::http {

enum class PathVerdict {
  file,     // an existing regular file inside the root
  missing,  // a well-formed path with no file behind it (the web app's own routes)
  hostile,  // "..", ".", empty or hidden segments, NUL, backslashes, links out of the root
};

struct ResolvedPath {
  PathVerdict verdict = PathVerdict::hostile;
  std::filesystem::path file;  // set for PathVerdict::file: canonical, inside the root
};

// `canonical_root` must be canonical (std::filesystem::canonical); `decoded_path` is the
// request's percent-decoded path, starting with '/'.
ResolvedPath resolve_static_path(const std::filesystem::path& canonical_root,
                                 std::string_view decoded_path);

// True when `p` (canonical) is `root` or below it, compared component by component.
bool is_within(const std::filesystem::path& root, const std::filesystem::path& p);

}  // namespace hoptac::http
