#include <gtest/gtest.h>

#include "ingest/ingest.h"

namespace kroniek {
namespace {

Article Ingest(const std::string& text, IngestOptions opts = {}) {
  Article a;
  Status st = ArticleFromText("t", text, opts, &a);
  EXPECT_TRUE(st.ok()) << st.message();
  return a;
}

TEST(Ingest, HeaderGivesDateAndTitle) {
  Article a = Ingest(" date 2021-08 Aanslag in Kabul\n\nEerste alinea.\n");
  EXPECT_EQ(a.published.value, "2021-08");
  EXPECT_EQ(a.published.precision, Precision::kMonth);
  EXPECT_EQ(a.published.basis, DateBasis::kHeader);
  EXPECT_EQ(a.title, "Aanslag in Kabul");
  EXPECT_EQ(a.text.substr(a.title_span.begin, a.title_span.size()), "Aanslag in Kabul");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[0].kind, ParagraphKind::kTitle);
  EXPECT_EQ(a.paragraphs[1].kind, ParagraphKind::kBody);  // a title: no lede
}

TEST(Ingest, DayHeader) {
  Article a = Ingest(" date 2021-08-30 Titel\nTekst.");
  EXPECT_EQ(a.published.value, "2021-08-30");
  EXPECT_EQ(a.published.precision, Precision::kDay);
}

TEST(Ingest, NoHeaderFirstParagraphWithFullStopIsLede) {
  Article a = Ingest("Een lede eindigt met een punt.\n\nDe rest.\n");
  EXPECT_TRUE(a.title_span.empty());
  EXPECT_FALSE(a.published.known());
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[0].kind, ParagraphKind::kLede);
  EXPECT_EQ(a.text.substr(a.paragraphs[0].span.begin, a.paragraphs[0].span.size()), "Een lede eindigt met een punt.");
}

TEST(Ingest, PageWithoutBlankLinesHasOneParagraphPerLine) {
  Article a = Ingest("Brand in loods\nBijgewerkt: 3 mei 2024 10:05\nUTRECHT - Een loods brandde af.\n"
                     "De brandweer was er snel bij, maar de loods\nbrandde toch volledig uit.\n");
  ASSERT_EQ(a.paragraphs.size(), 4u);
  auto text = [&](size_t k) { return a.text.substr(a.paragraphs[k].span.begin, a.paragraphs[k].span.size()); };
  EXPECT_EQ(text(0), "Brand in loods");
  EXPECT_EQ(text(1), "Bijgewerkt: 3 mei 2024 10:05");
  EXPECT_EQ(text(2), "UTRECHT - Een loods brandde af.");
  // a hard wrap inside a sentence is no new paragraph
  EXPECT_EQ(text(3), "De brandweer was er snel bij, maar de loods\nbrandde toch volledig uit.");
}

TEST(Ingest, BlankLinesSeparateParagraphsWhenThePageHasThem) {
  Article a = Ingest("Eerste regel\nloopt door.\nZelfde alinea.\n\nTweede alinea.\n");
  ASSERT_EQ(a.paragraphs.size(), 2u);
}

TEST(Ingest, CommandLineDateWins) {
  IngestOptions opts;
  opts.published = Civil{2021, 8, 30};
  Article a = Ingest(" date 2021-08 Titel\nTekst.", opts);
  EXPECT_EQ(a.published.value, "2021-08-30");
  EXPECT_EQ(a.published.basis, DateBasis::kCli);
}

TEST(Ingest, MalformedHeaderIsText) {
  Article a = Ingest(" date 2021-13 Geen datum\n\nTekst.");
  EXPECT_FALSE(a.published.known());
  EXPECT_TRUE(a.title_span.empty());
}

TEST(Ingest, BadInputIsRefusedWithReason) {
  Article a;
  Status st = ArticleFromText("rec7", "", {}, &a);
  EXPECT_NE(st.message().find("rec7"), std::string::npos);
  EXPECT_NE(st.message().find("empty"), std::string::npos);
  st = ArticleFromText("rec8", std::string("abc\xff\xfe def"), {}, &a);
  EXPECT_NE(st.message().find("invalid UTF-8"), std::string::npos);
  st = ArticleFromText("rec9", std::string("ab\0cd", 5), {}, &a);
  EXPECT_NE(st.message().find("binary"), std::string::npos);
  IngestOptions small;
  small.max_bytes = 4;
  st = ArticleFromText("rec10", "te lang", small, &a);
  EXPECT_NE(st.message().find("limit"), std::string::npos);
}

TEST(Ingest, MissingFileNamesPath) {
  Article a;
  Status st = ReadArticleFile("/nonexistent/x.txt", {}, &a);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("/nonexistent/x.txt"), std::string::npos);
}

}  // namespace
}  // namespace kroniek
