// kroniek eval: matching gold facts to analyzed articles.
#include <gtest/gtest.h>

#include "eval/fact_score.h"

namespace kroniek {
namespace {

using nlohmann::json;

json Analysis() {
  return json::parse(R"({"article": {"id": "a", "published": {"value": "2025-01-02"}},
    "events": [{"type": "shooting", "date": {"value": "2025-01-01"},
                "location": {"id": "antwerp", "name": "Antwerp", "country": "BE"},
                "figures": [{"kind": "killed", "value": 2, "low": null, "high": null, "qualifier": "exact",
                             "according_to": {"id": "unnamed:Belgian police", "name": "de politie"}},
                            {"kind": "injured", "value": 5, "low": null, "high": null, "qualifier": "about",
                             "according_to": null}]}],
    "quotes": [{"kind": "full", "speaker": {"id": "person:Jan Peeters", "name": "Jan Peeters"}}]})");
}

TEST(FactScore, MatchesKindsValuesSourcesAndNames) {
  json gold = json::parse(R"({"id": "a", "published": "2025-01-02",
    "events": [{"type": "shooting", "date": "2025-01-01", "country": "BE", "place": "Antwerp"}],
    "figures": [{"event": "shooting", "kind": "killed", "value": 2, "source": "unnamed:police"},
                {"event": "shooting", "kind": "injured", "value": 5, "qualifier": "at_least"},
                {"event": "shooting", "kind": "arrested", "value": 1}],
    "quotes": [{"speaker": "Peeters", "kind": "full"}]})");
  FactScores s;
  ASSERT_TRUE(ScoreFacts({gold}, {Analysis()}, &s).ok());
  const FactCount& figures = s.Row("figures");
  EXPECT_EQ(figures.gold, 3);
  EXPECT_EQ(figures.system, 2);
  EXPECT_EQ(figures.matched, 1);  // the qualifier of 5 injured differs; no arrest found
  EXPECT_EQ(s.Row("figures (kind+value)").matched, 2);
  EXPECT_EQ(s.Row("events (type+date)").matched, 1);
  EXPECT_EQ(s.Row("places").matched, 1);
  EXPECT_EQ(s.Row("quotes").matched, 1);
  EXPECT_EQ(s.Row("publication dates").matched, 1);
  EXPECT_NEAR(figures.Precision(), 0.5, 1e-9);
  EXPECT_NEAR(figures.Recall(), 1.0 / 3, 1e-9);
}

TEST(FactScore, AMissingArticleIsAllMissed) {
  json gold = json::parse(R"({"id": "b", "figures": [{"event": "fire", "kind": "killed", "value": 1}]})");
  FactScores s;
  ASSERT_TRUE(ScoreFacts({gold}, {Analysis()}, &s).ok());
  EXPECT_EQ(s.Row("figures").gold, 1);
  EXPECT_EQ(s.Row("figures").matched, 0);
  EXPECT_EQ(s.Row("figures").system, 0);  // article "a" has no gold: ignored
}

TEST(FactScore, GoldWithoutIdIsAnError) {
  FactScores s;
  EXPECT_FALSE(ScoreFacts({json::parse(R"({"figures": []})")}, {}, &s).ok());
}

}  // namespace
}  // namespace kroniek
