// Stage 5 — store: articles and the chronicle fused from them, kept in one
// SQLite file.
//
// In:  Articles from ingest, their analyses, and the events fuse makes of them.
// Out: each article stored once, however often it arrives: the same id, the
//      same url or the same normalised text (case and white space aside) is a
//      duplicate. Stored records read back as the JSON Lines records ingest
//      accepts, so re-analysis by a newer kroniek starts from the input.
//      Events are stored as their chronicle records, with the columns queries
//      filter on, the index keys new mentions look candidates up by, which
//      article mention belongs to which event, a log of changes (new events,
//      changed best figures) and a log of corrections by people.
// The schema is versioned (PRAGMA user_version) and migrated on open, each
// step in one transaction. Writes happen in transactions the caller opens
// (Begin/Commit): what a caller was told is stored, is.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/chronicle.h"
#include "core/document.h"
#include "core/status.h"

struct sqlite3;

namespace kroniek {
class StatementCache;
}  // namespace kroniek

namespace kroniek {

// An event as stored: its chronicle record and what finds it again.
struct StoredEvent {
  std::string id;
  nlohmann::json record;          // SCHEMA.md chronicle event, "id" set
  DayRange days;                  // the event's date as days
  std::vector<std::string> keys;  // Chronicle::IndexKeys
  std::vector<std::pair<int64_t, int>> mentions;  // (article seq, mention index)
  std::vector<uint32_t> triggers;                 // each mention's trigger offset
};

// A stored article mention: which event holds it.
struct StoredMention {
  std::string article;  // the article's id
  int64_t seq = 0;
  int mention = 0;
  uint32_t trigger = 0;
  std::string event;
};

// Filters of `kroniek events` and GET /api/events; empty means any.
struct EventQuery {
  std::string from, to;   // YYYY[-MM[-DD]], inclusive
  std::string place;      // place or country id, or a name
  std::vector<std::string> place_ids;  // what `place` stands for (Pipeline::PlaceIds)
  std::string actor;      // actor id or a name
  std::string type;
  std::optional<double> min_killed;
  std::string text;       // FTS5 query over the articles that report the event
  int limit = 100, offset = 0;
};

struct Change {
  int64_t seq = 0;
  std::string at, event, change;  // change: new | figure | merged | removed | corrected
  nlohmann::json detail;
};

struct Correction {
  int64_t seq = 0;
  std::string at, who, why, action;  // merge | split | relink | set_figure | reject_figure
  nlohmann::json args;
};

class Store {
 public:
  Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();

  // Opens the file (creates it only with `create`: a mistyped path of a
  // command that reads is an error, not a new empty store) and migrates it to
  // the current schema. Read-only opens never create or migrate.
  enum class Mode { kRead, kWrite, kCreate };
  Status Open(const std::string& path, Mode mode = Mode::kCreate);
  int schema_version() const { return version_; }
  const std::string& path() const { return path_; }
  // Kroniek's own consistency check (and SQLite's integrity_check); the
  // problems found go to `problems`.
  Status Check(std::vector<std::string>* problems) const;

  // Caps the file at its pages now plus `extra` (SQLite's max_page_count):
  // how tests and operators simulate or impose a full disk.
  Status LimitPages(int extra);

  // A write transaction (BEGIN IMMEDIATE: one writer at a time, others wait).
  Status Begin();
  Status Commit();
  void Rollback();

  enum class PutResult { kNew, kDuplicate };
  // Stores `article` unless it is a duplicate, in its own transaction.
  Status Put(const Article& article, PutResult* result);
  // The same inside the caller's transaction; `seq` is the new row's number.
  Status Insert(const Article& article, PutResult* result, int64_t* seq);
  // True when the url or the text is stored already (a cheap check before
  // analysis): an article is known by its address or its words, not its id.
  Status Known(const Article& article, bool* known) const;
  // True when a stored article has this id.
  Status IdTaken(const std::string& id, bool* taken) const;

  // Calls fn with each stored record in ingest order; with a text query (FTS5
  // syntax: words, "phrases", OR, NOT, prefix*), only the records that match;
  // `limit` of them (-1: all) after skipping `offset`.
  Status ForEach(const std::function<void(const nlohmann::json& record)>& fn, const std::string& text_query = "",
                 int limit = -1, int offset = 0) const;
  Status Count(int64_t* n) const;
  // Stored records by seq: all, or only those stored without an analysis
  // (by an older kroniek).
  Status Records(bool unanalysed_only, std::vector<std::pair<int64_t, nlohmann::json>>* out) const;
  // The stored record of an article (null when unknown); with `analyzed`,
  // a publication date and title found in the text fill in what it lacks.
  Status Record(const std::string& article_id, int64_t* seq, nlohmann::json* record, bool analyzed = false) const;

  // Analyses (stored as analysis_codec.h encodes them).
  Status PutAnalysis(int64_t seq, const AnalyzedArticle& analyzed);
  Status LoadAnalysis(int64_t seq, AnalyzedArticle* out) const;
  // The analysis' marks (AnalyzedArticle::marks); empty when none were kept.
  Status Marks(int64_t seq, std::string* out) const;

  // The events indexed under any of `keys`.
  Status EventsWithKeys(const std::vector<std::string>& keys, std::set<std::string>* events) const;
  Status MentionsOf(const std::set<std::string>& events, std::vector<StoredMention>* out) const;
  Status EventOfMention(int64_t seq, int mention, std::string* event) const;
  Status MentionsOfArticle(const std::string& article_id, std::vector<StoredMention>* out) const;
  Status EventsOfArticle(int64_t seq, std::set<std::string>* events) const;
  // Replaces the events `old` with `fresh` (ids may be reused).
  Status ReplaceEvents(const std::set<std::string>& old, const std::vector<StoredEvent>& fresh);
  // A new event id ("ev" and a number never handed out before).
  Status NewEventId(std::string* id);

  // Up to this many articles matching a text query, their events are looked
  // up; beyond it, events are walked in chronicle order and checked (a page
  // of a common word fills at once). Tests set it to compare both ways.
  void SetTextLookupLimit(int64_t articles) { text_lookup_limit_ = articles; }

  // Event records, in chronicle order (date, then id).
  Status Events(const EventQuery& q, std::vector<nlohmann::json>* out) const;
  Status Event(const std::string& id, nlohmann::json* record) const;  // null record when unknown
  // Every event record matching `q` (its limit and offset aside), a page at a
  // time, in chronicle order.
  Status ForEachEvent(EventQuery q, const std::function<void(const nlohmann::json& record)>& fn) const;

  Status AddChange(const std::string& event, const std::string& change, const nlohmann::json& detail);
  // Changes after `since` (an ISO timestamp or a prefix of one) and after seq `after`.
  Status Changes(const std::string& since, int64_t after, int limit, std::vector<Change>* out) const;
  Status ChangesOf(const std::string& event, std::vector<Change>* out) const;

  Status AddCorrection(const Correction& c, int64_t* seq);
  Status Corrections(std::vector<Correction>* out) const;

  // The JSON Lines record of an article (what Put stores).
  static nlohmann::json RecordOf(const Article& article);
  // The id an article takes when its own names another article (two folders'
  // "001.txt"): its id and the first 8 digits of its text's fingerprint.
  static std::string DistinctId(const Article& article);

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
