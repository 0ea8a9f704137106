// The stored chronicle on real SQLite files: incremental fusion equals
// fusing at once, ids carry over, toll changes are logged, corrections
// survive new articles and re-analysis, queries and exports, and a store
// that cannot be written loses nothing already committed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "ingest/inputs.h"
#include "output/event_detail.h"
#include "output/export.h"
#include "pipeline/store_driver.h"
#include "store/sqlite_store.h"
#include "test_util.h"

namespace kroniek {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class StoreDriverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kroniek_driver_" + std::to_string(getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Db(const std::string& name) { return (dir_ / name).string(); }

  static std::vector<std::string> SetFiles(const std::string& set) {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(testing::SourceDir() + "/examples/sets/" + set))
      if (e.path().extension() == ".txt") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
  }
  static std::vector<Article> Read(const std::vector<std::string>& files) {
    std::vector<Article> out;
    ReadInputs(files, {}, [&](InputRecord&& r) {
      EXPECT_TRUE(r.status.ok()) << r.status.message();
      out.push_back(std::move(r.article));
    });
    return out;
  }
  static void Add(Store& s, std::vector<Article> articles, IngestCounts* counts = nullptr) {
    IngestCounts local;
    std::vector<std::string> errors;
    StoreDriver driver(testing::SharedPipeline(), s);
    Status st = driver.AddBatch(std::move(articles), counts ? counts : &local, &errors);
    ASSERT_TRUE(st.ok()) << st.message();
  }
  static std::vector<json> All(const Store& s, EventQuery q = {}) {
    std::vector<json> out;
    q.limit = 100000;
    Status st = s.Events(q, &out);
    EXPECT_TRUE(st.ok()) << st.message();
    return out;
  }
  // What an event is, without its id: type, date, place, killed, articles.
  static std::multiset<std::string> Shapes(const Store& s) {
    std::multiset<std::string> out;
    for (const auto& r : All(s)) {
      const json& ev = r["event"];
      std::set<std::string> articles;
      for (const auto& m : ev["mentions"]) articles.insert(m["article"].get<std::string>() + "/" + m["event"].get<std::string>());
      std::string shape = ev["type"].get<std::string>() + " " + ev["date"]["value"].dump() + " " +
                          ev["location"]["id"].dump() + " " + ev["totals"].dump();
      for (const auto& a : articles) shape += " " + a;
      out.insert(shape);
    }
    return out;
  }
  static void ExpectSound(const Store& s) {
    std::vector<std::string> problems;
    ASSERT_TRUE(s.Check(&problems).ok());
    EXPECT_TRUE(problems.empty()) << problems.front();
  }
  static const json* EventWith(const std::vector<json>& events, const std::string& type) {
    for (const auto& r : events)
      if (r["event"]["type"] == type) return &r;
    return nullptr;
  }

  fs::path dir_;
};

TEST_F(StoreDriverTest, OneArticleAtATimeGivesTheSameEventsAsAllAtOnce) {
  std::vector<std::string> files;
  for (const char* set : {"toll_mogadishu", "shootings_rotterdam", "retraction_hamburg", "claim_niger"})
    for (const auto& f : SetFiles(set)) files.push_back(f);
  SqliteStore batch, single;
  ASSERT_TRUE(batch.Open(Db("batch.db")).ok());
  ASSERT_TRUE(single.Open(Db("single.db")).ok());
  Add(batch, Read(files));
  // Reverse order: later reports first.
  for (auto it = files.rbegin(); it != files.rend(); ++it) Add(single, Read({*it}));
  EXPECT_EQ(Shapes(batch), Shapes(single));
  EXPECT_GT(Shapes(batch).size(), 4u);
  ExpectSound(batch);
  ExpectSound(single);
}

