// Places beyond the curated knowledge base: the cities and first-order regions
// of GeoNames (resources/kb/geonames.tsv, built from npm packages by
// tools/gen_geonames.py). 175,000 places share their names with people,
// companies and Dutch words ('Bergen', 'Ford', 'Mons'), so a name counts only
// where the sentence says a place follows: after a locative preposition or a
// place noun ('in Pokhara', 'de provincie Kunar', 'ten noorden van Marseille'),
// or coordinated with such a place ('in Gent en Kortrijk'). Among places of
// one name, one in a country the article already names wins, then the most
// populous; a region noun ('provincie') picks a region. After a preposition,
// outside the article's countries and the language's home countries, only
// places of 100,000 people or more count ('bij Mercedes' is not the
// Argentine town).
//
// Data: resources/kb/geonames.tsv, geonames_names.tsv (generated),
//       resources/<lang>/place_cues.tsv, home_countries.tsv, function_words.tsv.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "language/knowledge_base.h"
#include "core/analysis.h"
#include "core/document.h"
#include "core/mapped_file.h"
#include "core/status.h"

namespace kroniek {

class PlaceIndex {
 public:
  // Maps kb_dir/geonames.tsv and kb_dir/geonames_names.tsv (built by
  // tools/gen_geonames.py; searched in place, not parsed) and loads
  // lang_dir/place_cues.tsv and function_words.tsv.
  Status Load(const std::string& kb_dir, const std::string& lang_dir);
  // "oost-", "zuid-": before a country's name or adjective, a part of it ("Zuid-Italië").
  const std::vector<std::string>& compass_prefixes() const { return compass_prefixes_; }
  // "amerika": after a compass prefix a continent, not the country the name alone stands for.
  const std::vector<std::string>& compass_continents() const { return compass_continents_; }

  // Adds places in tokens [first, last) that no entity in `entities` covers.
  // `countries`: ISO codes the article names, in order of mention (a place there wins
  // over its namesakes); `admitted`: those it names at all, adjectives too ('de Britse
  // politie'), whose towns too small to be found abroad otherwise are found.
  // `datelines`: sorted indices of tokens that open a dateline ("SKOPJE (ANP) -"),
  // where a city's name needs no cue before it. `recurring`: names (lower case) the
  // article writes more than once after a place cue; a town abroad of such a name counts
  // from 10,000 people ("in Ballymena … in Ballymena"). A country's capital described by
  // its adjective ("de Somalische hoofdstad") is that city, under the curated id of
  // `kb` when the curated knowledge base has it.
  void Find(const std::vector<Token>& tokens, int first, int last, const std::vector<std::string>& countries,
            const std::vector<std::string>& admitted, const std::vector<int>& datelines,
            const std::unordered_set<std::string>& recurring, const KnowledgeBase& kb,
            std::vector<Entity>* entities) const;

  // Names a region's noun opens that the curated knowledge base knows as a city ("in de staat
  // New York"): the region of that name in the city's country, when GeoNames has one.
  void RegionsAfterTheirNoun(const std::vector<Token>& tokens, const std::vector<Sentence>& sentences,
                             std::vector<Entity>* entities) const;

  // Drops the cities and countries that are part of a longer name: right after a
  // capitalised word inside a sentence that is no name, function word or adjective of its
  // own ("Maccabi Tel Aviv", "Real Madrid", "Air India"; not "het Limburgse Maasmechelen"),
  // and countries right before one ("Azerbaijan Airlines").
  void DropPlacesInsideNames(const std::vector<Token>& tokens, const std::vector<Sentence>& sentences,
                             std::vector<Entity>* entities) const;

  // The capitalised words (lower case) in [first, last) right after a place cue, once per time written.
  std::vector<std::string> NamesAfterCues(const std::vector<Token>& tokens, int first, int last) const;

  // Adds to `countries` those tokens [first, last) name with an adjective before
  // a place ('in het Duitse Hanau': DE), so that the article's other mentions
  // of that place are found too; to `admitted` those any adjective names.
  void AdjectiveCountries(const std::vector<Token>& tokens, int first, int last, const std::vector<Entity>& entities,
                          std::vector<std::string>* countries, std::vector<std::string>* admitted) const;


