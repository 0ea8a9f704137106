// The chronicle is a function of the set of articles (#16): random small stories of riots,
// their arrests, fires and stabbings in three towns over six weeks, one or two a page, told
// with the dates news gives (a day, a weekday, "gisteren", "vorige week", the weekend, none) under
// pages dated to the day, by their month alone or not at all, are fused all at once and
// stored one article (or three) at a time in a shuffled order; both must hold the same events.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <sstream>

#include "output/chronicle_out.h"
#include "test_util.h"

namespace kroniek {
namespace {

using nlohmann::json;
using Events = std::set<std::set<std::pair<std::string, std::string>>>;  // each event's (article, mention)

// One sentence of an event at `place`, told `when` ("" for no time).
std::string Sentence(int kind, const std::string& place, const std::string& when, int n) {
  static const char* kCounts[] = {"twee", "drie", "vier", "vijf", "zes", "zeven"};
  const std::string count = kCounts[n % 6];
  const std::string at = when.empty() ? "" : " " + when;
  switch (kind) {
    case 0:
      return "Bij rellen in het centrum van " + place + " raakten" + at + " " + count +
             " agenten gewond. De politie hield " + kCounts[(n + 2) % 6] + " relschoppers aan.";
    case 1:
      return "Bij een brand in een fabriek in " + place + " zijn" + at + " " + count + " mensen omgekomen.";
    default:
      return "In " + place + " is" + at + " een man neergestoken. Hij raakte zwaargewond.";
  }
}

std::vector<Article> Scenario(std::mt19937& rng, int size) {
  static const char* kPlaces[] = {"Tilburg", "Breda", "Tilburg", "Eindhoven"};
  static const char* kWhen[] = {"zaterdagavond", "vrijdag", "gisteren", "vorige week", "afgelopen weekend",
                                "", "op 9 maart", "op 16 maart", "dinsdag", "eerder deze week",
                                "gisteravond", "in het weekend", "op 14 maart 2024", "zondag", "",
                                "op 14-03-2024", "eind maart", "begin april", "vorige maand", "in de nacht van zaterdag op zondag",
                                "op 2 april", "vanochtend", "afgelopen dinsdag", "op 23 maart", "vandaag"};
  const int first = DayNumber({2024, 3, 1});
  std::vector<Article> out;
  std::set<std::string> texts;  // (a store keeps one copy of a text)
  for (int i = 0; i < size; ++i) {
    const int kind = int(rng() % 3);
    const Civil day = FromDayNumber(first + int(rng() % 42));
    IngestOptions opts;
    switch (rng() % 3) {
      case 0: opts.published = day; break;
      case 1: opts.published = Civil{day.year, day.month, 0}; break;  // a month-only header
      default: break;                                                  // undated
    }
    if (opts.published) opts.published_basis = DateBasis::kMetadata;
    std::string text = Sentence(kind, kPlaces[rng() % 4], kWhen[rng() % 25], int(rng() % 6));
    if (rng() % 4 == 0)  // another event, told after the first
      text += "\n\n" + Sentence((kind + 1) % 3, kPlaces[rng() % 4], kWhen[rng() % 25], int(rng() % 6));
    if (!texts.insert(text).second) {
      --i;
      continue;
    }
    Article a;
    EXPECT_TRUE(ArticleFromText("a" + std::to_string(i), text, opts, &a).ok());
    out.push_back(std::move(a));
  }
  return out;
}

Events Groups(const std::vector<json>& events) {
  Events out;
  for (const auto& e : events) {
    std::set<std::pair<std::string, std::string>> mentions;
    for (const auto& m : e["mentions"]) mentions.insert({m["article"], m["event"].dump()});
    out.insert(mentions);
  }
  return out;
}

Events AllAtOnce(std::vector<Article> articles) {
  auto result = BuildChronicle(testing::SharedPipeline(), std::move(articles));
  std::ostringstream out;
  WriteChronicleJsonl(result, out);
  std::vector<json> events;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);)
    if (json j = json::parse(line); j.contains("event")) events.push_back(j["event"]);
  return Groups(events);
}

std::string Describe(const std::vector<Article>& articles) {
  std::string out;
  for (const auto& a : articles) {
    std::string text = a.text;
    for (size_t at; (at = text.find("\n\n")) != std::string::npos;) text.replace(at, 2, " | ");
    out += a.id + " [" + a.published.value + "] " + text + "\n";
  }
  return out;
}

TEST(OrderScenarios, StoredInAnyOrderAndBatchIsAllAtOnce) {
  std::mt19937 rng(16);
  for (int scenario = 0; scenario < 250; ++scenario) {
    std::vector<Article> articles = Scenario(rng, 10);
    const Events reference = AllAtOnce(articles);
    std::shuffle(articles.begin(), articles.end(), rng);
    const size_t batch = scenario % 5 == 4 ? 3 : 1;
    EXPECT_EQ(Groups(testing::StoredEvents(articles, batch)), reference) << "scenario " << scenario << ", stored " << batch
                                                  << " at a time in this order:\n" << Describe(articles);
  }
}

}  // namespace
}  // namespace kroniek
