// Runs the examples that every resource file carries ("> input<TAB>expected"),
// for every language folder of resources/, its articles read in that language.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/resource_file.h"
#include "expectations.h"
#include "output/jsonl.h"
#include "test_util.h"

namespace kroniek {
namespace {

using testing::FormatNumber;
using testing::ResourceDir;
using testing::SharedPipeline;

// Every language folder (all but kb/).
std::vector<std::string> Languages() {
  std::vector<std::string> langs;
  for (const auto& entry : std::filesystem::directory_iterator(ResourceDir()))
    if (entry.is_directory() && entry.path().filename() != "kb") langs.push_back(entry.path().filename().string());
  std::sort(langs.begin(), langs.end());
  return langs;
}

class ResourceExamples : public ::testing::TestWithParam<std::string> {
 protected:
  const std::string& Lang() const { return GetParam(); }
  std::string Folder() const { return ResourceDir() + "/" + Lang(); }
  ResourceFile Load(const std::string& name) const {
    ResourceFile f;
    Status st = LoadResourceFile(Folder() + "/" + name, 1, &f);
    EXPECT_TRUE(st.ok()) << st.message();
    EXPECT_FALSE(f.examples.empty()) << Lang() << "/" << name << " has no examples";
    return f;
  }
  // An example read in this folder's language.
  Article MakeArticle(const std::string& text, const std::string& published = "") const {
    Article a = testing::MakeArticle(text, published);
    a.lang = Lang();
    a.lang_given = true;
    return a;
  }
  // The first number phrase in `text`, rendered as "60", "20..99" or "none".
  std::string FirstQuantity(const std::string& text, std::string* qualifier = nullptr) const;
  // Checks the fact examples of a file whose input starts with `prefix` (stripped).
  void CheckFacts(const std::string& name, const ResourceFile& f, const std::string& prefix) const;
};

INSTANTIATE_TEST_SUITE_P(Languages, ResourceExamples, ::testing::ValuesIn(Languages()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

std::string ResourceExamples::FirstQuantity(const std::string& text, std::string* qualifier) const {
  Article a = MakeArticle(text);
  Analysis an;
  SharedPipeline().analyzer(Lang()).Analyze(a, &an);
  if (an.quantities.empty()) return "none";
  const Quantity& q = an.quantities.front();
  if (qualifier) *qualifier = q.qualifier;
  if (q.value) return FormatNumber(*q.value);
  return FormatNumber(*q.low) + ".." + FormatNumber(*q.high);
}

TEST_P(ResourceExamples, Numbers) {
  for (const auto& ex : Load("numbers.tsv").examples)
    EXPECT_EQ(FirstQuantity(ex.input), ex.expected) << "numbers.tsv:" << ex.line << ": " << ex.input;
}

TEST_P(ResourceExamples, Qualifiers) {
  for (const auto& ex : Load("qualifiers.tsv").examples) {
    std::string qualifier;
    std::string value = FirstQuantity(ex.input, &qualifier);
    EXPECT_EQ(qualifier + " " + value, ex.expected) << "qualifiers.tsv:" << ex.line << ": " << ex.input;
  }
}

TEST_P(ResourceExamples, Times) {
  for (const auto& ex : Load("time.tsv").examples) {
    size_t at = ex.input.rfind(" @");
    ASSERT_NE(at, std::string::npos) << "time.tsv:" << ex.line << ": example needs ' @publication'";
    std::string pub = ex.input.substr(at + 2);
    Article a = MakeArticle(ex.input.substr(0, at), pub == "none" ? "" : pub);
    Analysis an;
    SharedPipeline().analyzer(Lang()).Analyze(a, &an);
    std::string got = "none";
    if (!an.times.empty()) {
      const Date& d = an.times.front().date;
      got = (d.known() ? d.value : "null") + " " + PrecisionName(d.precision);
      if (!d.from.empty() || !d.to.empty()) got += " " + d.from + ".." + d.to;
    }
    EXPECT_EQ(got, ex.expected) << "time.tsv:" << ex.line << ": " << ex.input;
  }
}

// "kind value qualifier group" of the first figure in `text`, or "none";
// value is a number or "null", then low..high when the text gives bounds.
TEST_P(ResourceExamples, FigureNouns) {
  for (const auto& ex : Load("figure_nouns.tsv").examples) {
    Article a = MakeArticle(ex.input, "2021-08-30");
    nlohmann::json out = testing::AnalyzeToJson(a);
    std::string got = "none";
    for (const auto& e : out["events"])
      for (const auto& f : e["figures"]) {
        if (got != "none") break;
        std::string value = f["value"].is_number() ? FormatNumber(f["value"].get<double>()) : "null";
        if (f["low"].is_number())
          value += " " + FormatNumber(f["low"].get<double>()) + ".." + FormatNumber(f["high"].get<double>());
        got = f["kind"].get<std::string>() + " " + value + " " + f["qualifier"].get<std::string>() + " " +
              f["group"].get<std::string>();
      }
    EXPECT_EQ(got, ex.expected) << "figure_nouns.tsv:" << ex.line << ": " << ex.input;
  }
}

// Trigger examples: the first event's type (generic types before defaults), or "none".
TEST_P(ResourceExamples, Triggers) {
  for (const auto& ex : Load("triggers.tsv").examples) {
    Article a = MakeArticle(ex.input, "2021-08-30");
    nlohmann::json out = testing::AnalyzeToJson(a);
    std::string got = out["events"].empty() ? "none" : out["events"][0]["type"].get<std::string>();
    EXPECT_EQ(got, ex.expected) << "triggers.tsv:" << ex.line << ": " << ex.input;
  }
}

// A place name typed into a query: "> name<TAB>id" (an id among those found).
TEST_P(ResourceExamples, QueryFrames) {
  for (const auto& ex : Load("query_frames.tsv").examples) {
    const std::vector<std::string> ids = SharedPipeline().PlaceIds(ex.input, Lang());
    if (ex.expected == "-") EXPECT_TRUE(ids.empty()) << ex.input;
    else EXPECT_NE(std::find(ids.begin(), ids.end(), ex.expected), ids.end()) << ex.input << " -> " << ex.expected;
  }
}

// Every other file of a language folder states its examples as facts in the
// notation of expectations.h: "> sentence[ @YYYY-MM-DD]<TAB>fact[ ; fact…]".
// The language-neutral files of kb/ may too, each example naming its language
// ("> nl: sentence<TAB>facts"); those of this folder's language run here.
void ResourceExamples::CheckFacts(const std::string& name, const ResourceFile& f, const std::string& prefix) const {
  for (const auto& ex : f.examples) {
    if (!ex.input.starts_with(prefix)) continue;
    std::string input = ex.input.substr(prefix.size()), published = "2021-08-30";
    for (size_t nl = input.find("\\n"); nl != std::string::npos; nl = input.find("\\n", nl)) input.replace(nl, 2, "\n");
    if (size_t at = input.rfind(" @"); at != std::string::npos) {
      published = input.substr(at + 2);
      input = input.substr(0, at);
    }
    if (published == "-") published.clear();  // " @-": only what the text says dates it
    Article a = MakeArticle(input, published);
    nlohmann::json out = testing::AnalyzeToJson(a);
    size_t start = 0;
    while (start < ex.expected.size()) {
      size_t sep = ex.expected.find(" ; ", start);
      std::string fact = ex.expected.substr(start, sep == std::string::npos ? std::string::npos : sep - start);
      start = sep == std::string::npos ? ex.expected.size() : sep + 3;
      testing::Expectation e;
      ASSERT_TRUE(testing::ParseExpectation(fact, &e)) << name << ":" << ex.line;
      std::string problem = testing::Check(e, out, a);
      EXPECT_TRUE(problem.empty()) << name << ":" << ex.line << ": " << ex.input << "\n  " << fact << ": " << problem;
    }
  }
}

TEST_P(ResourceExamples, EveryFileHasExamplesAndTheyHold) {
  const std::set<std::string> own_notation = {"numbers.tsv", "qualifiers.tsv", "time.tsv", "triggers.tsv",
                                              "figure_nouns.tsv", "query_frames.tsv"};
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(Folder())) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".tsv") continue;
    ++files;
    ResourceFile f = Load(name);
    if (!own_notation.count(name)) CheckFacts(name, f, "");
  }
  EXPECT_GT(files, 20);
}

// The example lines ("> …") of a file, read plainly (kb/ also holds large generated tables).
std::vector<std::string> ExampleLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("> ")) lines.push_back(line.substr(2));
  return lines;
}

