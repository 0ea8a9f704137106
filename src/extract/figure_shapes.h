// How a count in a sentence is shaped and what it counts: its noun, a ratio, an age,
// a difference, a range, a list; read by FindFigures (figures.cc) before it decides
// what figure a count is.
#pragma once

#include <string>
#include <vector>

#include "extract/context.h"

namespace kroniek {
namespace figure_shapes {

// The counted noun of a count and what it says (figure_words::ReadNoun).
struct CountNoun {
  int token = -1, from = 0;  // the noun, and where reading it began
  std::string group, kind, yields, singular, needs_event;
  bool countable = false, unknown = false, partitive = false;
};

enum class RangeRead { kNone, kRange, kMargin, kChange };

// "één op de vier agenten", "dertig procent van de 120 passagiers": a proportion.
bool IsRatio(const Context& ctx, const std::vector<Quantity>& quantities, size_t qi, const Sentence& s);

// "twee mannen (23 en 25)": bare ages in brackets right after a counted noun
// (not "(onder wie drie kinderen)" nor a breakdown "12 doden (8 mannen en 4 vrouwen)").
bool IsBracketedAge(const Context& ctx, const std::vector<Quantity>& quantities, size_t qi, const Sentence& s);

// "ruim 40 doden minder dan eerst gedacht": a difference, not a toll.
bool IsDifference(const Context& ctx, const Quantity& q, const Sentence& s);

// The next number bounds a figure's predicate, from quantity `next` on (a range's
// upper bound is its own); so does a semicolon. A sub-group "onder wie vier boeren"
// does not end its total's predicate, nor do ages ("twee mannen (23 en 25)") or counts
// of things ("twaalf bewoners uit drie panden werden geëvacueerd").
int PredicateStop(const Context& ctx, const std::vector<Quantity>& quantities, size_t qi, size_t next, const Quantity& q,
                  const Sentence& s);

// Reads the noun of count q (quantity qi): right after it, after a second number
// ("35 van de 41 raketten", which also moves *stop), or after "van de" ("twee van de
// kapers kwamen om": part of a group, counted by the verb).
CountNoun ReadCountNoun(const Context& ctx, const std::vector<Quantity>& quantities, size_t qi, const Quantity& q,
                        const Sentence& s, int* stop);

// Whether a hedge ("vermoedelijk") stands between token `from` (after a count and its noun)
// and the count's figure verb, in one clause: "47 skiërs aan boord zijn vermoedelijk omgekomen".
bool HedgeBeforeVerb(const Context& ctx, const Sentence& s, int from);

// Whether a verb of change stands in the comma-separated part of the sentence that holds token i.
bool ChangeInPart(const Context& ctx, const Sentence& s, int i);

// Whether a word of clause class `cls` stands in the comma-separated part of the sentence
// that holds token i, before token `before` (s.last: anywhere in it).
bool PartHas(const Context& ctx, const Sentence& s, int i, const std::string& cls, int before);

// A count right after "…, in <place>" or "… en in <place>" ("in Den Bosch 20").
bool CountAfterPlace(const Context& ctx, int first, int sentence_first);

// "Al Haouz (1293)": count q alone in brackets right after a place.
bool InBracketsAfterPlace(const Context& ctx, const Quantity& q, const Sentence& s);

// Whether count qi (noun at `noun`) is an item of a list of counts: "drie mannen en een
// vrouw", "Een Fransman, een Ier en twee Denen".
bool InCountList(const Context& ctx, const std::vector<Quantity>& quantities, size_t qi, int noun);

// Whether tokens [from, to) hold only list separators and single persons with their noun
// ("twee Britten, een Belg en drie Zweden": the gap between the first and the last count).
bool ListGap(const Context& ctx, const std::vector<Quantity>& quantities, int from, int to);

// 'tussen de 500.000 en één miljoen doden', '20 tot 30 doden': quantity qi and the
// next are one range, merged into *q. "nul tot 500.000" is a margin, not a report.
// (A qualifier "tot" may already sit in the upper number's phrase.)
RangeRead ReadRange(const Context& ctx, const std::vector<Quantity>& quantities, size_t qi, const Sentence& s, Quantity* q);

}  // namespace figure_shapes
}  // namespace kroniek
