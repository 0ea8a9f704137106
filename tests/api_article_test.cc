// GET /api/articles/ID shows the analysis as it was stored and analyses
// nothing: its spans are those the store's events were made from.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "ingest/inputs.h"
#include "serve/api.h"
#include "store/sqlite_store.h"
#include "test_util.h"

namespace kroniek {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// An invented event, in our own words.
const char* kArticle =
    "Bij een aanslag op een markt in Mosul zijn dinsdag zeker zeven mensen om het leven gekomen. "
    "Twaalf anderen raakten gewond, meldt de Iraakse politie.\n";

http::Response Call(http::Router& router, const std::string& method, const std::string& path,
                    const std::string& body = "") {
  http::Request req;
  req.method = method;
  req.path = path;
  req.body = body;
  req.remote_addr = "127.0.0.1";
  req.headers["Authorization"] = "Bearer secret";
  req.headers["Content-Type"] = "application/json";
  http::Response res;
  EXPECT_TRUE(router.Dispatch(req, res)) << path;
  return res;
}

TEST(ApiArticle, ShowsTheStoredAnalysisWithoutAnalysingAgain) {
  const fs::path dir = fs::temp_directory_path() / ("kroniek_api_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  Pipeline pipeline;
  ASSERT_TRUE(pipeline.Load(testing::ResourceDir()).ok());
  pipeline.KeepMarks(true);
  ServeOptions options;
  options.db = (dir / "k.db").string();
  options.token = "secret";
  {
    SqliteStore created;  // as `kroniek ingest` makes it
    ASSERT_TRUE(created.Open(options.db, Store::Mode::kCreate).ok());
  }
  Api api(options, pipeline);
  ASSERT_TRUE(api.Open().ok());
  http::Router router;
  api.Register(router);

  const json record = {{"id", "mosul-1"}, {"published", "2026-03-12"}, {"text", kArticle}};
  http::Response posted = Call(router, "POST", "/api/articles", record.dump());
  ASSERT_EQ(posted.status, 200) << posted.body;
  const uint64_t analysed = pipeline.analysed();
  EXPECT_EQ(analysed, 1u);

  http::Response shown = Call(router, "GET", "/api/articles/mosul-1");
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(pipeline.analysed(), analysed);  // nothing analysed to show it
  const json view = json::parse(shown.body)["analysis"];

  // The same record `kroniek analyze` gives for the article.
  Article a;
  ASSERT_TRUE(ArticleFromJsonLine("mosul-1", record.dump(), {}, &a).ok());
  const json fresh = testing::AnalyzeToJson(a);
  EXPECT_EQ(view["article"], fresh["article"]);
  EXPECT_EQ(view["events"], fresh["events"]);
  EXPECT_EQ(view["entities"], fresh["entities"]);
  EXPECT_EQ(view["times"], fresh["times"]);
  EXPECT_EQ(view["quotes"], fresh["quotes"]);
  ASSERT_FALSE(view["entities"].empty());
  ASSERT_EQ(view["events"].size(), 1u);
  EXPECT_EQ(view["events"][0]["date"]["value"], "2026-03-10");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kroniek
