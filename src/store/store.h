// Stage 5 — store: articles and the chronicle fused from them, behind one
// interface; SqliteStore (sqlite_store.h, one SQLite file) is its one kind.
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
// A store's schema is versioned and migrated on open. Writes happen in
// transactions the caller opens (Begin/Commit): what a caller was told is
// stored, is. The text query syntax (words, "phrases", OR, NOT, prefix*) is
// kroniek's own; a store kind translates it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/chronicle.h"
#include "core/document.h"
#include "core/status.h"
#include "store/fuse_index.h"

namespace kroniek {

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

// A store is also what fusion reads and writes (FuseIndex).
class Store : public FuseIndex {
 public:
  ~Store() override = default;

  // Opens the store a URL names: "sqlite:PATH" or a bare path is a SQLite file
  // (the only kind so far). It is created only with kCreate (a mistyped path of
  // a command that reads is an error, not a new empty store) and migrated to
  // the current schema; read-only opens never create or migrate.
  enum class Mode { kRead, kWrite, kCreate };
  static Status Open(const std::string& url, Mode mode, std::unique_ptr<Store>* out);

  virtual int schema_version() const = 0;
  // Kroniek's own consistency check (and the store kind's); the problems
  // found go to `problems`.
  virtual Status Check(std::vector<std::string>* problems) const = 0;

  // A write transaction: one writer at a time, others wait.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;

  enum class PutResult { kNew, kDuplicate };
  // Stores `article` unless it is a duplicate, in its own transaction.
  virtual Status Put(const Article& article, PutResult* result) = 0;
  // The same inside the caller's transaction; `seq` is the new row's number.
  virtual Status Insert(const Article& article, PutResult* result, int64_t* seq) = 0;
  // True when the url or the text is stored already (a cheap check before
  // analysis): an article is known by its address or its words, not its id.
  virtual Status Known(const Article& article, bool* known) const = 0;
  // True when a stored article has this id.
  virtual Status IdTaken(const std::string& id, bool* taken) const = 0;

  // Calls fn with each stored record in ingest order; with a text query (words,
  // "phrases", OR, NOT, prefix*), only the records that match; `limit` of them
  // (-1: all) after skipping `offset`.
  virtual Status ForEach(const std::function<void(const nlohmann::json& record)>& fn,
                         const std::string& text_query = "", int limit = -1, int offset = 0) const = 0;
  virtual Status Count(int64_t* n) const = 0;
  // Stored records by seq: all, or only those stored without an analysis
  // (by an older kroniek).
  virtual Status Records(bool unanalysed_only, std::vector<std::pair<int64_t, nlohmann::json>>* out) const = 0;

  // Whether the article has an analysis (one stored by an older kroniek has none until the next ingest).
  virtual Status Analysed(int64_t seq, bool* analysed) const = 0;
  // The analysis' marks (AnalyzedArticle::marks); empty when none were kept.
  virtual Status Marks(int64_t seq, std::string* out) const = 0;


  // Event records, in chronicle order (date, then id).
  virtual Status Events(const EventQuery& q, std::vector<nlohmann::json>* out) const = 0;
  // Every event record matching `q` (its limit and offset aside), a page at a
  // time, in chronicle order.
  virtual Status ForEachEvent(EventQuery q, const std::function<void(const nlohmann::json& record)>& fn) const = 0;

  // Changes after `since` (an ISO timestamp or a prefix of one) and after seq `after`.
  virtual Status Changes(const std::string& since, int64_t after, int limit, std::vector<Change>* out) const = 0;
  virtual Status ChangesOf(const std::string& event, std::vector<Change>* out) const = 0;

  virtual Status AddCorrection(const Correction& c, int64_t* seq) = 0;

  // The JSON Lines record of an article (what Put stores).
  static nlohmann::json RecordOf(const Article& article);
  // The id an article takes when its own names another article (two folders'
  // "001.txt"): its id and the first 8 digits of its text's fingerprint.
  static std::string DistinctId(const Article& article);
};

}  // namespace kroniek
