// An article without a date of its own is analysed once: when fusion finds its
// date, its times are resolved again and its events extracted again from the
// analysis it keeps (Pipeline::Redate), and that gives what analysing it with
// the date would (the slow reference).
#include <gtest/gtest.h>

#include <filesystem>

#include "output/jsonl.h"
#include "store/analysis_codec.h"
#include "test_util.h"

namespace kroniek {
namespace {

namespace fs = std::filesystem;

Article Undated(const std::string& id, const std::string& text) {
  Article a;
  Status st = ArticleFromText(id, text, {}, &a);
  EXPECT_TRUE(st.ok()) << st.message();
  a.published = Date();
  return a;
}

Date Inferred(const Civil& day) { return DateOf(day, DateBasis::kInferred); }

nlohmann::json Record(const AnalyzedArticle& aa, const Analysis& analysis) {
  return ArticleToJson(aa.article, analysis, aa.extraction, testing::SharedPipeline().types());
}

// The slow reference: `article` analysed with `published` from the start.
AnalyzedArticle AnalysedOn(Article article, const Date& published) {
  article.published = published;
  return AnalyseArticle(testing::SharedPipeline(), std::move(article), nullptr, true);
}

// Everything of an analysed article, as the store writes it: the article (paragraphs,
// stamps, title, language, date), the whole extraction and the whole analysis.
void ExpectSame(const AnalyzedArticle& fast, const AnalyzedArticle& slow) {
  ASSERT_NE(fast.analysis, nullptr);
  ASSERT_NE(slow.analysis, nullptr);
  EXPECT_TRUE(*fast.analysis == *slow.analysis);
  EXPECT_EQ(EncodeAnalysis(fast), EncodeAnalysis(slow));
  EXPECT_EQ(Record(fast, *fast.analysis), Record(slow, *slow.analysis));
}

TEST(Redate, UndatedArticleIsAnalysedOnce) {
  const Pipeline& pipeline = testing::SharedPipeline();
  IngestOptions on_thursday;
  on_thursday.published = Civil{2024, 3, 14};
  std::vector<Article> articles(2);
  ASSERT_TRUE(ArticleFromText("dated",
                              "Explosie in chemische fabriek in Gent\n\n"
                              "Bij een explosie in een chemische fabriek in Gent zijn dinsdag drie arbeiders om het "
                              "leven gekomen. Elf anderen raakten gewond, meldt de brandweer.\n\n"
                              "De oorzaak van de ontploffing is nog niet bekend.",
                              on_thursday, &articles[0])
                  .ok());
  articles[1] = Undated("undated",
                        "Dodental explosie Gent stijgt\n\n"
                        "Het dodental van de explosie in een chemische fabriek in Gent is gestegen tot vier. Een "
                        "zwaargewonde arbeider overleed gisteren in het ziekenhuis, meldt de brandweer. De "
                        "ontploffing vond dinsdag plaats.");
  const uint64_t before = pipeline.analysed();
  ChronicleResult result = BuildChronicle(pipeline, std::move(articles));
  EXPECT_EQ(pipeline.analysed() - before, 2u);
  const AnalyzedArticle* undated = nullptr;
  for (const auto& aa : result.chronicle->articles())
    if (aa.article.id == "undated") undated = &aa;
  ASSERT_NE(undated, nullptr);
  EXPECT_EQ(undated->article.published.value, "2024-03-12");
  EXPECT_EQ(undated->article.published.basis, DateBasis::kInferred);
  ASSERT_EQ(undated->extraction.events.size(), 1u);
  EXPECT_EQ(undated->extraction.events[0].date.value, "2024-03-12");  // "dinsdag", resolved with that date
}

// Every example article, undated, then redated to several days (its own, nine
// days later, 200 days back across a year): article, analysis and extraction equal
// those of the article analysed with that date from the start.
TEST(Redate, GivesWhatAnalysingWithTheDateGives) {
  const Pipeline& pipeline = testing::SharedPipeline();
  std::vector<fs::path> paths;
  for (const auto& dir : {fs::path(testing::SourceDir()) / "examples" / "nl", fs::path(testing::SourceDir()) / "examples" / "sets"})
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.path().extension() == ".txt") paths.push_back(e.path());
  ASSERT_GE(paths.size(), 30u);
  int redated = 0;
  for (const auto& path : paths) {
    Article read;
    ASSERT_TRUE(ReadArticleFile(path.string(), {}, &read).ok()) << path;
    auto own = read.published.civil();
    if (!own || own->day == 0) continue;
    for (int shift : {0, 9, -200}) {
      const Civil day = AddDays(*own, shift);
      SCOPED_TRACE(path.filename().string() + " on " + day.ToString());
      AnalyzedArticle fast = AnalyseArticle(pipeline, Undated(read.id, read.text));
      ASSERT_NE(fast.analysis, nullptr);  // kept: it has no date of its own
      const uint64_t before = pipeline.analysed();
      pipeline.Redate(fast, Inferred(day));
      EXPECT_EQ(pipeline.analysed(), before);  // its text was not analysed again
      ExpectSame(fast, AnalysedOn(Undated(read.id, read.text), Inferred(day)));
      ++redated;
    }
  }
  EXPECT_GE(redated, 75);  // 25 articles dated to the day, three days each
}

// Dated by fusion, then read as it came (a store does so when new reports
// arrive): the record of the article analysed without a date.
TEST(Redate, WithoutADateGivesTheUndatedReading) {
  const Pipeline& pipeline = testing::SharedPipeline();
  int undone = 0;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(testing::SourceDir()) / "examples")) {
    if (e.path().extension() != ".txt") continue;
    Article read;
    ASSERT_TRUE(ReadArticleFile(e.path().string(), {}, &read).ok()) << e.path();
    auto own = read.published.civil();
    if (!own || own->day == 0) continue;
    AnalyzedArticle reference = AnalyseArticle(pipeline, Undated(read.id, read.text));
    AnalyzedArticle redated = reference;
    pipeline.Redate(redated, Inferred(*own));
    pipeline.Redate(redated, Date());
    SCOPED_TRACE(e.path().string());
    ExpectSame(redated, reference);
    ++undone;
  }
  EXPECT_GE(undone, 25);
}