// Every kb example names a language folder present: none is skipped unseen.
TEST(KnowledgeBaseExamples, EachNamesALanguageFolder) {
  for (const auto& entry : std::filesystem::directory_iterator(ResourceDir() + "/kb"))
    for (const auto& line : ExampleLines(entry.path().string())) {
      const size_t colon = line.find(": ");
      const std::string lang = colon == std::string::npos ? "" : line.substr(0, colon);
      EXPECT_TRUE(!lang.empty() && lang != "kb" && std::filesystem::is_directory(ResourceDir() + "/" + lang))
          << entry.path().filename() << ": " << line;
    }
}

TEST_P(ResourceExamples, KnowledgeBaseExamplesInThisLanguageHold) {
  int examples = 0;
  for (const auto& entry : std::filesystem::directory_iterator(ResourceDir() + "/kb")) {
    if (entry.path().extension() != ".tsv" || ExampleLines(entry.path().string()).empty()) continue;
    ResourceFile f;
    ASSERT_TRUE(LoadResourceFile(entry.path().string(), 1, &f).ok()) << entry.path();
    const std::string prefix = Lang() + ": ";
    for (const auto& ex : f.examples) examples += ex.input.starts_with(prefix);
    CheckFacts("kb/" + entry.path().filename().string(), f, prefix);
  }
  EXPECT_GT(examples, 0) << "no kb example in " << Lang();
}

}  // namespace
}  // namespace kroniek
