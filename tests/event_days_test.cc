// An event's days from all its reports (#16): the days each report allows, with the weekdays
// and days of a month they name without a date, leave the narrowest interval (a day no report
// gives stays out of `value`); reports whose days fit no one day disagree; an undated
// article's "gisteren" dates it to the day after its event's.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "output/chronicle_out.h"
#include "test_util.h"

namespace kroniek {
namespace {

using nlohmann::json;

// An article with `published` ("2024-03" a month-only header, "2024-03-16" a day, "" none).
Article Published(const std::string& id, const std::string& published, const std::string& text) {
  IngestOptions opts;
  if (!published.empty()) {
    opts.published = *ParseIsoDate(published);
    opts.published_basis = DateBasis::kHeader;
  }
  Article a;
  Status st = ArticleFromText(id, text, opts, &a);
  EXPECT_TRUE(st.ok()) << st.message();
  return a;
}

struct Fused {
  std::vector<json> events;
  std::map<std::string, json> published;  // by article id
};

Fused Chronicle(std::vector<Article> articles) {
  auto result = BuildChronicle(testing::SharedPipeline(), std::move(articles));
  std::ostringstream out;
  WriteChronicleJsonl(result, out);
  Fused fused;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) {
    json j = json::parse(line);
    if (j.contains("event")) fused.events.push_back(j["event"]);
    else fused.published[j["article"]["id"]] = j["article"]["published"];
  }
  return fused;
}

// The fire's event, which every test has all its articles report.
const json& Fire(const Fused& f, size_t reports) {
  static const json none;
  for (const auto& e : f.events)
    if (e["type"] == "fire") {
      EXPECT_EQ(e["mentions"].size(), reports) << e.dump();
      return e;
    }
  ADD_FAILURE() << "no fire";
  return none;
}

// The fused date's value (null when empty) and its days from..to (null when empty).
void ExpectDate(const json& date, const std::string& value, const std::string& from, const std::string& to) {
  auto field = [](const std::string& v) { return v.empty() ? json() : json(v); };
  EXPECT_EQ(date["value"], field(value)) << date.dump();
  EXPECT_EQ(date["from"], field(from)) << date.dump();
  EXPECT_EQ(date["to"], field(to)) << date.dump();
}

// (A day no report gives stays out of `value`: the interval is that day.)
TEST(EventDays, AWeekdayUnderAMonthHeaderAndAnotherReportsWeekLeaveOneDay) {
  Fused f = Chronicle({
      Published("thursday", "2024-03", "Bij een brand in een fabriek in Tilburg zijn donderdag drie mensen omgekomen."),
      // Published on Saturday 16 March: last week is 4 to 10 March, whose Thursday is the 7th.
      Published("week", "2024-03-16", "Bij een brand in een fabriek in Tilburg zijn vorige week drie mensen omgekomen."),
  });
  // The month the week report gives, and the one day left.
  const json& date = Fire(f, 2)["date"];
  ExpectDate(date, "2024-03", "2024-03-07", "2024-03-07");
  EXPECT_EQ(date["precision"], "month");
  EXPECT_EQ(date["basis"], "inferred");
  EXPECT_TRUE(Fire(f, 2)["disagreements"].empty());
}

TEST(EventDays, AReportsWeekDatesItsEventToThatWeek) {
  Fused f = Chronicle({Published("weekend", "2024-03-13",
                                 "Bij een brand in een fabriek in Tilburg zijn afgelopen weekend drie mensen omgekomen.")});
  const json& date = Fire(f, 1)["date"];
  ExpectDate(date, "2024-03", "2024-03-09", "2024-03-10");
  EXPECT_EQ(date["precision"], "month");
}

TEST(EventDays, ADayOfAMonthWithoutAYearAndADatedReportLeaveOneDay) {
  Fused f = Chronicle({
      Published("dated", "2024-03-16", "Bij een brand in een fabriek in Tilburg zijn drie mensen omgekomen."),
      // Undated: 14 March of some year; the dated report allows the two months before the 16th.
      Published("undated", "", "Bij een brand in een fabriek in Tilburg zijn op 14 maart drie mensen omgekomen."),
  });
  ExpectDate(Fire(f, 2)["date"], "", "2024-03-14", "2024-03-14");
}

TEST(EventDays, SeveralDaysLeftAreTheNarrowestInterval) {
  Fused f = Chronicle({
      Published("thursday", "2024-03", "Bij een brand in een fabriek in Tilburg zijn donderdag drie mensen omgekomen."),
      Published("dated", "2024-03-16", "Bij een brand in een fabriek in Tilburg zijn drie mensen omgekomen."),
  });
  // The Thursdays up to the 16th: 29 February (a week before a day of March), 7 and 14 March.
  ExpectDate(Fire(f, 2)["date"], "", "2024-02-29", "2024-03-14");
}

// A report's own date stands unless the others leave less than a week of it.
TEST(EventDays, AReportsDateStandsWhenTheOthersLeaveAWeekOrMore) {
  Fused f = Chronicle({
      Published("month", "2024-04-05", "Bij een brand in een fabriek in Tilburg zijn vorige maand drie mensen omgekomen."),
      // The Thursdays of March: the 7th to the 28th.
      Published("thursday", "2024-03", "Bij een brand in een fabriek in Tilburg zijn donderdag drie mensen omgekomen."),
  });
  const json& date = Fire(f, 2)["date"];
  ExpectDate(date, "2024-03", "", "");
  EXPECT_EQ(date["text"], "vorige maand");
}

// (A Saturday under a month-only header and 14 March, a Thursday, in an undated report.)
TEST(EventDays, AWeekdayAndADayOfAMonthThatFitNoOneNightDisagree) {
  Fused f = Chronicle({
      Published("saturday", "2024-03", "Brand\n\nBij een brand in een fabriek in Tilburg zijn zaterdag drie mensen omgekomen."),
      Published("fourteenth", "", "Brand\n\nBij een brand in een fabriek in Tilburg zijn op 14 maart drie mensen omgekomen."),
  });
  const json& fire = Fire(f, 2);
  EXPECT_TRUE(fire["date"]["value"].is_null()) << fire.dump();
  ASSERT_EQ(fire["disagreements"].size(), 1u) << fire.dump();
  const json& d = fire["disagreements"][0];
  EXPECT_EQ(d["field"], "date");
  std::map<std::string, std::string> said;
  for (const auto& v : d["values"]) said[v["article"]] = v["value"];
  EXPECT_EQ(said, (std::map<std::string, std::string>{{"fourteenth", "--03-14"}, {"saturday", "Saturday"}}));
}

// Reports a day apart may tell one night: no disagreement.
TEST(EventDays, AFridayNightAndTheSaturdayAreOneNight) {
  Fused f = Chronicle({
      Published("friday", "2024-03", "Brand\n\nBij een brand in een fabriek in Tilburg zijn vrijdagnacht drie mensen omgekomen."),
      Published("saturday", "2024-03-18", "Brand\n\nBij een brand in een fabriek in Tilburg zijn op 16 maart drie mensen omgekomen."),
  });
  const json& fire = Fire(f, 2);
  EXPECT_EQ(fire["date"]["value"], "2024-03-16");
  EXPECT_TRUE(fire["disagreements"].empty()) << fire.dump();
}

TEST(EventDays, YesterdayInAnUndatedArticleDatesItTheDayAfterItsEvent) {
  Fused f = Chronicle({
      Published("dated", "2024-03-16", "Bij een brand in een fabriek in Tilburg zijn op 14 maart drie mensen omgekomen."),
      Published("undated", "", "Bij een brand in een fabriek in Tilburg zijn gisteren drie mensen omgekomen."),
  });
  EXPECT_EQ(Fire(f, 2)["date"]["value"], "2024-03-14");
  const json& published = f.published["undated"];
  EXPECT_EQ(published["value"], "2024-03-15") << published.dump();
  EXPECT_EQ(published["basis"], "inferred");
  EXPECT_EQ(published["candidates"], json::array({"2024-03-15"}));
}

// Under a headline that names the event first ("Brand"), an undated report's "gisteren" is its
// event's; another report's day of that event dates the article the day after, though that
// report came out nine days later (that news is fresh is likely, not certain).
TEST(EventDays, YesterdayDatesAnArticleThoughTheDatedReportCameLater) {
  Fused f = Chronicle({
      Published("dated", "2024-03-16", "Brand\n\nBij een brand in een fabriek in Tilburg zijn op 7 maart drie mensen omgekomen."),
      Published("yesterday", "", "Brand\n\nBij een brand in een fabriek in Tilburg zijn gisteren drie mensen omgekomen."),
  });
  EXPECT_EQ(Fire(f, 2)["date"]["value"], "2024-03-07");
  const json& published = f.published["yesterday"];
  EXPECT_EQ(published["value"], "2024-03-08") << published.dump();
  EXPECT_EQ(published["basis"], "inferred");
}

// Reports of the 15th, 16th and 17th: all at once, the 15th and 16th are one event (the
// 17th is two days from the 15th). Stored one at a time, the 17th and 16th first, the
// report of the 15th must reach the event of the 16th and 17th, though its first report
// was of the 17th, for the chain to part as all at once parts it.
// Which articles' reports each event holds.
std::set<std::set<std::string>> Groups(const std::vector<json>& events) {
  std::set<std::set<std::string>> out;
  for (const auto& e : events) {
    std::set<std::string> articles;
    for (const auto& m : e["mentions"]) articles.insert(m["article"]);
    out.insert(articles);
  }
  return out;
}

TEST(EventDays, AChainOfDaysPartsInAStoreAsAllAtOnce) {
  const std::vector<Article> reports = {
      Published("a17", "2024-03-21", "Bij een brand in een fabriek in Tilburg zijn op 17 maart drie mensen gewond geraakt."),
      Published("b16", "2024-03-22", "Bij een brand in een fabriek in Tilburg zijn op 16 maart drie mensen gewond geraakt."),
      Published("c15", "2024-03-20", "Bij een brand in een fabriek in Tilburg zijn op 15 maart drie mensen gewond geraakt."),
  };
  const auto at_once = Groups(Chronicle(reports).events);
  EXPECT_EQ(at_once, (std::set<std::set<std::string>>{{"b16", "c15"}, {"a17"}}));
  EXPECT_EQ(Groups(testing::StoredEvents(reports)), at_once);
}

// "eerder deze week" in a report of Thursday 11 April 2024 allows Monday to Wednesday; a
// Tuesday under a month-only header leaves the 9th.
TEST(EventDays, EarlierThisWeekAndAWeekdayLeaveOneDay) {
  Fused f = Chronicle({
      Published("earlier", "2024-04-11", "Bij een brand in een fabriek in Tilburg zijn eerder deze week drie mensen omgekomen."),
      Published("tuesday", "2024-04", "Bij een brand in een fabriek in Tilburg zijn dinsdag drie mensen omgekomen."),
  });
  const json& date = Fire(f, 2)["date"];
  ExpectDate(date, "2024-04", "2024-04-09", "2024-04-09");
}

// "in het weekend" (Monday's report: the 6th and 7th) and a day in digits beside its weekday.
TEST(EventDays, TheWeekendAndADayInDigitsAreOneDay) {
  Fused f = Chronicle({
      Published("weekend", "2024-04-08", "Bij een brand in een fabriek in Tilburg zijn in het weekend drie mensen omgekomen."),
      Published("digits", "2024-04", "Bij een brand in een fabriek in Tilburg zijn zaterdag 6/4 drie mensen omgekomen."),
  });
  ExpectDate(Fire(f, 2)["date"], "2024-04-06", "", "");
}

// An earlier fire at the same place told by its season or a part of its year is another
// event, of that year.
TEST(EventDays, AFireOfLastSummerIsNotThisWeeksFire) {
  Fused f = Chronicle({
      Published("now", "2024-04-11",
                "Bij een brand in een fabriek in Tilburg zijn dinsdag drie mensen omgekomen.\n\n"
                "Afgelopen zomer woedde in dezelfde fabriek ook al een brand. Toen raakte een medewerker gewond."),
      Published("then", "2024-04-12",
                "Bij een brand in een fabriek in Tilburg zijn dinsdag drie mensen omgekomen.\n\n"
                "Eind vorig jaar was er in de fabriek ook een brand, waarbij twee mensen gewond raakten."),
  });
  std::multiset<std::string> dates;
  for (const auto& e : f.events)
    if (e["type"] == "fire") dates.insert(e["date"]["value"].is_null() ? "" : e["date"]["value"].get<std::string>());
  EXPECT_EQ(dates, (std::multiset<std::string>{"2023", "2023", "2024-04-09"}));
}

// Arrests told without a time right after a riot came between the riot and the report: two
// riots' arrests a fortnight apart are two events (each dated to its month, no day given).
TEST(EventDays, ArrestsAfterTwoRiotsAreTwoEvents) {
  Fused f = Chronicle({
      Published("first", "2024-03-11",
                "Bij rellen in het centrum van Tilburg raakten zaterdag zeven agenten gewond. De politie hield twaalf relschoppers aan."),
      Published("second", "2024-03-25",
                "Bij rellen in het centrum van Tilburg raakten zaterdag drie agenten gewond. De politie hield vijf relschoppers aan."),
  });
  std::vector<json> arrests;
  for (const auto& e : f.events)
    if (e["type"] == "arrest") arrests.push_back(e);
  ASSERT_EQ(arrests.size(), 2u);
  std::set<std::string> days;
  for (const auto& a : arrests) {
    EXPECT_EQ(a["mentions"].size(), 1u) << a.dump();
    EXPECT_EQ(a["date"]["value"], "2024-03") << a.dump();
    days.insert(a["date"]["from"].get<std::string>() + ".." + a["date"]["to"].get<std::string>());
  }
  EXPECT_EQ(days, (std::set<std::string>{"2024-03-09..2024-03-11", "2024-03-23..2024-03-25"}));
}

// A page dated by its month alone: the days the texts leave of it bound its publication
// (from/to), its value stays the month. "donderdag" and another report's 14 March (a
// Thursday): from the 14th to the 20th; "gisteren": the 15th alone.
TEST(EventDays, AMonthPagesWeekdayAndAnotherReportsDayBoundItsPublication) {
  Fused f = Chronicle({
      Published("dated", "2024-03-16", "Bij een brand in een fabriek in Tilburg zijn op 14 maart drie mensen omgekomen."),
      Published("thursday", "2024-03", "Bij een brand in een fabriek in Tilburg zijn donderdag drie mensen omgekomen."),
      Published("yesterday", "2024-03", "Bij een brand in een fabriek in Tilburg zijn gisteren drie mensen omgekomen."),
  });
  ExpectDate(Fire(f, 3)["date"], "2024-03-14", "", "");
  const json& thursday = f.published["thursday"];
  ExpectDate(thursday, "2024-03", "2024-03-14", "2024-03-20");
  EXPECT_EQ(thursday["basis"], "header");
  EXPECT_EQ(thursday["candidates"].size(), 7u) << thursday.dump();
  ExpectDate(f.published["yesterday"], "2024-03", "2024-03-15", "2024-03-15");
}

// An undated page's "gisteravond" of an event whose day no report gives, though together
// they leave one (a Thursday under a month header, another report's "vorige week"): the
// page appeared the day after, as from/to; no value, which would date its event to a day
// no report gives.
TEST(EventDays, AnUndatedPageIsBoundedByDaysTheReportsLeaveTogether) {
  Fused f = Chronicle({
      Published("thursday", "2024-03", "Bij een brand in een fabriek in Tilburg zijn donderdag drie mensen omgekomen."),
      Published("week", "2024-03-16", "Bij een brand in een fabriek in Tilburg zijn vorige week drie mensen omgekomen."),
      Published("undated", "", "Bij een brand in een fabriek in Tilburg zijn gisteravond drie mensen omgekomen."),
  });
  ExpectDate(Fire(f, 3)["date"], "2024-03", "2024-03-07", "2024-03-07");
  const json& undated = f.published["undated"];
  ExpectDate(undated, "", "2024-03-08", "2024-03-08");
  EXPECT_TRUE(undated["basis"].is_null()) << undated.dump();
}

// An undated page's stabbing of "gisteren", dated by another report to 16 March, dates the
// page to the 17th; its riot "in het weekend", read with no date at first, joined an
// earlier riot whose toll (four) is above its own (three), which would put the page before
// that riot's report: that likely evidence is left out, not the day (and the weekend riot,
// read again on the 17th, is another riot).
TEST(EventDays, AWronglyJoinedReportsTollDoesNotUndateAPage) {
  Fused f = Chronicle({
      Published("page", "", "In Tilburg is gisteren een man neergestoken.\n\n"
                            "Bij rellen in het centrum van Breda raakten in het weekend drie agenten gewond."),
      Published("month", "2024-03", "In Tilburg is op 16 maart een man neergestoken."),
      Published("riot", "2024-03-06", "Bij rellen in het centrum van Breda raakten eerder deze week vier agenten gewond."),
  });
  const json& page = f.published["page"];
  EXPECT_EQ(page["value"], "2024-03-17") << page.dump();
  EXPECT_NE(page["why"].get<std::string>().find("left out"), std::string::npos) << page.dump();
  std::set<std::string> riot_days;
  for (const auto& e : f.events)
    if (e["type"] == "riot") riot_days.insert(e["date"]["from"].is_null() ? e["date"]["value"] : e["date"]["from"]);
  EXPECT_EQ(riot_days, (std::set<std::string>{"2024-03-04", "2024-03-16"}));
}

}  // namespace
}  // namespace kroniek
