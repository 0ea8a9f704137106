#include "language/knowledge_base.h"

#include "core/geo.h"
#include "core/resource_file.h"
#include "core/utf8.h"

namespace kroniek {

namespace {

std::optional<EntityType> TypeOf(const std::string& s) {
  static const std::unordered_map<std::string, EntityType> kTypes = {
      {"armed_group", EntityType::kArmedGroup}, {"state", EntityType::kState},
      {"military", EntityType::kMilitary},      {"government", EntityType::kGovernment},
      {"agency", EntityType::kAgency},          {"igo", EntityType::kOrganisation},
      {"ngo", EntityType::kOrganisation},       {"media", EntityType::kOrganisation},
      {"country", EntityType::kCountry},        {"region", EntityType::kPlace},
      {"city", EntityType::kPlace}};
  auto it = kTypes.find(s);
  if (it == kTypes.end()) return std::nullopt;
  return it->second;
}

std::string Field(const ResourceFile::Row& row, size_t k) {
  return k < row.fields.size() && row.fields[k] != "-" ? row.fields[k] : "";
}

}  // namespace

Status KnowledgeBase::Load(const std::string& dir, const std::string& lang) {
  // actors: id type parent country name aliases
  ResourceFile actors, countries, places, names, country_names;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/kb/actors.tsv", 5, &actors));
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/kb/countries.tsv", 6, &countries));
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/kb/places.tsv", 6, &places));
  auto add = [&](const ResourceFile& f, const ResourceFile::Row& row, KbEntry e, const std::string& aliases) {
    auto type = TypeOf(row.fields[1]);
    if (!type) return Status::Error(f.path + ":" + std::to_string(row.line) + ": unknown type '" + row.fields[1] + "'");
    e.type = *type;
    if (entries_.count(e.id)) return Status::Error(f.path + ":" + std::to_string(row.line) + ": duplicate id '" + e.id + "'");
    // A state's own name is its country's name: the place entry carries it.
    if (e.type != EntityType::kState) names_.push_back({e.name, e.id, false});
    for (const auto& alias : SplitBar(aliases))
      if (alias != "-" && alias != e.name) names_.push_back({alias, e.id, false});
    entries_[e.id] = std::move(e);
    return Status();
  };
  for (const auto& row : actors.rows) {
    KbEntry e;
    e.id = row.fields[0];
    e.name = row.fields[4];
    e.parent = Field(row, 2);
    e.country = Field(row, 3);
    KRONIEK_RETURN_IF_ERROR(add(actors, row, std::move(e), Field(row, 5)));
  }
  // countries and places: id type country lat lon name aliases ("-" for unknown coordinates)
  for (const ResourceFile* f : {&countries, &places}) {
    for (const auto& row : f->rows) {
      KbEntry e;
      e.id = row.fields[0];
      e.name = row.fields[5];
      e.country = Field(row, 2);
      if (row.fields[3] != "-") {
        try {
          e.lat = std::stod(row.fields[3]);
          e.lon = std::stod(row.fields[4]);
        } catch (...) {
          return Status::Error(f->path + ":" + std::to_string(row.line) + ": bad coordinates");
        }
      }
      if (row.fields[1] != "country") e.parent = e.country;
      KRONIEK_RETURN_IF_ERROR(add(*f, row, std::move(e), Field(row, 6)));
    }
  }
  AddMissingStates();
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/" + lang + "/country_names.tsv", 2, &country_names));
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/" + lang + "/names.tsv", 2, &names));
  for (const ResourceFile* f : {&country_names, &names}) {
    for (const auto& row : f->rows) {
      if (!entries_.count(row.fields[0]))
        return Status::Error(f->path + ":" + std::to_string(row.line) + ": unknown id '" + row.fields[0] + "'");
      names_.push_back({row.fields[1], row.fields[0], Field(row, 2) == "pl"});
    }
  }
  return Status();
}

void KnowledgeBase::AddMissingStates() {
  // Every country is also a state actor ("Rusland heeft … uitgevoerd"): the
  // lower-case ISO code names it unless that id is taken ("is" = IS), then "state:XX".
  std::vector<KbEntry> states;
  for (const auto& [id, e] : entries_) {
    if (e.type != EntityType::kCountry || StateOf(e.country)) continue;
    KbEntry s;
    s.id = ToLower(e.country);
    s.name = e.name;
    if (entries_.count(s.id)) s.id = "state:" + e.country;
    s.type = EntityType::kState;
    s.country = e.country;
    states.push_back(s);
  }
  for (auto& s : states) entries_[s.id] = std::move(s);
}

const KbEntry* KnowledgeBase::Find(const std::string& id) const {
  auto it = entries_.find(id);
  return it == entries_.end() ? nullptr : &it->second;
}

const KbEntry* KnowledgeBase::CityNear(const std::string& country, double lat, double lon, double km) const {
  const KbEntry* best = nullptr;
  double best_km = km;
  for (const auto& [id, e] : entries_) {
    if (e.type != EntityType::kPlace || e.country != country || !e.lat || !e.lon) continue;
    const double d = DistanceKm(lat, lon, *e.lat, *e.lon);
    if (d <= best_km) best = &e, best_km = d;
  }
  return best;
}

const KbEntry* KnowledgeBase::Country(const std::string& iso) const {
  const KbEntry* e = Find(iso);
  return e && e->type == EntityType::kCountry ? e : nullptr;
}

const KbEntry* KnowledgeBase::StateOf(const std::string& iso) const {
  for (const auto& [id, e] : entries_)
    if (e.type == EntityType::kState && e.country == iso) return &e;
  return nullptr;
}

const KbEntry* KnowledgeBase::ChildIn(const std::string& parent, const std::string& country) const {
  const KbEntry* best = nullptr;
  for (const auto& [id, e] : entries_)
    if (e.parent == parent && e.country == country && (!best || id < best->id)) best = &e;
  return best;
}

}  // namespace kroniek
