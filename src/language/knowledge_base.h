// The knowledge base: actors and places with ids, types, parents, countries and
// coordinates (resources/kb/), plus the names one language gives them
// (resources/<lang>/names.tsv). Immutable after Load.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/analysis.h"
#include "core/document.h"
#include "core/status.h"

namespace kroniek {

struct KbEntry {
  std::string id;       // stable id ('iskp', 'kabul', 'AF')
  std::string name;     // canonical English name
  EntityType type = EntityType::kPlace;
  std::string parent;   // parent id, or empty
  std::string country;  // ISO 3166-1 alpha-2, or empty
  std::optional<double> lat, lon;
};

struct KbName {
  std::string surface;  // as written in the data file
  std::string id;       // the entry it names
  bool plural = false;  // grammatical number in this language
};

class KnowledgeBase {
 public:
  // Loads kb/actors.tsv, kb/countries.tsv and kb/places.tsv under
  // resources_dir and <lang>/country_names.tsv and <lang>/names.tsv; every
  // name must refer to a known id.
  Status Load(const std::string& resources_dir, const std::string& lang);

  const KbEntry* Find(const std::string& id) const;
  // The country entry (type kCountry) for an ISO code.
  const KbEntry* Country(const std::string& iso) const;
  // Children of `parent` active in `country` ("the local branch of IS" in AF).
  const KbEntry* ChildIn(const std::string& parent, const std::string& country) const;
  // The curated city of `country` nearest to (lat, lon) within `km`, or null.
  const KbEntry* CityNear(const std::string& country, double lat, double lon, double km) const;
  // The state actor of an ISO country ("RU" -> "ru"), or null.
  const KbEntry* StateOf(const std::string& iso) const;
  const std::vector<KbName>& names() const { return names_; }

 private:
  void AddMissingStates();
  std::unordered_map<std::string, KbEntry> entries_;
  std::vector<KbName> names_;
};

}  // namespace kroniek
