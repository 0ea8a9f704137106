#include "pipeline/pipeline.h"

#include <atomic>
#include <thread>

#include <cstdlib>
#include <filesystem>

#include "core/resource_file.h"
#include "output/jsonl.h"

namespace kroniek {

std::string InstalledDir(const std::string& name) {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  auto dir = exe.parent_path().parent_path() / "share" / "kroniek" / name;
  return std::filesystem::is_directory(dir, ec) ? dir.string() : "";
}

std::string DefaultResourceDir() {
  if (const char* env = std::getenv("KRONIEK_RESOURCES"); env && *env) return env;
  if (std::string installed = InstalledDir("resources"); !installed.empty()) return installed;
  return KRONIEK_RESOURCE_DIR;
}

Status Pipeline::Load(const std::string& dir, const std::string& lang) {
  KRONIEK_RETURN_IF_ERROR(analyzer_.Load(dir, lang));
  KRONIEK_RETURN_IF_ERROR(types_.Load(dir));
  ResourceFile frames;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/" + lang + "/query_frames.tsv", 2, &frames));
  for (const auto& r : frames.rows)
    if (r.fields[0] == "place" && r.fields[1].find("{}") != std::string::npos) place_frame_ = r.fields[1];
  return extractor_.Load(dir, lang);
}

std::vector<std::string> Pipeline::PlaceIds(const std::string& name) const {
  std::vector<std::string> ids;
  if (place_frame_.empty() || name.empty() || name.find_first_of("\n\r") != std::string::npos) return ids;
  std::string text = place_frame_;
  text.replace(text.find("{}"), 2, name);
  Article article;
  if (!ArticleFromText("query", text, {}, &article).ok()) return ids;
  Analysis analysis;
  analyzer_.Analyze(article, &analysis);
  for (const auto& e : analysis.entities)
    if ((e.type == EntityType::kPlace || e.type == EntityType::kCountry) && !e.id.empty()) ids.push_back(e.id);
  return ids;
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

AnalyzedArticle AnalyseArticle(const Pipeline& pipeline, Article article) {
  AnalyzedArticle out;
  Analysis analysis;
  pipeline.Run(article, &analysis, &out.extraction);
  out.article = std::move(article);
  return out;
}

void ParallelFor(size_t n, int threads, const std::function<void(size_t)>& fn) {
  size_t workers = threads > 0 ? size_t(threads) : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min(workers, n);
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
  };
  std::vector<std::thread> pool;
  for (size_t w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

namespace {

std::unique_ptr<Chronicle> Fuse(const Pipeline& pipeline, std::vector<FuseInput> inputs) {
  // Canonical order: dated articles first (by date), then by id and text.
  std::sort(inputs.begin(), inputs.end(), [](const FuseInput& p, const FuseInput& q) {
    const Article& a = p.analyzed.article;
    const Article& b = q.analyzed.article;
    const Date& x = a.published;
    const Date& y = b.published;
    if (x.known() != y.known()) return x.known();
    if (x.value != y.value) return x.value < y.value;
    if (a.id != b.id) return a.id < b.id;
    return a.text < b.text;
  });
  auto chronicle = std::make_unique<Chronicle>(pipeline.types());
  for (auto& in : inputs) chronicle->Add(std::move(in.analyzed), in.only ? &*in.only : nullptr, std::move(in.outside));
  return chronicle;
}

}  // namespace

ChronicleResult BuildChronicle(const Pipeline& pipeline, std::vector<Article> articles) {
  std::vector<FuseInput> inputs;
  for (auto& a : articles) inputs.push_back({AnalyseArticle(pipeline, std::move(a)), std::nullopt, {}});
  return FuseAnalyzed(pipeline, std::move(inputs));
}

ChronicleResult FuseAnalyzed(const Pipeline& pipeline, std::vector<FuseInput> inputs,
                             const std::function<void(Chronicle&)>& correct) {
  ChronicleResult result;
  std::map<std::string, const std::vector<int>*> partial;  // article id -> its mentions taking part
  for (const auto& in : inputs)
    if (in.only) partial[in.analyzed.article.id] = &*in.only;
  result.chronicle = Fuse(pipeline, inputs);

  // Undated articles: infer the date from the events they share, then read
  // them again with it so that their weekdays and months resolve.
  std::map<std::string, Civil> inferred;
  const auto& fused = result.chronicle->articles();
  for (size_t i = 0; i < fused.size(); ++i) {
    if (fused[i].article.published.known() || partial.count(fused[i].article.id)) continue;
    PublicationInference p = result.chronicle->InferPublication(int(i));
    if (p.inferred) inferred[fused[i].article.id] = *ParseIsoDate(p.value);
    result.publication[fused[i].article.id] = std::move(p);
  }
  if (!inferred.empty()) {
    for (auto& in : inputs) {
      const Article& original = in.analyzed.article;
      auto it = inferred.find(original.id);
      if (it == inferred.end()) continue;
      IngestOptions opts;
      opts.published = it->second;
      opts.published_basis = DateBasis::kInferred;
      Article again;
      if (ArticleFromText(original.id, original.text, opts, &again).ok()) {
        again.source = original.source;
        again.url = original.url;
        in.analyzed = AnalyseArticle(pipeline, std::move(again));
      }
    }
    result.chronicle = Fuse(pipeline, std::move(inputs));
  }
  if (correct) correct(*result.chronicle);
  result.chronicle->Reconcile();
  return result;
}

}  // namespace kroniek
