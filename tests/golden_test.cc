// Golden end-to-end tests: each *.expect file names an article and the facts
// its analysis must contain (values, kinds, dates — never copied sentences);
// the notation is in expectations.h. Extra lines:
//   article PATH     relative to the .expect file, or $SHARED/… for ../shared
//                    (default: the .txt of the same name)
//   published DATE   as --published
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "expectations.h"
#include "output/jsonl.h"
#include "test_util.h"

namespace kroniek {
namespace {

namespace fs = std::filesystem;

class GoldenTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(GoldenTest, FactsHold) {
  const fs::path expect = GetParam();
  std::string article_path, published;
  std::vector<testing::Expectation> expectations;
  {
    std::ifstream in(expect);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty() || line[0] == '#') continue;
      testing::Expectation e;
      if (!testing::ParseExpectation(line, &e)) continue;
      e.line = n;
      if (e.verb == "article" || e.verb == "published") {
        (e.verb == "article" ? article_path : published) = line.substr(line.find(' ') + 1);
        continue;
      }
      expectations.push_back(e);
    }
  }
  fs::path article_file = fs::path(expect).replace_extension(".txt");
  if (article_path.rfind("$SHARED/", 0) == 0) article_file = fs::path(testing::SharedDir()) / article_path.substr(8);
  else if (!article_path.empty()) article_file = expect.parent_path() / article_path;
  if (!fs::exists(article_file)) {
    if (testing::InCI()) FAIL() << article_file << " is missing (CI=true)";
    GTEST_SKIP() << article_file << " not found";
  }
  IngestOptions opts;
  if (!published.empty()) opts.published = *ParseIsoDate(published);
  Article article;
  Status st = ReadArticleFile(article_file.string(), opts, &article);
  ASSERT_TRUE(st.ok()) << st.message();
  const nlohmann::json out = testing::AnalyzeToJson(article);
  for (const auto& e : expectations) {
    std::string problem = testing::Check(e, out, article);
    EXPECT_TRUE(problem.empty()) << expect.filename().string() << ":" << e.line << ": " << e.verb << ": " << problem;
  }
}

// A key the verb does not read is a typo in the expectation, never a pass.
TEST(Expectations, AKeyTheVerbDoesNotReadFails) {
  Article article;
  article.text = "x";
  const nlohmann::json out = {{"events", nlohmann::json::array()}};
  testing::Expectation e;
  ASSERT_TRUE(testing::ParseExpectation("no-figure kind=killed vale=3", &e));
  EXPECT_EQ(testing::Check(e, out, article), "unknown key 'vale' for 'no-figure'");
  ASSERT_TRUE(testing::ParseExpectation("no-figure kind=killed", &(e = {})));
  EXPECT_EQ(testing::Check(e, out, article), "");
  ASSERT_TRUE(testing::ParseExpectation("figures kind=killed", &(e = {})));
  EXPECT_EQ(testing::Check(e, out, article), "unknown expectation 'figures'");
}

std::vector<fs::path> ExpectFiles() {
  std::vector<fs::path> out;
  for (const char* dir : {"examples/nl", "tests/golden"}) {
    fs::path d = fs::path(testing::SourceDir()) / dir;
    if (!fs::exists(d)) continue;
    for (const auto& entry : fs::directory_iterator(d))
      if (entry.path().extension() == ".expect") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string s = info.param.stem().string();
  for (char& c : s)
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
}

INSTANTIATE_TEST_SUITE_P(Articles, GoldenTest, ::testing::ValuesIn(ExpectFiles()), Name);

}  // namespace
}  // namespace kroniek
