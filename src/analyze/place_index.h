// Places beyond the curated knowledge base: the cities and first-order regions
// of GeoNames (resources/kb/geonames.tsv, built from npm packages by
// tools/gen_geonames.py). 175,000 places share their names with people,
// companies and Dutch words ('Bergen', 'Ford', 'Mons'), so a name counts only
// where the sentence says a place follows: after a locative preposition or a
// place noun ('in Pokhara', 'de provincie Kunar', 'ten noorden van Marseille'),
// or coordinated with such a place ('in Gent en Kortrijk'). Among places of
// one name, one in a country the article already names wins, then the most
// populous; a region noun ('provincie') picks a region.
//
// Data: resources/kb/geonames.tsv, resources/<lang>/place_cues.tsv and
//       function_words.tsv.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace kroniek {

class PlaceIndex {
 public:
  // Loads the places and <lang_dir>/place_cues.tsv; names that start with a
  // function word of the language ('Een', 'De') are left out.
  Status Load(const std::string& geonames_path, const std::string& lang_dir);

  // Adds places in tokens [first, last) that no entity in `entities` covers.
  // `countries`: ISO codes the article names, in order of mention.
  void Find(const std::vector<Token>& tokens, int first, int last,
            const std::vector<std::string>& countries, std::vector<Entity>* entities) const;

  size_t size() const { return places_.size(); }

 private:
  struct Place {
    std::string id, name, country;
    double lat = 0, lon = 0;
    long population = 0;
    bool region = false;
  };
  struct Name {
    std::vector<std::string> words;  // lower-case
    int place = 0;
  };
  enum class Cue { kNone, kAny, kCity, kRegion };
  struct CuePhrase {
    std::vector<std::string> words;  // lower-case; the place follows the last
    Cue cue = Cue::kAny;
  };
  Cue CueBefore(const std::vector<Token>& tokens, int i, int first, const std::vector<Entity>& entities) const;
  // The best place of the names matching at token i; sets *end.
  const Place* Match(const std::vector<Token>& tokens, int i, int last, Cue cue,
                     const std::vector<std::string>& countries, int* end) const;

  std::vector<Place> places_;
  std::unordered_map<std::string, std::vector<Name>> by_first_;  // first word -> names, longest first
  std::unordered_map<std::string, std::vector<CuePhrase>> cues_by_last_;  // last word -> phrases, longest first
  std::unordered_set<std::string> coordinators_;                          // 'en', 'of'
};

}  // namespace kroniek
