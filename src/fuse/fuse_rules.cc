// What fusing knows of event types, figure kinds and groups: type affinities,
// the classes a type may meet in the index, the groups totals are compared
// under, the kinds that count victims, and the types' ACLED categories.
#include <algorithm>

#include "core/resource_file.h"
#include "fuse/fuse.h"

namespace kroniek {

Status FuseRules::Load(const std::string& dir) {
  ResourceFile types, pairs, groups, acled, kinds;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/kb/event_types.tsv", 2, &types));
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/kb/acled_types.tsv", 3, &acled));
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/kb/figure_kinds.tsv", 3, &kinds));
  for (const auto& r : kinds.rows)
    for (const auto& option : r.fields.size() > 3 ? SplitBar(r.fields[3]) : std::vector<std::string>())
      if (option == "toll") tolls_.insert(r.fields[0]);  // its other options are extraction's (src/extract/lexicon.cc)
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/kb/type_affinity.tsv", 3, &pairs));
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/kb/figure_groups.tsv", 2, &groups));
  for (const auto& r : types.rows) {
    class_[r.fields[0]] = r.fields[1];
    for (size_t k = 2; k < r.fields.size(); ++k) {
      if (r.fields[k] == "vague") vague_.insert(r.fields[0]);
      else if (r.fields[k] == "generic") generic_.insert(r.fields[0]);
      else if (r.fields[k].rfind("widespread=", 0) == 0)
        widespread_km_[r.fields[0]] = std::stod(r.fields[k].substr(11));
      else if (r.fields[k] == "attack" || r.fields[k] == "ongoing" || r.fields[k] == "follows" ||
               r.fields[k].rfind("refines=", 0) == 0)
        continue;  // extraction's (src/extract/lexicon.cc)
      else return Status::Error(types.path + ":" + std::to_string(r.line) + ": unknown option '" + r.fields[k] + "'");
    }
  }
  for (const auto& r : groups.rows) total_group_[r.fields[0]] = r.fields[1];
  for (const auto& r : acled.rows) {
    if (!class_.count(r.fields[0]))
      return Status::Error(acled.path + ":" + std::to_string(r.line) + ": unknown event type '" + r.fields[0] + "'");
    if (!acled_.emplace(r.fields[0], std::make_pair(r.fields[1], r.fields[2])).second)
      return Status::Error(acled.path + ":" + std::to_string(r.line) + ": '" + r.fields[0] + "' given twice");
  }
  for (const auto& r : pairs.rows) {
    const std::string where = pairs.path + ":" + std::to_string(r.line);
    if (!class_.count(r.fields[0]) || !class_.count(r.fields[1])) return Status::Error(where + ": unknown event type");
    double score = std::stod(r.fields[2]);
    pairs_[{r.fields[0], r.fields[1]}] = score;
    pairs_[{r.fields[1], r.fields[0]}] = score;
    if (r.fields.size() > 3) {
      if (r.fields[3] != "refines") return Status::Error(where + ": unknown option '" + r.fields[3] + "'");
      refines_.insert({r.fields[0], r.fields[1]});
    }
  }
  // The classes each type may meet: its own and those of every type it scores above 0 against.
  for (const auto& [a, ca] : class_)
    for (const auto& [b, cb] : class_) {
      auto& near = near_[a];
      if (Score(a, b) > 0 && std::find(near.begin(), near.end(), cb) == near.end()) near.push_back(cb);
    }
  for (auto& [type, near] : near_) std::sort(near.begin(), near.end());
  return Status();
}

const std::pair<std::string, std::string>* FuseRules::Acled(const std::string& type) const {
  auto it = acled_.find(type);
  return it == acled_.end() ? nullptr : &it->second;
}

const std::string& FuseRules::ClassOf(const std::string& type) const {
  static const std::string kNone;
  auto it = class_.find(type);
  return it == class_.end() ? kNone : it->second;
}

bool FuseRules::IsVague(const std::string& type) const { return vague_.count(type) > 0; }

std::optional<double> FuseRules::WidespreadKm(const std::string& type) const {
  auto it = widespread_km_.find(type);
  return it == widespread_km_.end() ? std::nullopt : std::optional<double>(it->second);
}

bool FuseRules::Refines(const std::string& a, const std::string& b) const { return refines_.count({a, b}) > 0; }

const std::vector<std::string>& FuseRules::ClassesNear(const std::string& type) const {
  static const std::vector<std::string> kNone;
  auto it = near_.find(type);
  return it == near_.end() ? kNone : it->second;
}

const std::string& FuseRules::TotalGroup(const std::string& group) const {
  auto it = total_group_.find(group);
  return it == total_group_.end() ? group : it->second;
}

double FuseRules::Score(const std::string& a, const std::string& b) const {
  if (a == b) return 1.0;
  if (auto it = pairs_.find({a, b}); it != pairs_.end()) return it->second;
  if (generic_.count(a) || generic_.count(b)) return 0.0;  // only what type_affinity.tsv lists
  if ((IsVague(a) || IsVague(b)) && ClassOf(a) == ClassOf(b)) return 0.6;
  return 0.0;
}

}  // namespace kroniek
