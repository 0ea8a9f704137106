// Fusion on small multi-article sets of our own writing (invented events):
// what stays apart (other times, other cities, what an article keeps apart)
// and what comes together (generic and specific reports, a city and its
// country, weekdays of one night), whatever the order of the articles.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>

#include "output/chronicle_out.h"
#include "test_util.h"

namespace kroniek {
namespace {

using nlohmann::json;

// A text article; `date` (YYYY-MM or YYYY-MM-DD) is its header.
Article Text(const std::string& id, const std::string& date, const std::string& body) {
  Article a;
  Status st = ArticleFromText(id, " date " + date + " Nieuws\n" + body + "\n", {}, &a);
  EXPECT_TRUE(st.ok()) << st.message();
  return a;
}

// A text article without a date header.
Article Undated(const std::string& id, const std::string& body) {
  Article a;
  Status st = ArticleFromText(id, body + "\n", {}, &a);
  EXPECT_TRUE(st.ok()) << st.message();
  return a;
}

std::string Jsonl(std::vector<Article> articles) {
  auto result = BuildChronicle(testing::SharedPipeline(), std::move(articles));
  std::ostringstream out;
  WriteChronicleJsonl(result, out);
  return out.str();
}

struct Story {
  std::string type;
  std::set<std::string> articles;
  bool operator<(const Story& o) const { return std::tie(articles, type) < std::tie(o.articles, o.type); }
  bool operator==(const Story& o) const = default;
};

void PrintTo(const Story& s, std::ostream* os) {
  *os << s.type << " {";
  for (const auto& a : s.articles) *os << " " << a;
  *os << " }";
}

// The fused events: each with its type and the articles that report it.
std::vector<Story> Stories(const std::vector<Article>& articles) {
  std::vector<Story> out;
  std::istringstream in(Jsonl(articles));
  for (std::string line; std::getline(in, line);) {
    json j = json::parse(line);
    if (!j.contains("event")) continue;
    Story s{j["event"]["type"], {}};
    for (const auto& m : j["event"]["mentions"]) s.articles.insert(m["article"]);
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The chronicle of `articles`, checked to be the same in five other orders.
std::vector<Story> StoriesInAnyOrder(std::vector<Article> articles) {
  const std::string reference = Jsonl(articles);
  std::mt19937 rng(5);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(articles.begin(), articles.end(), rng);
    EXPECT_EQ(Jsonl(articles), reference) << "order " << round;
  }
  return Stories(articles);
}

// --- Kept apart ---

// A report says what has happened by the day it appears: an undated report of
// June is not the shooting of August, however alike.
TEST(FusionApart, AnUndatedReportIsNotAnEventAfterItsPublication) {
  auto stories = StoriesInAnyOrder({
      Text("june", "2017-06-20", "In Mechelen is bij een schietpartij een agent gewond geraakt."),
      Text("august", "2017-08-15", "Bij een schietpartij in Mechelen zijn zondag twee mensen gewond geraakt."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"shooting", {"august"}}, {"shooting", {"june"}}}));
}

// Undated reports of 2017 never join an event dated or reported in 2021.
TEST(FusionApart, UndatedReportsOfOtherYearsStayApart) {
  auto stories = StoriesInAnyOrder({
      Text("mar09", "2021-03-09", "Bij een schietpartij in Mechelen zijn maandag twee agenten gewond geraakt."),
      Text("mar12", "2021-03-12", "De schietpartij in Mechelen blijft de stad bezighouden. Twee agenten raakten gewond."),
      Text("old", "2017-06", "In Mechelen is bij een schietpartij een agent gewond geraakt."),
      Text("older", "2017-05", "De politie van Mechelen zoekt getuigen van de schietpartij."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"shooting", {"mar09", "mar12"}}, {"shooting", {"old", "older"}}}));
}

// "zaterdag" in a report of January is a Saturday of the week before it or of
// January; in one of March, one of late February or March: the blockades of
// a motorway on Saturdays two months apart are two events.
TEST(FusionApart, WeekdaysOfReportsMonthsApartAreOtherDays) {
  auto stories = StoriesInAnyOrder({
      Text("jan", "2023-01", "Honderden demonstranten blokkeerden zaterdag een snelweg in Zwolle."),
      Text("jan2", "2023-01", "In Zwolle hebben demonstranten de snelweg geblokkeerd, meldt de politie."),
      Text("mar", "2023-03", "Ook zaterdag blokkeerden demonstranten de snelweg bij Zwolle."),
      Text("mar2", "2023-03", "De demonstranten in Zwolle bleven zaterdag urenlang op de snelweg zitten."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"protest", {"jan", "jan2"}}, {"protest", {"mar", "mar2"}}}));
}

