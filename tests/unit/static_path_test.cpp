#include "http/static_path.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace fs = std::filesystem;
using hoptac::http::PathVerdict;
using hoptac::http::resolve_static_path;

class StaticPath : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("hoptac-static-" + std::to_string(::getpid()));
    fs::remove_all(base_);
    fs::create_directories(base_ / "web" / "assets");
    std::ofstream(base_ / "web" / "index.html") << "app";
    std::ofstream(base_ / "web" / "assets" / "a.js") << "js";
    std::ofstream(base_ / "secret") << "secret";
    fs::create_symlink(base_ / "secret", base_ / "web" / "assets" / "out.js");
    fs::create_symlink(base_ / "web" / "assets" / "a.js", base_ / "web" / "in.js");
    root_ = fs::canonical(base_ / "web");
  }
  void TearDown() override { fs::remove_all(base_); }
  PathVerdict verdict(std::string_view p) { return resolve_static_path(root_, p).verdict; }
  fs::path base_, root_;
};

TEST_F(StaticPath, ServesFilesInsideTheRootAndLinksThatStayInside) {
  auto r = resolve_static_path(root_, "/assets/a.js");
  EXPECT_EQ(r.verdict, PathVerdict::file);
  EXPECT_EQ(r.file, root_ / "assets" / "a.js");
  EXPECT_EQ(verdict("/in.js"), PathVerdict::file);
  EXPECT_EQ(verdict("/hop-tac-xa/12"), PathVerdict::missing);
  EXPECT_EQ(verdict("/ho-so/"), PathVerdict::missing);
}

TEST_F(StaticPath, RefusesEveryWayOut) {
  for (std::string_view p :
       {"//etc/passwd", "/../secret", "/assets/../../secret", "/./index.html", "/assets//a.js",
        "/assets/a.js//", "/ho-so//", "//", "/.env", "/..\\secret", "/assets\\a.js", "/C:/x",
        "/assets/out.js", "etc/passwd", ""})
    EXPECT_EQ(verdict(p), PathVerdict::hostile) << p;
  EXPECT_EQ(verdict(std::string_view("/a\0b", 4)), PathVerdict::hostile);
  EXPECT_EQ(verdict("/" + std::string(2000, 'a')), PathVerdict::hostile);
}

TEST(IsWithin, ComparesWholeComponents) {
  EXPECT_TRUE(hoptac::http::is_within("/srv/web", "/srv/web/a"));
  EXPECT_TRUE(hoptac::http::is_within("/srv/web", "/srv/web"));
  EXPECT_FALSE(hoptac::http::is_within("/srv/web", "/srv/web2/a"));
  EXPECT_FALSE(hoptac::http::is_within("/srv/web", "/srv"));
}
