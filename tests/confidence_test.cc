// The confidence model: weights from a file, a logistic over a fact's signals.
#include "extract/confidence.h"

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "output/jsonl.h"
#include "test_util.h"

namespace kroniek {
namespace {

// A weights file in the temporary folder for the test's length.
struct TempTable {
  TempTable(const std::string& name, const std::string& text)
      : path((std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "_" + name)).string()) {
    std::ofstream(path) << text;
  }
  ~TempTable() { std::filesystem::remove(path); }
  const std::string path;
};

TEST(Confidence, LogisticOverKnownSignals) {
  ConfidenceModel m;
  const TempTable table("conf_ok.tsv", "figure\tbias\t0\nfigure\ttitle\t2.197\nevent\tbias\t-1\n");
  ASSERT_TRUE(m.Load(table.path).ok());
  EXPECT_DOUBLE_EQ(m.Of("figure", {}), 0.5);
  EXPECT_DOUBLE_EQ(m.Of("figure", {"title"}), 0.9);  // 1 / (1 + e^-2.197), rounded to 0.001
  EXPECT_DOUBLE_EQ(m.Of("figure", {"title", "no weight"}), 0.9);
  EXPECT_DOUBLE_EQ(m.Of("event", {"title"}), 0.269);  // weights belong to their target
}

TEST(Confidence, BadTablesNameTheLineAndReason) {
  ConfidenceModel m;
  const TempTable not_a_number("conf_nan.tsv", "figure\tbias\tzero\nevent\tbias\t0\n");
  Status st = m.Load(not_a_number.path);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("conf_nan.tsv:1: weight 'zero' is not a number"), std::string::npos) << st.message();
  const TempTable no_event_bias("conf_nobias.tsv", "figure\tbias\t1\n");
  st = ConfidenceModel().Load(no_event_bias.path);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("needs a 'bias' weight"), std::string::npos) << st.message();
}

TEST(Confidence, SignalsSayWhatAFigureRestsOn) {
  Figure f;
  f.kind = "killed";
  f.value = 12;
  f.qualifier = "at_least";
  f.reading = "predicate";
  f.in_title = true;
  f.according_to.push_back({"de politie", "unnamed:police", {}});
  EventMention e;
  const auto s = FigureSignals(f, e, false);
  for (const char* want : {"kind=killed", "qualifier=at_least", "value=count", "reading=predicate", "title", "sourced",
                           "event=specific"})
    EXPECT_NE(std::find(s.begin(), s.end(), want), s.end()) << want;
  EXPECT_EQ(std::find(s.begin(), s.end(), "subgroup"), s.end());
}

// Whether the figure of `kind` and `value` in the article's event `event` carries `signal`.
bool Carries(const nlohmann::json& out, size_t event, const std::string& kind, double value, const std::string& signal) {
  for (const auto& f : out["events"][event]["figures"])
    if (f["kind"] == kind && f["value"] == value)
      for (const auto& s : f["signals"])
        if (s == signal) return true;
  return false;
}

TEST(Confidence, ACountTwoEventsGiveIsToldElsewhere) {
  Article a = testing::MakeArticle(
      "Een brand in een loods in Lyon kostte dinsdag acht mensen het leven.\n\n"
      "Zaterdag kwamen in Marseille ook acht mensen om bij een woningbrand.",
      "2024-05-16");
  const nlohmann::json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 2u) << out["events"].dump();
  EXPECT_TRUE(Carries(out, 0, "killed", 8, "told_elsewhere")) << out["events"].dump();
  Article one = testing::MakeArticle("Een brand in een loods in Lyon kostte dinsdag acht mensen het leven.", "2024-05-16");
  EXPECT_FALSE(Carries(testing::AnalyzeToJson(one), 0, "killed", 8, "told_elsewhere"));
}

}  // namespace
}  // namespace kroniek
