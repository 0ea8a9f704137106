// The driver of a store: ingest -> analyze -> extract -> store -> fuse, with
// the chronicle kept in the store and updated incrementally.
//
// A batch of new articles is analyzed outside any lock; then, in one
// transaction, the articles and analyses are stored and the events their
// mentions may join (found by the fuse index keys the store keeps) are fused
// again with them (store_refuse.cc): only that neighbourhood is read back, so adding a
// dated article costs about the same however large the store is. (A report no time
// bounds, in an undated article, may join any event of its type at its place: such
// articles bring all those events in, each time an event they joined is touched.)
// Where that fusion changes events,
// the neighbourhood grows by the stored events the changed ones may join, and
// is fused again (Reach), so that a chain of reports breaks where all its links
// say, whatever order they came in. Event ids carry over (a cluster
// keeps the id most of its mentions had), changes of best figures are logged,
// and corrections by people are applied every time their events are fused.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pipeline/driver.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace kroniek {

struct IngestCounts {
  int added = 0, duplicates = 0, failed = 0;
  int unsupported = 0;  // of the added: in a language without resources, stored without events
};

// An article is the same as a stored one by its url or its text (Store::Known);
// a new article whose id names a stored one, or an earlier one of `batch`, takes
// Store::DistinctId instead and `notes` says so: no article is lost to a name.
// `known` (if given) says, per article, whether the store has it already.
Status GiveDistinctIds(const Store& store, std::vector<Article>* batch, std::vector<std::string>* notes,
                       std::vector<bool>* known = nullptr);

class StoreDriver {
 public:
  // Articles are analyzed on `threads` threads (0: one per core).
  StoreDriver(const Pipeline& pipeline, Store& store, int threads = 0)
      : pipeline_(pipeline), store_(store), index_(store), threads_(threads) {}

  // The sink of a drive of new articles (driver.h; ingest, POST /api/articles).
  // Select gives each a distinct id where its id names another (GiveDistinctIds,
  // said in `notes`) and keeps those the store has not (the others are counted
  // duplicates, and not analysed). Take stores a batch and updates the chronicle
  // in one transaction; one in a language without resources is stored without
  // events, counted and said in `notes`. A batch that cannot be checked against
  // the store or written is rolled back, counted failed and named in `errors`
  // (error() is the last such), and the drive goes on.
  class NewArticles : public Sink {
   public:
    NewArticles(StoreDriver& driver, IngestCounts* counts, std::vector<std::string>* errors,
                std::vector<std::string>* notes)
        : driver_(driver), counts_(counts), errors_(errors), notes_(notes) {}
    Status Select(std::vector<Article>* batch) override;
    Status Take(std::vector<AnalyzedArticle> batch, std::vector<Status> language) override;
    const Status& error() const { return error_; }
    std::function<void()> after_batch;  // called after each batch, stored or not

   private:
    void Refused(const Status& st, int articles);  // a batch not stored: counted, named

    StoreDriver& driver_;
    IngestCounts* counts_;
    std::vector<std::string>* errors_;
    std::vector<std::string>* notes_;
    Status error_;
  };

  // Drives `batch` into NewArticles, as one batch; returns its error.
  Status AddBatch(std::vector<Article> batch, IngestCounts* counts, std::vector<std::string>* errors,
                  std::vector<std::string>* notes = nullptr);
  // Analyses the articles stored without an analysis (by an older kroniek),
  // `batch` at a time; `progress(done, total)`.
  Status CatchUp(int batch, const std::function<void(int, int)>& progress = {});
  // Analyses every stored article again with this kroniek, a batch per
  // transaction, and fuses their events again; ids and corrections carry over.
  Status Reanalyze(int batch, const std::function<void(int, int)>& progress = {});
  // Checks a correction against the store, logs it and applies it. A
  // correction names events by id; it is kept by the mentions it concerns,
  // so it holds when those events are fused again or re-analyzed.
  Status Correct(Correction correction, nlohmann::json* result);

 private:
  // Fuses `fresh` (new analyses) with the stored events they may join and
  // the events in `touched`, and writes the result.
  Status Refuse(std::vector<std::pair<int64_t, AnalyzedArticle>> fresh, std::set<std::string> touched);
  // Refuse's phases, in order, on what they share.
  struct Neighbourhood;
  Status Gather(Neighbourhood& n);
  Status AsItCame(Neighbourhood& n, int64_t seq, const AnalyzedArticle** out);
  Status FuseAgain(Neighbourhood& n);
  Status Reach(const Neighbourhood& n, std::set<std::string>* more);
  Status CarryIds(Neighbourhood& n);
  Status Records(Neighbourhood& n, std::vector<StoredEvent>* out);
  Status Write(const Neighbourhood& n, const std::vector<StoredEvent>& records);
  // Analyses stored records again and fuses them, `batch` per transaction.
  class StoredArticles;
  Status AnalyseStored(bool unanalysed_only, int batch, const std::function<void(int, int)>& progress);

  const Pipeline& pipeline_;
  Store& store_;
  FuseIndex& index_;  // the store as fusion sees it: Refuse's phases ask for nothing else
  const int threads_;
};

}  // namespace kroniek