// Reports may differ by a day (the night, time zones), not a chain of days: blockades
// told on four days in a row are never one event of four days, whatever the order
// the reports are weighed in.
TEST(FusionApart, ReportsOfFourDaysInARowAreNotOneEvent) {
  auto stories = StoriesInAnyOrder({
      Text("d17", "2023-03-22", "Op 17 maart blokkeerden boeren met trekkers de snelweg bij Zwolle."),
      Text("d18", "2023-03-22", "Op 18 maart blokkeerden boeren met trekkers de snelweg bij Zwolle."),
      Text("d19", "2023-03-22", "Op 19 maart blokkeerden boeren met trekkers de snelweg bij Zwolle."),
      Text("d20", "2023-03-22", "Op 20 maart blokkeerden boeren met trekkers de snelweg bij Zwolle."),
  });
  for (const auto& story : stories) {
    EXPECT_LE(story.articles.size(), 2u);
    EXPECT_FALSE(story.articles.count("d17") && story.articles.count("d19"));
    EXPECT_FALSE(story.articles.count("d18") && story.articles.count("d20"));
  }
  EXPECT_EQ(stories.size(), 2u);
}

// Two storms named apart are two events, though told in one month in one town.
TEST(FusionApart, EventsOfTwoNamesAreTwoEvents) {
  auto stories = StoriesInAnyOrder({
      Text("a", "2022-02", "In Zwolle heeft storm Ottilie veel schade aangericht."),
      Text("b", "2022-02", "Storm Ottilie rukte in Zwolle bomen uit de grond."),
      Text("c", "2022-02", "In Zwolle waaide storm Petronella een dak van een school."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"storm", {"a", "b"}}, {"storm", {"c"}}}));
}

// A shooting the text dates in 2011 is not the one of 2018 in the same city.
TEST(FusionApart, AnEventDatedInAnEarlierYearIsAnotherEvent) {
  auto stories = StoriesInAnyOrder({
      Text("now", "2018-05-16", "In Hasselt vielen dinsdag bij een schietpartij drie doden."),
      Text("then", "2018-05-20", "In 2011 vielen bij een schietpartij in Hasselt vier doden."),
      Text("follow", "2018-05-22", "De schietpartij in Hasselt met drie doden wordt onderzocht."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"shooting", {"follow", "now"}}, {"shooting", {"then"}}}));
}

// "De zwaarste beving sinds 1999": an undated report of a quake after 1999, not of the
// quake of 1999 another report recalls.
TEST(FusionApart, AReportComparedWithAnEarlierTimeIsNoEventOfThatTime) {
  std::istringstream in(Jsonl({
      Text("now", "2024-04", "Taiwan is woensdag door een aardbeving getroffen. Er raakten 800 mensen gewond.\n\nIn "
                             "september 1999 was Taiwan door een zwaardere beving getroffen."),
      Undated("undated", "Bij een zware aardbeving in Taiwan zijn zeker vier mensen omgekomen en raakten 60 mensen "
                         "gewond. Het was de zwaarste beving sinds 1999."),
  }));
  std::set<std::pair<std::string, std::string>> with_undated;  // (article, event) of the undated report's event
  std::string date;
  for (std::string line; std::getline(in, line);) {
    json j = json::parse(line);
    if (!j.contains("event")) continue;
    std::set<std::pair<std::string, std::string>> mentions;
    for (const auto& m : j["event"]["mentions"])
      mentions.insert({m["article"].get<std::string>(), m["event"].get<std::string>()});
    if (!mentions.count({"undated", "e1"})) continue;
    with_undated = mentions;
    const json& d = j["event"]["date"];
    date = d.is_object() && d["value"].is_string() ? d["value"].get<std::string>() : "";
  }
  EXPECT_EQ(with_undated, (std::set<std::pair<std::string, std::string>>{{"now", "e1"}, {"undated", "e1"}}));
  EXPECT_EQ(date, "");
}

// A weekday in an article no date bounds fits that day of any week: with nothing else in
// common, a gas explosion "woensdag" is not the one of a Wednesday in May.
TEST(FusionApart, AWeekdayAloneInAnUndatedArticleJoinsNoEvent) {
  auto stories = StoriesInAnyOrder({
      Text("may", "2023-05", "Bij een gasexplosie in een flat zijn woensdag twee mensen omgekomen."),
      Text("may2", "2023-05", "De gasexplosie van woensdag kostte twee mensen het leven."),
      Undated("somewhere", "Bij een gasexplosie zijn woensdag drie mensen gewond geraakt."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"explosion_accident", {"may", "may2"}},
                                         {"explosion_accident", {"somewhere"}}}));
}

