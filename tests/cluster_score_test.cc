#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "eval/cluster_score.h"
#include "test_util.h"

namespace kroniek {
namespace {

namespace fs = std::filesystem;

TEST(ClusterScore, TextbookExample) {
  // key {a b c} {d e}; response {a b} {c d e}
  ClusterScores s = ScorePartitions({"k1", "k1", "k1", "k2", "k2"}, {"r1", "r1", "r2", "r2", "r2"});
  EXPECT_NEAR(s.b3.precision, 11.0 / 15, 1e-9);
  EXPECT_NEAR(s.b3.recall, 11.0 / 15, 1e-9);
  EXPECT_NEAR(s.muc.recall, 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.muc.precision, 2.0 / 3, 1e-9);
  // CEAF-e: best pairs (k1,r1)=0.8 and (k2,r2)=0.8 -> 1.6 over 2 clusters each side.
  EXPECT_NEAR(s.ceafe.f1, 0.8, 1e-9);
  EXPECT_NEAR(s.conll, (2.0 / 3 + 11.0 / 15 + 0.8) / 3, 1e-9);
}

TEST(ClusterScore, PerfectAndAllSingletons) {
  ClusterScores perfect = ScorePartitions({"a", "a", "b"}, {"x", "x", "y"});
  EXPECT_DOUBLE_EQ(perfect.b3.f1, 1.0);
  EXPECT_DOUBLE_EQ(perfect.conll, 1.0);
  ClusterScores split = ScorePartitions({"a", "a", "a", "a"}, {"1", "2", "3", "4"});
  EXPECT_DOUBLE_EQ(split.b3.precision, 1.0);
  EXPECT_DOUBLE_EQ(split.b3.recall, 0.25);
  EXPECT_DOUBLE_EQ(split.muc.recall, 0.0);
}

// Every multi-article set of examples/sets/ scores B3 F1 >= 0.9 (issue 3).
TEST(ClusterScore, ExampleSets) {
  int sets = 0;
  for (const auto& dir : fs::directory_iterator(fs::path(testing::SourceDir()) / "examples/sets")) {
    std::vector<Article> articles;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      if (f.path().extension() != ".txt") continue;
      Article a;
      ASSERT_TRUE(ReadArticleFile(f.path().string(), {}, &a).ok());
      articles.push_back(std::move(a));
    }
    std::ifstream in(dir.path() / "gold.json");
    ASSERT_TRUE(in) << dir.path();
    auto gold = nlohmann::json::parse(in);
    auto result = BuildChronicle(testing::SharedPipeline(), std::move(articles));
    ClusterScores s;
    ASSERT_TRUE(ScoreClusters(*result.chronicle, gold, &s).ok());
    EXPECT_GE(s.b3.f1, 0.9) << dir.path().filename();
    EXPECT_EQ(s.unmatched, 0) << dir.path().filename() << (s.problems.empty() ? "" : ": " + s.problems[0]);
    ++sets;
  }
  EXPECT_GE(sets, 6);
}

// A gold cluster's date scores the fused event holding most of its mentions: a gold day is
// right only when fused to that day; a coarser gold date fused to a day is over-precise.
TEST(ClusterScore, DatedClustersScoreTheirFusedEventsDate) {
  std::vector<Article> articles;
  const fs::path dir = fs::path(testing::SourceDir()) / "examples/sets/dates_weekdays";
  for (const char* name : {"dates_weekdays_a1.txt", "dates_weekdays_a2.txt", "dates_weekdays_c1.txt"}) {
    Article a;
    ASSERT_TRUE(ReadArticleFile((dir / name).string(), {}, &a).ok());
    articles.push_back(std::move(a));
  }
  auto result = BuildChronicle(testing::SharedPipeline(), std::move(articles));
  auto gold = nlohmann::json::parse(R"({"clusters": [
    {"id": "explosion", "date": "2025-10-16", "day": "2025-10-16", "mentions": [{"article": "dates_weekdays_a1", "trigger": "explosie in een flatgebouw"},
                                                         {"article": "dates_weekdays_a2", "trigger": "explosie in een flatgebouw"}]},
    {"id": "arrest", "date": "2025-10-19", "mentions": [{"article": "dates_weekdays_a2", "trigger": "aangehouden"}]},
    {"id": "crash", "date": "2025-12", "mentions": [{"article": "dates_weekdays_c1", "trigger": "ongeluk met een touringcar"}]},
    {"id": "undated", "mentions": [{"article": "dates_weekdays_a1", "trigger": "De explosie gebeurde"}]}]})");
  ClusterScores s;
  ASSERT_TRUE(ScoreClusters(*result.chronicle, gold, &s).ok());
  EXPECT_EQ(s.days, 2);        // the explosion (fused to October: no report gives its day) and the arrest
  EXPECT_EQ(s.days_right, 1);  // the arrest, on Sunday the 19th
  EXPECT_EQ(s.coarse, 1);
  EXPECT_EQ(s.over_precise, 1);  // the crash, fused to Wednesday 3 December
  // The explosion's Thursday and the arrest report's "vorige week" leave the 16th alone.
  EXPECT_EQ(s.real_days, 1);
  EXPECT_EQ(s.real_days_left, 1);
}

}  // namespace
}  // namespace kroniek
