#include "pipeline/store_driver.h"

#include <algorithm>
#include <map>

#include "core/fingerprint.h"
#include "pipeline/corrections.h"
#include "pipeline/driver.h"

namespace kroniek {

using nlohmann::json;

Status GiveDistinctIds(const Store& store, std::vector<Article>* batch, std::vector<std::string>* notes,
                       std::vector<bool>* known_out) {
  std::map<std::string, std::string> fingerprint_of_id;  // the batch's articles so far
  if (known_out) known_out->clear();
  for (auto& a : *batch) {
    bool known = false, taken = false;
    KRONIEK_RETURN_IF_ERROR(store.Known(a, &known));
    if (known_out) known_out->push_back(known);
    if (known) continue;
    KRONIEK_RETURN_IF_ERROR(store.IdTaken(a.id, &taken));
    const std::string fingerprint = TextFingerprint(a.text);
    auto earlier = fingerprint_of_id.find(a.id);
    if (taken || (earlier != fingerprint_of_id.end() && earlier->second != fingerprint)) {
      const std::string distinct = Store::DistinctId(a);
      notes->push_back(a.id + ": the id names another article (other url and text); this one is stored as " + distinct);
      a.id = distinct;
    }
    fingerprint_of_id.emplace(a.id, fingerprint);
  }
  return Status();
}

Status StoreDriver::NewArticles::Select(std::vector<Article>* batch) {
  std::vector<bool> known;
  if (Status st = GiveDistinctIds(driver_.store_, batch, notes_, &known); !st.ok()) {
    Refused(st, int(batch->size()));
    batch->clear();
    return Status();
  }
  // Articles known already are not analysed.
  size_t i = 0;
  std::erase_if(*batch, [&](const Article&) {
    const bool duplicate = known[i++];
    counts_->duplicates += duplicate;
    return duplicate;
  });
  if (batch->empty() && after_batch) after_batch();  // (Take is not called)
  return Status();
}

void StoreDriver::NewArticles::Refused(const Status& st, int articles) {
  counts_->failed += articles;
  errors_->push_back(st.message() + " (" + std::to_string(articles) + " articles of this batch not stored)");
  error_ = st;
  if (after_batch) after_batch();
}

Status StoreDriver::NewArticles::Take(std::vector<AnalyzedArticle> analyzed, std::vector<Status> language) {
  Store& store = driver_.store_;
  std::vector<std::string> unsupported;  // the new ones in a language without resources
  std::vector<std::pair<int64_t, AnalyzedArticle>> fresh;
  int duplicates = 0;
  if (Status st = store.Begin(); !st.ok()) {
    Refused(st, int(analyzed.size()));
    return Status();
  }
  Status st;
  for (size_t i = 0; st.ok() && i < analyzed.size(); ++i) {
    Store::PutResult r;
    int64_t seq = 0;
    st = store.Insert(analyzed[i].article, &r, &seq);
    if (!st.ok()) break;
    if (r != Store::PutResult::kNew) {
      ++duplicates;  // stored by another ingest meanwhile, or twice in this batch
      continue;
    }
    if (!language[i].ok()) unsupported.push_back(analyzed[i].article.id + ": " + language[i].message());
    fresh.emplace_back(seq, std::move(analyzed[i]));
  }
  const int added = int(fresh.size());
  if (st.ok()) st = driver_.Refuse(std::move(fresh), {});
  if (st.ok()) st = store.Commit();
  if (!st.ok()) {
    store.Rollback();
    Refused(st, int(analyzed.size()));
    return Status();
  }
  counts_->added += added;
  counts_->duplicates += duplicates;
  counts_->unsupported += int(unsupported.size());
  for (auto& u : unsupported) notes_->push_back(std::move(u));
  if (after_batch) after_batch();
  return Status();
}

Status StoreDriver::AddBatch(std::vector<Article> batch, IngestCounts* counts, std::vector<std::string>* errors,
                             std::vector<std::string>* notes) {
  std::vector<std::string> unsaid;
  NewArticles sink(*this, counts, errors, notes ? notes : &unsaid);
  const size_t size = std::max<size_t>(1, batch.size());
  KRONIEK_RETURN_IF_ERROR(Drive(pipeline_, FromArticles(std::move(batch)), sink, {size, threads_},
                                [](const Status&) { return Status(); }));
  return sink.error();
}

Status StoreDriver::CatchUp(int batch, const std::function<void(int, int)>& progress) {
  return AnalyseStored(true, batch, progress);
}

Status StoreDriver::Reanalyze(int batch, const std::function<void(int, int)>& progress) {
  return AnalyseStored(false, batch, progress);
}

// Stored articles analysed again, a batch per transaction with the events their
// old analyses made.
class StoreDriver::StoredArticles : public Sink {
 public:
  StoredArticles(StoreDriver& driver, const std::vector<std::pair<int64_t, json>>& todo,
                 const std::function<void(int, int)>& progress)
      : driver_(driver), todo_(todo), progress_(progress) {}

  Status Take(std::vector<AnalyzedArticle> batch, std::vector<Status>) override {
    Store& store = driver_.store_;
    std::vector<std::pair<int64_t, AnalyzedArticle>> fresh;
    std::set<std::string> touched;  // the events the old analyses made
    KRONIEK_RETURN_IF_ERROR(store.Begin());
    Status st;
    for (auto& aa : batch) {  // in the order of todo_ (a refused record stops the drive)
      const int64_t seq = todo_[next_++].first;
      if (st.ok()) st = store.EventsOfArticle(seq, &touched);
      fresh.emplace_back(seq, std::move(aa));
    }
    if (st.ok()) st = driver_.Refuse(std::move(fresh), touched);
    if (st.ok()) st = store.Commit();
    if (!st.ok()) {
      store.Rollback();
      return st;
    }
    if (progress_) progress_(int(next_), int(todo_.size()));
    return Status();
  }

 private:
  StoreDriver& driver_;
  const std::vector<std::pair<int64_t, json>>& todo_;
  const std::function<void(int, int)>& progress_;
  size_t next_ = 0;
};

Status StoreDriver::AnalyseStored(bool unanalysed_only, int batch, const std::function<void(int, int)>& progress) {
  std::vector<std::pair<int64_t, json>> todo;
  KRONIEK_RETURN_IF_ERROR(store_.Records(unanalysed_only, &todo));
  ArticleSource records = [&](const std::function<void(InputRecord&&)>& emit) {
    for (const auto& [seq, record] : todo) emit(StoredRecord(store_.path(), record));
  };
  StoredArticles sink(*this, todo, progress);
  return Drive(pipeline_, records, sink, {size_t(batch), threads_}, [](const Status& st) { return st; });
}

Status StoreDriver::Correct(Correction c, json* result) {
  KRONIEK_RETURN_IF_ERROR(store_.Begin());
  std::set<std::string> events;
  int64_t seq = 0;
  Status st = AnchorCorrection(store_, &c, &events);
  if (st.ok()) st = store_.AddCorrection(c, &seq);
  if (st.ok()) st = Refuse({}, events);
  std::set<std::string> now;
  if (st.ok()) st = EventsOfCorrection(store_, c, &now);
  for (const auto& id : now)
    if (st.ok()) st = store_.AddChange(id, "corrected", {{"correction", seq}, {"action", c.action}, {"who", c.who}});
  if (st.ok()) st = store_.Commit();
  if (!st.ok()) {
    store_.Rollback();
    return st;
  }
  *result = {{"correction", seq}, {"action", c.action}, {"events", now}};
  return Status();
}

}  // namespace kroniek
