// Calibrated confidence of figures and events.
//
// Each figure and event carries its signals: short names of what it rests on
// ("kind=killed", "reading=predicate", "title", "sourced", "dated=day" …). The
// confidence is a logistic model over them whose weights are fitted on the
// real-news development set (bench/fit_confidence.py writes
// resources/<lang>/confidence.tsv), so that of the figures given 0.9, about
// nine in ten are right. A signal without a weight counts nothing.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "extract/extract.h"

namespace kroniek {

class ConfidenceModel {
 public:
  Status Load(const std::string& path);
  // The probability that a fact with these signals is right ("figure" or "event").
  double Of(const std::string& target, const std::vector<std::string>& signals) const;

 private:
  std::map<std::string, std::map<std::string, double>> weights_;  // target -> signal -> weight
};

// What a figure rests on; `in_title` for figures of a title or fact box.
std::vector<std::string> FigureSignals(const Figure& f, const EventMention& e, bool generic_event);
// What an event rests on.
std::vector<std::string> EventSignals(const EventMention& e, bool generic);

}  // namespace kroniek
