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
  KRONIEK_RETURN_IF_ERROR(types_.Load(dir));
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

namespace {

AnalyzedArticle Analyse(const Pipeline& pipeline, Article article) {
  AnalyzedArticle out;
  Analysis analysis;
  pipeline.Run(article, &analysis, &out.extraction);
  out.article = std::move(article);
  return out;
}

std::unique_ptr<Chronicle> Fuse(const Pipeline& pipeline, std::vector<AnalyzedArticle> analysed) {
  // Canonical order: dated articles first (by date), then by id and text.
  std::sort(analysed.begin(), analysed.end(), [](const AnalyzedArticle& a, const AnalyzedArticle& b) {
    const Date& x = a.article.published;
    const Date& y = b.article.published;
    if (x.known() != y.known()) return x.known();
    if (x.value != y.value) return x.value < y.value;
    if (a.article.id != b.article.id) return a.article.id < b.article.id;
    return a.article.text < b.article.text;
  });
  auto chronicle = std::make_unique<Chronicle>(pipeline.types());
  for (auto& a : analysed) chronicle->Add(std::move(a));
  return chronicle;
}

}  // namespace

ChronicleResult BuildChronicle(const Pipeline& pipeline, std::vector<Article> articles) {
  ChronicleResult result;
  std::vector<Article> originals = articles;
  std::vector<AnalyzedArticle> analysed;
  for (auto& a : articles) analysed.push_back(Analyse(pipeline, std::move(a)));
  result.chronicle = Fuse(pipeline, std::move(analysed));

  // Undated articles: infer the date from the events they share, then read
  // them again with it so that their weekdays and months resolve.
  std::map<std::string, Civil> inferred;
  const auto& fused = result.chronicle->articles();
  for (size_t i = 0; i < fused.size(); ++i) {
    if (fused[i].article.published.known()) continue;
    PublicationInference p = result.chronicle->InferPublication(int(i));
    if (p.inferred) inferred[fused[i].article.id] = *ParseIsoDate(p.value);
    result.publication[fused[i].article.id] = std::move(p);
  }
  if (!inferred.empty()) {
    analysed.clear();
    for (auto& original : originals) {
      auto it = inferred.find(original.id);
      if (it != inferred.end()) {
        IngestOptions opts;
        opts.published = it->second;
        opts.published_basis = DateBasis::kInferred;
        Article again;
        if (ArticleFromText(original.id, original.text, opts, &again).ok()) {
          again.source = original.source;
          again.url = original.url;
          original = std::move(again);
        }
      }
      analysed.push_back(Analyse(pipeline, std::move(original)));
    }
    result.chronicle = Fuse(pipeline, std::move(analysed));
  }
  result.chronicle->Reconcile();
  return result;
}

}  // namespace kroniek
