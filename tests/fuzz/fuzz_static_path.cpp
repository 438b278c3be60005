// libFuzzer harness: static-file path resolution (http::resolve_static_path, is_within).
// At start-up it lays out a web root in a fresh temporary folder:
//   index.html, assets/app.js, sub/page.html, .git/config (a hidden file),
//   link-out -> /etc (a link out of the root), link-in -> assets (a link inside it),
//   file-out -> /etc/passwd (a file link out of the root)
// Each input is a decoded request path ('/' put in front when missing). The harness stops
// (__builtin_trap) when the verdict is `file` and the file is not a regular file strictly
// inside the root, or is not the canonical name of what the path names; when a path with an
// empty segment other than a single trailing one ("//etc", "/a//") is not refused as hostile;
// and when is_within disagrees with a plain string comparison of lexically normal names.
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

#include "http/static_path.hpp"

namespace fs = std::filesystem;
using hoptac::http::is_within;
using hoptac::http::PathVerdict;
using hoptac::http::resolve_static_path;

namespace {

fs::path g_root;  // canonical
std::string g_root_slash;

void write_file(const fs::path& p, const char* content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << content;
}

void remove_root() {
  std::error_code ec;
  if (!g_root.empty()) fs::remove_all(g_root, ec);
}

// Inside the root, by plain string comparison of canonical names (the reference for is_within).
bool inside(const std::string& canonical) {
  return canonical.compare(0, g_root_slash.size(), g_root_slash) == 0 &&
         canonical.size() > g_root_slash.size();
}

[[noreturn]] void fail(const char* what, std::string_view path, const fs::path& file) {
  std::fprintf(stderr, "fuzz_static_path: %s\n  path: ", what);
  for (unsigned char c : path) std::fprintf(stderr, c >= 0x20 && c < 0x7f ? "%c" : "\\x%02x", c);
  std::fprintf(stderr, "\n  file: %s\n  root: %s\n", file.c_str(), g_root.c_str());
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* tmp = std::getenv("TMPDIR");
  std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/hoptac-fuzz-root-XXXXXX";
  if (!mkdtemp(tmpl.data())) {
    std::perror("mkdtemp");
    std::abort();
  }
  g_root = fs::canonical(tmpl);
  g_root_slash = g_root.native() + "/";
  std::atexit(remove_root);
  write_file(g_root / "index.html", "<!doctype html>");
  write_file(g_root / "assets" / "app.js", "console.log(1)");
  write_file(g_root / "sub" / "page.html", "<p>");
  write_file(g_root / ".git" / "config", "[core]");
  fs::create_symlink("/etc", g_root / "link-out");
  fs::create_symlink("/etc/passwd", g_root / "file-out");
  fs::create_symlink("assets", g_root / "link-in");
  // The contract of is_within, on names known to be canonical.
  if (!is_within(g_root, g_root) || !is_within(g_root, g_root / "index.html") ||
      is_within(g_root, "/etc/passwd") || is_within(g_root, fs::path(g_root.native() + "x")) ||
      is_within(g_root, g_root.parent_path())) {
    std::fprintf(stderr, "fuzz_static_path: is_within is wrong on the fixed cases\n");
    std::abort();
  }
  // And the fixed verdicts that the seed corpus starts from.
  if (resolve_static_path(g_root, "/index.html").verdict != PathVerdict::file ||
      resolve_static_path(g_root, "/link-in/app.js").file != g_root / "assets" / "app.js" ||
      resolve_static_path(g_root, "/link-out/passwd").verdict != PathVerdict::hostile ||
      resolve_static_path(g_root, "/file-out").verdict != PathVerdict::hostile ||
      resolve_static_path(g_root, "/.git/config").verdict != PathVerdict::hostile) {
    std::fprintf(stderr, "fuzz_static_path: resolve_static_path is wrong on the fixed cases\n");
    std::abort();
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string path(reinterpret_cast<const char*>(data), size);
  if (path.empty() || path.front() != '/') path.insert(path.begin(), '/');
  auto r = resolve_static_path(g_root, path);
  if (r.verdict == PathVerdict::file) {
    std::error_code ec;
    if (!inside(r.file.native())) fail("a file outside the root", path, r.file);
    if (!is_within(g_root, r.file))
      fail("is_within disagrees on a file it was given", path, r.file);
    fs::path again = fs::canonical(r.file, ec);
    if (ec || again != r.file) fail("the file is not canonical", path, r.file);
    // What the path names, resolved independently: the same file. The resolver accepts a
    // trailing slash ("/ho-so/"), which the file system would refuse after a file's name.
    std::string relative = path.substr(1);
    while (!relative.empty() && relative.back() == '/') relative.pop_back();
    fs::path named = fs::canonical(g_root / fs::path(relative), ec);
    if (ec || named != r.file) fail("not the file the path names", path, r.file);
    if (!fs::is_regular_file(r.file, ec)) fail("not a regular file", path, r.file);
  } else if (!r.file.empty()) {
    fail("a file name with a verdict other than file", path, r.file);
  }
  // The resolver's own rule (static_path.cpp): one trailing slash is allowed, an empty
  // segment anywhere else ("//etc", "/a//") is hostile.
  if (path.find("//") != std::string::npos && r.verdict != PathVerdict::hostile)
    fail("an empty segment that is not the last one was accepted", path, r.file);
  // is_within against the string reference, on a lexically normal absolute name.
  fs::path lexical = (g_root / fs::path(path.substr(1))).lexically_normal();
  std::string l = lexical.native();
  while (l.size() > 1 && l.back() == '/') l.pop_back();
  bool expected = l == g_root.native() || inside(l);
  if (is_within(g_root, lexical) != expected)
    fail("is_within disagrees with the reference", path, lexical);
  return 0;
}