// An article without a date of its own is analysed when it arrives and never
// again: the reports that date it later read its stored analysis (the store
// opened anew for each, so nothing is remembered but what was written).
TEST_F(StoreDriverTest, AnUndatedArticleIsAnalysedOnceWhateverArrivesLater) {
  auto article = [](const std::string& id, const std::string& published, const std::string& text) {
    Article a = testing::MakeArticle(text, published);
    a.id = id;
    return a;
  };
  const std::vector<Article> reports = {
      article("undated", "",
              "Brand in loods Brugge eist tweede leven\n\nHet dodental van de brand in een loods in Brugge is "
              "opgelopen tot twee. Een brandweerman overleed gisteren aan zijn verwondingen, meldt het parket. Het "
              "vuur brak zaterdag uit.\n\nDe oorzaak wordt onderzocht."),
      article("dated", "2024-06-16",
              "Dode bij brand in loods in Brugge\n\nBij een zware brand in een loods in Brugge is zaterdag een "
              "arbeider om het leven gekomen. Vijf mensen raakten gewond, meldt de brandweer.\n\nDe brand woedde "
              "urenlang."),
      article("later", "2024-06-19",
              "Parket onderzoekt brand in Brugge\n\nHet parket onderzoekt of de brand in een loods in Brugge van "
              "zaterdag werd aangestoken. Bij de brand kwamen twee mensen om het leven.")};
  const uint64_t before = testing::SharedPipeline().analysed();
  for (const Article& a : reports) {
    SqliteStore s;
    ASSERT_TRUE(s.Open(Db("u.db")).ok());
    Add(s, {a});
  }
  EXPECT_EQ(testing::SharedPipeline().analysed() - before, 3u);
  SqliteStore s;
  ASSERT_TRUE(s.Open(Db("u.db")).ok());
  int64_t seq = 0;
  json record;
  ASSERT_TRUE(s.Record("undated", &seq, &record).ok());
  AnalyzedArticle undated;
  ASSERT_TRUE(s.LoadAnalysis(seq, &undated).ok());
  EXPECT_EQ(undated.article.published.value, "2024-06-15");  // "gisteren" died, on the day after the fire
  EXPECT_EQ(undated.article.published.basis, DateBasis::kInferred);
  EXPECT_NE(undated.analysis, nullptr);
  const auto events = All(s);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["event"]["date"]["value"], "2024-06-15");
  EXPECT_EQ(events[0]["event"]["mentions"].size(), 3u);
}

// Reports that fuse across generic and specific types, a city and its
// country and the weekdays of one night, beside reports kept apart by their
// publication dates and cities: one at a time (in two orders) as all at once.
TEST_F(StoreDriverTest, FusionAcrossTypesPlacesAndTimesIsTheSameOneAtATime) {
  const std::vector<std::pair<std::string, std::string>> texts = {
      {"attack", " date 2023-04-03 Nieuws\nBij een aanslag in Gent zijn zondag drie doden gevallen.\n"},
      {"suicide", " date 2023-04-03 Nieuws\nEen zelfmoordterrorist heeft zich zondag in Gent opgeblazen.\n"},
      {"explosion", " date 2023-04-04 Nieuws\nDe explosie in Gent kostte aan drie mensen het leven.\n"},
      {"country", " date 2019-09 Nieuws\nIn België is een zelfmoordaanslag gepleegd. Er vielen vijf doden.\n"},
      {"city", " date 2019-09 Nieuws\nIn Namen zijn bij een bomaanslag vijf mensen omgekomen.\n"},
      {"wednesday", " date 2020-02 Nieuws\nIn Kortrijk zijn woensdagavond acht mensen doodgeschoten.\n"},
      {"thursday", " date 2020-02 Nieuws\nDonderdag werd in Kortrijk gerouwd om de acht doden van de schietpartij.\n"},
      {"june", " date 2017-06-20 Nieuws\nIn Mechelen is bij een schietpartij een agent gewond geraakt.\n"},
      {"august", " date 2017-08-15 Nieuws\nBij een schietpartij in Mechelen zijn zondag twee mensen gewond geraakt.\n"},
      {"antwerp", " date 2022-11-28 Nieuws\nNa de wedstrijd braken zondag rellen uit in Antwerpen.\n"},
      {"leuven", " date 2022-11 Nieuws\nDe rellen in Leuven hebben veel schade aangericht.\n"},
  };
  auto article = [&](size_t k) {
    Article a;
    EXPECT_TRUE(ArticleFromText(texts[k].first, texts[k].second, {}, &a).ok());
    return a;
  };
  SqliteStore batch, reverse, interleaved;
  ASSERT_TRUE(batch.Open(Db("batch.db")).ok());
  ASSERT_TRUE(reverse.Open(Db("reverse.db")).ok());
  ASSERT_TRUE(interleaved.Open(Db("interleaved.db")).ok());
  std::vector<Article> all;
  for (size_t k = 0; k < texts.size(); ++k) all.push_back(article(k));
  Add(batch, std::move(all));
  for (size_t k = texts.size(); k-- > 0;) Add(reverse, {article(k)});
  for (size_t k = 0; k < texts.size(); k += 2) Add(interleaved, {article(k)});
  for (size_t k = 1; k < texts.size(); k += 2) Add(interleaved, {article(k)});
  EXPECT_EQ(Shapes(batch), Shapes(reverse));
  EXPECT_EQ(Shapes(batch), Shapes(interleaved));
  // Seven events: the Ghent bombing, the Namur bombing, the Kortrijk shooting,
  // two Mechelen shootings and two riots.
  EXPECT_EQ(Shapes(batch).size(), 7u);
  ExpectSound(reverse);
  ExpectSound(interleaved);
}

