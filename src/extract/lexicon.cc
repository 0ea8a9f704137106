#include "extract/lexicon.h"

#include <algorithm>

#include "core/resource_file.h"
#include "core/word_classes.h"

namespace kroniek {

Status ExtractLexicon::IndexClauseClasses(const std::string& path) {
  std::set<std::string> given;
  for (const auto& row : clause.rows()) {
    given.insert(row.value);
    if (row.parts.size() == 1 && row.parts[0].size() == 1) clause_word_classes[row.parts[0][0]].push_back(row.value);
  }
  for (std::string_view cls : kClauseClasses)
    if (!given.count(std::string(cls)))
      return Status::Error(path + ": no word of class '" + std::string(cls) +
                           "', which kroniek asks for (src/core/word_classes.h)");
  return Status();
}

Status ExtractLexicon::LoadShapes(const std::string& path) {
  ResourceFile shapes;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(path, 2, &shapes));
  for (const auto& r : shapes.rows) {
    if (r.fields[1] == "plural_ending") plural_endings.push_back(r.fields[0]);
    else if (r.fields[1] == "participle_prefix") participle_prefixes.push_back(r.fields[0]);
    else if (r.fields[1] == "participle_ending") participle_endings.push_back(r.fields[0]);
    else if (r.fields[1] == "adjective_ending") adjective_endings.push_back(r.fields[0]);
    else return Status::Error(shapes.path + ":" + std::to_string(r.line) + ": unknown shape '" + r.fields[1] + "'");
  }
  return Status();
}

