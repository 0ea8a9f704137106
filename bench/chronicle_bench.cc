// Times adding articles to a chronicle that already holds 1,000 and 100,000
// event mentions. Synthetic news arrives at a steady rate (about 100 event
// mentions a day, so 100,000 span about three years) about random types, 400
// places in 40 countries and 60 actors. The cost per article must not grow
// with the chronicle: the index looks up only candidate events.
//
//   build/kroniek_bench_chronicle [--resources DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "fuse/fuse.h"
#include "pipeline/pipeline.h"

namespace {

using kroniek::AnalyzedArticle;

constexpr int kEventsPerArticle = 3;
constexpr int kMeasuredArticles = 2000;

constexpr int kMentionsPerDay = 100;

AnalyzedArticle Synthetic(int n, int span_days, std::mt19937& rng) {
  static const char* kTypes[] = {"bombing", "shooting", "air_or_drone_strike", "rocket_or_missile_attack",
                                 "armed_clash", "protest", "flood", "earthquake", "arrest", "stabbing"};
  std::uniform_int_distribution<int> type(0, 9), day(0, span_days), place(0, 399), actor(0, 59), killed(0, 200);
  AnalyzedArticle a;
  a.article.id = "synthetic-" + std::to_string(n);
  int published = kroniek::DayNumber({2023, 1, 1}) + day(rng);
  a.article.published.value = kroniek::FromDayNumber(published).ToString();
  a.article.published.precision = kroniek::Precision::kDay;
  for (int k = 0; k < kEventsPerArticle; ++k) {
    kroniek::EventMention e;
    e.type = kTypes[type(rng)];
    e.date.value = kroniek::FromDayNumber(published - (k == 0 ? 0 : day(rng) % 7)).ToString();
    e.date.precision = kroniek::Precision::kDay;
    int p = place(rng);
    e.location.id = "place" + std::to_string(p);
    e.location.country = "C" + std::to_string(p % 40);
    e.location.name = e.location.id;
    e.actors.push_back({"perpetrator", "actor" + std::to_string(actor(rng)), "actor", {}});
    kroniek::Figure f;
    f.kind = "killed";
    f.group = "people";
    f.value = killed(rng);
    e.figures.push_back(f);
    e.evidence.push_back({0, 0});
    a.extraction.events.push_back(std::move(e));
  }
  return a;
}

double MicrosPerArticle(const kroniek::FuseRules& rules, int stored_mentions) {
  std::mt19937 rng(7);
  kroniek::Chronicle chronicle(rules);
  const int span = std::max(30, stored_mentions / kMentionsPerDay);
  int n = 0;
  for (; n * kEventsPerArticle < stored_mentions; ++n) chronicle.Add(Synthetic(n, span, rng));
  auto start = std::chrono::steady_clock::now();
  for (int k = 0; k < kMeasuredArticles; ++k) chronicle.Add(Synthetic(n + k, span, rng));
  auto elapsed = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  std::printf("%8d stored mentions (%zu events): %.1f us per article added\n", stored_mentions,
              chronicle.events().size(), elapsed / kMeasuredArticles);
  return elapsed / kMeasuredArticles;
}

}  // namespace

int main(int argc, char** argv) {
  std::string resources = kroniek::DefaultResourceDir();
  if (argc == 3 && std::string(argv[1]) == "--resources") resources = argv[2];
  kroniek::FuseRules rules;
  if (auto st = rules.Load(resources); !st.ok()) {
    std::fprintf(stderr, "kroniek_bench_chronicle: %s\n", st.message().c_str());
    return 2;
  }
  double small = MicrosPerArticle(rules, 1000);
  double large = MicrosPerArticle(rules, 100000);
  std::printf("ratio 100,000 / 1,000: %.2f (target: within 2)\n", large / small);
  return 0;
}
