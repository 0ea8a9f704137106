// Figure candidates among each other: which count a count is a part of, and what a
// relative clause after a counted group says of it (used by figures.cc).
#pragma once

#include <string>
#include <vector>

#include "extract/context.h"
#include "extract/figures.h"

namespace kroniek {
namespace figure_words {

// How a count stands to the counts told before it: a sub-group may open the next
// sentence ("Onder hen waren vier bemanningsleden") and may be coordinated ("… en elf
// buitenlanders", "32 Kenianen, 18 Canadezen en 5 Duitsers").
struct SubgroupReading {
  const FigureCandidate* parent = nullptr;       // the total it is part of, or null
  bool coordinated = false;                      // a further item of a list of sub-groups
  bool opens_sentence = false;                   // among the first words of its sentence
  const PhraseTable::Row* naming_cue = nullptr;  // a cue that names its total ("onder de doden waren")
  std::string uncounted_kind;  // the kind of an uncounted whole it is part of ("talloze gewonden, onder wie 25 agenten")
};

// How count q (its kind so far `kind`) stands to the candidates found before it, `out`.
SubgroupReading ReadSubgroup(const Context& ctx, const std::vector<FigureCandidate>& out, const Quantity& q,
                             const Sentence& s, const std::string& kind);

// The predicate of the main clause after a relative clause opening at `relative` and
// closed by a comma ("die gewond raakten bij de aanslag, zijn overleden"), or "".
// The main clause ends before `stop` (the next count).
std::string MainPredicateAfterRelative(const Context& ctx, int relative, int stop);

// The predicate of the relative clause opened at `relative`, up to its comma ("twaalf
// verdachten die zondag werden opgepakt, zijn voorgeleid": arrested), or "".
std::string RelativeClauseKind(const Context& ctx, int relative, int stop);

// Whether the count q, with neither kind nor predicate of its own, breaks down the
// count of people told just before it in its sentence, set off by a comma or a colon
// ("vijf doden gevallen, twee kinderen en drie vrouwen"; "acht doden: drie kinderen …").
bool BreaksDown(const Context& ctx, const FigureCandidate* total, const Quantity& q, int si);

}  // namespace figure_words
}  // namespace kroniek
