#include "pipeline/pipeline.h"

#include <atomic>
#include <thread>

#include <cstdlib>
#include <filesystem>

#include "core/resource_file.h"
#include "output/jsonl.h"
#include "store/analysis_codec.h"

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

namespace {

Status LoadReader(const std::string& dir, const std::string& lang, LanguageReader* r) {
  KRONIEK_RETURN_IF_ERROR(r->language.Load(dir, lang));
  KRONIEK_RETURN_IF_ERROR(r->analyzer.Load(dir, r->language));
  ResourceFile frames;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/" + lang + "/query_frames.tsv", 2, &frames));
  for (const auto& row : frames.rows)
    if (row.fields[0] == "place" && row.fields[1].find("{}") != std::string::npos) r->place_frame = row.fields[1];
  return r->extractor.Load(dir, lang);
}

// What a reading again depends on: the article as given (ids repeat across chronicles)
// and the date.
std::string RedateKey(const AnalyzedArticle& aa, const Date& d) {
  const Article& a = aa.article;
  std::string key = a.id + '\x1f' + a.lang + (a.lang_given ? "+" : "-") + (aa.analysis ? "a" : "-");
  for (const std::string* given : {&a.text, &a.title, &a.source, &a.url, &a.extra_json})
    key += '\x1f' + std::to_string(std::hash<std::string>()(*given));
  for (const std::string* day : {&d.value, &d.from, &d.to}) key += '\x1f' + *day;
  return key + '\x1f' + std::to_string(int(d.precision)) + '\x1f' + std::to_string(int(d.basis));
}

}  // namespace

Status Pipeline::Load(const std::string& dir, const std::string& default_lang) {
  KRONIEK_RETURN_IF_ERROR(types_.Load(dir));
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string lang = entry.path().filename().string();
    if (!entry.is_directory(ec) || lang == "kb") continue;
    auto reader = std::make_unique<LanguageReader>();
    KRONIEK_RETURN_IF_ERROR(LoadReader(dir, lang, reader.get()));
    readers_[lang] = std::move(reader);
  }
  if (ec) return Status::Error(dir + ": cannot read the resources folder: " + ec.message());
  if (!Supports(default_lang))
    return Status::Error(dir + "/" + default_lang + ": no such language folder (the default language)");
  default_lang_ = default_lang;
  return Status();
}

void Pipeline::KeepVagueFigures(bool keep) {
  for (auto& [lang, reader] : readers_) reader->extractor.KeepVagueFigures(keep);
  ForgetRedated();
}

void Pipeline::KeepMarks(bool keep) {
  keep_marks_ = keep;
  ForgetRedated();
}

void Pipeline::ForgetRedated() {
  std::lock_guard<std::mutex> lock(redated_.mu);
  redated_.done.clear();
  redated_.order.clear();
}

std::string Pipeline::LanguageOf(const Article& article) const {
  if (!article.lang.empty()) return article.lang;
  bool sure = false;
  std::string detected = DetectLanguage(article.text, &sure);
  return sure && detected != "un" ? detected : default_lang_;
}

std::vector<std::string> Pipeline::PlaceIds(const std::string& name, const std::string& lang) const {
  std::vector<std::string> ids;
  const LanguageReader& reader = Reader(lang.empty() ? default_lang_ : lang);
  if (reader.place_frame.empty() || name.empty() || name.find_first_of("\n\r") != std::string::npos) return ids;
  std::string text = reader.place_frame;
  text.replace(text.find("{}"), 2, name);
  Article article;
  if (!ArticleFromText("query", text, {}, &article).ok()) return ids;
  Analysis analysis;
  reader.analyzer.Analyze(article, &analysis);
  for (const auto& e : analysis.entities)
    if ((e.type == EntityType::kPlace || e.type == EntityType::kCountry) && !e.id.empty()) ids.push_back(e.id);
  return ids;
}

Status Pipeline::Run(Article& article, Analysis* analysis, Extraction* extraction) const {
  ++analysed_;
  article.lang = LanguageOf(article);
  *analysis = Analysis();
  *extraction = Extraction();
  auto reader = readers_.find(article.lang);
  if (reader == readers_.end()) return Status::Error(article.lang + ": no resources for this language");
  reader->second->analyzer.Analyze(article, analysis);
  reader->second->extractor.Extract(article, *analysis, reader->second->language, extraction);
  return Status();
}

Status Pipeline::RunToJson(Article& article, nlohmann::json* record) const {
  Analysis analysis;
  Extraction extraction;
  Status st = Run(article, &analysis, &extraction);
  *record = ArticleToJson(article, analysis, extraction, types_);
  return st;
}

