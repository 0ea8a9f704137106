// The driver loop: the one place that knows the order of the stages.
//
//   ArticleSource --records--> analyse (stateless; a batch at a time, on every core) --> Sink
//
// In:  an ArticleSource, which hands over records one by one, each an article or why it
//      is not one: files, URLs, feeds and stdin (FromInputs), articles in memory
//      (FromArticles: an HTTP body's, read by ReadUpload), a store's articles.
// Out: what the Sink makes of the analysed articles, a batch at a time in input
//      order: JSON lines on a stream (JsonLinesSink: `kroniek analyze`), one
//      chronicle fused at the end (ChronicleSink: chronicle, eval-clusters), or
//      a store whose events the batch joins (StoreDriver's sink: ingest, POST
//      /api/articles, reanalyze).
#pragma once

#include <functional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/inputs.h"
#include "pipeline/pipeline.h"

namespace kroniek {

// Calls `emit` for every record, in order, and returns when there are no more.
using ArticleSource = std::function<void(const std::function<void(InputRecord&&)>& emit)>;

// ReadInputs over `paths` (files, folders, URLs, feeds, "-" for stdin).
ArticleSource FromInputs(std::vector<std::string> paths, IngestOptions opts);
// Articles already read, as good records.
ArticleSource FromArticles(std::vector<Article> articles);
// A store's article record (SCHEMA.md, as ingested) as an input record named
// "<store>:<id>".
InputRecord StoredRecord(const std::string& store, const nlohmann::json& record);

class Sink {
 public:
  virtual ~Sink() = default;
  // Sees a batch before analysis and removes what it need not have analysed
  // (a store: articles it holds already); the rest is analysed.
  virtual Status Select(std::vector<Article>*) { return Status(); }
  // The batch analysed, in input order; language[i] says why article i was read
  // without events (its language has no resources), else it is ok.
  virtual Status Take(std::vector<AnalyzedArticle> batch, std::vector<Status> language) = 0;
  // Whether Take needs every article's whole analysis (else only those without a
  // date of their own keep it: AnalyzedArticle::analysis).
  virtual bool WantsAnalysis() const { return false; }
};

struct DriveOptions {
  size_t batch = 256;  // articles analysed together, and handed to the sink together
  int threads = 0;     // analysis threads (0: one per core)
};

// Reads `source` to its end. A record that is no article goes to `refused`,
// which names it and why (an error it returns stops the drive); the articles go
// to `sink`, `batch` at a time, analysed on `threads` threads. An error of the
// sink stops the drive and is returned.
Status Drive(const Pipeline& pipeline, const ArticleSource& source, Sink& sink, const DriveOptions& options,
             const std::function<Status(const Status&)>& refused);

// `kroniek analyze`: each article's SCHEMA.md record, one JSON line (or
// indented, `pretty`) each, in input order; those read without events are named
// in `unsupported` ("<id>: de: no resources for this language").
class JsonLinesSink : public Sink {
 public:
  JsonLinesSink(const Pipeline& pipeline, std::ostream& out, bool pretty, std::vector<std::string>* unsupported)
      : pipeline_(pipeline), out_(out), pretty_(pretty), unsupported_(unsupported) {}
  Status Take(std::vector<AnalyzedArticle> batch, std::vector<Status> language) override;
  bool WantsAnalysis() const override { return true; }

 private:
  const Pipeline& pipeline_;
  std::ostream& out_;
  bool pretty_;
  std::vector<std::string>* unsupported_;
};

// Everything read, fused at once (Chronicle). With `once_each`, as a store
// would: an article given twice (the same text) is fused once, and one whose
// id names another takes Store::DistinctId, said in `notes`.
class ChronicleSink : public Sink {
 public:
  explicit ChronicleSink(const Pipeline& pipeline, bool once_each = false) : pipeline_(pipeline), once_each_(once_each) {}
  Status Select(std::vector<Article>* batch) override;
  Status Take(std::vector<AnalyzedArticle> batch, std::vector<Status> language) override;
  // The chronicle of all taken; `unsupported` names those read without events.
  ChronicleResult Chronicle(std::vector<std::string>* unsupported = nullptr);
  std::vector<std::string> notes;

 private:
  const Pipeline& pipeline_;
  const bool once_each_;
  std::set<std::string> seen_text_, seen_id_;
  std::vector<FuseInput> inputs_;
  std::vector<std::string> unsupported_;
};

// Drives `articles` into a ChronicleSink (every one fused, duplicates too):
// analyze -> extract for every article, then fuse: cluster, infer
// the publication dates of undated articles (and redate them: Pipeline::Redate,
// no second analysis), cluster again, reconcile. The articles are fused in a canonical
// order, so the result does not depend on the order they are given in. An
// article in a language without resources takes part without events, and
// `unsupported` (if given) names it: "<id>: de: no resources for this language".
ChronicleResult BuildChronicle(const Pipeline& pipeline, std::vector<Article> articles,
                               std::vector<std::string>* unsupported = nullptr);

}  // namespace kroniek