// A landslide is no bus crash: near the same town in the same week, but not told on the
// same day, the two stay apart.
TEST(FusionApart, ALandslideIsNoCrashOfTheSameWeek) {
  auto stories = StoriesInAnyOrder({
      Text("crash", "2019-03-13", "Bij een busongeluk in Lausanne zijn dinsdag twaalf mensen omgekomen."),
      Text("crash2", "2019-03-15", "Het busongeluk in Lausanne kostte twaalf mensen het leven. De chauffeur overleefde het."),
      Text("slide", "2019-03-14", "Bij Lausanne heeft een aardverschuiving een weg bedolven. Eén persoon wordt vermist."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"traffic_crash", {"crash", "crash2"}}, {"other", {"slide"}}}));
}

// Riots in two cities on one evening are two events.
TEST(FusionApart, RiotsInTwoCitiesAreTwoEvents) {
  auto stories = StoriesInAnyOrder({
      Text("antwerp", "2022-11-28", "Na de wedstrijd braken zondag rellen uit in Antwerpen."),
      Text("leuven", "2022-11-28", "In Leuven zijn zondag rellen uitgebroken na de wedstrijd."),
      Text("leuven2", "2022-11", "De rellen in Leuven hebben veel schade aangericht."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"riot", {"antwerp"}}, {"riot", {"leuven", "leuven2"}}}));
  // neighbouring cities, 20 km apart, are two places too
  stories = StoriesInAnyOrder({
      Text("rotterdam", "2021-01-25", "In Rotterdam braken zondagavond rellen uit."),
      Text("hague", "2021-01-25", "Ook in Den Haag waren zondagavond rellen."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"riot", {"hague"}}, {"riot", {"rotterdam"}}}));
}

// An article that tells two shootings in one city keeps them apart; a later
// report of one of them joins that one only.
TEST(FusionApart, EventsAnArticleKeepsApartStayApart) {
  auto stories = StoriesInAnyOrder({
      Text("both", "2023-05-08",
           "Zaterdag vielen bij een schietpartij in Brugge twee gewonden. In januari was er ook al een schietpartij "
           "in Brugge, toen zonder gewonden."),
      Text("saturday", "2023-05-09", "De politie onderzoekt de schietpartij in Brugge van zaterdag."),
      Text("undated", "2023-05", "Bij de schietpartij in Brugge raakten twee mensen gewond."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"shooting", {"both"}}, {"shooting", {"both", "saturday", "undated"}}}));
}

// Reports built by hand, to fuse without extraction.
EventMention Report(const std::string& type, const std::string& place, int weekday = -1) {
  EventMention m;
  m.type = type;
  m.location.id = m.location.name = place;
  m.location.country = "BE";
  m.date.weekday = weekday;
  m.evidence.push_back({0, 0});
  return m;
}

AnalyzedArticle Told(const std::string& id, const std::string& month, std::vector<EventMention> reports) {
  AnalyzedArticle a;
  a.article.id = id;
  a.article.published.value = month;
  a.article.published.precision = Precision::kMonth;
  a.extraction.events = std::move(reports);
  return a;
}

// An article that tells one shooting twice (its title and its body, two
// reports to the extraction) tells one event; one that relates two reports
// ("daarna", a retaliation) or names them on other weekdays keeps them apart.
// Of two reports of one article that fit one event, the one that fits it best joins it:
// the shooting "woensdag" in Brussel, not the one "donderdag" in Schaarbeek beside it.
TEST(FusionApart, TheReportThatFitsBestJoinsFirst) {
  auto stories = StoriesInAnyOrder({
      Text("a", "2023-05", "Woensdag schoot een man in een café in Brussel drie mensen dood."),
      Text("b", "2023-05", "In Brussel heeft een man woensdag in een café drie mensen doodgeschoten."),
      Text("both", "2023-05", "Donderdag schoot een man in Schaarbeek twee mensen dood.\n\n"
                              "Woensdag had een man in een café in Brussel al drie mensen doodgeschoten."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"shooting", {"a", "b", "both"}}, {"shooting", {"both"}}}));
}

TEST(FusionApart, AnArticleKeepsApartWhatItRelatesOrDates) {
  Chronicle c(testing::SharedPipeline().types());
  EventMention shots = Report("shooting", "leuven", 1), clash = Report("armed_clash", "leuven", 1);
  clash.relations.push_back({"follows", 0});
  c.Add(Told("twice", "2023-04", {Report("shooting", "leuven"), Report("shooting", "leuven", 1)}));
  c.Add(Told("related", "2023-04", {shots, clash}));
  c.Add(Told("weekdays", "2023-04", {Report("riot", "leuven", 5), Report("riot", "leuven", 6)}));
  c.Reconcile();
  std::multiset<std::pair<std::string, size_t>> events;
  for (const auto& e : c.events()) events.insert({e.type, e.mentions.size()});
  EXPECT_EQ(events, (std::multiset<std::pair<std::string, size_t>>{
                        {"armed_clash", 1}, {"riot", 1}, {"riot", 1}, {"shooting", 3}}));
}

