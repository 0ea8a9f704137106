// Scoring analyzed articles against hand-written gold facts: precision,
// recall and F1 per kind of fact (figures, events, event dates, places,
// quotes, publication dates).
//
// Gold (JSON Lines, one article per line; only `id` is required):
//   {"id": ID, "published": "YYYY-MM-DD" | null,
//    "events":  [{"type", "date": "YYYY-MM-DD" | null, "country", "place"}],
//    "figures": [{"event": TYPE, "kind", "value": N | null, "low", "high",
//                 "qualifier", "source": ID | null}],
//    "quotes":  [{"speaker": ID or name, "kind"}]}
// A gold `source` or `speaker` matches the system's id, its name, a more
// specific unnamed id ("unnamed:spokesperson" matches "unnamed:spokesperson
// of army"), or a person's surname. A gold place matches the location's id
// or name. System records are `kroniek analyze` lines; `kroniek chronicle`
// article lines may follow and then give the (inferred) publication date.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace kroniek {

struct FactCount {
  int gold = 0, system = 0, matched = 0;
  double Precision() const { return system ? double(matched) / system : 0; }
  double Recall() const { return gold ? double(matched) / gold : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct FactScores {
  // In print order: "figures", "figures (kind+value)", "events (type+date)",
  // "event dates", "places", "quotes", "publication dates".
  std::vector<std::pair<std::string, FactCount>> rows;
  std::vector<std::string> errors;  // "ID: missed figure …" / "ID: spurious …"
  int articles = 0;
  const FactCount& Row(const std::string& name) const;
};

// Scores `system` records against `gold` records (matched by article id).
// A gold article without system output counts as all missed; system
// articles without gold are ignored.
Status ScoreFacts(const std::vector<nlohmann::json>& gold, const std::vector<nlohmann::json>& system,
                  FactScores* out);

// Reads a JSON Lines file; an error names the line that is not JSON.
Status ReadJsonLines(const std::string& path, std::vector<nlohmann::json>* out);

}  // namespace kroniek
