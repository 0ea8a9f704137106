// The driver: the only code that knows the order of the stages.
//   ingest -> analyze -> extract -> output
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "analyze/analyze.h"
#include "core/status.h"
#include "extract/extract.h"
#include "fuse/fuse.h"
#include "ingest/ingest.h"

namespace kroniek {

// Default resources folder: $KRONIEK_RESOURCES, else share/kroniek/resources
// beside an installed binary, else the source tree's.
std::string DefaultResourceDir();
// <prefix>/share/kroniek/NAME when the binary runs from <prefix>/bin and it
// exists, else "".
std::string InstalledDir(const std::string& name);

class Pipeline {
 public:
  Status Load(const std::string& resources_dir, const std::string& lang = "nl");
  // Analyses one article; thread-safe (const, no shared scratch).
  void Run(Article& article, Analysis* analysis, Extraction* extraction) const;
  // Convenience: the SCHEMA.md article record.
  nlohmann::json RunToJson(Article& article) const;

  // The ids of the places and countries a place name typed into a query
  // stands for, read as the analyzer reads it in text (resources/<lang>/
  // query_frames.tsv says how to ask); empty when none.
  std::vector<std::string> PlaceIds(const std::string& name) const;

  // See Extractor::KeepVagueFigures.
  void KeepVagueFigures(bool keep) { extractor_.KeepVagueFigures(keep); }

  const Analyzer& analyzer() const { return analyzer_; }
  const FuseRules& types() const { return types_; }

 private:
  Analyzer analyzer_;
  Extractor extractor_;
  FuseRules types_;
  std::string place_frame_;  // "… {} …"
};

// ingest -> analyze -> extract for every article, then fuse: cluster, infer
// the publication dates of undated articles (and analyze them again with the
// date found), cluster again, reconcile. The articles are fused in a canonical
// order, so the result does not depend on the order they are given in.
ChronicleResult BuildChronicle(const Pipeline& pipeline, std::vector<Article> articles);

// Analyses one article.
AnalyzedArticle AnalyseArticle(const Pipeline& pipeline, Article article);

// Calls fn(0) … fn(n - 1) on `threads` threads (0: one per core); fn must be
// safe to run in parallel on different indices (Pipeline::Run is).
void ParallelFor(size_t n, int threads, const std::function<void(size_t)>& fn);

// An analyzed article to fuse; with `only`, just those of its event mentions
// take part and its publication date is taken as it is.
struct FuseInput {
  AnalyzedArticle analyzed;
  std::optional<std::vector<int>> only;
  std::set<std::string> outside;  // with `only`: the stored events of its other reports
};

// The fuse half of BuildChronicle, for articles analyzed before (a store's).
// `correct` applies a person's corrections after clustering, before reconciling.
ChronicleResult FuseAnalyzed(const Pipeline& pipeline, std::vector<FuseInput> inputs,
                             const std::function<void(Chronicle&)>& correct = {});

}  // namespace kroniek
