// What fusing articles into a kept chronicle reads and writes: the stored
// events a new mention may join (by index keys), their mentions and the
// analyses of their articles, event records and ids, changes, corrections.
// A store is one (store.h); a worker fusing beside a shared database would be
// another. StoreDriver's fusion phases ask for nothing else.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/chronicle.h"
#include "core/date.h"
#include "core/status.h"

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

// A logged change of an event (GET /api/changes, `kroniek changes`).
struct Change {
  int64_t seq = 0;
  std::string at, event, change;  // change: new | figure | merged | removed | corrected
  nlohmann::json detail;
};

// A correction by a person (pipeline/corrections.h).
struct Correction {
  int64_t seq = 0;
  std::string at, who, why, action;  // merge | split | relink | set_figure | reject_figure
  nlohmann::json args;
};

class FuseIndex {
 public:
  virtual ~FuseIndex() = default;

  // Where it is (a file's path), for messages.
  virtual const std::string& path() const = 0;

  // Analyses (stored as analysis_codec.h encodes them).
  virtual Status PutAnalysis(int64_t seq, const AnalyzedArticle& analyzed) = 0;
  virtual Status LoadAnalysis(int64_t seq, AnalyzedArticle* out) const = 0;
  // The events indexed under any of `keys`.
  virtual Status EventsWithKeys(const std::vector<std::string>& keys, std::set<std::string>* events) const = 0;
  virtual Status MentionsOf(const std::set<std::string>& events, std::vector<StoredMention>* out) const = 0;
  virtual Status EventOfMention(int64_t seq, int mention, std::string* event) const = 0;
  virtual Status MentionsOfArticle(const std::string& article_id, std::vector<StoredMention>* out) const = 0;
  virtual Status EventsOfArticle(int64_t seq, std::set<std::string>* events) const = 0;
  // Replaces the events `old` with `fresh` (ids may be reused).
  virtual Status ReplaceEvents(const std::set<std::string>& old, const std::vector<StoredEvent>& fresh) = 0;
  // A new event id ("ev" and a number never handed out before).
  virtual Status NewEventId(std::string* id) = 0;
  virtual Status Event(const std::string& id, nlohmann::json* record) const = 0;  // null record when unknown
  virtual Status AddChange(const std::string& event, const std::string& change, const nlohmann::json& detail) = 0;
  virtual Status Corrections(std::vector<Correction>* out) const = 0;
  // The stored record of an article (null when unknown); with `analyzed`,
  // a publication date and title found in the text fill in what it lacks.
  virtual Status Record(const std::string& article_id, int64_t* seq, nlohmann::json* record,
                        bool analyzed = false) const = 0;
};

}  // namespace kroniek