TEST_F(StoreDriverTest, AnEventKeepsItsIdAndEveryTollChangeIsLogged) {
  SqliteStore s;
  ASSERT_TRUE(s.Open(Db("k.db")).ok());
  std::string id;
  std::vector<double> tolls;
  for (const auto& f : SetFiles("toll_mogadishu")) {
    Add(s, Read({f}));
    auto events = All(s);
    const json* bombing = EventWith(events, "bombing");
    ASSERT_NE(bombing, nullptr);
    if (id.empty()) id = (*bombing)["event"]["id"];
    EXPECT_EQ((*bombing)["event"]["id"], id);
    tolls.push_back((*bombing)["event"]["totals"]["killed"].get<double>());
  }
  EXPECT_TRUE(std::is_sorted(tolls.begin(), tolls.end()));
  EXPECT_LT(tolls.front(), tolls.back());
  std::vector<Change> changes;
  ASSERT_TRUE(s.ChangesOf(id, &changes).ok());
  int killed_changes = 0;
  for (const auto& c : changes)
    if (c.change == "figure" && c.detail["kind"] == "killed" && !c.detail["from"].is_null()) {
      ++killed_changes;
      EXPECT_LT(c.detail["from"]["value"].get<double>(), c.detail["to"]["value"].get<double>());
      EXPECT_EQ(c.detail["verdict"], "updated");
    }
  EXPECT_GE(killed_changes, 2);
  // Polling by cursor: nothing after the last change.
  std::vector<Change> all, after;
  ASSERT_TRUE(s.Changes("", 0, 1000, &all).ok());
  ASSERT_TRUE(s.Changes("", all.back().seq, 1000, &after).ok());
  EXPECT_TRUE(after.empty());
}

TEST_F(StoreDriverTest, TheSameArticleTwiceIsStoredAndFusedOnce) {
  SqliteStore s;
  ASSERT_TRUE(s.Open(Db("k.db")).ok());
  auto files = SetFiles("toll_mogadishu");
  IngestCounts first, second;
  Add(s, Read(files), &first);
  Add(s, Read(files), &second);
  EXPECT_EQ(first.added, int(files.size()));
  EXPECT_EQ(second.added, 0);
  EXPECT_EQ(second.duplicates, int(files.size()));
  auto events = All(s);
  const json* bombing = EventWith(events, "bombing");
  ASSERT_NE(bombing, nullptr);
  EXPECT_EQ((*bombing)["event"]["mentions"].size(), files.size());
}


