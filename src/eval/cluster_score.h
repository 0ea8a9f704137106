// Scoring a chronicle's clusters against gold clusters: MUC, B³, CEAF-e and
// their mean, the CoNLL F1 (the usual coreference measures, computed over the
// gold mentions).
//
// Gold (JSON): {"clusters": [{"id": …, "mentions": [{"article": ID,
// "trigger": TEXT, "nth": 1}, …]}, …]}. A gold mention is the system event of
// that article whose trigger or evidence covers the nth occurrence of TEXT. A cluster
// may give the real event's "date" (YYYY-MM-DD, YYYY-MM or YYYY): the fused event that
// holds most of its mentions is scored on it with ../shared/eval/score_chronicle.py's
// measures (the day when the gold gives one; a date more precise than a coarser gold one
// is over-precise). A set of
// our own writing may also give the "day" the event really was, which no report may give:
// the fused event is then scored on whether it leaves that day alone (its value, or an
// interval of that one day).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "fuse/fuse.h"

namespace kroniek {

struct PRF {
  double precision = 0, recall = 0, f1 = 0;
};

struct ClusterScores {
  PRF muc, b3, ceafe;
  double conll = 0;
  int mentions = 0;           // gold mentions
  int unmatched = 0;          // gold mentions the system has no event for
  int days = 0, days_right = 0;        // gold clusters dated to the day, and fused to that day
  int coarse = 0, over_precise = 0;    // gold clusters dated coarser, and fused more precisely
  int real_days = 0, real_days_left = 0;  // gold clusters with the real day, and fused to it alone
  std::vector<std::string> problems;  // which gold mentions were not found, and why
};

// The partition scores of `response` against `key`; both list a cluster id per
// mention (same mentions, same order).
ClusterScores ScorePartitions(const std::vector<std::string>& key, const std::vector<std::string>& response);

// Scores the chronicle's events against a gold file's clusters.
Status ScoreClusters(const Chronicle& chronicle, const nlohmann::json& gold, ClusterScores* out);

}  // namespace kroniek
