#include "test_util.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "pipeline/store_driver.h"
#include "store/sqlite_store.h"

namespace kroniek::testing {

const Pipeline& SharedPipeline() {
  static const Pipeline* pipeline = [] {
    auto* p = new Pipeline();
    Status st = p->Load(ResourceDir());
    if (!st.ok()) throw std::runtime_error(st.message());
    p->KeepVagueFigures(true);  // the readers under test read vague plurals too
    return p;
  }();
  return *pipeline;
}

nlohmann::json AnalyzeToJson(Article& a) {
  nlohmann::json record;
  Status st = SharedPipeline().RunToJson(a, &record);
  if (!st.ok()) throw std::runtime_error(a.id + ": " + st.message());
  return record;
}

Article MakeArticle(const std::string& text, const std::string& published) {
  IngestOptions opts;
  if (!published.empty()) opts.published = *ParseIsoDate(published);
  Article a;
  Status st = ArticleFromText("test", text, opts, &a);
  if (!st.ok()) throw std::runtime_error(st.message());
  return a;
}

std::vector<nlohmann::json> StoredEvents(const std::vector<Article>& articles, size_t batch) {
  const std::string db =
      (std::filesystem::temp_directory_path() / ("kroniek_stored_" + std::to_string(getpid()) + ".db")).string();
  std::filesystem::remove(db);
  std::vector<nlohmann::json> events;
  {
    SqliteStore store;
    Status st = store.Open(db);
    if (!st.ok()) throw std::runtime_error(st.message());
    for (size_t i = 0; i < articles.size(); i += batch) {
      IngestCounts counts;
      std::vector<std::string> errors;
      std::vector<Article> some(articles.begin() + i, articles.begin() + std::min(articles.size(), i + batch));
      st = StoreDriver(SharedPipeline(), store).AddBatch(std::move(some), &counts, &errors);
      if (!st.ok()) throw std::runtime_error(st.message());
    }
    EventQuery all;
    all.limit = 100000;
    std::vector<nlohmann::json> stored;
    st = store.Events(all, &stored);
    if (!st.ok()) throw std::runtime_error(st.message());
    for (const auto& r : stored) events.push_back(r["event"]);
  }
  std::filesystem::remove(db);
  return events;
}

std::string FormatNumber(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace kroniek::testing
