#include "pipeline/driver.h"

#include "core/fingerprint.h"
#include "output/jsonl.h"
#include "store/store.h"

namespace kroniek {

ArticleSource FromInputs(std::vector<std::string> paths, IngestOptions opts) {
  return [paths = std::move(paths), opts = std::move(opts)](const std::function<void(InputRecord&&)>& emit) {
    ReadInputs(paths, opts, emit);
  };
}

ArticleSource FromArticles(std::vector<Article> articles) {
  return [articles = std::move(articles)](const std::function<void(InputRecord&&)>& emit) mutable {
    for (auto& a : articles) {
      InputRecord r;
      r.article = std::move(a);
      emit(std::move(r));
    }
  };
}

InputRecord StoredRecord(const std::string& store, const nlohmann::json& record) {
  InputRecord r;
  r.name = store + ":" + record.value("id", "");
  r.status = ArticleFromRecord(r.name, record, {}, &r.article);
  return r;
}

Status Drive(const Pipeline& pipeline, const ArticleSource& source, Sink& sink, const DriveOptions& options,
             const std::function<Status(const Status&)>& refused) {
  Status failed;
  std::vector<Article> batch;
  auto flush = [&] {
    if (failed.ok()) failed = sink.Select(&batch);
    if (!failed.ok() || batch.empty()) return batch.clear();
    std::vector<AnalyzedArticle> analyzed(batch.size());
    std::vector<Status> language(batch.size());
    ParallelFor(batch.size(), options.threads, [&](size_t i) {
      analyzed[i] = AnalyseArticle(pipeline, std::move(batch[i]), &language[i], sink.WantsAnalysis());
    });
    batch.clear();
    failed = sink.Take(std::move(analyzed), std::move(language));
  };
  source([&](InputRecord&& r) {
    if (!failed.ok() || r.known) return;  // after an error the rest is read, and left
    if (!r.status.ok()) {
      failed = refused(r.status);
      return;
    }
    batch.push_back(std::move(r.article));
    if (batch.size() >= options.batch) flush();
  });
  flush();
  return failed;
}

Status JsonLinesSink::Take(std::vector<AnalyzedArticle> batch, std::vector<Status> language) {
  std::vector<std::string> lines(batch.size());
  ParallelFor(batch.size(), 0, [&](size_t i) {
    const AnalyzedArticle& a = batch[i];
    nlohmann::json j = ArticleToJson(a.article, *a.analysis, a.extraction, pipeline_.types());
    lines[i] = pretty_ ? j.dump(2) : j.dump();
  });
  for (size_t i = 0; i < batch.size(); ++i) {
    if (!language[i].ok() && unsupported_) unsupported_->push_back(batch[i].article.id + ": " + language[i].message());
    out_ << lines[i] << "\n";
  }
  return Status();
}

Status ChronicleSink::Select(std::vector<Article>* batch) {
  if (!once_each_) return Status();
  std::erase_if(*batch, [&](Article& a) {
    if (!seen_text_.insert(TextFingerprint(a.text)).second) return true;
    if (!seen_id_.insert(a.id).second) {
      const std::string distinct = Store::DistinctId(a);
      notes.push_back(a.id + ": the id names another article (other text); this one is " + distinct);
      a.id = distinct;
      seen_id_.insert(a.id);
    }
    return false;
  });
  return Status();
}

Status ChronicleSink::Take(std::vector<AnalyzedArticle> batch, std::vector<Status> language) {
  for (size_t i = 0; i < batch.size(); ++i) {
    if (!language[i].ok()) unsupported_.push_back(batch[i].article.id + ": " + language[i].message());
    inputs_.push_back({std::move(batch[i]), std::nullopt, {}});
  }
  return Status();
}

ChronicleResult ChronicleSink::Chronicle(std::vector<std::string>* unsupported) {
  if (unsupported) unsupported->insert(unsupported->end(), unsupported_.begin(), unsupported_.end());
  return FuseAnalyzed(pipeline_, std::move(inputs_));
}

ChronicleResult BuildChronicle(const Pipeline& pipeline, std::vector<Article> articles,
                               std::vector<std::string>* unsupported) {
  ChronicleSink sink(pipeline);
  Drive(pipeline, FromArticles(std::move(articles)), sink, {}, [](const Status&) { return Status(); });
  return sink.Chronicle(unsupported);
}

}  // namespace kroniek