// Two folders' "001.txt" are two articles: the later one takes a distinct id
// (in one batch and across batches), and each is still a duplicate of itself.
TEST_F(StoreDriverTest, ArticlesWhoseIdsClashAreBothKept) {
  SqliteStore s;
  ASSERT_TRUE(s.Open(Db("k.db")).ok());
  auto files = SetFiles("toll_mogadishu");
  ASSERT_GE(files.size(), 3u);
  std::vector<Article> articles = Read(files);
  for (auto& a : articles) a.id = "001";
  std::vector<std::string> notes;
  std::vector<Article> first_two = {articles[0], articles[1]};
  ASSERT_TRUE(GiveDistinctIds(s, &first_two, &notes).ok());
  EXPECT_EQ(first_two[0].id, "001");
  EXPECT_EQ(first_two[1].id, Store::DistinctId(articles[1]));
  EXPECT_EQ(first_two[1].id.size(), std::string("001_").size() + 8);
  EXPECT_EQ(notes.size(), 1u);
  IngestCounts counts, again;
  Add(s, first_two, &counts);
  Add(s, {articles[2]}, &counts);
  EXPECT_EQ(counts.added, 3);
  EXPECT_EQ(counts.duplicates, 0);
  Add(s, {articles[0], articles[1], articles[2]}, &again);
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.duplicates, 3);
  int64_t stored = 0;
  ASSERT_TRUE(s.Count(&stored).ok());
  EXPECT_EQ(stored, 3);
}
TEST_F(StoreDriverTest, CorrectionsHoldWhenArticlesArriveAndWhenReanalyzed) {
  SqliteStore s;
  ASSERT_TRUE(s.Open(Db("k.db")).ok());
  auto files = SetFiles("toll_mogadishu");
  Add(s, Read({files[0], files[1], files[2]}));
  auto events = All(s);
  const json* bombing = EventWith(events, "bombing");
  const json* arrest = EventWith(events, "arrest");
  ASSERT_NE(bombing, nullptr);
  ASSERT_NE(arrest, nullptr);
  const std::string b = (*bombing)["event"]["id"], a = (*arrest)["event"]["id"];
  StoreDriver driver(testing::SharedPipeline(), s);
  json result;
  // Refused: unknown event, missing reason.
  EXPECT_FALSE(driver.Correct({0, "", "ann", "same", "merge", {{"events", {b, "ev999"}}}}, &result).ok());
  EXPECT_FALSE(driver.Correct({0, "", "ann", "", "merge", {{"events", {b, a}}}}, &result).ok());
  ASSERT_TRUE(driver.Correct({0, "", "ann", "one attack", "merge", {{"events", {b, a}}}}, &result).ok());
  auto merged_count = [&] {
    int n = 0;
    for (const auto& r : All(s)) n += r["event"]["type"] == "arrest";
    return n;
  };
  EXPECT_EQ(merged_count(), 0);
  ASSERT_TRUE(driver.Correct({0, "", "bob", "the coroner's count", "set_figure",
                              {{"event", b}, {"kind", "killed"}, {"value", 99}}}, &result).ok());
  auto check = [&](const char* when) {
    auto events = All(s);
    const json* e = EventWith(events, "bombing");
    ASSERT_NE(e, nullptr) << when;
    EXPECT_EQ((*e)["event"]["corrections"].size(), 2u) << when;
    bool set = false;
    for (const auto& f : (*e)["event"]["figures"])
      if (f["kind"] == "killed" && f["part_of_total"] == false) set = f["best"]["value"] == 99 && f.contains("corrected");
    EXPECT_TRUE(set) << when;
    EXPECT_EQ(merged_count(), 0) << when;
  };
  check("after the corrections");
  Add(s, Read({files[3]}));
  check("after new articles");
  ASSERT_TRUE(driver.Reanalyze(2).ok());
  check("after re-analysis");
  ExpectSound(s);
  // The merged id points to where it went.
  json detail;
  ASSERT_TRUE(EventDetail(s, a, &detail).ok());
  ASSERT_TRUE(detail.is_object() && detail.contains("gone")) << detail.dump();
  EXPECT_EQ(detail["gone"], "merged");
}