// --- Joined ---

// A report whose place is only inferred is found, on its day, by a report that names a
// place of that country: the anniversary told first, the undated report of the day after.
TEST(FusionJoined, AReportOfAnInferredPlaceIsFoundOnItsDay) {
  EventMention recalled = Report("plane_crash", "eindhoven"), told = Report("plane_crash", "eindhoven");
  for (EventMention* m : {&recalled, &told}) {
    m->location.country = "NL";
    m->date.value = "2001-05-03";
    m->date.precision = Precision::kDay;
  }
  recalled.location.inferred = true;
  AnalyzedArticle undated;
  undated.article.id = "undated";
  undated.extraction.events = {told};
  for (bool anniversary_first : {true, false}) {
    Chronicle c(testing::SharedPipeline().types());
    if (anniversary_first) c.Add(Told("anniversary", "2021-05", {recalled}));
    c.Add(undated);
    if (!anniversary_first) c.Add(Told("anniversary", "2021-05", {recalled}));
    c.Reconcile();
    EXPECT_EQ(c.events().size(), 1u) << (anniversary_first ? "anniversary first" : "undated first");
  }
}

// "aanslag" and "explosie" alone are generic: they are the suicide bombing
// another report names, and the event takes the most specific type.
TEST(FusionJoined, GenericReportsJoinTheSpecificOne) {
  auto stories = StoriesInAnyOrder({
      Text("attack", "2023-04-03", "Bij een aanslag in Gent zijn zondag drie doden gevallen, meldt de politie."),
      Text("suicide", "2023-04-03", "Een zelfmoordterrorist heeft zich zondag in Gent opgeblazen. Daarbij vielen drie doden."),
      Text("explosion", "2023-04-04", "De explosie in Gent kostte aan drie mensen het leven, zegt de burgemeester."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"suicide_bombing", {"attack", "explosion", "suicide"}}}));
}

// Reports that agree on the day and the city are one event even when they
// name it differently; the type most reports support wins.
TEST(FusionJoined, ATypeDisagreementAloneDoesNotSplit) {
  auto stories = StoriesInAnyOrder({
      Text("shots", "2023-04-03", "In Gent is zondag geschoten: bij de schietpartij vielen drie doden."),
      Text("shots2", "2023-04-04", "Bij een schietpartij in Gent zijn zondag drie doden gevallen."),
      Text("bomb", "2023-04-03", "Bij een bomaanslag in Gent zijn zondag drie doden gevallen."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"shooting", {"bomb", "shots", "shots2"}}}));
}

// A report placed in the country only, one placed in the city and one whose
// city is only inferred from its text are one event.
TEST(FusionJoined, CountryCityAndInferredPlaceJoin) {
  auto stories = StoriesInAnyOrder({
      Text("country", "2019-09", "In België is een zelfmoordaanslag gepleegd. Er vielen vijf doden."),
      Text("inferred", "2019-09",
           "De burgemeester van Namen sprak van een zwarte dag. Bij de aanslag kwamen vijf mensen om het leven."),
      Text("city", "2019-09", "In Namen zijn bij een bomaanslag vijf mensen omgekomen, meldt de politie."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"suicide_bombing", {"city", "country", "inferred"}}}));
}

// A report of the month that places the event only in the country the article keeps
// naming joins the dated event in a city of that country.
TEST(FusionJoined, AReportPlacedOnlyInItsCountryJoinsTheEventInItsCity) {
  auto stories = StoriesInAnyOrder({
      Text("city", "2024-05-15", "In Lausanne zijn dinsdag bij een busongeluk zes reizigers omgekomen."),
      Text("country", "2024-05",
           "Zwitserland is in rouw. De regering van Zwitserland sprak van een zwarte dag. "
           "Bij het busongeluk kwamen zes reizigers om."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"traffic_crash", {"city", "country"}}}));
}

// A place only inferred from a report's text (the court that heard the suspect) is no
// evidence against the city another report names: with the same count they are one
// event. Two named cities are two events.
TEST(FusionJoined, AnInferredCityDoesNotKeepReportsApart) {
  auto stories = StoriesInAnyOrder({
      Text("named", "2024-05", "In Tilburg zijn woensdag bij een schietpartij 12 mensen gewond geraakt."),
      Text("inferred", "2024-05",
           "De verdachte werd zaterdag voorgeleid aan de rechter in Maastricht. Bij de schietpartij van woensdag "
           "raakten 12 mensen gewond."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"shooting", {"inferred", "named"}}}));
  stories = StoriesInAnyOrder({
      Text("named", "2024-05", "In Tilburg zijn woensdag bij een schietpartij 12 mensen gewond geraakt."),
      Text("other", "2024-05", "In Maastricht zijn woensdag bij een schietpartij 12 mensen gewond geraakt."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"shooting", {"named"}}, {"shooting", {"other"}}}));
}

