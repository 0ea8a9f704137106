#include "test_util.h"

#include <cstdio>
#include <stdexcept>

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

std::string FormatNumber(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace kroniek::testing
