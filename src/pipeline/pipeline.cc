#include "pipeline/pipeline.h"

#include <cstdlib>

#include "output/jsonl.h"

namespace kroniek {

std::string DefaultResourceDir() {
  if (const char* env = std::getenv("KRONIEK_RESOURCES"); env && *env) return env;
  return KRONIEK_RESOURCE_DIR;
}

Status Pipeline::Load(const std::string& dir, const std::string& lang) {
  KRONIEK_RETURN_IF_ERROR(analyzer_.Load(dir, lang));
  return extractor_.Load(dir, lang);
}

void Pipeline::Run(Article& article, Analysis* analysis, Extraction* extraction) const {
  analyzer_.Analyze(article, analysis);
  extractor_.Extract(article, *analysis, analyzer_, extraction);
}

nlohmann::json Pipeline::RunToJson(Article& article) const {
  Analysis analysis;
  Extraction extraction;
  Run(article, &analysis, &extraction);
  return ArticleToJson(article, analysis, extraction);
}

}  // namespace kroniek