// A district and its city, and a place named as near the site, name one site.
TEST(FusionJoined, ADistrictAndItsCityOrAPlaceNearItJoin) {
  auto stories = StoriesInAnyOrder({
      Text("district", "2021-10", "Bij een brand in een flatgebouw in Anderlecht zijn zondag drie mensen omgekomen."),
      Text("city", "2021-10", "Bij een brand in een flatgebouw in Brussel zijn drie mensen omgekomen."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"fire", {"city", "district"}}}));
  stories = StoriesInAnyOrder({
      Text("near", "2021-10", "Een klein vliegtuig is zondag neergestort in de buurt van de Belgische stad Luik."),
      Text("site", "2021-10", "Bij Verviers is zondag een klein vliegtuig neergestort. De piloot kwam om."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"plane_crash", {"near", "site"}}}));
  // a town and a city ten times its size 20 to 30 km away (neighbouring cities of a
  // size stay two places: RiotsInTwoCitiesAreTwoEvents)
  stories = StoriesInAnyOrder({
      Text("town", "2024-04-16", "In het Australische Werribee is maandag een kelner neergestoken in een café."),
      Text("city", "2024-04-16", "In Melbourne werd maandag een kelner neergestoken in een café."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"stabbing", {"city", "town"}}}));
}

// A city and the first-order region it lies in name one place; two regions of
// one country do not.
TEST(FusionJoined, ACityAndItsRegionJoin) {
  auto stories = StoriesInAnyOrder({
      Text("city", "2022-03", "Bij een schietpartij in een winkelcentrum in Abilene zijn zes mensen omgekomen."),
      Text("region", "2022-03", "Bij de schietpartij in een winkelcentrum in Texas zijn zes mensen gedood."),
      Text("other", "2022-03", "Bij een schietpartij in een winkelcentrum in Ohio zijn zes mensen gedood."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"shooting", {"city", "region"}}, {"shooting", {"other"}}}));
  // so does a city only inferred from the article ("de burgemeester van Abilene")
  stories = StoriesInAnyOrder({
      Text("region", "2022-03", "Bij de schietpartij in een winkelcentrum in Texas zijn zes mensen gedood."),
      Text("inferred", "2022-03", "De burgemeester van Abilene reageert geschokt.\n\n"
                                  "Bij een schietpartij in een winkelcentrum zijn zes doden gevallen."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"shooting", {"inferred", "region"}}}));
}

// A report with little to place or date it joins the event whose distinctive
// count ("85 gewonden") it gives; with other counts it stays apart.
TEST(FusionJoined, TheSameDistinctiveCountJoins) {
  Article undated;
  ASSERT_TRUE(ArticleFromText("undated", "Nieuws\nBij de treinramp in Portugal vielen 29 doden en 85 gewonden.\n", {},
                              &undated).ok());
  auto stories = StoriesInAnyOrder({
      Text("city", "2023-03", "Bij een treinramp in de buurt van de Portugese stad Coimbra vielen 36 doden en 85 gewonden."),
      undated,
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"train_crash", {"city", "undated"}}}));
  Article other;
  ASSERT_TRUE(ArticleFromText("other", "Nieuws\nBij de treinramp in Portugal vielen 12 doden en 40 gewonden.\n", {},
                              &other).ok());
  stories = StoriesInAnyOrder({
      Text("city", "2023-03", "Bij een treinramp in de buurt van de Portugese stad Coimbra vielen 36 doden en 85 gewonden."),
      other,
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"train_crash", {"city"}}, {"train_crash", {"other"}}}));
}

// A report no time bounds (undated, in an undated article) whose place is only
// inferred joins the event of its type in that city, as does one in a district of it.
TEST(FusionJoined, ATimelessReportJoinsTheEventOfItsInferredCity) {
  Article undated;
  ASSERT_TRUE(ArticleFromText("undated", "Nieuws\nHet stadsbestuur van Gent reageert geschokt.\n\nDe brand in de loods "
                              "kostte twee mensen het leven.\n", {}, &undated).ok());
  auto stories = StoriesInAnyOrder({
      Text("city", "2023-03", "In Gent zijn bij een brand in een loods twee mensen omgekomen."),
      undated,
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"fire", {"city", "undated"}}}));
  // so does one named in a district of the event's city
  ASSERT_TRUE(ArticleFromText("district", "Nieuws\nIn Wilrijk kwamen bij een gasexplosie in een woning twee mensen om.\n",
                              {}, &undated).ok());
  stories = StoriesInAnyOrder({
      Text("city", "2018-01", "In Antwerpen zijn bij een gasexplosie twee mensen omgekomen."),
      undated,
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"explosion_accident", {"city", "district"}}}));
}

