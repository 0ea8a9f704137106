// Internal to the extract stage: how the words around a number are read for a
// figure (FindFigures' helpers): cues from figure_cues.tsv, the counted noun,
// the predicate that says what was counted, and readings that are no count
// (ages, questions, statistics). Data: resources/<lang>/figure_*.tsv.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "extract/context.h"
#include "extract/figures.h"

namespace kroniek {
namespace figure_words {

// An adjective between a number and its noun ("13 Amerikaanse militairen").
bool IsAdjectiveLike(const Context& ctx, const Token& t);
// Whether count q counts things (uncounted.tsv), after adjectives: "drie naastgelegen panden".
bool CountsThings(const Context& ctx, const Quantity& q, int last);

// Whether count q is a measure: a unit right after it (uncounted.tsv option unit: "99 procent").
bool IsMeasure(const Context& ctx, const Quantity& q);

// A plural noun no lexicon knows (noun_shapes.tsv, uncounted.tsv).
bool LooksLikeUnknownPlural(const Context& ctx, const Token& t);

// The candidate whose number stands at `token`, or nullptr.
const FigureCandidate* CandidateAt(const std::vector<FigureCandidate>& out, int token);

// How many fillers ("er ook") stand right before token i, after token `first`.
int FillersBefore(const Context& ctx, int i, int first);

// The cue class of the phrase that ends just before token i ("onder wie"),
// or before the fillers there ("onder de doden waren er ook").
// Returns the cue's row, or nullptr.
const PhraseTable::Row* CueRowBefore(const Context& ctx, int i, int first, const std::string& cls);

// Whether a cue phrase of class `cls` spans exactly tokens [from, to) ("van de in totaal").
bool CueFromTo(const Context& ctx, int from, int to, const std::string& cls);

// Whether sentence s opens with a cue of class `cls` that ends just before token i
// ("Onder de" before "14 doden …").
bool OpensWithCue(const Context& ctx, const Sentence& s, int i, const std::string& cls);

// Whether a cue of class `cls` ends just before token i (as CueRowBefore).
bool CueBefore(const Context& ctx, int i, int first, const std::string& cls);

// A sub-group cue that names its total ("onder de doden waren": kind=killed),
// or nullptr.
const PhraseTable::Row* NamingSubgroupCue(const Context& ctx, int i, int first);

// Whether a sub-group cue takes `total` as its total: one naming none takes
// any; "onder de slachtoffers" (kind=casualties covers=killed|injured) takes a
// count of dead or of injured, but not when that sentence gave both: it then
// speaks of them all.
bool CueTakesTotal(const PhraseTable::Row* cue, const FigureCandidate& total, const std::vector<FigureCandidate>& out);

// The cue class of a phrase starting at token i ("tot", "en", "op de").
bool CueAt(const Context& ctx, int i, int last, const std::string& cls, int* end);

// Tokens [from, to) are only list separators ("," and coordinators), at least one.
bool OnlySeparators(const Context& ctx, int from, int to);
// A comma, semicolon or colon among tokens [from, to): another clause begins.
bool ClauseBreakBetween(const Context& ctx, int from, int to);

// 'Hoeveel doden vielen er?' asserts nothing.
bool IsQuestion(const Context& ctx, const Sentence& s);

// A count over a period ("dit jaar al 300 doden") anywhere in the sentence,
// or a projection or fear before the number ("kan oplopen tot 5.000", "men
// vreest dat 20 mensen …"): not a report of an event's toll.
bool NotAReport(const Context& ctx, const Sentence& s, const Quantity& q);

// Whether sentence s tells counts over a past period ("vorig jaar … 500 verkeersdoden",
// "in 2022 … 21 ongelukken, waarbij 9 doden"): none of its counts is an event's toll.
bool CountOverPeriod(const Context& ctx, const Sentence& s);
// Whether a number counts the trigger starting at token `first` of s ("21 schietincidenten",
// "drie zware aanslagen").
bool Counted(const Context& ctx, const Sentence& s, int first);
// Whether sentence s counts over a period by a statistic cue ("elk jaar", "dit jaar al") or as above.
bool TellsStatistic(const Context& ctx, const Sentence& s);

// The kinds of harm to people (killed, injured) sentence s names with a casualty noun
// or a figure verb, counted or not ("Er zijn meerdere doden gevallen": killed).
std::set<std::string> HarmsTold(const Context& ctx, const Sentence& s);

// Casualty nouns without a number ("er vielen ook burgerslachtoffers"), added to *found.
void FindBareCasualties(const Context& ctx, const Extraction& x, std::vector<FigureCandidate>* found);
// Zero counts of a second harm coordinated with a zero count ("geen doden of gewonden").
void FindZerosOfEither(const Context& ctx, std::vector<FigureCandidate>* found);

// How fresh each figure is: the freshness cue of its sentence.
void MarkFreshness(const Context& ctx, std::vector<FigureCandidate>* found);

// Who says what token `token` tells: a quote's speaker, else the sentence's sources.
std::vector<Source> SourcesOf(const Context& ctx, const Extraction& x, int token);

// Where the predicate of a list of counts starting with quantity qi may end: at the
// first count after the list's last item ("32 Kenianen, 18 Canadezen en 5 Duitsers"),
// or at a semicolon.
int ListPredicateEnd(const Context& ctx, const std::vector<Quantity>& quantities, size_t qi, const Sentence& s);

// Whether an opening bracket between tokens `from` and `at` is still open at `at`.
bool InBrackets(const Context& ctx, int from, int at);

// Whether tokens [from, at) after an opening bracket hold only numbers, commas and "en"
// (ages: "(16, 17 en 19)").
bool OnlyNumbersInBrackets(const Context& ctx, int from, int at);

// Reads the counted noun after a number: returns its token or -1, and the
// group and kind it gives; `yields`, the verb kinds that override that kind
// ("twee gewonden zijn bezweken": killed).
int ReadNoun(const Context& ctx, int i, int last, std::string* group, std::string* kind, bool* countable,
             std::string* yields, std::string* singular, std::string* needs_event, bool* unknown);

// "verwondde er nog acht": the fillers before the number mark a count whose
// noun is left out.
bool Elliptic(const Context& ctx, int i, int first);

// "een vrouw van 81", "twee mannen van 25 en 31 jaar": an age, not a count
// (it neither counts nor ends the predicate of the count before it).
bool IsAge(const Context& ctx, const Quantity& q, const Sentence& s);

// A cue of class `cls` anywhere in sentence s.
bool CueInSentence(const Context& ctx, const Sentence& s, const std::string& cls);

// `stop`, or one past a semicolon before it: a number's predicate never lies
// in the next clause ("… bliezen zichzelf op; de derde werd gearresteerd").
int ClauseEnd(const Context& ctx, int from, int stop);

// Tokens [from, to) are a phrase that opens with a preposition and holds no
// punctuation ("doodde [in een warenhuis] 22 mensen").
bool PrepositionalPhraseBetween(const Context& ctx, int from, int to);

// Some number of the text stands in tokens [from, to).
bool NumberBetween(const Context& ctx, int from, int to);

// Predicate kind of a count: a verb right before the number ("verwondde
// negen mensen"), else one to the right of the noun, up to `stop`.
std::string VerbKind(const Context& ctx, int from, int stop, int number_first, int sentence_first, bool things,
                     std::string* needs_event);

// The kind of a figure verb that starts right after a bare number ("18
// raakten gewond", "12 werden opgepakt"), or "".
std::string PredicateRightAfter(const Context& ctx, int from, int stop);

// 'het dodental is opgelopen tot 2012': the toll noun before a bare number
// says what it counts. It may stand far back in the sentence ('Het dodental
// van de aanslagen op paaszondag is gestegen naar 310'; the nearest toll noun
// wins), and the number must be its value: after a link word ("tot",
// "op", "is") or right after the noun ("een dodental van 44"), never a
// year inside the description ("het dodental van de brand van 2019").
std::string TollKindBefore(const Context& ctx, const Quantity& q, const Sentence& s);

}  // namespace figure_words
}  // namespace kroniek
