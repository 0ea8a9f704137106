#include "extract/confidence.h"

#include <cmath>
#include <cstdlib>

#include "core/resource_file.h"

namespace kroniek {

Status ConfidenceModel::Load(const std::string& path) {
  ResourceFile f;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(path, 3, &f));
  for (const auto& r : f.rows) {
    char* end = nullptr;
    const double w = std::strtod(r.fields[2].c_str(), &end);
    if (end == r.fields[2].c_str() || *end != '\0' || !std::isfinite(w))
      return Status::Error(path + ":" + std::to_string(r.line) + ": weight '" + r.fields[2] + "' is not a number");
    weights_[r.fields[0]][r.fields[1]] = w;
  }
  if (!weights_["figure"].count("bias") || !weights_["event"].count("bias"))
    return Status::Error(path + ": needs a 'bias' weight for figure and for event");
  return Status();
}

double ConfidenceModel::Of(const std::string& target, const std::vector<std::string>& signals) const {
  const auto& w = weights_.at(target);
  double z = w.at("bias");
  for (const auto& s : signals)
    if (auto it = w.find(s); it != w.end()) z += it->second;
  return std::round(1000.0 / (1.0 + std::exp(-z))) / 1000.0;
}

std::vector<std::string> FigureSignals(const Figure& f, const EventMention& e, bool generic_event) {
  std::vector<std::string> s = {"kind=" + f.kind, "qualifier=" + f.qualifier,
                                std::string("value=") + (!f.value ? (f.low ? "vague" : "none") : *f.value == 1 ? "one" : "count")};
  if (!f.reading.empty()) s.push_back("reading=" + f.reading);
  if (f.in_title || f.from_fact_box) s.push_back("title");
  if (!f.according_to.empty()) s.push_back("sourced");
  if (f.claim) s.push_back("claim");
  if (f.part_of >= 0) s.push_back("subgroup");
  if (!f.freshness.empty()) s.push_back("freshness=" + f.freshness);
  s.push_back(generic_event ? "event=generic" : "event=specific");
  if (e.status != "occurred") s.push_back("status=" + e.status);
  return s;
}

std::vector<std::string> EventSignals(const EventMention& e, bool generic) {
  std::vector<std::string> s = {generic ? "type=generic" : "type=specific"};
  s.push_back(e.date.precision == Precision::kDay ? "dated=day"
              : e.date.known() || e.date.weekday >= 0 ? "dated=coarse" : "dated=none");
  if (!e.location.name.empty()) s.push_back(e.location.inferred ? "placed=inferred" : "placed=named");
  if (!e.figures.empty()) s.push_back("figures");
  if (e.evidence.size() > 1) s.push_back("mentions=several");
  if (!e.actors.empty()) s.push_back("actors");
  if (e.status != "occurred") s.push_back("status=" + e.status);
  return s;
}

}  // namespace kroniek
