// Figure words, part two: the predicate that gives a count its kind (a verb before
// or after it, a toll noun before a bare number). Declared in figure_words.h.
#include "extract/figure_words.h"

#include <algorithm>
#include <string>

namespace kroniek {
namespace figure_words {

namespace {

constexpr int kRelativeVerbReach = 2;  // "die omkwamen", "die daarbij omkwamen"
constexpr int kBeforeVerbWindow = 3;   // 'verwondde zo nog vier agenten'
constexpr int kClauseOpenerReach = 12;  // 'waar de schutter vorige week met granaten en geweren vier …'
constexpr int kEnclosingVerbReach = 12;  // 'kwamen bij een droneaanval op het centrum van de stad vier mensen om'
constexpr int kInvertedSubjectReach = 6;  // words of a subject after an inverted verb ('de geheime dienst van het land')
constexpr int kLongestBeforeVerb = 4;  // words of the longest such phrase ("het leven gekost aan")

}  // namespace

namespace {

// Whether token k is a relative pronoun after a noun ("de man die"; not "op die verdieping").
bool RelativeAfterNoun(const Context& ctx, int k) {
  const auto& toks = ctx.tokens();
  return ctx.WordIs(toks[k].lower, "relative") && toks[k - 1].kind == TokenKind::kWord &&
         !ctx.language.words().IsFunctionWord(toks[k - 1].lower);
}

// The count stands in a subordinate clause, whose verb comes last ("de man die gisteren
// twee mensen doodde"): a clause opener before it, no punctuation between.
bool InSubordinateClause(const Context& ctx, int number_first, int sentence_first) {
  for (int k = number_first - 1; k >= sentence_first && k >= number_first - kClauseOpenerReach; --k) {
    if (ctx.tokens()[k].kind == TokenKind::kPunct) return false;
    if (ctx.lex.ClauseIs(ctx.tokens()[k].lower, "clause_start")) return true;
  }
  return false;
}

// The end of the relative clause a count stands in ("Een tiener die urenlang drie klanten
// gijzelde, is opgepakt"): the comma before the main clause's finite verb, which tells of
// the noun the clause describes, not of the count. `stop` when the count is in none.
// (Not "die drie mensen": a demonstrative right before the count.)
int RelativeClauseEnd(const Context& ctx, int number_first, int sentence_first, int from, int stop) {
  const auto& toks = ctx.tokens();
  bool relative = false;
  for (int k = number_first - 2; k > sentence_first && k >= number_first - kClauseOpenerReach && !relative; --k) {
    if (toks[k].kind == TokenKind::kPunct) return stop;
    relative = RelativeAfterNoun(ctx, k);
  }
  if (!relative) return stop;
  for (int k = from; k + 1 < stop; ++k)
    if (toks[k].lower == "," && ctx.lex.ClauseIs(toks[k + 1].lower, "auxiliary")) return k;
  return stop;
}

}  // namespace

// Predicate kind of a count: a verb right before the number ("verwondde
// negen mensen"), else one to the right of the noun, up to `stop`.
namespace {

// Whether the verb at `at` opens a relative clause of a noun after `from` ("De vijftien
// leden hielden een minuut stilte voor de Oekraïners die omkwamen"): what it tells is
// that noun's, not the count's before `from`. Only right after the pronoun: further on,
// the clause's own verb may already have closed it ("zes bewoners van de flat die in
// brand stond raakten gewond"). A name right after the count's "van" is where the group
// is from, and the clause still the group's ("800 bewoners van Venlo die hun huis verlieten").
bool InOthersRelativeClause(const Context& ctx, int from, int at) {
  const auto& toks = ctx.tokens();
  for (int r = at - 1; r > from && r >= at - kRelativeVerbReach; --r)
    if (RelativeAfterNoun(ctx, r))
      return !(r - 2 == from && ctx.WordIs(toks[from].lower, "genitive") && toks[r - 1].capitalized);
  return false;
}

}  // namespace

// Whether a people noun stands inside the gap of separable verb match m ("schieten … mensen
// … dood"), not after a preposition ("werden door de politie doodgeschoten").
bool ObjectInside(const Context& ctx, const PhraseMatch& m) {
  const auto& toks = ctx.tokens();
  for (int k = m.last; k < m.end - 1 && toks[k].kind != TokenKind::kPunct; ++k) {  // (within its clause)
    if (ctx.WordIs(toks[k].lower, "object_pronoun")) return true;  // ("schoten hem dood")
    std::string modifier;
    const bool people = ctx.lex.group_nouns.Lookup(toks[k].lower) != nullptr ||
                        ctx.lex.figure_nouns.Lookup(toks[k].lower, &modifier) != nullptr;
    if (!people || ctx.quantity_at[k] >= 0) continue;
    const std::string& before = toks[k - 1].lower;
    const std::string& two_before = k - 2 >= 0 ? toks[k - 2].lower : before;
    if (ctx.lex.ClauseIs(before, "preposition") || ctx.lex.ClauseIs(before, "agent") ||
        ((ctx.WordIs(before, "determiner")) && (ctx.lex.ClauseIs(two_before, "preposition") || ctx.lex.ClauseIs(two_before, "agent"))))
      continue;
    return true;
  }
  return false;
}

// "In 1940 executeerde de geheime dienst 220 mensen": the verb right after a time that opens
// the sentence, its subject between the verb and the count (no punctuation, no coordinator).
bool InvertedSubjectBetween(const Context& ctx, int sentence_first, int verb, int number_first) {
  if (number_first - verb - 1 > kInvertedSubjectReach) return false;
  const bool after_fronted_time = std::any_of(ctx.an.times.begin(), ctx.an.times.end(), [&](const TimeMention& t) {
    return t.first <= sentence_first + 1 && t.last == verb;  // ("In 1940": the year only is the time)
  });
  if (!after_fronted_time) return false;
  for (int k = verb + 1; k < number_first; ++k)
    if (ctx.tokens()[k].kind != TokenKind::kWord || ctx.WordIs(ctx.tokens()[k].lower, "coordinator")) return false;
  return true;
}

std::string VerbKind(const Context& ctx, int from, int stop, int number_first, int sentence_first, bool things,
                     std::string* needs_event) {
  // A verb right before the number binds it first ("verwondde er zes mensen
  // voordat hij werd doodgeschoten"); its particle may follow ("pakte 42
  // mensen op"). Every row at each start: a phrase may stand both ways.
  // A longer phrase may start further back when it ends in that window ("het
  // leven gekost aan 60 mensen").
  // A separable verb around the number may open further back ("pakte na afloop
  // van de wedstrijd dertien supporters op").
  for (int k = std::max(sentence_first, number_first - kEnclosingVerbReach); k < number_first; ++k) {
    std::vector<PhraseMatch> here;
    ctx.lex.figure_verbs.MatchAt(ctx.tokens(), k, sentence_first, stop, &here);
    for (const auto& m : here)
      // (A separable verb counts what stands inside it: in "Twee mensen kwamen om,
      // veertien anderen raakten gewond" the second count is not killed.)
      if (ctx.lex.figure_verbs.rows()[m.row].options.count("before") &&
          (things || !ctx.lex.figure_verbs.rows()[m.row].options.count("things")) &&
          // (A verb with a gap holds the number inside it, "kostte 42 mensen het leven", or
          // ends right before it, "kostte het noodweer het leven aan 42 mensen".)
          (ctx.lex.figure_verbs.rows()[m.row].parts.size() == 1 || m.end > number_first ||
           (m.end == number_first && ctx.tokens()[m.end - 1].kind != TokenKind::kPunct &&
            !ctx.WordIs(ctx.tokens()[m.end - 1].lower, "coordinator"))) &&
          // ("vier reizigers stierven en vijf anderen …": the verb closes the clause before)
          !(m.end < number_first && (ctx.tokens()[m.end].lower == "," || ctx.WordIs(ctx.tokens()[m.end].lower, "coordinator"))) &&
          (k >= number_first - kBeforeVerbWindow || (m.end == k + 1 && PrepositionalPhraseBetween(ctx, m.end, number_first)) ||
           (m.end == k + 1 && InvertedSubjectBetween(ctx, sentence_first, k, number_first)) ||
           (m.end <= number_first && m.end > number_first - kBeforeVerbWindow && k >= number_first - kBeforeVerbWindow - kLongestBeforeVerb) ||
           (m.end > number_first && ctx.lex.figure_verbs.rows()[m.row].parts.size() > 1)) &&
          !NumberBetween(ctx, k, number_first))  // "kwamen 190 mensen om en raakten 6.500 …": the verb is the first's
        return ctx.lex.figure_verbs.rows()[m.row].value;
  }
  // A predicate fronted at the sentence's start ("Om het leven kwamen daarbij
  // zeven reizigers"): option fronted.
  if (!NumberBetween(ctx, sentence_first, number_first)) {
    std::vector<PhraseMatch> here;
    ctx.lex.figure_verbs.MatchAt(ctx.tokens(), sentence_first, sentence_first, number_first, &here);
    for (const auto& m : here)
      if (ctx.lex.figure_verbs.rows()[m.row].options.count("fronted")) return ctx.lex.figure_verbs.rows()[m.row].value;
  }
  stop = RelativeClauseEnd(ctx, number_first, sentence_first, from, stop);
  std::string weak;  // "in het ziekenhuis": hurt, unless a verb after it in its clause says more
  int weak_end = -1;
  const bool verb_last = InSubordinateClause(ctx, number_first, sentence_first);
  int others = -1;  // the end of a verb that counts another group, its particle included
  for (const auto& m : ctx.lex.figure_verbs.FindAll(ctx.tokens(), from, stop)) {
    const auto& row = ctx.lex.figure_verbs.rows()[m.row];
    if (m.first < others) continue;
    if (!weak.empty() && ClauseBreakBetween(ctx, weak_end, m.first)) break;
    if (InOthersRelativeClause(ctx, from, m.first)) continue;
    // (Option after: a verb written for a number inside it may also follow its noun:
    // "negen mensen liepen brandwonden op".)
    if ((row.options.count("before") && !row.options.count("after") && !verb_last) ||
        (row.options.count("things") && !things))
      continue;
    if (row.options.count("weak")) {
      if (weak.empty()) weak = row.value, weak_end = m.end;
      continue;
    }
    // "Drie terroristen schieten minutenlang mensen dood": a separable verb around another
    // group counts that group, its object, not the count before it (the doers).
    if (row.parts.size() > 1 && ObjectInside(ctx, m)) {
      others = m.end;
      continue;
    }
    if (auto ne = row.options.find("needs_event"); ne != row.options.end()) *needs_event = ne->second;
    return row.value;
  }
  return weak;
}

// The kind of a figure verb that starts right after a bare number ("18
// raakten gewond", "12 werden opgepakt"), or "".
std::string PredicateRightAfter(const Context& ctx, int from, int stop) {
  // The verb itself ("12 omgekomen"), or an auxiliary and then, perhaps after
  // one adverb, the verb ("18 raakten ernstig gewond"); never a noun
  // ("twintig koeien verdronken").
  int verb_from = from, slack = 0;
  if (from < stop && ctx.WordIs(ctx.tokens()[from].lower, "other")) ++from, ++verb_from;  // "500 andere gewond geraakt"
  if (from < stop && CueAt(ctx, from, stop, "count_auxiliary", &verb_from)) {
    slack = 1;
    while (verb_from < stop && ctx.WordIs(ctx.tokens()[verb_from].lower, "filler")) ++verb_from;  // "36 worden nog steeds vermist"
  }
  for (const auto& m : ctx.lex.figure_verbs.FindAll(ctx.tokens(), verb_from, stop)) {
    if (m.first > verb_from + slack) break;
    const auto& row = ctx.lex.figure_verbs.rows()[m.row];
    if (!row.options.count("before") && !row.options.count("things") && !row.options.count("needs_event") &&
        row.value != "rockets_fired" && row.value != "intercepted")
      return row.value;
  }
  return "";
}

// 'het dodental is opgelopen tot 2012': the toll noun before a bare number
// says what it counts. It may stand far back in the sentence ('Het dodental
// van de aanslagen op paaszondag is gestegen naar 310'; the nearest toll noun
// wins), and the number must be its value: after a link word ("tot",
// "op", "is") or right after the noun ("een dodental van 44"), never a
// year inside the description ("het dodental van de brand van 2019").
std::string TollKindBefore(const Context& ctx, const Quantity& q, const Sentence& s) {
  const auto& toks = ctx.tokens();
  // (The link may stand inside the number phrase: "tot 140" and "opgelopen tot meer
  // dan 140" are read as qualifiers.)
  bool linked = false;
  for (int k = q.first; k <= q.number_token && !linked; ++k) linked = CueBefore(ctx, k, s.first, "toll_link");
  for (int k = q.first - 1; k >= s.first; --k) {
    std::vector<PhraseMatch> here;
    ctx.lex.figure_cues.MatchAt(toks, k, s.first, q.first, &here);
    for (const auto& m : here) {
      const auto& row = ctx.lex.figure_cues.rows()[m.row];
      if (row.value != "toll" || !row.options.count("kind")) continue;
      if (linked || (m.end + 1 == q.first && CueBefore(ctx, q.first, s.first, "toll_of"))) return row.options.at("kind");
    }
  }
  return "";
}

}  // namespace figure_words
}  // namespace kroniek