Status ExtractLexicon::Load(const std::string& dir, const std::string& kb_dir) {
  const std::pair<PhraseTable*, const char*> tables[] = {
      {&triggers, "triggers.tsv"},     {&figure_nouns, "figure_nouns.tsv"}, {&group_nouns, "group_nouns.tsv"},
      {&figure_verbs, "figure_verbs.tsv"}, {&figure_cues, "figure_cues.tsv"}, {&uncounted, "uncounted.tsv"}, {&attribution, "attribution.tsv"},
      {&sources, "sources.tsv"},       {&status, "status.tsv"},             {&relations, "relations.tsv"},
      {&stances, "stances.tsv"},       {&channels, "channels.tsv"},         {&sites, "sites.tsv"},
      {&pronouns, "pronouns.tsv"},     {&clause, "clause.tsv"},             {&freshness, "freshness.tsv"},
      {&type_cues, "type_cues.tsv"},   {&reference_frames, "reference_frames.tsv"},
      {&event_names, "event_names.tsv"}};
  for (const auto& [table, name] : tables) KRONIEK_RETURN_IF_ERROR(table->Load(dir + "/" + name));
  KRONIEK_RETURN_IF_ERROR(confidence.Load(dir + "/confidence.tsv"));

  KRONIEK_RETURN_IF_ERROR(IndexClauseClasses(dir + "/clause.tsv"));
  KRONIEK_RETURN_IF_ERROR(LoadShapes(dir + "/noun_shapes.tsv"));
  ResourceFile mods, types, generics, kinds;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/trigger_modifiers.tsv", 2, &mods));
  for (const auto& r : mods.rows) trigger_modifiers[r.fields[0]] = r.fields[1];
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(kb_dir + "/event_types.tsv", 2, &types));
  for (const auto& r : types.rows) {
    EventTypeInfo info;
    info.cls = r.fields[1];
    auto has = [&](const char* option) { return std::find(r.fields.begin() + 2, r.fields.end(), option) != r.fields.end(); };
    info.attack = has("attack");
    info.ongoing = has("ongoing");
    info.vague = has("vague");
    info.follows = has("follows");
    for (size_t k = 2; k < r.fields.size(); ++k)
      if (r.fields[k].rfind("refines=", 0) == 0) info.refines = SplitBar(r.fields[k].substr(8));
      else if (r.fields[k].rfind("widespread=", 0) == 0) info.widespread_km = std::stod(r.fields[k].substr(11));
    event_types[r.fields[0]] = info;
  }
  for (const auto& [type, info] : event_types)
    for (const auto& general : info.refines)
      if (!event_types.count(general)) return Status::Error(types.path + ": " + type + " refines unknown type '" + general + "'");
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(kb_dir + "/generic_types.tsv", 2, &generics));
  for (const auto& r : generics.rows) {
    // "attack+explosion<TAB>bombing": kinds told together; "attack<TAB>…": the default;
    // "attack@abroad<TAB>…": the default when a state did it abroad; "attack@military<TAB>…": when
    // its victims serve in armed forces.
    const size_t at = r.fields[0].find('@');
    if (at != std::string::npos) {
      const std::string kind = r.fields[0].substr(0, at), when = r.fields[0].substr(at + 1);
      if ((when != "abroad" && when != "military") || !event_types.count(kind) || !event_types.count(r.fields[1]))
        return Status::Error(generics.path + ":" + std::to_string(r.line) + ": unknown event type or condition");
      if (when == "military" && r.fields.size() < 3)
        return Status::Error(generics.path + ":" + std::to_string(r.line) + ": kind@military names its victims' groups");
      if (when == "abroad") {
        event_types[kind].abroad_type = r.fields[1];
      } else {
        event_types[kind].military_victims_type = r.fields[1];
        event_types[kind].military_groups = SplitBar(r.fields[2]);
      }
      continue;
    }
    std::vector<std::string> kinds = SplitPlus(r.fields[0]);
    bool known = event_types.count(r.fields[1]) > 0;
    for (const auto& k : kinds) known = known && event_types.count(k) > 0;
    if (!known) return Status::Error(generics.path + ":" + std::to_string(r.line) + ": unknown event type");
    if (kinds.size() == 1) event_types[kinds[0]].default_type = r.fields[1];
    else generic_combinations.push_back({std::set<std::string>(kinds.begin(), kinds.end()), r.fields[1]});
  }
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(kb_dir + "/figure_kinds.tsv", 3, &kinds));
  for (const auto& r : kinds.rows) {
    FigureKindInfo info{SplitBar(r.fields[1]), r.fields[2]};
    for (const auto& option : r.fields.size() > 3 ? SplitBar(r.fields[3]) : std::vector<std::string>()) {
      if (option == "own") info.own = true;
      else if (option == "one_by_number") info.one_by_number = true;
      else if (option == "toll") info.toll = true;
      else return Status::Error(kinds.path + ":" + std::to_string(r.line) + ": unknown option '" + option + "'");
    }
    figure_kinds[r.fields[0]] = info;
  }

  for (const auto& row : sites.rows())
    if (row.options.count("military")) military_sites.insert(row.value);
  // Every type a trigger or modifier names must be known.
  for (const auto& row : triggers.rows())
    if (!event_types.count(row.value)) return Status::Error(dir + "/triggers.tsv: unknown event type '" + row.value + "'");
  for (const auto& row : type_cues.rows())
    if (!event_types.count(row.value)) return Status::Error(dir + "/type_cues.tsv: unknown event type '" + row.value + "'");
  for (const auto& row : event_names.rows()) {
    for (const auto& type : SplitBar(row.value))
      if (!event_types.count(type)) return Status::Error(dir + "/event_names.tsv: unknown event type '" + type + "'");
    auto shape = row.options.find("shape");
    if (shape == row.options.end() || (shape->second != "name" && shape->second != "code"))
      return Status::Error(dir + "/event_names.tsv: a row without shape=name or shape=code");
  }
  for (const auto& [mod, type] : trigger_modifiers)
    if (type != "none" && !event_types.count(type)) return Status::Error(dir + "/trigger_modifiers.tsv: unknown event type '" + type + "'");
  return Status();
}

const std::string& ExtractLexicon::ClassOf(const std::string& type) const {
  static const std::string kNone;
  auto it = event_types.find(type);
  return it == event_types.end() ? kNone : it->second.cls;
}

