// Articles are read in their own language: the record's "lang" or --lang,
// else CLD2's when it is sure, else the default (nl). A language without a
// resources/<lang>/ folder is named unsupported and the article kept without
// events; a second folder is read for its own articles, by data alone.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "ingest/inputs.h"
#include "test_util.h"

namespace kroniek {
namespace {

namespace fs = std::filesystem;

// Invented events, in our own words.
const char* kGerman =
    "Bei einem Brand in einer Lagerhalle am Stadtrand sind am Dienstagabend drei Arbeiter ums Leben gekommen. "
    "Die Feuerwehr war mit mehr als achtzig Einsatzkräften vor Ort und konnte das Feuer erst nach Mitternacht "
    "löschen. Die Polizei ermittelt, wie der Brand entstehen konnte; ein Sprecher sagte, man schließe "
    "Brandstiftung nicht aus.\n";
const char* kDutch =
    "Bij een schietpartij in een café in Zwolle zijn dinsdagavond twee mensen om het leven gekomen. "
    "Drie anderen raakten gewond, meldt de politie. De schutter is nog voortvluchtig.\n";

Article Read(const std::string& id, const std::string& text, const std::string& lang = "") {
  IngestOptions opts;
  opts.published = Civil{2026, 3, 12};
  opts.lang = lang;
  Article a;
  EXPECT_TRUE(ArticleFromText(id, text, opts, &a).ok());
  return a;
}

TEST(Language, GermanBesideDutchIsNamedUnsupportedAndTheDutchGetsItsEvents) {
  std::vector<std::string> unsupported;
  ChronicleResult r = BuildChronicle(testing::SharedPipeline(), {Read("de1", kGerman), Read("nl1", kDutch)}, &unsupported);
  ASSERT_EQ(unsupported.size(), 1u);
  EXPECT_EQ(unsupported[0], "de1: de: no resources for this language");
  ASSERT_EQ(r.chronicle->articles().size(), 2u);  // kept
  for (const auto& a : r.chronicle->articles()) {
    if (a.article.id == "de1") {
      EXPECT_EQ(a.article.lang, "de");
      EXPECT_TRUE(a.extraction.events.empty());
    } else {
      EXPECT_EQ(a.article.lang, "nl");
      ASSERT_EQ(a.extraction.events.size(), 1u);
      EXPECT_EQ(a.extraction.events[0].type, "shooting");
    }
  }
  ASSERT_EQ(r.chronicle->events().size(), 1u);
  EXPECT_EQ(r.chronicle->events()[0].type, "shooting");
}

TEST(Language, GivenLanguageWinsOverDetection) {
  Article dutch_said_german = Read("x", kDutch, "de");
  Analysis analysis;
  Extraction extraction;
  Status st = testing::SharedPipeline().Run(dutch_said_german, &analysis, &extraction);
  EXPECT_EQ(st.message(), "de: no resources for this language");
  EXPECT_TRUE(extraction.events.empty());
  EXPECT_TRUE(dutch_said_german.lang_given);

  // A record's own "lang" is read as a language tag; one that names no language
  // stays an extra field, and detection decides.
  Article from_record;
  ASSERT_TRUE(ArticleFromJsonLine("r:1", R"({"id": "a", "lang": "NL", "text": "Een zin."})", {}, &from_record).ok());
  EXPECT_EQ(from_record.lang, "nl");
  EXPECT_TRUE(from_record.lang_given);
  EXPECT_TRUE(from_record.extra_json.empty());
  Article tagged;
  ASSERT_TRUE(ArticleFromJsonLine("r:2", R"({"id": "b", "lang": "nl-BE", "text": "Een zin."})", {}, &tagged).ok());
  EXPECT_EQ(tagged.lang, "nl");
  Article unnamed;
  ASSERT_TRUE(ArticleFromJsonLine("r:3", R"({"id": "c", "lang": "Dutch", "text": "Een zin."})", {}, &unnamed).ok());
  EXPECT_FALSE(unnamed.lang_given);
  EXPECT_EQ(unnamed.extra_json, R"({"lang":"Dutch"})");
}

TEST(Language, ShortOrUnsureTextIsReadInTheDefaultLanguage) {
  // Too few letters for CLD2 to be trusted, whatever it says.
  EXPECT_EQ(testing::SharedPipeline().LanguageOf(Read("s", "Twee doden bij brand in Zwolle.\n")), "nl");
  EXPECT_EQ(testing::SharedPipeline().LanguageOf(Read("e", "Two dead in Zwolle fire.\n")), "nl");
  EXPECT_EQ(testing::SharedPipeline().LanguageOf(Read("g", kGerman)), "de");
  EXPECT_EQ(testing::SharedPipeline().LanguageOf(Read("d", kDutch)), "nl");
}

// A toy second language: Dutch's folder copied with one trigger word of its own.
// Its articles are read with its rules; Dutch ones never see them.
TEST(Language, ASecondFolderIsReadForItsOwnArticles) {
  const fs::path dir = fs::temp_directory_path() / ("kroniek_lang_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::create_directory_symlink(testing::ResourceDir() + "/kb", dir / "kb");
  fs::create_directory_symlink(testing::ResourceDir() + "/nl", dir / "nl");
  fs::copy(testing::ResourceDir() + "/nl", dir / "fy");
  std::ofstream(dir / "fy" / "triggers.tsv", std::ios::app) << "sjitterij|sjitterijen\tshooting\thead\n";
  Pipeline two;
  ASSERT_TRUE(two.Load(dir.string()).ok());
  EXPECT_TRUE(two.Supports("fy"));
  EXPECT_TRUE(two.Supports("nl"));
  const std::string text = "Bij een sjitterij in Leeuwarden zijn dinsdag twee mensen om het leven gekomen.\n";
  auto types = [&](const std::string& lang) {
    Article a = Read("t", text, lang);
    Analysis analysis;
    Extraction extraction;
    EXPECT_TRUE(two.Run(a, &analysis, &extraction).ok());
    std::vector<std::string> out;
    for (const auto& e : extraction.events) out.push_back(e.type);
    return out;
  };
  EXPECT_EQ(types("fy"), std::vector<std::string>{"shooting"});
  EXPECT_EQ(types("nl"), std::vector<std::string>{"other"});  // the deaths alone: Dutch has no such word
  fs::remove_all(dir);
}

TEST(Language, TheDefaultLanguageMustHaveAFolder) {
  Pipeline p;
  Status st = p.Load(testing::ResourceDir(), "de");
  EXPECT_NE(st.message().find("/de: no such language folder"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace kroniek
