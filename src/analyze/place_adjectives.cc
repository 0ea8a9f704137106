// PlaceIndex: places named by an adjective ("het Franse Nantes", "de Volendamse", "de Turkse mijn").
#include "analyze/place_index.h"

#include <algorithm>

namespace kroniek {

PlaceIndex::Cue PlaceIndex::CueBeforeAdjective(const std::vector<Token>& tokens, int i, int first,
                                               const std::vector<Entity>& entities, std::string* country) const {
  // 'het Griekse eiland Lesbos', 'de Franse stad Nice': the country's adjective before a place noun.
  if (i - 3 >= first && determiners_.count(tokens[i - 3].lower) && tokens[i - 2].capitalized) {
    auto adjective = demonyms_.find(tokens[i - 2].lower);
    auto noun = cues_by_last_.find(tokens[i - 1].lower);
    if (adjective != demonyms_.end() && noun != cues_by_last_.end())
      for (const CuePhrase& p : noun->second)
        if (p.words.size() == 1 && p.cue != Cue::kAny) {
          *country = adjective->second;
          return p.cue;
        }
  }
  if (i - 2 <= first || !determiners_.count(tokens[i - 2].lower)) return Cue::kNone;
  auto it = demonyms_.find(tokens[i - 1].lower);
  // 'in het Oost-Duitse Halle': a part of the country named before its adjective.
  for (const auto& prefix : compass_prefixes_)
    if (it == demonyms_.end() && tokens[i - 1].lower.rfind(prefix, 0) == 0)
      it = demonyms_.find(tokens[i - 1].lower.substr(prefix.size()));
  if (it == demonyms_.end()) {
    // 'in het Limburgse Maasmechelen', 'in het Londense Croydon': an adjective of a
    // region or city (capitalised, with an ending place_cues.tsv lists) names no country.
    const Token& adj = tokens[i - 1];
    const bool regional = adj.kind == TokenKind::kWord && adj.capitalized && adj.lower.size() >= kMinRegionalAdjective &&
                          std::any_of(adjective_endings_.begin(), adjective_endings_.end(), [&](const std::string& end) {
                            return adj.lower.size() > end.size() &&
                                   adj.lower.compare(adj.lower.size() - end.size(), end.size(), end) == 0;
                          });
    return regional ? CueBefore(tokens, i - 2, first, entities) : Cue::kNone;
  }
  const Cue cue = CueBefore(tokens, i - 2, first, entities);
  if (cue != Cue::kNone) *country = it->second;
  return cue;
}

bool PlaceIndex::TownOfAdjective(const std::vector<Token>& tokens, int i, int first, int last,
                                 const std::vector<std::string>& countries, const KnowledgeBase& kb,
                                 Entity* out) const {
  const Token& adj = tokens[i];
  if (i - 1 < first || i + 1 >= last || !determiners_.count(tokens[i - 1].lower)) return false;
  if (adj.kind != TokenKind::kWord || !adj.capitalized || adj.lower.size() < kMinRegionalAdjective ||
      demonyms_.count(adj.lower))
    return false;
  if (tokens[i + 1].kind != TokenKind::kWord || tokens[i + 1].capitalized) return false;  // a common noun after it
  // ("de Limburgse gemeente Heerlen": the region of the town named after the noun.)
  if (i + 2 < last && tokens[i + 2].kind == TokenKind::kWord && tokens[i + 2].capitalized) return false;
  for (const auto& ending : adjective_endings_) {
    if (adj.lower.size() <= ending.size() || adj.lower.compare(adj.lower.size() - ending.size(), ending.size(), ending))
      continue;
    const std::string stem = adj.lower.substr(0, adj.lower.size() - ending.size());
    std::vector<std::string> names = {stem};
    for (const auto& back : town_name_endings_) names.push_back(stem + back);
    for (const std::string& name : names) {
      Place p;
      if (!PlaceNamed(name, countries, &p)) continue;
      if (p.population < (home_countries_.count(std::string(p.country)) ? kMinPopulationHome : kMinPopulationAbroad))
        continue;
      *out = EntityOf(p, tokens, i, i + 1);
      if (!p.region) Curate(kb, out);  // ("de Brusselse politie": the Brussels "in Brussel" names)
      return true;
    }
  }
  return false;
}

bool PlaceIndex::CountrySite(const std::vector<Token>& tokens, int i, int first, int last, const KnowledgeBase& kb,
                             Entity* out) const {
  if (i - 2 < first || !determiners_.count(tokens[i - 2].lower) || !country_sites_.count(tokens[i].lower)) return false;
  auto adjective = demonyms_.find(tokens[i - 1].lower);
  if (adjective == demonyms_.end() || !tokens[i - 1].capitalized) return false;
  auto capitalized = [&](int k) { return k < last && tokens[k].kind == TokenKind::kWord && tokens[k].capitalized; };
  // Not when the site's own place is named ('de Turkse mijn Soma', 'een Amerikaanse school in Kabul').
  if (capitalized(i + 1)) return false;
  auto next = i + 1 < last ? cues_by_last_.find(tokens[i + 1].lower) : cues_by_last_.end();
  const bool locative = next != cues_by_last_.end() &&
                        std::any_of(next->second.begin(), next->second.end(),
                                    [](const CuePhrase& p) { return p.words.size() == 1 && p.cue == Cue::kAny; });
  if (locative && (capitalized(i + 2) || capitalized(i + 3))) return false;
  const KbEntry* country = kb.Country(adjective->second);
  if (!country) return false;
  *out = CountryNamedBy(*country, tokens, i - 1);
  return true;
}

void PlaceIndex::AdjectiveCountries(const std::vector<Token>& tokens, int first, int last,
                                    const std::vector<Entity>& entities, std::vector<std::string>* countries,
                                    std::vector<std::string>* admitted) const {
  for (int i = first; i < last; ++i) {
    if (tokens[i].kind != TokenKind::kWord || !tokens[i].capitalized) continue;
    std::string country;
    // (First: an adjective pins its place's country, "het Oost-Duitse Halle", for the
    // article's other mentions of that name too.)
    if (CueBeforeAdjective(tokens, i, first, entities, &country) == Cue::kNone) continue;
    // (Ahead of a country the article names before: "Brussel … het Oost-Duitse Halle … in Halle".)
    countries->erase(std::remove(countries->begin(), countries->end(), country), countries->end());
    countries->insert(countries->begin(), country);
  }
  for (int i = first; i < last; ++i) {
    auto it = tokens[i].capitalized ? demonyms_.find(tokens[i].lower) : demonyms_.end();
    if (it != demonyms_.end() && std::find(admitted->begin(), admitted->end(), it->second) == admitted->end())
      admitted->push_back(it->second);
  }
}

}  // namespace kroniek
