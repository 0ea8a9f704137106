#include "targets.h"

#include <string_view>

#include "analyze/numbers.h"
#include "analyze/times.h"
#include "analyze/tokenizer.h"
#include "ingest/feed.h"
#include "ingest/ingest.h"
#include "ingest/inputs.h"
#include "pipeline/pipeline.h"
#include "serve/api.h"
#include "store/store.h"

namespace kroniek::fuzz {

namespace {

constexpr size_t kMaxInput = 1 << 20;  // larger inputs only slow the fuzzer down

std::string Text(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), std::min(size, kMaxInput));
}

const Pipeline& SharedPipeline() {
  static const Pipeline* pipeline = [] {
    auto* p = new Pipeline;
    if (!p->Load(KRONIEK_RESOURCE_DIR).ok()) std::abort();
    return p;
  }();
  return *pipeline;
}

// Fuzzed text is read as Dutch whatever CLD2 makes of it: the analyzer is what is fuzzed.
IngestOptions Dutch() {
  IngestOptions opts;
  opts.lang = "nl";
  return opts;
}

int Analyze(const uint8_t* data, size_t size) {
  Article a;
  nlohmann::json record;
  if (ArticleFromText("fuzz", Text(data, size), Dutch(), &a).ok()) SharedPipeline().RunToJson(a, &record);
  return 0;
}

int Numbers(const uint8_t* data, size_t size) {
  static const NumberGrammar* grammar = [] {
    auto* g = new NumberGrammar;
    if (!g->Load(std::string(KRONIEK_RESOURCE_DIR) + "/nl").ok()) std::abort();
    return g;
  }();
  const std::string text = Text(data, size);
  grammar->ParseToken(text);
  return 0;
}

int Times(const uint8_t* data, size_t size) {
  // The date grammar through the analyzer, on a text whose publication day is known.
  Article a;
  IngestOptions opts = Dutch();
  opts.published = Civil{2021, 8, 30};
  nlohmann::json record;
  if (ArticleFromText("fuzz", Text(data, size), opts, &a).ok()) SharedPipeline().RunToJson(a, &record);
  return 0;
}

int JsonLine(const uint8_t* data, size_t size) {
  Article a;
  ArticleFromJsonLine("fuzz", Text(data, size), {}, &a);
  return 0;
}

int Html(const uint8_t* data, size_t size) {
  Article a;
  ArticleFromHtml("fuzz", Text(data, size), {}, &a);
  return 0;
}

int FeedTarget(const uint8_t* data, size_t size) {
  Feed feed;
  ParseFeed("fuzz", Text(data, size), &feed);
  return 0;
}

int Gzip(const uint8_t* data, size_t size) {
  std::string out;
  Gunzip("fuzz", Text(data, size), 8u << 20, &out);
  return 0;
}

// The HTTP request path of a query: its parameters read as /api/events reads
// them, then run against an empty store (SQL and full-text search built from them).
int Request(const uint8_t* data, size_t size) {
  static Store* store = [] {
    std::unique_ptr<Store> s;
    if (!Store::Open(":memory:", Store::Mode::kCreate, &s).ok()) std::abort();
    return s.release();
  }();
  http::Request req;
  const std::string text = Text(data, size);
  http::ParseQuery(text.substr(text.find('?') == std::string::npos ? 0 : text.find('?') + 1), &req.params);
  EventQuery q;
  std::string error;
  if (EventQueryOf(req, &q, &error)) {
    std::vector<nlohmann::json> events;
    store->Events(q, &events);
  }
  return 0;
}

}  // namespace

const std::vector<Target>& Targets() {
  static const std::vector<Target> targets = {
      {"analyze", Analyze}, {"numbers", Numbers}, {"times", Times},  {"jsonl", JsonLine},
      {"html", Html},       {"feed", FeedTarget}, {"gzip", Gzip},  {"request", Request},
  };
  return targets;
}

const Target* Find(const std::string& name) {
  for (const auto& t : Targets())
    if (t.name == name) return &t;
  return nullptr;
}

}  // namespace kroniek::fuzz