// A time that counts from the publication date may join its neighbour once the
// date is known ("oktober" + "vorig jaar"); on the same tokens the analysis holds and
// is redated. A join over other tokens ("3 juni is het precies twaalf jaar geleden")
// has the article analysed again, as given: its record's title, source, url and extra
// fields kept.
TEST(Redate, TimesThatJoinOnceDatedGiveWhatAnalysingWithTheDateGives) {
  const Pipeline& pipeline = testing::SharedPipeline();
  const Date day = Inferred(Civil{2024, 5, 2});
  struct Case { const char* text; bool analysed_again; const char* joined; };
  for (const Case& c : {Case{"Bij een brand in een fabriek in Gent vielen in oktober vorig jaar drie doden.", false,
                             "oktober vorig jaar"},
                        Case{"Op 3 juni is het precies twaalf jaar geleden dat een brand in Gent vier doden eiste.",
                             true, "3 juni is het precies twaalf jaar geleden"},
                        // (A part of a period named relative to the report is its part whether
                        // or not the report is dated.)
                        Case{"Eind vorig jaar vielen bij een brand in een fabriek in Gent drie doden.", false,
                             "Eind vorig jaar"},
                        Case{"Eerder deze week vielen bij een brand in een fabriek in Gent drie doden.", false,
                             "Eerder deze week"},
                        Case{"Na zaterdag vielen bij branden in Gent nog drie doden.", false, "Na zaterdag"},
                        Case{"Na 1 mei 2024 vielen bij branden in Gent nog drie doden.", false, "Na 1 mei 2024"}}) {
    SCOPED_TRACE(c.text);
    Article given = Undated("given", c.text);
    given.title = "Brand in Gent";
    given.source = "De Testkrant";
    given.url = "https://example.org/brand";
    given.extra_json = R"({"section":"binnenland"})";
    AnalyzedArticle fast = AnalyseArticle(pipeline, given);
    const uint64_t before = pipeline.analysed();
    pipeline.Redate(fast, day);
    EXPECT_EQ(pipeline.analysed() - before, c.analysed_again ? 1u : 0u);
    ASSERT_NE(fast.analysis, nullptr);
    ASSERT_FALSE(fast.analysis->times.empty());
    EXPECT_EQ(fast.analysis->times[0].date.text, c.joined);
    EXPECT_EQ(fast.article.title, "Brand in Gent");
    EXPECT_EQ(fast.article.source, "De Testkrant");
    EXPECT_EQ(fast.article.url, "https://example.org/brand");
    EXPECT_EQ(fast.article.extra_json, R"({"section":"binnenland"})");
    ExpectSame(fast, AnalysedOn(given, day));
  }
}