TEST_F(StoreDriverTest, SplitAndRelinkMoveMentions) {
  SqliteStore s;
  ASSERT_TRUE(s.Open(Db("k.db")).ok());
  Add(s, Read(SetFiles("toll_mogadishu")));
  auto events = All(s);
  const json* bombing = EventWith(events, "bombing");
  ASSERT_NE(bombing, nullptr);
  const std::string b = (*bombing)["event"]["id"];
  json moved = (*bombing)["event"]["mentions"].back();
  StoreDriver driver(testing::SharedPipeline(), s);
  json result;
  ASSERT_TRUE(driver.Correct({0, "", "ann", "another blast", "split", {{"event", b}, {"mentions", {moved}}}}, &result).ok());
  int bombings = 0;
  std::string other;
  for (const auto& r : All(s))
    if (r["event"]["type"] == "bombing") {
      ++bombings;
      if (r["event"]["id"] != b) other = r["event"]["id"];
    }
  EXPECT_EQ(bombings, 2);
  ASSERT_FALSE(other.empty());
  ASSERT_TRUE(driver.Correct({0, "", "ann", "it was the same", "relink", {{"mention", moved}, {"to", b}}}, &result).ok());
  bombings = 0;
  for (const auto& r : All(s)) bombings += r["event"]["type"] == "bombing";
  EXPECT_EQ(bombings, 1);
  ExpectSound(s);
}

TEST_F(StoreDriverTest, QueriesFilterByDatePlaceActorTypeTollAndText) {
  SqliteStore s;
  ASSERT_TRUE(s.Open(Db("k.db")).ok());
  std::vector<std::string> files;
  for (const char* set : {"toll_mogadishu", "shootings_rotterdam", "claim_niger"})
    for (const auto& f : SetFiles(set)) files.push_back(f);
  Add(s, Read(files));
  auto count = [&](EventQuery q) { return All(s, q).size(); };
  const size_t all = count({});
  EventQuery q;
  q.place = "Mogadishu";
  EXPECT_GT(count(q), 0u);
  EXPECT_LT(count(q), all);
  q = {};
  q.type = "shooting";
  for (const auto& r : All(s, q)) EXPECT_EQ(r["event"]["type"], "shooting");
  EXPECT_GT(count(q), 0u);
  q = {};
  q.min_killed = 100;
  for (const auto& r : All(s, q)) EXPECT_GE(r["event"]["totals"]["killed"].get<double>(), 100);
  EXPECT_GT(count(q), 0u);
  q = {};
  q.from = "2024-10-01";
  q.to = "2024-10-31";
  for (const auto& r : All(s, q)) EXPECT_EQ(r["event"]["date"]["value"].get<std::string>().substr(0, 7), "2024-10");
  q = {};
  q.text = "mogadishu";
  EXPECT_GT(count(q), 0u);
  // Both ways to answer a text query (look the matches' events up, or walk
  // events in order checking each) give the same pages.
  for (const char* text : {"mogadishu", "politie OR doden", "aanslag", "zzzgeenwoord"})
    for (int limit : {1, 2, 100}) {
      q = {};
      q.text = text;
      q.limit = limit;
      std::vector<json> looked_up, walked;
      s.SetTextLookupLimit(1000000);
      ASSERT_TRUE(s.Events(q, &looked_up).ok());
      s.SetTextLookupLimit(0);
      ASSERT_TRUE(s.Events(q, &walked).ok());
      EXPECT_EQ(looked_up, walked) << text << " limit " << limit;
    }
  q.text = "\"unbalanced";
  std::vector<json> out;
  EXPECT_FALSE(s.Events(q, &out).ok());  // a bad search is an error, not an empty answer
  q = {};
  q.from = "yesterday";
  EXPECT_FALSE(s.Events(q, &out).ok());
}

