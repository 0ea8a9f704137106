#include "serve/http.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "serve/static_files.h"

namespace kroniek {
namespace {

namespace fs = std::filesystem;

TEST(Http, DecodeUrlKeepsNulAndBadEscapes) {
  EXPECT_EQ(http::DecodeUrl("/index.html%00.js", false), std::string("/index.html\0.js", 15));
  EXPECT_EQ(http::DecodeUrl("a+b%2", false), "a+b%2");
  EXPECT_EQ(http::DecodeUrl("a+b%zz%41", true), "a b%zzA");
}

TEST(Http, ParseQueryDecodesAndKeepsRepeats) {
  std::multimap<std::string, std::string> params;
  http::ParseQuery("place=Sint+Niklaas&x&&type=%61ttack&type=riot", &params);
  http::Request req;
  req.params = params;
  EXPECT_EQ(req.Param("place"), "Sint Niklaas");
  EXPECT_TRUE(req.HasParam("x"));
  EXPECT_EQ(req.Param("x"), "");
  EXPECT_EQ(req.Param("type"), "attack") << "the first of repeated values";
  EXPECT_EQ(params.count("type"), 2u);
  EXPECT_FALSE(req.HasParam(""));
}

TEST(Http, HeadersInAnyCase) {
  http::Request req;
  req.headers["content-type"] = "text/plain";
  EXPECT_EQ(req.Header("Content-Type"), "text/plain");
  EXPECT_EQ(req.Header("Range"), "");
}

TEST(Http, RouterMatchesWholePathsAndHeadAsGet) {
  http::Router router;
  std::string seen;
  router.Get(R"(/api/events/([a-z0-9]+))", [&](const http::Request& r, http::Response&) { seen = r.matches[1]; });
  router.Post("/api/articles", [&](const http::Request&, http::Response&) { seen = "post"; });
  http::Request req;
  http::Response res;
  req.method = "HEAD";
  req.path = "/api/events/ev12";
  EXPECT_TRUE(router.Dispatch(req, res));
  EXPECT_EQ(seen, "ev12");
  req.path = "/api/events/ev12/x";
  EXPECT_FALSE(router.Dispatch(req, res)) << "a pattern matches the whole path";
  req.method = "GET";
  req.path = "/api/articles";
  EXPECT_FALSE(router.Dispatch(req, res)) << "POST routes are not GET routes";
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("kroniek_static_" + std::to_string(getpid()));
    fs::create_directories(root_ / "web" / "sub");
    std::ofstream(root_ / "web" / "index.html") << "<!doctype html>";
    std::ofstream(root_ / "web" / "sub" / "app.js") << "let x = 1;";
    std::ofstream(root_ / "secret.txt") << "not for the web";
    fs::create_symlink(root_ / "secret.txt", root_ / "web" / "link.txt");
    ASSERT_TRUE(files_.Open((root_ / "web").string()).ok());
  }
  void TearDown() override { fs::remove_all(root_); }

  http::Response Get(const std::string& path, const std::string& range = "") {
    http::Request req;
    req.method = "GET";
    req.path = path;
    if (!range.empty()) req.headers["Range"] = range;
    http::Response res;
    res.status = files_.Serve(req, res) ? res.status : 404;
    return res;
  }

  fs::path root_;
  StaticFiles files_;
};

TEST_F(StaticFilesTest, ServesFilesWithTheirTypes) {
  EXPECT_EQ(Get("/").body, "<!doctype html>");
  EXPECT_EQ(Get("/").content_type, "text/html");
  EXPECT_EQ(Get("/sub/app.js").content_type, "text/javascript");
  EXPECT_EQ(Get("/sub/").status, 404) << "a folder without index.html";
}

TEST_F(StaticFilesTest, NothingOutsideTheFolder) {
  EXPECT_EQ(Get("/../secret.txt").status, 404);
  EXPECT_EQ(Get("/sub/../../secret.txt").status, 404);
  EXPECT_EQ(Get("/link.txt").status, 404) << "a link inside that points outside";
  EXPECT_EQ(Get("/../web/index.html").status, 200) << "a path that climbs out and back in is inside";
}

TEST_F(StaticFilesTest, OneByteRange) {
  http::Response res = Get("/index.html", "bytes=2-5");
  EXPECT_EQ(res.status, 206);
  EXPECT_EQ(res.body, "doct");
  EXPECT_EQ(Get("/index.html", "bytes=-4").body, "tml>");
  EXPECT_EQ(Get("/index.html", "bytes=10-").body, "html>");
  EXPECT_EQ(Get("/index.html", "bytes=15-").status, 416) << "starts past the end (15 bytes)";
  EXPECT_EQ(Get("/index.html", "bytes=5-2").status, 416);
}

TEST(StaticFiles, OpenRefusesAFile) {
  StaticFiles files;
  EXPECT_FALSE(files.Open("/etc/hostname").ok());
  EXPECT_FALSE(files.Open("/no/such/folder").ok());
}

}  // namespace
}  // namespace kroniek
