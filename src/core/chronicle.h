// The chronicle (stage 4's output): real-world events, each gathering the event
// mentions of many articles, with merged type, date, place, actors, figure
// verdicts with their report histories, and disagreements; and what was
// inferred of an undated article's publication date. Data only; fuse/fuse.h
// says how it is made.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/analysis.h"
#include "core/date.h"
#include "core/document.h"
#include "core/extraction.h"

namespace kroniek {

struct AnalyzedArticle {
  Article article;
  Extraction extraction;
  // What only the article view shows besides the extraction (its entities and
  // times), encoded (store/analysis_codec.h); kept where a store is written
  // (Pipeline::KeepMarks), else empty.
  std::string marks;
  // The analysis, kept while the publication date may still be found (the
  // article has none of its own, HasOwnDate): with it the article is read again
  // with that date without analysing its text again (Pipeline::Redate). Kept for
  // every article where a sink wants it (Sink::WantsAnalysis), else null.
  std::shared_ptr<const Analysis> analysis;
};

struct MentionRef {
  int article = 0;  // index into Chronicle::articles()
  int event = 0;    // index into that article's extraction.events
  bool operator<(const MentionRef& o) const { return article != o.article ? article < o.article : event < o.event; }
  bool operator==(const MentionRef&) const = default;
};

struct ReportRef {
  MentionRef mention;
  int figure = 0;  // index into the event's figures
};

struct FigureVerdict {
  std::string kind, group;
  bool part = false;    // a sub-group of a total ("onder wie 13 …"), never added to it
  std::string verdict;  // consistent | updated | contested | claim | retracted
  std::optional<double> value, low, high;  // the best value
  std::string qualifier;
  std::string why;
  std::vector<ReportRef> history;  // every report, in time order
};

struct Disagreement {
  std::string field;  // site | perpetrator | date | type
  std::vector<std::pair<MentionRef, std::string>> values;
  std::string why;
};

struct ChronicleEvent {
  std::vector<MentionRef> mentions;  // sorted
  // Merged view, filled by Reconcile():
  std::string type;
  std::string name;  // the event's own name its reports give ("eunice"), or ""

  Date date;
  Location location;
  std::vector<ActorRole> actors;
  std::vector<std::pair<std::string, int>> relations;  // (type, index of the other event)
  std::vector<FigureVerdict> figures;
  std::vector<Disagreement> disagreements;
  std::string status;
};

struct PublicationInference {
  bool inferred = false;             // a date was chosen
  std::string value;                 // the chosen date
  std::vector<std::string> candidates;  // every date the evidence allows, best first
  std::string from, to;              // the days the texts leave, when narrower than the article's own date
  std::string why;
};

}  // namespace kroniek
