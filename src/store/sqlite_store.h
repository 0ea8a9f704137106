// The SQLite store: articles, analyses and the fused events in one file
// (WAL, FTS5 for text queries, an R*Tree for date windows). SQLite's own
// notions stay here: page limits, BEGIN IMMEDIATE, FTS5's query syntax.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "store/store.h"

struct sqlite3;

namespace kroniek {

class StatementCache;

class SqliteStore final : public Store {
 public:
  SqliteStore();
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  ~SqliteStore() override;

  // Opens the file at `path` (see Store::Open); the schema is versioned by
  // PRAGMA user_version and migrated on open, each step in one transaction.
  Status Open(const std::string& path, Mode mode = Mode::kCreate);
  int schema_version() const override { return version_; }
  const std::string& path() const override { return path_; }
  // Kroniek's own consistency check and SQLite's integrity_check.
  Status Check(std::vector<std::string>* problems) const override;

  // Caps the file at its pages now plus `extra` (SQLite's max_page_count):
  // how tests and operators simulate or impose a full disk.
  Status LimitPages(int extra);
  // Up to this many articles matching a text query, their events are looked
  // up; beyond it, events are walked in chronicle order and checked (a page
  // of a common word fills at once). Tests set it to compare both ways.
  void SetTextLookupLimit(int64_t articles) { text_lookup_limit_ = articles; }

  // BEGIN IMMEDIATE: one writer at a time, others wait.
  Status Begin() override;
  Status Commit() override;
  void Rollback() override;
  Status Put(const Article& article, PutResult* result) override;
  Status Insert(const Article& article, PutResult* result, int64_t* seq) override;
  Status Known(const Article& article, bool* known) const override;
  Status IdTaken(const std::string& id, bool* taken) const override;
  Status ForEach(const std::function<void(const nlohmann::json& record)>& fn, const std::string& text_query = "",
                 int limit = -1, int offset = 0) const override;
  Status Count(int64_t* n) const override;
  Status Records(bool unanalysed_only, std::vector<std::pair<int64_t, nlohmann::json>>* out) const override;
  Status Record(const std::string& article_id, int64_t* seq, nlohmann::json* record, bool analyzed = false) const override;
  Status PutAnalysis(int64_t seq, const AnalyzedArticle& analyzed) override;
  Status LoadAnalysis(int64_t seq, AnalyzedArticle* out) const override;
  Status Analysed(int64_t seq, bool* analysed) const override;
  Status Marks(int64_t seq, std::string* out) const override;
  Status EventsWithKeys(const std::vector<std::string>& keys, std::set<std::string>* events) const override;
  Status MentionsOf(const std::set<std::string>& events, std::vector<StoredMention>* out) const override;
  Status EventOfMention(int64_t seq, int mention, std::string* event) const override;
  Status MentionsOfArticle(const std::string& article_id, std::vector<StoredMention>* out) const override;
  Status EventsOfArticle(int64_t seq, std::set<std::string>* events) const override;
  Status ReplaceEvents(const std::set<std::string>& old, const std::vector<StoredEvent>& fresh) override;
  Status NewEventId(std::string* id) override;
  Status Events(const EventQuery& q, std::vector<nlohmann::json>* out) const override;
  Status Event(const std::string& id, nlohmann::json* record) const override;  // null record when unknown
  Status ForEachEvent(EventQuery q, const std::function<void(const nlohmann::json& record)>& fn) const override;
  Status AddChange(const std::string& event, const std::string& change, const nlohmann::json& detail) override;
  Status Changes(const std::string& since, int64_t after, int limit, std::vector<Change>* out) const override;
  Status ChangesOf(const std::string& event, std::vector<Change>* out) const override;
  Status AddCorrection(const Correction& c, int64_t* seq) override;
  Status Corrections(std::vector<Correction>* out) const override;

 private:
  Status Exec(const std::string& sql) const;
  Status Error(const std::string& what) const;
  bool Readable() const;  // the schema can be read (a read-only open may fail only at its first read)
  Status Migrate();
  // Fills temp.text_hits with the articles matching an FTS5 query.
  Status TextHits(const std::string& query, int64_t* hits) const;
  // True when event `e` is stored with this record, its keys and mentions.
  bool Unchanged(const StoredEvent& e, const std::string& record) const;
  std::string path_;
  sqlite3* db_ = nullptr;
  std::unique_ptr<StatementCache> statements_;  // reused prepared statements
  int64_t text_lookup_limit_ = 2000;
  int version_ = 0;
  // Decoded analyses with the stored form they came from: reading the same
  // analysis again (an event's articles, batch after batch) costs a
  // comparison, not a parse, and a change by another process is seen.
  struct CachedAnalysis {
    std::string encoded;
    AnalyzedArticle analyzed;
  };
  mutable std::unordered_map<int64_t, CachedAnalysis> analysis_cache_;
};

}  // namespace kroniek