void Pipeline::Redate(AnalyzedArticle& aa, const Date& published) const {
  const std::string key = RedateKey(aa, published);
  {
    std::lock_guard<std::mutex> lock(redated_.mu);
    if (auto it = redated_.done.find(key); it != redated_.done.end()) {
      aa = it->second;
      return;
    }
  }
  RedateUncached(aa, published);
  std::lock_guard<std::mutex> lock(redated_.mu);
  if (!redated_.done.emplace(key, aa).second) return;
  redated_.order.push_back(key);
  if (redated_.order.size() > kRedateMemo) {
    redated_.done.erase(redated_.order.front());
    redated_.order.pop_front();
  }
}

void Pipeline::RedateUncached(AnalyzedArticle& aa, const Date& published) const {
  auto reader = readers_.find(aa.article.lang);
  if (reader == readers_.end()) {  // nothing is found in it, whatever its date
    aa.article.published = published;
    return;
  }
  auto analysis = aa.analysis ? std::make_shared<Analysis>(*aa.analysis) : nullptr;
  Article article = aa.article;
  article.published = published;
  if (analysis && reader->second->analyzer.Redate(article, analysis.get())) {
    aa.article = std::move(article);
    aa.extraction = Extraction();
    reader->second->extractor.Extract(aa.article, *analysis, reader->second->language, &aa.extraction);
    if (keep_marks_) aa.marks = EncodeMarks(*analysis);
    aa.analysis = std::move(analysis);
    return;
  }
  // Read again as given: from its text (analysis changed its paragraphs), with what its
  // record or page gave besides the text.
  IngestOptions opts;
  if (auto day = published.civil()) opts.published = *day;
  opts.published_basis = published.basis;
  const Article& given = aa.article;
  Article again;
  if (!ArticleFromText(given.id, given.text, opts, &again).ok()) return;
  again.source = given.source;
  again.url = given.url;
  again.lang = given.lang;  // as read the first time
  again.lang_given = given.lang_given;
  again.extra_json = given.extra_json;
  if (again.title_span.empty()) again.title = given.title;  // a title given apart from the text
  aa = AnalyseArticle(*this, std::move(again));
}

AnalyzedArticle AnalyseArticle(const Pipeline& pipeline, Article article, Status* language, bool keep_analysis) {
  AnalyzedArticle out;
  auto analysis = std::make_shared<Analysis>();
  Status st = pipeline.Run(article, analysis.get(), &out.extraction);
  if (language) *language = st;
  if (pipeline.keeps_marks()) out.marks = EncodeMarks(*analysis);
  if (keep_analysis || !article.HasOwnDate()) out.analysis = std::move(analysis);
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

ChronicleResult Finish(ChronicleResult result, const std::function<void(Chronicle&)>& correct) {
  if (correct) correct(*result.chronicle);
  result.chronicle->Reconcile();
  return result;
}

}  // namespace

ChronicleResult FuseAnalyzed(const Pipeline& pipeline, std::vector<FuseInput> inputs,
                             const std::function<void(Chronicle&)>& correct, int threads) {
  ChronicleResult result;
  std::map<std::string, const std::vector<int>*> partial;  // article id -> its mentions taking part
  for (const auto& in : inputs)
    if (in.only) partial[in.analyzed.article.id] = &*in.only;
  result.chronicle = Fuse(pipeline, inputs);

  // Undated articles: infer the date from the events they share, then read them again
  // with it so that their weekdays and months resolve. (An article with a month of its own
  // gets the days its texts leave as its publication's from/to, not applied: bounding its
  // reports by them made a store read every such page again whole, and a store of such
  // pages grew each ingest's neighbourhood with its size.)
  std::map<std::string, Civil> inferred;
  const Chronicle& first = *result.chronicle;
  for (size_t i = 0; i < first.articles().size(); ++i) {
    const Article& a = first.articles()[i].article;
    if (a.published.precision == Precision::kDay || partial.count(a.id)) continue;
    PublicationInference p = first.InferPublication(int(i));
    // (A page with a month of its own takes a day only its own text counts: "gisteren, op 21/8".)
    if (p.inferred) inferred[a.id] = *ParseIsoDate(p.value);
    result.publication[a.id] = std::move(p);
  }
  if (inferred.empty()) return Finish(std::move(result), correct);
  std::vector<FuseInput*> again_of;  // the inputs read again, on every core
  for (auto& in : inputs)
    if (inferred.count(in.analyzed.article.id)) again_of.push_back(&in);
  ParallelFor(again_of.size(), threads, [&](size_t i) {
    FuseInput& in = *again_of[i];
    pipeline.Redate(in.analyzed, DateOf(inferred.at(in.analyzed.article.id), DateBasis::kInferred));
  });
  result.chronicle = Fuse(pipeline, std::move(inputs));
  return Finish(std::move(result), correct);
}

}  // namespace kroniek