TEST_F(StoreDriverTest, ExportsCsvWithAcledColumnsAndGeoJson) {
  SqliteStore s;
  ASSERT_TRUE(s.Open(Db("k.db")).ok());
  Add(s, Read(SetFiles("toll_mogadishu")));
  auto events = All(s);
  ExportContext context;
  context.country_names["SO"] = "Somalia";
  std::ostringstream csv, geo;
  auto c = MakeExporter("csv", context);
  c->Begin(csv);
  for (const auto& r : events) c->Add(r, csv);
  c->End(csv);
  const std::string text = csv.str();
  for (const char* column : {"event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "location",
                             "latitude", "longitude", "geo_precision", "time_precision", "fatalities", "source", "notes"})
    EXPECT_NE(text.substr(0, text.find('\n')).find(column), std::string::npos) << column;
  EXPECT_NE(text.find("Somalia"), std::string::npos);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), long(events.size() + 1));
  auto g = MakeExporter("geojson", context);
  g->Begin(geo);
  for (const auto& r : events) g->Add(r, geo);
  g->End(geo);
  json fc = json::parse(geo.str());
  EXPECT_EQ(fc["type"], "FeatureCollection");
  ASSERT_EQ(fc["features"].size(), events.size());
  EXPECT_EQ(fc["features"][0]["geometry"]["type"], "Point");
  EXPECT_EQ(CsvField("a,\"b\""), "\"a,\"\"b\"\"\"");
}

TEST_F(StoreDriverTest, AFullStoreRefusesTheBatchAndKeepsWhatWasCommitted) {
  SqliteStore s;
  ASSERT_TRUE(s.Open(Db("k.db")).ok());
  auto files = SetFiles("toll_mogadishu");
  Add(s, Read({files[0]}));
  int64_t before = 0;
  ASSERT_TRUE(s.Count(&before).ok());
  SqliteStore full;
  ASSERT_TRUE(full.Open(Db("k.db")).ok());
  std::string big(200000, 'x');
  Article a;
  ASSERT_TRUE(ArticleFromText("big", "Bij een brand in Gent vielen twee doden. " + big, {}, &a).ok());
  IngestCounts counts;
  std::vector<std::string> errors;
  StoreDriver driver(testing::SharedPipeline(), full);
  ASSERT_TRUE(full.LimitPages(0).ok());  // no page beyond what the file has
  Status st = driver.AddBatch({a}, &counts, &errors);
  EXPECT_FALSE(st.ok());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("full"), std::string::npos) << errors[0];
  EXPECT_EQ(counts.failed, 1);
  int64_t after = 0;
  ASSERT_TRUE(full.Count(&after).ok());
  EXPECT_EQ(after, before);
  ExpectSound(full);
}

TEST_F(StoreDriverTest, AReadOnlyFileGivesAClearError) {
  {
    SqliteStore s;
    ASSERT_TRUE(s.Open(Db("k.db")).ok());
    Add(s, Read({SetFiles("toll_mogadishu")[0]}));
  }
  SqliteStore ro;
  ASSERT_TRUE(ro.Open(Db("k.db"), Store::Mode::kRead).ok());
  IngestCounts counts;
  std::vector<std::string> errors;
  StoreDriver driver(testing::SharedPipeline(), ro);
  Status st = driver.AddBatch(Read({SetFiles("toll_mogadishu")[1]}), &counts, &errors);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("k.db"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("readonly"), std::string::npos) << st.message();
  int64_t n = 0;
  ASSERT_TRUE(ro.Count(&n).ok());
  EXPECT_EQ(n, 1);
}

}  // namespace
}  // namespace kroniek
