// The pipeline's steps, which the driver loop (driver.h) runs in order:
//   analyze -> extract (Run, AnalyseArticle), then fuse (FuseAnalyzed; a
//   store's: store_driver.h); the outputs render the result.
//
// In:  Articles (ingest), the resources folder: one language per folder but kb/.
// Out: per article its analysis and extraction, read in the article's language
//      (LanguageOf; none for a language without resources, said in a Status);
//      for many articles their chronicle (FuseAnalyzed), with the publication
//      dates inferred for the undated ones, which are then redated (Redate).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

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

// What reading one language takes: resources/<lang>/ loaded once.
struct LanguageReader {
  Language language;  // what analyze and extract both read
  Analyzer analyzer;
  Extractor extractor;
  std::string place_frame;  // query_frames.tsv: "… {} …", how to ask for a place
};

class Pipeline {
 public:
  // Loads every language folder of `resources_dir` (each folder but kb/) and the
  // knowledge base; `default_lang`, which must be among them, reads the articles
  // whose language is not given and detection is unsure of.
  Status Load(const std::string& resources_dir, const std::string& default_lang = "nl");
  // The language an article is read in: its own (the record's "lang", --lang),
  // else CLD2's when it is sure (DetectLanguage), else the default.
  std::string LanguageOf(const Article& article) const;
  bool Supports(const std::string& lang) const { return readers_.count(lang) > 0; }
  // Sets article.lang and analyses the article in it; thread-safe (const, no
  // shared scratch). In a language without resources nothing is found and the
  // status says so ("de: no resources for this language"); the article stays.
  Status Run(Article& article, Analysis* analysis, Extraction* extraction) const;
  // Reads an analysed article again with the publication date `published` (a
  // date found since, or none): its times resolved anew (Analyzer::Redate) and
  // its events extracted again from the analysis it keeps; its text is analysed
  // again only when it keeps none or its times no longer span the same tokens.
  // The last kRedateMemo articles so read are kept: a store reads its undated
  // articles again, without a date and with the one fusion gives them, at every
  // ingest that touches their events.
  void Redate(AnalyzedArticle& analyzed, const Date& published) const;
  // The SCHEMA.md article record, with Run's status.
  Status RunToJson(Article& article, nlohmann::json* record) const;

  // The ids of the places and countries a place name typed into a query
  // stands for, read as `lang` (default: the default language) reads it in
  // text (resources/<lang>/query_frames.tsv says how to ask); empty when none.
  std::vector<std::string> PlaceIds(const std::string& name, const std::string& lang = "") const;

  // See Extractor::KeepVagueFigures.
  void KeepVagueFigures(bool keep);
  // AnalyseArticle keeps what the article view marks (AnalyzedArticle::marks):
  // for a store, which shows an article without analysing it again (a store
  // written without them keeps the marks it had).
  void KeepMarks(bool keep);
  bool keeps_marks() const { return keep_marks_; }
  // How many articles Run has analysed (tests count it).
  uint64_t analysed() const { return analysed_; }

  // The language, and its analyzer, of a language this pipeline supports.
  const Language& language(const std::string& lang) const { return Reader(lang).language; }
  const Analyzer& analyzer(const std::string& lang) const { return Reader(lang).analyzer; }
  const FuseRules& types() const { return types_; }

 private:
  const LanguageReader& Reader(const std::string& lang) const { return *readers_.at(lang); }
  void RedateUncached(AnalyzedArticle& analyzed, const Date& published) const;
  void ForgetRedated();  // what is read changed

  static constexpr size_t kRedateMemo = 2048;
  struct RedateMemo {
    std::mutex mu;
    std::unordered_map<std::string, AnalyzedArticle> done;  // by RedateKey
    std::deque<std::string> order;                          // oldest first
  };

  std::map<std::string, std::unique_ptr<LanguageReader>> readers_;  // by language code
  std::string default_lang_;
  FuseRules types_;
  bool keep_marks_ = false;
  mutable std::atomic<uint64_t> analysed_{0};
  mutable RedateMemo redated_;
};

// Analyses one article; `language` (if given) takes Run's status. The analysis
// is kept while the article has no date of its own (AnalyzedArticle::analysis),
// and always with `keep_analysis`.
AnalyzedArticle AnalyseArticle(const Pipeline& pipeline, Article article, Status* language = nullptr,
                               bool keep_analysis = false);

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

// Fuses articles analysed before (by a drive, or a store's).
// `correct` applies a person's corrections after clustering, before reconciling;
// undated articles are redated with their inferred dates on `threads` threads
// (0: one per core); the publication inferences (ChronicleResult::publication) give an
// article with a month of its own the days its texts leave as from/to.
ChronicleResult FuseAnalyzed(const Pipeline& pipeline, std::vector<FuseInput> inputs,
                             const std::function<void(Chronicle&)>& correct = {}, int threads = 0);


}  // namespace kroniek