 private:
  static constexpr long kMinPopulationAbroad = 100000;
  static constexpr long kMinPopulationHome = 5000;  // a town of the home countries named by its adjective ('Volendamse')
  static constexpr size_t kMinRegionalAdjective = 6;  // "Haagse", "Limburgse"
  struct Place {  // one line of geonames.tsv, parsed when a name matches
    std::string_view id, name, country;
    double lat = 0, lon = 0;
    long population = 0;
    bool region = false;
    std::string_view within;  // a city's first-order region id, or empty
  };
  enum class Cue { kNone, kAny, kCity, kRegion, kDistrict };
  using LatLon = std::pair<double, double>;
  struct CuePhrase {
    std::vector<std::string> words;  // lower-case; the place follows the last
    Cue cue = Cue::kAny;
  };
  Cue CueBefore(const std::vector<Token>& tokens, int i, int first, const std::vector<Entity>& entities) const;
  // 'in het Franse Nantes': the cue before a determiner and a country's
  // adjective, and that country (*country).
  Cue CueBeforeAdjective(const std::vector<Token>& tokens, int i, int first, const std::vector<Entity>& entities,
                         std::string* country) const;
  // Whether `p` lies in or beside one of the cities `near`.
  static bool NearAny(const Place& p, const std::vector<LatLon>& near);
  // Whether tokens [i, i + words) are capitalised as a place's name.
  static bool CasedAsName(const std::vector<Token>& tokens, int i, int words, std::string_view name);
  // The best place of the names matching at token i; sets *end.
  // `near`: the located cities the article names, for a part of a city ('de wijk Neudorf');
  // `within`: a region the place must be or lie in ('Butler, Pennsylvania' name each other).
  bool Match(const std::vector<Token>& tokens, int i, int last, Cue cue, const std::vector<std::string>& countries,
             const std::vector<std::string>& admitted, const std::vector<LatLon>& near, bool recurring,
             std::string_view within, Place* place, int* end) const;
  // The id of the first-order region named right after the name at token i ('in Butler,
  // Pennsylvania', 'in Lewiston in de staat Maine'), or empty.
  std::string_view RegionAfter(const std::vector<Token>& tokens, int i, int last) const;

  // "de Somalische hoofdstad" at the capital noun `i`: the capital as an entity.
  bool CapitalDescribed(const std::vector<Token>& tokens, int i, int first, int last, const KnowledgeBase& kb,
                        Entity* out) const;
  // "een Turkse kolenmijn" at the site noun `i`, with no place of its own named: its country.
  bool CountrySite(const std::vector<Token>& tokens, int i, int first, int last, const KnowledgeBase& kb,
                   Entity* out) const;
  // "in het Volendamse café", "de Rotterdamse haven" at the adjective `i`, before a common
  // noun: the town it is the adjective of (the adjective less its ending, or that and a
  // town-name ending of place_cues.tsv: "Antwerpse"), a town of the home countries or one as
  // large as a place found abroad.
  // A GeoNames city that is a curated one (kb/places.tsv, within kSameCityKm) takes its entry.
  static void Curate(const KnowledgeBase& kb, Entity* e);
  bool TownOfAdjective(const std::vector<Token>& tokens, int i, int first, int last,
                       const std::vector<std::string>& countries, const KnowledgeBase& kb, Entity* out) const;
  // The place of exactly this name (lower case), in a country of `countries` first, then
  // the most populous; false when none.
  bool PlaceNamed(std::string_view name, const std::vector<std::string>& countries, Place* out) const;
  // The place a line of geonames_names.tsv points to; false for a malformed line.
  bool PlaceOfLine(std::string_view line, Place* out) const;
  // The entity of place p over tokens [first, end).
  static Entity EntityOf(const Place& p, const std::vector<Token>& tokens, int first, int end);
  // The entity of a country, over the name at token i of a place in it the gazetteer lacks.
  static Entity CountryNamedBy(const KbEntry& country, const std::vector<Token>& tokens, int i);
  // Adds e to `entities`, kept in order of their first token.
  static void InsertInOrder(const Entity& e, std::vector<Entity>* entities);
  // The place at a byte offset of geonames.tsv; false for a malformed line.
  bool PlaceAt(size_t offset, Place* out) const;
  // Offset of the first line of geonames_names.tsv whose key is not below `word`.
  size_t FirstKeyNotBelow(std::string_view word) const;

  MappedFile places_file_, names_file_;
  size_t names_begin_ = 0;  // first data line of geonames_names.tsv
  std::unordered_set<std::string> function_words_;  // never start a place name ('Een', 'De')
  std::unordered_map<std::string, std::vector<CuePhrase>> cues_by_last_;  // last word -> phrases, longest first
  std::unordered_set<std::string> coordinators_;                          // 'en', 'of'
  std::unordered_set<std::string> capital_nouns_;                         // 'hoofdstad'
  std::unordered_set<std::string> country_sites_;                         // 'kolenmijn' ('een Turkse kolenmijn')
  std::vector<std::string> adjective_endings_;  // 'Limburgse': an adjective of a region or city
  std::vector<std::string> town_name_endings_;  // what a town's name may keep that its adjective drops
  std::vector<std::string> compass_prefixes_;   // "oost-" in "Oost-Duitse"
  std::vector<std::string> compass_continents_;  // "amerika" in "Zuid-Amerika"
  std::unordered_set<std::string> determiners_;                           // 'het', 'de' ('in het Franse Nantes')
  std::unordered_map<std::string, std::string> demonyms_;                 // 'franse' -> FR
  std::unordered_set<std::string> home_countries_;                        // ISO codes
};

}  // namespace kroniek