const EventTypeInfo& ExtractLexicon::TypeInfo(const std::string& type) const {
  static const EventTypeInfo kUnknown;
  auto it = event_types.find(type);
  return it == event_types.end() ? kUnknown : it->second;
}

std::optional<double> ExtractLexicon::WidespreadKm(const std::string& type) const {
  auto it = event_types.find(type);
  return it == event_types.end() ? std::nullopt : it->second.widespread_km;
}

bool ExtractLexicon::Refines(const std::string& general, const std::string& specific) const {
  auto it = event_types.find(specific);
  return it != event_types.end() && std::find(it->second.refines.begin(), it->second.refines.end(), general) != it->second.refines.end();
}

bool ExtractLexicon::IsGeneric(const std::string& type) const {
  auto it = event_types.find(type);
  return it != event_types.end() && !it->second.default_type.empty();
}

bool ExtractLexicon::KindFits(const std::string& kind, const std::string& type) const {
  auto it = figure_kinds.find(kind);
  if (it == figure_kinds.end()) return false;
  // The classes a kind attaches to, or single types of another class ("protest").
  const auto& fits = it->second.classes;
  return std::find(fits.begin(), fits.end(), ClassOf(type)) != fits.end() ||
         std::find(fits.begin(), fits.end(), type) != fits.end();
}

bool ExtractLexicon::IsToll(const std::string& kind) const {
  auto it = figure_kinds.find(kind);
  return it != figure_kinds.end() && it->second.toll;
}

bool ExtractLexicon::OneByNumberOnly(const std::string& kind) const {
  auto it = figure_kinds.find(kind);
  return it != figure_kinds.end() && it->second.one_by_number;
}

std::string ExtractLexicon::OwnEventOf(const std::string& kind) const {
  auto it = figure_kinds.find(kind);
  return it != figure_kinds.end() && it->second.own ? it->second.default_event : std::string();
}

bool ExtractLexicon::LooksPlural(const std::string& w) const {
  auto ends = [&](const std::string& e) { return w.size() > e.size() && w.compare(w.size() - e.size(), e.size(), e) == 0; };
  auto starts = [&](const std::string& p) { return w.rfind(p, 0) == 0; };
  if (std::none_of(plural_endings.begin(), plural_endings.end(), ends)) return false;
  // (A participle prefix marks a verb form only with a participle's ending: 'omgekomen', not 'generaals'.)
  return std::none_of(participle_endings.begin(), participle_endings.end(), ends) ||
         std::none_of(participle_prefixes.begin(), participle_prefixes.end(), starts);
}

bool ExtractLexicon::LooksParticiple(const std::string& w) const {
  constexpr size_t kParticleLetters = 5;  // a separable particle before the prefix: "neer", "terug"
  auto ends = [&](const std::string& e) { return w.size() > e.size() && w.compare(w.size() - e.size(), e.size(), e) == 0; };
  const bool prefixed = std::any_of(participle_prefixes.begin(), participle_prefixes.end(), [&](const std::string& p) {
    const size_t at = w.find(p);
    return at != std::string::npos && at <= kParticleLetters && at + p.size() + 2 < w.size();
  });
  return prefixed && std::any_of(participle_endings.begin(), participle_endings.end(), ends);
}

bool ExtractLexicon::LooksAdjective(const std::string& w) const {
  auto ends = [&](const std::string& e) { return w.size() > e.size() + 2 && w.compare(w.size() - e.size(), e.size(), e) == 0; };
  return std::any_of(adjective_endings.begin(), adjective_endings.end(), ends);
}

bool ExtractLexicon::ClauseIs(const std::string& lower, const std::string& cls) const {
  auto it = clause_word_classes.find(lower);
  return it != clause_word_classes.end() && std::find(it->second.begin(), it->second.end(), cls) != it->second.end();
}

}  // namespace kroniek