// An undated report that fits a more reported event about as well stays with the event
// its own story tells: the arrest beside a stabbing is that stabbing's, not the city's
// arrests after riots months before.
TEST(FusionJoined, AnUndatedReportStaysWithItsOwnStory) {
  auto stories = StoriesInAnyOrder({
      Text("stab", "2025-03", "In Gent heeft een man donderdag drie mensen neergestoken. De politie heeft de man opgepakt."),
      Text("riot1", "2024-11", "In Gent zijn na rellen veertig mensen opgepakt."),
      Text("riot2", "2024-11", "De politie heeft in Gent na de rellen twintig relschoppers opgepakt."),
      Undated("undated", "Nieuws\nDonderdag stak een man in Gent drie voorbijgangers neer. Agenten pakten de man op."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"arrest", {"riot1", "riot2"}},
                                         {"riot", {"riot1", "riot2"}},
                                         {"arrest", {"stab", "undated"}},
                                         {"stabbing", {"stab", "undated"}}}));
}

// "In de nacht van woensdag op donderdag": weekdays a day apart name one night.
TEST(FusionJoined, WeekdaysOfOneNightJoin) {
  auto stories = StoriesInAnyOrder({
      Text("wednesday", "2020-02", "In Kortrijk zijn woensdagavond acht mensen doodgeschoten."),
      Text("night", "2020-02", "In de nacht van woensdag op donderdag zijn in Kortrijk acht mensen doodgeschoten."),
      Text("thursday", "2020-02", "Donderdag werd in Kortrijk gerouwd om de acht doden van de schietpartij."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"shooting", {"night", "thursday", "wednesday"}}}));
}

// A report that gives the day joins reports that gave only its weekday, when the day
// is that weekday; a day of another weekday is another event.
TEST(FusionJoined, ADayJoinsReportsOfItsWeekday) {
  auto stories = StoriesInAnyOrder({
      Text("tuesday", "2023-04", "Bij Leiden is dinsdagochtend een trein ontspoord. Er vielen twee doden."),
      Text("tuesday2", "2023-04", "De trein die dinsdag bij Leiden ontspoorde, wordt onderzocht."),
      Text("day", "2024-04", "Op 4 april 2023 ontspoorde een trein. Twee mensen kwamen om."),
      Text("other", "2024-04", "Op 6 april 2023 ontspoorde een trein. Drie mensen kwamen om."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"train_crash", {"day", "tuesday", "tuesday2"}}, {"train_crash", {"other"}}}));
}

// Undated pages that name the same day of a month without a year tell one event.
TEST(FusionJoined, TheSameDayOfAMonthWithoutAYearJoins) {
  auto stories = StoriesInAnyOrder({
      Text("a", "", "Bij de storm op een festival bij Hasselt op 18 augustus kwamen vijf mensen om."),
      Text("b", "", "Het festival in Hasselt herdenkt de vijf doden van de storm van 18 augustus."),
      Text("c", "", "Op 25 augustus raasde een storm over Hasselt. Er vielen twee gewonden."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"storm", {"a", "b"}}, {"storm", {"c"}}}));
}

// Severe weather ("noodweer") is the storm or the flood other reports name.
TEST(FusionJoined, SevereWeatherJoinsTheStormOrFlood) {
  auto stories = StoriesInAnyOrder({
      Text("storm", "2011-08-19", "Bij een storm op een festival in Hasselt zijn donderdag vijf mensen omgekomen."),
      Text("weather", "2011-08-20", "Het noodweer in Hasselt heeft vijf levens gekost."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"storm", {"storm", "weather"}}}));
}

// A storm told as news on pages of one month, each in its own town, is the storm of
// that month in the country, dated by the report that dates it; a storm on a page of
// another month is not.
TEST(FusionJoined, StormReportsOfOneMonthInTownsOfOneCountryJoin) {
  auto stories = StoriesInAnyOrder({
      Text("dated", "2019-03-15", "Door de storm is gisteren in Zwolle een man omgekomen."),
      Text("town", "2019-03", "In Breda waaiden door de storm tientallen bomen om."),
      Text("city", "2019-03", "De storm blies in Utrecht een dak van een school."),
      Text("later", "2019-05", "In Tilburg richtte een storm veel schade aan."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"storm", {"city", "dated", "town"}}, {"storm", {"later"}}}));
}

