// PlaceIndex: a name after a region's noun is the region ("in de staat New York").
#include "analyze/place_index.h"

namespace kroniek {

void PlaceIndex::RegionsAfterTheirNoun(const std::vector<Token>& tokens, const std::vector<Sentence>& sentences,
                                       std::vector<Entity>* entities) const {
  for (Entity& e : *entities) {
    if (e.type != EntityType::kPlace || e.id == e.country || e.first == 0) continue;
    const int first = sentences[tokens[e.first].sentence].first;
    if (CueBefore(tokens, e.first, first, *entities) != Cue::kRegion) continue;
    Place region;
    int end = 0;
    if (!Match(tokens, e.first, e.last, Cue::kRegion, {e.country}, {}, {}, false, {}, &region, &end) ||
        !region.region || end != e.last || region.country != e.country)
      continue;
    e = EntityOf(region, tokens, e.first, end);
  }
}

}  // namespace kroniek
