// The chronicle of several articles: clustering, verdicts, inferred dates,
// and the same result whatever the input order.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "fuse/fuse.h"
#include "output/chronicle_out.h"
#include "test_util.h"

namespace kroniek {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<Article> ReadArticles(const std::vector<std::string>& paths) {
  std::vector<Article> out;
  for (const auto& p : paths) {
    Article a;
    Status st = ReadArticleFile(p, {}, &a);
    EXPECT_TRUE(st.ok()) << st.message();
    out.push_back(std::move(a));
  }
  return out;
}

std::string ChronicleJsonl(std::vector<Article> articles) {
  auto result = BuildChronicle(testing::SharedPipeline(), std::move(articles));
  std::ostringstream out;
  WriteChronicleJsonl(result, out);
  return out.str();
}

std::vector<json> Lines(const std::string& jsonl) {
  std::vector<json> out;
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) out.push_back(json::parse(line));
  return out;
}

std::vector<std::string> SeedPaths() {
  std::vector<std::string> out;
  fs::path dir = fs::path(testing::SharedDir()) / "seeds";
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

const json* FindFigure(const json& event, const std::string& kind, const std::string& group) {
  for (const auto& f : event["figures"])
    if (f["kind"] == kind && f["group"] == group) return &f;
  return nullptr;
}

class SeedChronicle : public ::testing::Test {
 protected:
  void SetUp() override {
    paths_ = SeedPaths();
    if (paths_.size() < 2) {
      if (testing::InCI()) FAIL() << "the seed articles are missing from " << testing::SharedDir() << " (CI=true)";
      GTEST_SKIP() << "seed articles not found";
    }
    lines_ = Lines(ChronicleJsonl(ReadArticles(paths_)));
    for (const auto& l : lines_) (l.contains("event") ? events_ : articles_).push_back(l.contains("event") ? l["event"] : l["article"]);
  }
  std::vector<const json*> EventsOfType(const std::string& type) const {
    std::vector<const json*> out;
    for (const auto& e : events_)
      if (e["type"] == type) out.push_back(&e);
    return out;
  }
  std::vector<std::string> paths_;
  std::vector<json> lines_, events_, articles_;
};

TEST_F(SeedChronicle, OneBombingWithBothArticlesAndItsTollUpdated) {
  auto bombings = EventsOfType("suicide_bombing");
  ASSERT_EQ(bombings.size(), 1u);
  const json& b = *bombings[0];
  std::set<std::string> sources;
  for (const auto& m : b["mentions"]) sources.insert(m["article"]);
  EXPECT_EQ(sources.size(), 2u);

  const json* killed = FindFigure(b, "killed", "people");
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ((*killed)["verdict"], "updated");
  EXPECT_EQ((*killed)["best"]["value"], 140);
  ASSERT_EQ((*killed)["history"].size(), 2u);
  EXPECT_EQ((*killed)["history"][0]["value"], 60);
  EXPECT_EQ((*killed)["history"][1]["value"], 140);

  const json* us = FindFigure(b, "killed", "US service members");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ((*us)["verdict"], "updated");
  EXPECT_EQ((*us)["history"][0]["value"], 12);
  EXPECT_EQ((*us)["best"]["value"], 13);
}

TEST_F(SeedChronicle, ClaimIsNotBest) {
  auto rockets = EventsOfType("rocket_or_missile_attack");
  ASSERT_EQ(rockets.size(), 1u);
  const json* fired = FindFigure(*rockets[0], "rockets_fired", "rockets");
  ASSERT_NE(fired, nullptr);
  EXPECT_EQ((*fired)["verdict"], "claim");
  EXPECT_EQ((*fired)["best"]["value"], 5);
}

TEST_F(SeedChronicle, DistinctEventsStayApart) {
  EXPECT_EQ(EventsOfType("air_or_drone_strike").size(), 1u);
  EXPECT_EQ(EventsOfType("rocket_or_missile_attack").size(), 1u);
  EXPECT_EQ(EventsOfType("evacuation").size(), 1u);
  auto drone = EventsOfType("air_or_drone_strike")[0];
  auto bombing = EventsOfType("suicide_bombing")[0];
  ASSERT_FALSE((*drone)["relations"].empty());
  EXPECT_EQ((*drone)["relations"][0]["type"], "retaliation_for");
  EXPECT_EQ((*drone)["relations"][0]["event"], (*bombing)["id"]);
}

TEST_F(SeedChronicle, UndatedArticleGetsItsDate) {
  const json* undated = nullptr;
  for (const auto& a : articles_)
    if (a["id"].get<std::string>().rfind("000_", 0) == 0) undated = &a;
  ASSERT_NE(undated, nullptr);
  EXPECT_EQ((*undated)["published"]["value"], "2021-08-30");
  EXPECT_EQ((*undated)["published"]["basis"], "inferred");
  EXPECT_FALSE((*undated)["published"]["candidates"].empty());
  EXPECT_FALSE((*undated)["published"]["why"].is_null());
}

TEST_F(SeedChronicle, SameForEveryInputOrder) {
  std::string reference = ChronicleJsonl(ReadArticles(paths_));
  std::vector<std::string> reversed(paths_.rbegin(), paths_.rend());
  EXPECT_EQ(ChronicleJsonl(ReadArticles(reversed)), reference);
}

// Ten shuffles of every example article and seed give one chronicle.
TEST(ChronicleOrder, TenShufflesSameChronicle) {
  std::vector<std::string> paths = SeedPaths();
  for (const auto& e : fs::directory_iterator(fs::path(testing::SourceDir()) / "examples/nl"))
    if (e.path().extension() == ".txt") paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  const std::string reference = ChronicleJsonl(ReadArticles(paths));
  std::mt19937 rng(20211);
  for (int round = 0; round < 10; ++round) {
    std::shuffle(paths.begin(), paths.end(), rng);
    EXPECT_EQ(ChronicleJsonl(ReadArticles(paths)), reference) << "shuffle " << round;
  }
}

// Undated reports of one kind of event at one place are one story for two
// months from the first report; a report months later is another event.
TEST(ChronicleStories, AnUndatedStoryLivesTwoMonthsFromItsFirstReport) {
  auto article = [](const char* id, int year, int month, int day, const char* text) {
    IngestOptions opts;
    opts.published = Civil{year, month, day};
    opts.published_basis = DateBasis::kMetadata;
    Article a;
    EXPECT_TRUE(ArticleFromText(id, text, opts, &a).ok());
    return a;
  };
  std::vector<Article> articles = {
      article("jan10", 2023, 1, 10, "Bij een schietpartij in Gent is een man gewond geraakt. Dat meldt de politie."),
      article("jan25", 2023, 1, 25, "In Gent is bij een schietpartij een man gewond geraakt, zegt de politie."),
      article("jun10", 2023, 6, 10, "Bij een schietpartij in Gent is een vrouw gewond geraakt. Dat meldt de politie."),
  };
  std::vector<std::set<std::string>> stories;
  for (const auto& line : Lines(ChronicleJsonl(articles))) {
    if (!line.contains("event") || line["event"]["type"] != "shooting") continue;
    std::set<std::string> sources;
    for (const auto& m : line["event"]["mentions"]) sources.insert(m["article"]);
    stories.push_back(sources);
  }
  std::sort(stories.begin(), stories.end());
  EXPECT_EQ(stories, (std::vector<std::set<std::string>>{{"jan10", "jan25"}, {"jun10"}}));
}

// An undated report's weekday dates its publication from another report's day of the same
// event only when that day is that weekday: a Saturday is not a Sunday a week on.
TEST(ChronicleStories, AWeekdayOfAnotherDayDatesNoPublication) {
  IngestOptions dated_opts;
  dated_opts.published = Civil{2023, 3, 8};
  dated_opts.published_basis = DateBasis::kMetadata;
  Article dated, undated;
  ASSERT_TRUE(ArticleFromText("dated", "Bij een aardbeving bij Marrakech zijn zondag twee mensen gewond geraakt.",
                              dated_opts, &dated).ok());
  ASSERT_TRUE(ArticleFromText("undated", "Bij een aardbeving bij Marrakech zijn zaterdagavond drie mensen gewond geraakt.",
                              {}, &undated).ok());
  for (const auto& line : Lines(ChronicleJsonl({dated, undated}))) {
    if (line.contains("article") && line["article"]["id"] == "undated") {
      EXPECT_TRUE(line["article"]["published"]["value"].is_null()) << line.dump();
    }
  }
}

// A page stamped with a day and month but no year ("Bijgewerkt: 7 maart") is published on that
// day of the days its events' other reports leave, a day of news; on none when that day and month
// come only a year on.
TEST(ChronicleStories, AStampWithoutAYearPicksItsDayFromTheStory) {
  IngestOptions dated_opts;
  dated_opts.published = Civil{2023, 3, 6};
  dated_opts.published_basis = DateBasis::kMetadata;
  auto published_of_stamped = [&](const std::string& stamp) {
    Article dated, stamped;
    EXPECT_TRUE(ArticleFromText("dated", "Bij een brand in een loods in Venlo zijn zaterdag drie mensen omgekomen.",
                                dated_opts, &dated).ok());
    EXPECT_TRUE(ArticleFromText("stamped", "Drie doden bij brand in Venlo\n\n" + stamp +
                                "\n\nDe brand in de loods in Venlo kostte drie mensen het leven. De politie onderzoekt de oorzaak.",
                                {}, &stamped).ok());
    for (const auto& line : Lines(ChronicleJsonl({dated, stamped})))
      if (line.contains("article") && line["article"]["id"] == "stamped") return line["article"]["published"];
    return json();
  };
  EXPECT_EQ(published_of_stamped("Bijgewerkt: 7 maart, 10.05 uur")["value"], "2023-03-07");
  EXPECT_TRUE(published_of_stamped("Bijgewerkt: 2 maart, 10.05 uur")["value"].is_null());
}

// A report without a date that tells a day of "vorige week" appeared in the week after that day:
// it joins the event another report dates, and the day it tells is that event's.
TEST(ChronicleStories, AWeekdayOfLastWeekPutsTheReportInTheWeekAfter) {
  IngestOptions dated_opts;
  dated_opts.published = Civil{2026, 6, 13};  // a Saturday
  dated_opts.published_basis = DateBasis::kMetadata;
  Article dated, undated;
  ASSERT_TRUE(ArticleFromText("dated", "Bij een bomaanslag op een bushalte in Marseille zijn vannacht tien mensen omgekomen.",
                              dated_opts, &dated).ok());
  ASSERT_TRUE(ArticleFromText("undated", "Camerabeelden van aanslag\n\nDe bom die in de nacht van vrijdag op zaterdag "
                              "vorige week ontplofte aan een bushalte in Marseille, stond er al een half uur. Bij de "
                              "aanslag kwamen tien mensen om.", {}, &undated).ok());
  json published, bombing;
  for (const auto& line : Lines(ChronicleJsonl({dated, undated}))) {
    if (line.contains("article") && line["article"]["id"] == "undated") published = line["article"]["published"];
    if (line.contains("event") && line["event"]["type"] == "bombing") bombing = line["event"];
  }
  ASSERT_TRUE(published["value"].is_string());
  const std::string day = published["value"];
  EXPECT_GE(day, "2026-06-15");
  EXPECT_LE(day, "2026-06-21");
  EXPECT_EQ(bombing["date"]["value"], "2026-06-13");
  EXPECT_EQ(bombing["mentions"].size(), 2u);
}

// The publication date the chronicle gives one page of this text.
json PublishedOf(const std::string& text) {
  Article a;
  EXPECT_TRUE(ArticleFromText("page", text, {}, &a).ok());
  for (const auto& line : Lines(ChronicleJsonl({a})))
    if (line.contains("article")) return line["article"]["published"];
  return json();
}

// A page dated to its month whose own text counts a day back from it ("een week geleden, op
// 21/10"; "gisteren, op 21/8") appeared on that day; its weekdays then resolve.
TEST(ChronicleStories, AMonthPageTakesTheDayItsTextCounts) {
  const json week = PublishedOf(" date 2025-10\nOntvoering\n\nPrecies een week geleden, op 21/10, werden bij Kollo "
                                "vier hulpverleners ontvoerd. Zaterdag werden drie verdachten opgepakt.");
  EXPECT_EQ(week["value"], "2025-10-28");
  EXPECT_EQ(week["basis"], "inferred");
  EXPECT_EQ(PublishedOf(" date 2025-08\nBrand\n\nGisteren, op 21/8, werd bij Kymi een brand gesticht.")["value"],
            "2025-08-22");
  // (A day it counts outside its own month is no day of it.)
  EXPECT_EQ(PublishedOf(" date 2025-09\nBrand\n\nGisteren, op 21/8, werd bij Kymi een brand gesticht.")["value"],
            "2025-09");
}

// "Gisteren, zondag": a page dated to its month whose text names yesterday's weekday appeared on
// the day after it, when another report's day leaves one such day.
TEST(ChronicleStories, AMonthPageTakesTheWeekdayItsTextCounts) {
  IngestOptions dated;
  dated.published = Civil{2026, 4, 18};
  dated.published_basis = DateBasis::kMetadata;
  Article riot, arrests;
  ASSERT_TRUE(ArticleFromText("riot", "Rellen in Skopje\n\nVrijdagavond braken in Skopje rellen uit bij het "
                              "parlement. Veertig mensen raakten gewond.", dated, &riot).ok());
  ASSERT_TRUE(ArticleFromText("arrests", " date 2026-04\nLeiders opgepakt\n\nGisteren, zondag, pakte de politie in "
                              "Skopje drie leiders van de studentenbeweging op. Bij de rellen van vrijdagavond bij "
                              "het parlement raakten veertig mensen gewond.", {}, &arrests).ok());
  json published;
  for (const auto& line : Lines(ChronicleJsonl({riot, arrests})))
    if (line.contains("article") && line["article"]["id"] == "arrests") published = line["article"]["published"];
  EXPECT_EQ(published["value"], "2026-04-20");
  EXPECT_EQ(published["basis"], "inferred");
  // (Alone, its month leaves four Mondays: no day.)
  EXPECT_EQ(PublishedOf(" date 2026-04\nLeiders opgepakt\n\nGisteren, zondag, pakte de politie in Skopje drie "
                        "leiders op.")["value"], "2026-04");
  // ("Het is maandag, een week na de storm": told with the report's weekday, a week is exact.)
  dated.published = Civil{2025, 11, 17};
  Article storm, week_after;
  ASSERT_TRUE(ArticleFromText("storm", "Storm in Bretagne\n\nBij een storm in Bretagne kwamen vandaag drie mensen om.",
                              dated, &storm).ok());
  ASSERT_TRUE(ArticleFromText("week", " date 2025-11\nEen week later\n\nBREST - Het is maandag, een week na de storm in "
                              "Bretagne, en de haven blijft dicht.", {}, &week_after).ok());
  for (const auto& line : Lines(ChronicleJsonl({storm, week_after})))
    if (line.contains("article") && line["article"]["id"] == "week") published = line["article"]["published"];
  EXPECT_EQ(published["value"], "2025-11-24");
}

// "Vorige week zaterdag" on a page dated to its month: the page appeared in the week after that
// Saturday's, Monday to Sunday, whichever way the weekday and the week are told.
TEST(ChronicleStories, AMonthPageAppearedInTheWeekAfterLastWeeksDay) {
  IngestOptions dated;
  dated.published = Civil{2026, 2, 14};
  dated.published_basis = DateBasis::kMetadata;
  for (const std::string told : {"vorige week zaterdag", "zaterdag vorige week"}) {
    Article avalanche, funeral;
    ASSERT_TRUE(ArticleFromText("avalanche", "Lawine in Zinal\n\nBij een lawine in Zinal kwamen vandaag vijf "
                                "skiërs om.", dated, &avalanche).ok());
    ASSERT_TRUE(ArticleFromText("funeral", " date 2026-02\nAfscheid\n\nIn Herentals namen honderden mensen afscheid "
                                "van een skiër die " + told + " omkwam bij de lawine in Zinal.", {}, &funeral).ok());
    json published;
    for (const auto& line : Lines(ChronicleJsonl({avalanche, funeral})))
      if (line.contains("article") && line["article"]["id"] == "funeral") published = line["article"]["published"];
    EXPECT_EQ(published["from"], "2026-02-16") << told;
    EXPECT_EQ(published["to"], "2026-02-22") << told;
  }
}

// Told in the present, "N dagen na de ramp" is the report's distance from the event it names:
// a page dated to its month takes that event's day plus the count. Told in the past, or as a
// perfect, or a count of weeks not said to be exact, it dates no report.
TEST(ChronicleStories, AMonthPageCountedFromTheEventItNames) {
  auto published_of = [](const std::string& text) { return PublishedOf(" date 2026-01\nTitel\n\n" + text); };
  const json today = published_of("Bij de instorting van een flat in Napels kwamen op zondag 11 januari negen mensen "
                                  "om. Vandaag, zes dagen na de ramp, worden de eerste slachtoffers begraven.");
  EXPECT_EQ(today["value"], "2026-01-17");
  EXPECT_EQ(today["basis"], "inferred");
  EXPECT_EQ(published_of("Drie dagen na de brand in Charleroi, op zondag 18 januari, is er verwarring over het "
                         "aantal doden.")["value"], "2026-01-21");
  EXPECT_EQ(published_of("Precies twee weken na de aardbeving van zondag 11 januari ligt het centrum van Ierapetra "
                         "er verlaten bij.")["value"], "2026-01-25");
  EXPECT_EQ(published_of("Bij een lawine bij Zinal kwamen op zaterdag 10 januari drie skiers om. Vier dagen na de "
                         "lawine is bij Saas een tweede lawine neergekomen.")["value"], "2026-01");
  EXPECT_EQ(published_of("Bij een brand in Gent kwamen op zaterdag 10 januari vijf mensen om. De uitvaart vond drie "
                         "dagen na de brand plaats.")["value"], "2026-01");
  EXPECT_EQ(published_of("Bij een brand in Gent kwamen op zaterdag 10 januari vijf mensen om. Een week na de brand "
                         "is er nog altijd verwarring.")["value"], "2026-01");
}

TEST(ChronicleStories, AStormInTwoTownsOnOneDayIsOneStorm) {
  auto article = [](const char* id, int day, const char* text) {
    IngestOptions opts;
    opts.published = Civil{2023, 3, day};
    opts.published_basis = DateBasis::kMetadata;
    Article a;
    EXPECT_TRUE(ArticleFromText(id, text, opts, &a).ok());
    return a;
  };
  std::vector<Article> articles = {
      article("gent", 11, "Door de storm is vrijdag in Gent een fietser om het leven gekomen."),
      article("antwerpen", 11, "In Antwerpen raakten vrijdag drie mensen gewond door de storm."),
      // Two fires in two towns on one day stay two fires.
      article("brand-gent", 11, "Bij een brand in Gent is vrijdag een man om het leven gekomen."),
      article("brand-antwerpen", 11, "In Antwerpen raakten vrijdag drie mensen gewond bij een brand."),
  };
  std::vector<std::set<std::string>> events;
  for (const auto& line : Lines(ChronicleJsonl(articles))) {
    if (!line.contains("event")) continue;
    std::set<std::string> sources;
    for (const auto& m : line["event"]["mentions"]) sources.insert(m["article"]);
    events.push_back(sources);
  }
  std::sort(events.begin(), events.end());
  EXPECT_EQ(events, (std::vector<std::set<std::string>>{{"antwerpen", "gent"}, {"brand-antwerpen"}, {"brand-gent"}}));
}

// An event no report dates gets the days its reports allow together as from/to, its value
// left unknown as no report gives one; more than a month of days is no date at all.
TEST(ChronicleStories, ReportsWithoutADateGiveTheDaysTheyAllowTogether) {
  auto article = [](const char* id, const char* text) {
    IngestOptions opts;
    opts.published = Civil{2024, 11, 0};  // a month-only header
    opts.published_basis = DateBasis::kHeader;
    Article a;
    EXPECT_TRUE(ArticleFromText(id, text, opts, &a).ok());
    return a;
  };
  std::vector<Article> articles = {
      article("today", "Bij rellen in Rotterdam zijn vandaag vijf mensen gewond geraakt."),
      article("thursday", "In Rotterdam raakten donderdagavond vijf mensen gewond bij rellen."),
      article("undated", "Bij een brand in Gent is een man om het leven gekomen."),
  };
  std::map<std::string, json> date_of;
  std::vector<std::string> order;
  for (const auto& line : Lines(ChronicleJsonl(articles)))
    if (line.contains("event")) {
      date_of[line["event"]["type"]] = line["event"]["date"];
      order.push_back(line["event"]["type"]);
      if (line["event"]["type"] == "riot") {
        EXPECT_EQ(line["event"]["mentions"].size(), 2u) << line.dump();
      }
    }
  ASSERT_EQ(date_of.size(), 2u);
  EXPECT_EQ(order, (std::vector<std::string>{"riot", "fire"}));  // with neither date nor days: last
  // Today is in November, and a Thursday (#16: the weekday narrows the days, from the 1st
  // to the first Thursday).
  EXPECT_TRUE(date_of["riot"]["value"].is_null()) << date_of["riot"].dump();
  EXPECT_EQ(date_of["riot"]["basis"], "inferred");
  EXPECT_EQ(date_of["riot"]["from"], "2024-11-07");
  EXPECT_EQ(date_of["riot"]["to"], "2024-11-28");
  // An undated report allows the two months before its publication: too wide to tell.
  EXPECT_TRUE(date_of["fire"]["from"].is_null()) << date_of["fire"].dump();
}

TEST(ChronicleStories, WindowDate) {
  const int nov1 = DayNumber({2024, 11, 1});
  EXPECT_EQ(WindowDate({nov1 + 3, nov1 + 3}).from, "2024-11-04");
  EXPECT_EQ(WindowDate({nov1 + 3, nov1 + 3}).to, "2024-11-04");
  EXPECT_EQ(WindowDate({nov1 + 3, nov1 + 3}).value, "");  // even one day: no report gives it
  EXPECT_EQ(WindowDate({nov1 - 1, nov1 + 29}).to, "2024-11-30");
  EXPECT_EQ(WindowDate({nov1 - 1, nov1 + 30}).from, "");  // more than a month
  EXPECT_EQ(WindowDate({nov1 + 5, nov1 + 3}).from, "");  // inverted (Allowed() gives none): no days
  EXPECT_EQ(WindowDate(DayRange()).from, "");
}

// The briefing's and `kroniek events --format text`'s date: a day, else the days allowed, else unknown.
TEST(DateText, DayElseDaysAllowedElseUnknown) {
  EXPECT_EQ(DateText({{"value", "2024-05-03"}, {"from", nullptr}, {"to", nullptr}}), "2024-05-03");
  EXPECT_EQ(DateText({{"value", nullptr}, {"from", "2024-05-03"}, {"to", "2024-05-09"}}), "2024-05-03..2024-05-09?");
  EXPECT_EQ(DateText({{"value", nullptr}, {"from", nullptr}, {"to", nullptr}}), "date unknown");
}

}  // namespace
}  // namespace kroniek