// Readings Redate keeps are the readings themselves: an article read again with a date
// it was read with before, and another text under the same id (ids repeat across
// chronicles), each give what analysing it with that date gives; read again without a
// date, what analysing it undated gives.
TEST(Redate, AKeptReadingIsTheReadingItself) {
  const Pipeline& pipeline = testing::SharedPipeline();
  const Date day = Inferred(Civil{2024, 5, 2});
  for (int round = 0; round < 2; ++round)
    for (const char* text : {"Bij een brand in een fabriek in Gent vielen gisteren drie doden.",
                             "Bij een brand in een fabriek in Gent vielen dinsdag vijf doden."}) {
      SCOPED_TRACE(std::string(text) + ", round " + std::to_string(round));
      const AnalyzedArticle undated = AnalyseArticle(pipeline, Undated("same-id", text));
      AnalyzedArticle fast = undated;
      pipeline.Redate(fast, day);
      ExpectSame(fast, AnalysedOn(Undated("same-id", text), day));
      pipeline.Redate(fast, Date());
      ExpectSame(fast, undated);
    }
}

// The stored form keeps the analysis of an article without a date of its own,
// whole: every example article, undated, read back equals what was written.
TEST(Redate, TheStoredAnalysisReadsBackWhole) {
  int kept = 0;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(testing::SourceDir()) / "examples")) {
    if (e.path().extension() != ".txt") continue;
    Article read;
    ASSERT_TRUE(ReadArticleFile(e.path().string(), {}, &read).ok()) << e.path();
    AnalyzedArticle written = AnalyseArticle(testing::SharedPipeline(), Undated(read.id, read.text));
    ASSERT_NE(written.analysis, nullptr) << e.path();
    AnalyzedArticle back;
    ASSERT_TRUE(DecodeAnalysis(EncodeAnalysis(written), written.article.text, &back).ok()) << e.path();
    SCOPED_TRACE(e.path().string());
    ExpectSame(back, written);
    EXPECT_EQ(back.article.inline_stamps, written.article.inline_stamps);
    ++kept;
  }
  EXPECT_GE(kept, 40);
  // A form stored before analyses were kept reads back without one.
  AnalyzedArticle old;
  ASSERT_TRUE(DecodeAnalysis(R"({"article":{"id":"a","published":{"value":""}},"extraction":{}})", "Tekst.", &old).ok());
  EXPECT_EQ(old.analysis, nullptr);
  EXPECT_EQ(old.article.id, "a");
  // A dated article keeps none: it is never read again for a date.
  Article dated = testing::MakeArticle("Bij een brand in Gent vielen gisteren twee doden.", "2024-05-02");
  EXPECT_EQ(AnalyseArticle(testing::SharedPipeline(), dated).analysis, nullptr);
}

}  // namespace
}  // namespace kroniek