// A quake near the border of two countries, told in each, is one quake: a country reaches
// beyond the point that stands for it (one article telling both tells one quake too).
TEST(FusionJoined, AQuakeToldInTwoNeighbouringCountriesIsOne) {
  auto stories = StoriesInAnyOrder({
      Text("iran", "2017-11-13", "Bij een aardbeving in Iran zijn gisteren zeker 300 mensen omgekomen."),
      Text("iraq", "2017-11-13", "In Irak kwamen bij de aardbeving gisteren zeven mensen om."),
      Text("both", "2017-11", "Bij een aardbeving in Irak vielen zondagavond zes doden. Ook in Iran vielen zondag doden door de beving."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"earthquake", {"both", "iran", "iraq"}}}));
}

// A storm report no time bounds, in a town of the country, joins the storm most reported
// there, not a storm named apart in another year.
TEST(FusionJoined, AStormReportWithNoTimeJoinsTheMostReportedStormOfItsCountry) {
  auto stories = StoriesInAnyOrder({
      Text("dated", "2018-01-19", "Door de storm is gisteren in Vuren een man omgekomen."),
      Text("month", "2018-01", "In Olst waaide de storm een boom op een auto."),
      Undated("undated", "In Enschede kwam door de storm een automobilist om het leven."),
      Text("other", "2022-02", "Storm Eunice richtte in Amsterdam veel schade aan."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"storm", {"dated", "month", "undated"}}, {"storm", {"other"}}}));
}

// An undated report that tells "gisteren" and "vrijdag" of one event, placed by the
// relative clause that describes it, is of that Friday's event in that city; a stabbing in
// another city of the country on another Friday stays apart.
TEST(FusionJoined, AnUndatedReportsYesterdayAndWeekdayBothHold) {
  auto stories = StoriesInAnyOrder({
      Text("month", "2021-06", "In Würzburg heeft een man vrijdag drie mensen doodgestoken."),
      Undated("undated", "Bij een mesaanval in Duitsland kwamen gisteren drie mensen om.\n\nIn Beieren hangen de "
                         "vlaggen halfstok na de mesaanval die vrijdag in Würzburg drie mensen het leven kostte."),
      Text("other", "2021-06-12", "In Keulen heeft een man gisteren twee mensen doodgestoken."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"stabbing", {"month", "undated"}}, {"stabbing", {"other"}}}));
}

// --- The knowledge behind it ---

// Reports of one named storm, undated and each in its own town and country,
// are one event; so are reports naming one flight by its code, years apart too.
TEST(FusionJoined, ReportsOfOneNameJoinWhereverTheyPlaceIt) {
  auto stories = StoriesInAnyOrder({
      Text("ghent", "2022-02", "In Gent is door storm Ottilie een fietser omgekomen."),
      Text("zwolle", "2022-02", "Storm Ottilie heeft in Zwolle aan een automobilist het leven gekost."),
      Text("lille", "2022-02", "Ook in Rijsel richtte storm Ottilie schade aan."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"storm", {"ghent", "lille", "zwolle"}}}));
  stories = StoriesInAnyOrder({
      Text("crash", "2023-05", "Het toestel van vlucht QX 4410 is neergestort bij Lyon."),
      Text("families", "2023-05", "Nabestaanden van de vliegramp met de QX4410 kwamen in Madrid bijeen."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"plane_crash", {"crash", "families"}}}));
  // Years on, undated, wherever the report is told: the crash of that name.
  stories = StoriesInAnyOrder({
      Text("crash", "2019-03-12", "Een toestel van vlucht QX4410 is dinsdag bij Lyon neergestort."),
      Text("years_on", "2021-06", "In Amsterdam eisen nabestaanden van de vliegramp met de QX4410 een nieuw onderzoek."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"plane_crash", {"crash", "years_on"}}}));
}

// A report long after an event that recalls it, undated, by its place and a
// distinctive count is of that event; one without such a count is not.
TEST(FusionJoined, ALaterReportRecallsAnEventByItsPlaceAndCount) {
  auto stories = StoriesInAnyOrder({
      Text("first", "2021-03-09", "Bij een schietpartij in Mechelen zijn maandag veertien mensen omgekomen."),
      Text("next", "2021-03-11", "De schietpartij in Mechelen, waarbij veertien mensen omkwamen, wordt onderzocht."),
      Text("recall", "2022-06-20", "De schietpartij in Mechelen, die veertien mensen het leven kostte, houdt de stad bezig."),
      Text("other", "2022-06-20", "Bij een schietpartij in Mechelen zijn twee mensen gewond geraakt."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"shooting", {"first", "next", "recall"}}, {"shooting", {"other"}}}));
}

