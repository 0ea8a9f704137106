// The SQLite store on real files: migrations, idempotent ingest, round trip.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "ingest/ingest.h"
#include "ingest/inputs.h"
#include "store/sqlite_store.h"

namespace kroniek {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kroniek_store_" + std::to_string(getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "k.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static Article Make(const std::string& id, const std::string& text, const std::string& url = "") {
    Article a;
    EXPECT_TRUE(ArticleFromText(id, text, {}, &a).ok());
    a.url = url;
    return a;
  }
  static Store::PutResult Put(Store& s, const Article& a) {
    Store::PutResult r;
    Status st = s.Put(a, &r);
    EXPECT_TRUE(st.ok()) << st.message();
    return r;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(StoreTest, NewFileIsMigratedToTheCurrentSchema) {
  SqliteStore s;
  ASSERT_TRUE(s.Open(path_).ok());
  EXPECT_EQ(s.schema_version(), 5);
  SqliteStore again;
  ASSERT_TRUE(again.Open(path_).ok());
  EXPECT_EQ(again.schema_version(), 5);
}

TEST_F(StoreTest, SameIdUrlOrNormalisedTextIsStoredOnce) {
  SqliteStore s;
  ASSERT_TRUE(s.Open(path_).ok());
  using R = Store::PutResult;
  EXPECT_EQ(Put(s, Make("a", "Bij een brand in Gent vielen twee doden.", "https://example.org/1")), R::kNew);
  EXPECT_EQ(Put(s, Make("a", "Een heel ander bericht.")), R::kDuplicate);                         // same id
  EXPECT_EQ(Put(s, Make("b", "Nog een ander bericht.", "https://example.org/1")), R::kDuplicate);  // same url
  EXPECT_EQ(Put(s, Make("c", "bij een brand in  Gent\nvielen twee doden.")), R::kDuplicate);      // same text
  EXPECT_EQ(Put(s, Make("d", "Bij een brand in Brugge vielen twee doden.")), R::kNew);
  int64_t n = 0;
  ASSERT_TRUE(s.Count(&n).ok());
  EXPECT_EQ(n, 2);
}

TEST_F(StoreTest, RecordsReadBackAsTheArticlesStored) {
  {
    SqliteStore s;
    ASSERT_TRUE(s.Open(path_).ok());
    Article a = Make("x1", " date 2024-03-13 Titel\n\nBij een brand vielen twee doden.", "https://example.org/x1");
    a.source = "De Krant";
    a.extra_json = R"({"section":"binnenland"})";
    Put(s, a);
  }
  SqliteStore s;
  ASSERT_TRUE(s.Open(path_).ok());
  int seen = 0;
  ASSERT_TRUE(s.ForEach([&](const nlohmann::json& r) {
                 ++seen;
                 Article back;
                 ASSERT_TRUE(ArticleFromJsonLine("k.db:x1", r.dump(), {}, &back).ok());
                 EXPECT_EQ(back.id, "x1");
                 EXPECT_EQ(back.url, "https://example.org/x1");
                 EXPECT_EQ(back.source, "De Krant");
                 EXPECT_EQ(back.published.value, "2024-03-13");
                 EXPECT_EQ(back.text.find("Bij een brand"), back.text.size() - 32);
                 EXPECT_EQ(r["section"], "binnenland");
               }).ok());
  EXPECT_EQ(seen, 1);
}

TEST_F(StoreTest, FullTextSearchFoldsCaseAndAccents) {
  SqliteStore s;
  ASSERT_TRUE(s.Open(path_).ok());
  Put(s, Make("a", "Bij een aanslag in Kaboel vielen doden."));
  Put(s, Make("b", "Een overstroming in Valencia."));
  Put(s, Make("c", "Een aardbeving trof Marrakech en het Atlasgebergte."));
  Put(s, Make("d", "Een brand in Orléans."));
  auto ids = [&](const std::string& q) {
    std::string out;
    Status st = s.ForEach([&](const nlohmann::json& r) { out += r["id"].get<std::string>(); }, q);
    EXPECT_TRUE(st.ok()) << st.message();
    return out;
  };
  EXPECT_EQ(ids("kaboel"), "a");
  EXPECT_EQ(ids("VALENCIA OR marrakech"), "bc");
  EXPECT_EQ(ids("atlas*"), "c");
  EXPECT_EQ(ids("tokio"), "");
  EXPECT_EQ(ids("orleans"), "d");
  Status st = s.ForEach([](const nlohmann::json&) {}, "AND (");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("search 'AND ('"), std::string::npos) << st.message();
}

TEST_F(StoreTest, NewerSchemaOrNonDatabaseIsAClearError) {
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  SqliteStore s;
  Status st = s.Open(path_);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("newer"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find(path_), std::string::npos) << st.message();

  const std::string junk = (dir_ / "junk.db").string();
  FILE* f = fopen(junk.c_str(), "w");
  fputs("this is not a database, just text that is long enough to look like a header....", f);
  fclose(f);
  SqliteStore j;
  st = j.Open(junk);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find(junk), std::string::npos) << st.message();
}

}  // namespace
}  // namespace kroniek