// A report a year on that names the event as known in its city ("de schietpartij in
// Mechelen") recalls it, when it is the only one of its kind there; with two, neither.
TEST(FusionJoined, ALaterReportRecallsTheOnlyEventItNames) {
  auto stories = StoriesInAnyOrder({
      Text("first", "2021-03-09", "Bij een schietpartij in Mechelen zijn maandag drie mensen omgekomen."),
      Text("recall", "2022-06-20", "De dader van de schietpartij in Mechelen is veroordeeld."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"shooting", {"first", "recall"}}}));
  stories = StoriesInAnyOrder({
      Text("first", "2021-03-09", "Bij een schietpartij in Mechelen zijn maandag drie mensen omgekomen."),
      Text("second", "2021-11-16", "Bij een schietpartij in Mechelen zijn maandag twee mensen gewond geraakt."),
      Text("recall", "2022-06-20", "De dader van de schietpartij in Mechelen is veroordeeld."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"shooting", {"first"}}, {"shooting", {"recall"}}, {"shooting", {"second"}}}));
}

// A later report that names only the attack's target ("de aanslag op Spiegel Hebdo")
// is of the attack on that target; one on another target is not.
TEST(FusionJoined, AReportNamingTheTargetJoinsTheAttackOnIt) {
  auto stories = StoriesInAnyOrder({
      Text("first", "2023-04-11", "Bij een aanslag op Spiegel Hebdo in Lyon, een weekblad, vielen dinsdag tien doden."),
      Text("later", "2023-04", "De aanslag op Spiegel Hebdo wordt nog onderzocht."),
      Text("other", "2023-04", "De aanslag op een moskee wordt nog onderzocht."),
  });
  EXPECT_EQ(stories, (std::vector<Story>{{"attack_on_civilians", {"first", "later"}}, {"attack_on_civilians", {"other"}}}));
}

TEST(FuseRules, GenericKindsScoreOnlyTheTypesTheyMayStandFor) {
  const FuseRules& rules = testing::SharedPipeline().types();
  EXPECT_GT(rules.Score("attack", "shooting"), 0.8);
  EXPECT_GT(rules.Score("explosion", "suicide_bombing"), 0.8);
  EXPECT_GT(rules.Score("explosion", "explosion_accident"), 0.8);
  EXPECT_EQ(rules.Score("explosion", "shooting"), 0.0);
  EXPECT_EQ(rules.Score("attack", "riot"), 0.0);
  EXPECT_GT(rules.Score("shooting", "bombing"), 0.0);  // one attack, told differently
  EXPECT_EQ(rules.Score("shooting", "arrest"), 0.0);
  EXPECT_GT(rules.Score("weather", "flood"), 0.8);
  EXPECT_GT(rules.Score("accident", "train_crash"), 0.8);
  EXPECT_TRUE(rules.Refines("suicide_bombing", "bombing"));
  EXPECT_FALSE(rules.Refines("bombing", "suicide_bombing"));
  // An explosion may be an attack or an accident: the index looks in both classes.
  EXPECT_EQ(rules.ClassesNear("explosion"), (std::vector<std::string>{"disaster", "violent"}));
  EXPECT_EQ(rules.ClassesNear("shooting"), (std::vector<std::string>{"violent"}));
}

TEST(FuseRules, ReportWindowsEndAtPublication) {
  EventMention undated;
  Date june;
  june.value = "2017-06";
  june.precision = Precision::kMonth;
  DayRange w = WindowOf(undated, june);
  EXPECT_EQ(w.hi, DayNumber({2017, 6, 30}));
  EXPECT_LT(w.lo, DayNumber({2017, 6, 1}));
  EventMention dated;
  dated.date.value = "2017";
  dated.date.precision = Precision::kYear;
  EXPECT_EQ(WindowOf(dated, june).hi, DayNumber({2017, 6, 30}));  // 2017, but not after June
  EXPECT_EQ(WindowOf(dated, june).lo, DayNumber({2017, 1, 1}));
  EXPECT_FALSE(WindowOf(undated, Date()).known());  // undated, in an undated article: any day
  EventMention saturday;
  saturday.date.weekday = 5;
  EXPECT_EQ(WindowOf(saturday, june).lo, DayNumber({2017, 5, 27}));  // the Saturday before June
  EXPECT_EQ(WindowOf(saturday, june).hi, DayNumber({2017, 6, 24}));
  EventMention yesterday;
  yesterday.date.day_offset = -1;
  EXPECT_EQ(WindowOf(yesterday, june).lo, DayNumber({2017, 5, 31}));
  EXPECT_EQ(WindowOf(yesterday, june).hi, DayNumber({2017, 6, 29}));
}

}  // namespace
}  // namespace kroniek
