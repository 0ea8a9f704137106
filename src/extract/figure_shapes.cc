#include "extract/figure_shapes.h"

#include "extract/figure_words.h"

namespace kroniek {
namespace figure_shapes {

namespace {
constexpr int kBracketAfterNoun = 6;  // "drie jongeren (16, 17 en 19)": the count, its noun, then the ages
constexpr int kListItem = 3;          // "drie zwaargewonde mannen, een vrouw": an item's noun and adjectives
}  // namespace

using namespace figure_words;

namespace {

// Whether a figure verb stands in the clause that starts at `from` (up to a comma, colon or semicolon).
bool OwnPredicate(const Context& ctx, int from, int last) {
  for (int k = from; k < last && !ClauseBreakBetween(ctx, k, k + 1); ++k) {
    std::vector<PhraseMatch> here;
    ctx.lex.figure_verbs.MatchAt(ctx.tokens(), k, from, last, &here);
    for (const auto& m : here)
      if (ctx.lex.figure_verbs.rows()[m.row].value != "none") return true;
  }
  return false;
}

}  // namespace

// "één op de vier agenten", "dertig procent van de 120 passagiers": a proportion.
bool IsRatio(const Context& ctx, const std::vector<Quantity>& quantities, size_t qi, const Sentence& s) {
  int cue_end = 0;
  const Quantity& q = quantities[qi];
  return qi > 0 && ctx.tokens()[quantities[qi - 1].number_token].sentence == ctx.tokens()[q.number_token].sentence &&
         quantities[qi - 1].last < q.first && CueAt(ctx, quantities[qi - 1].last, q.first, "ratio", &cue_end) &&
         cue_end == q.first && q.first > s.first;
}

// "twee mannen (23 en 25)": bare ages in brackets right after a counted noun
// (not "(onder wie drie kinderen)" nor a breakdown "12 doden (8 mannen en 4 vrouwen)").
bool IsBracketedAge(const Context& ctx, const std::vector<Quantity>& quantities, size_t qi, const Sentence& s) {
  const Quantity& q = quantities[qi];
  const auto& toks = ctx.tokens();
  const bool bare = q.last < s.last && (toks[q.last].kind == TokenKind::kPunct || ctx.WordIs(toks[q.last].lower, "coordinator"));
  return qi > 0 && bare && toks[quantities[qi - 1].number_token].sentence == toks[q.number_token].sentence &&
         InBrackets(ctx, quantities[qi - 1].last, q.first) && q.first - quantities[qi - 1].last <= kBracketAfterNoun &&
         OnlyNumbersInBrackets(ctx, quantities[qi - 1].last, q.first) && q.first > s.first;
}

// "ruim 40 doden minder dan eerst gedacht": a difference, not a toll.
bool IsDifference(const Context& ctx, const Quantity& q, const Sentence& s) {
  int cue_end = 0;
  const int after = q.last;
  return after < s.last && (CueAt(ctx, after, s.last, "difference", &cue_end) ||
                            (after + 1 < s.last && CueAt(ctx, after + 1, s.last, "difference", &cue_end)));
}

// The next number bounds a figure's predicate, from quantity `next` on (a range's
// upper bound is its own); so does a semicolon. A sub-group "onder wie vier boeren"
// does not end its total's predicate, nor do ages ("twee mannen (23 en 25)") or counts
// of things ("twaalf bewoners uit drie panden werden geëvacueerd").
int PredicateStop(const Context& ctx, const std::vector<Quantity>& quantities, size_t qi, size_t next, const Quantity& q,
                  const Sentence& s) {
  const auto& toks = ctx.tokens();
  const int si = toks[quantities[qi].number_token].sentence;
  int stop = s.last;
  for (size_t nq = next; nq < quantities.size() && toks[quantities[nq].number_token].sentence == si; ++nq) {
    const Quantity& n = quantities[nq];
    // A sub-group set off by a comma with a verb of its own ("vuurde op vier agenten, van wie er
    // één gewond raakte") tells its own harm, not the total's; one without ("vijf doden, onder
    // wie twee kinderen, …", "64 mensen onder wie 11 scholieren werden gewond") shares it.
    // (Or named part after its number: "vier bezoekers werden geraakt, een daarvan stierf".)
    int part_end = n.last;
    const bool subgroup = CueBefore(ctx, n.first, s.first, "subgroup");
    const bool part_after = CueAt(ctx, n.last, s.last, "subgroup_after", &part_end);
    if ((subgroup || part_after) && !InBrackets(ctx, q.last, n.first) && OwnPredicate(ctx, part_end, s.last)) {
      int comma = -1;
      for (int k = q.last; k < n.first; ++k)
        if (toks[k].lower == ",") comma = k;
      if (comma >= 0) {
        stop = comma;
        break;
      }
    }
    if (!InBrackets(ctx, q.last, n.first) && (!n.article_like || (n.value && *n.value == 0)) && !subgroup &&
        !IsAge(ctx, n, s) && !CountsThings(ctx, n, s.last)) {
      stop = n.first;
      break;
    }
  }
  // A count in brackets ends at the closing one ("12 doden (8 mannen en 4 vrouwen) en 80 gewonden").
  if (InBrackets(ctx, s.first, q.first))
    for (int k = q.last; k < stop; ++k)
      if (toks[k].lower == ")") { stop = k; break; }
  return ClauseEnd(ctx, q.last, stop);
}


// Reads the noun of count q (quantity qi): right after it, after a second number
// ("35 van de 41 raketten", which also moves *stop), or after "van de" ("twee van de
// kapers kwamen om": part of a group, counted by the verb).
CountNoun ReadCountNoun(const Context& ctx, const std::vector<Quantity>& quantities, size_t qi, const Quantity& q,
                        const Sentence& s, int* stop) {
  const auto& toks = ctx.tokens();
  CountNoun cn;
  cn.from = q.last;
  if (qi + 1 < quantities.size() && quantities[qi + 1].first < s.last &&
      CueFromTo(ctx, q.last, quantities[qi + 1].first, "partitive")) {
    cn.from = quantities[qi + 1].last;
    cn.partitive = true;
    int next_stop = s.last;
    if (qi + 2 < quantities.size() && toks[quantities[qi + 2].number_token].sentence == toks[q.number_token].sentence)
      next_stop = quantities[qi + 2].first;
    *stop = ClauseEnd(ctx, q.last, next_stop);
  }
  auto read = [&] {
    return ReadNoun(ctx, cn.from, s.last, &cn.group, &cn.kind, &cn.countable, &cn.yields, &cn.singular, &cn.needs_event,
                    &cn.unknown);
  };
  cn.token = read();
  // "zeker 12 en mogelijk tientallen reizigers": a count whose noun is left out before a
  // coordinated count shares that count's noun; not a toll's own number ("het aantal
  // gewonden staat op 800 en 40 mensen worden vermist").
  if (cn.token < 0 && !cn.partitive && qi + 1 < quantities.size() && quantities[qi + 1].first == q.last + 1 &&
      quantities[qi + 1].first < s.last && ctx.WordIs(toks[q.last].lower, "coordinator") &&
      TollKindBefore(ctx, q, s).empty()) {
    cn.from = quantities[qi + 1].last;
    cn.token = read();
    if (cn.token < 0) {
      cn.from = q.last;
    } else {
      int next_stop = s.last;  // its predicate, as the coordinated count's
      if (qi + 2 < quantities.size() && toks[quantities[qi + 2].number_token].sentence == toks[q.number_token].sentence)
        next_stop = quantities[qi + 2].first;
      *stop = ClauseEnd(ctx, q.last, next_stop);
    }
  }
  // "alle acht de slachtoffers": the noun after the article.
  if (cn.token < 0 && q.first > s.first && ctx.WordIs(toks[q.first - 1].lower, "all") && q.last + 1 < s.last &&
      ctx.WordIs(toks[q.last].lower, "definite")) {
    cn.from = q.last + 1;
    cn.token = read();
    if (cn.token < 0) cn.from = q.last;
  }
  if (cn.token < 0 && !cn.partitive && q.last + 2 < s.last && ctx.quantity_at[q.last + 2] < 0 &&
      CueBefore(ctx, q.last + 2, s.first, "partitive")) {
    cn.from = q.last + 2;
    cn.token = read();
    cn.partitive = cn.token >= 0;
  }
  return cn;
}

bool HedgeBeforeVerb(const Context& ctx, const Sentence& s, int from) {
  int verb = s.last;
  for (const auto& m : ctx.lex.figure_verbs.FindAll(ctx.tokens(), from, s.last))
    if (!ctx.lex.figure_verbs.rows()[m.row].options.count("weak")) { verb = m.first; break; }
  for (int k = from; k < verb; ++k)
    if (ctx.lex.ClauseIs(ctx.tokens()[k].lower, "hedge")) return !ClauseBreakBetween(ctx, from, k);
  return false;
}

// Whether a verb of change stands in the comma-separated part of the sentence that holds token i.
bool ChangeInPart(const Context& ctx, const Sentence& s, int i) {
  const auto& segment = ctx.sentence_sources[ctx.tokens()[i].sentence].segment;
  for (const auto& m : ctx.lex.figure_cues.FindAll(ctx.tokens(), s.first, s.last))
    if (ctx.lex.figure_cues.rows()[m.row].value == "change" && segment[m.first - s.first] == segment[i - s.first]) return true;
  return false;
}

// Whether a word of clause class `cls` stands in the comma-separated part of the sentence
// that holds token i, before token `before` (s.last: anywhere in it).
bool PartHas(const Context& ctx, const Sentence& s, int i, const std::string& cls, int before) {
  const auto& segment = ctx.sentence_sources[ctx.tokens()[i].sentence].segment;
  for (int k = s.first; k < before; ++k)
    if (segment[k - s.first] == segment[i - s.first] && ctx.lex.ClauseIs(ctx.tokens()[k].lower, cls)) return true;
  return false;
}

// A count right after "…, in <place>" or "… en in <place>" ("in Den Bosch 20").
bool CountAfterPlace(const Context& ctx, int first, int sentence_first) {
  const auto& toks = ctx.tokens();
  if (first - 1 <= sentence_first || ctx.entity_at[first - 1] < 0) return false;
  const Entity& place = ctx.an.entities[ctx.entity_at[first - 1]];
  if (place.type != EntityType::kPlace && place.type != EntityType::kCountry) return false;
  const int in = place.first - 1;
  return in - 1 >= sentence_first && ctx.lex.ClauseIs(toks[in].lower, "locative") &&
         (toks[in - 1].lower == "," || ctx.WordIs(toks[in - 1].lower, "coordinator"));
}

// "Al Haouz (1293)": count q alone in brackets right after a place.
bool InBracketsAfterPlace(const Context& ctx, const Quantity& q, const Sentence& s) {
  const auto& toks = ctx.tokens();
  if (q.first - 2 < s.first || q.last >= s.last || toks[q.first - 1].lower != "(" || toks[q.last].lower != ")") return false;
  const int e = ctx.entity_at[q.first - 2];
  if (e < 0) return false;
  const Entity& place = ctx.an.entities[e];
  return (place.type == EntityType::kPlace || place.type == EntityType::kCountry) && place.last == q.first - 1;
}

// Whether count qi (noun at `noun`) is an item of a list of counts: "drie mannen en een
// vrouw", "Een Fransman, een Ier en twee Denen".
bool InCountList(const Context& ctx, const std::vector<Quantity>& quantities, size_t qi, int noun) {
  const auto& toks = ctx.tokens();
  const int si = toks[quantities[qi].number_token].sentence;
  auto in_sentence = [&](size_t k) { return toks[quantities[k].number_token].sentence == si; };
  auto separator = [&](int k) { return toks[k].lower == "," || ctx.WordIs(toks[k].lower, "coordinator"); };
  if (qi > 0 && in_sentence(qi - 1)) {
    const Quantity& p = quantities[qi - 1];
    const int sep = quantities[qi].first - 1;
    bool item = sep >= p.last && sep - p.last <= kListItem && separator(sep);
    for (int k = p.last; k < sep && item; ++k) item = toks[k].kind == TokenKind::kWord;
    if (item) return true;
  }
  return noun >= 0 && qi + 1 < quantities.size() && in_sentence(qi + 1) && OnlySeparators(ctx, noun + 1, quantities[qi + 1].first);
}

// Whether tokens [from, to) hold only list separators and single persons with their noun
// ("twee Britten, een Belg en drie Zweden": the gap between the first and the last count).
bool ListGap(const Context& ctx, const std::vector<Quantity>& quantities, int from, int to) {
  const auto& toks = ctx.tokens();
  for (int k = from; k < to;) {
    if (OnlySeparators(ctx, k, k + 1)) { ++k; continue; }
    const int q = ctx.quantity_at[k];
    if (q < 0 || !quantities[q].article_like || quantities[q].last >= to || toks[quantities[q].last].kind != TokenKind::kWord)
      return false;
    k = quantities[q].last + 1;  // the article and its noun
  }
  return from < to;
}



// 'tussen de 500.000 en één miljoen doden', '20 tot 30 doden': quantity qi and the
// next are one range, merged into *q. "nul tot 500.000" is a margin, not a report.
// (A qualifier "tot" may already sit in the upper number's phrase.)
RangeRead ReadRange(const Context& ctx, const std::vector<Quantity>& quantities, size_t qi, const Sentence& s, Quantity* q) {
  const auto& toks = ctx.tokens();
  int cue_end = 0;
  if (qi + 1 >= quantities.size() || !q->value || !quantities[qi + 1].value) return RangeRead::kNone;
  const bool changed = CueBefore(ctx, q->first, s.first, "change_from") && CueInSentence(ctx, s, "change");
  // ("bijgesteld van 58 naar 79": "naar" joins two counts only in a change.)
  if (changed && CueAt(ctx, q->last, s.last, "change_to", &cue_end) && cue_end == quantities[qi + 1].first)
    return RangeRead::kChange;
  if (!CueAt(ctx, q->last, s.last, "range", &cue_end) ||
      (cue_end != quantities[qi + 1].first && q->last != quantities[qi + 1].first))
    return RangeRead::kNone;
  const Quantity& upper = quantities[qi + 1];
  const bool between = q->first > s.first && (ctx.WordIs(toks[q->first - 1].lower, "between") ||
                                              (q->first > s.first + 1 && ctx.WordIs(toks[q->first - 2].lower, "between")));
  // "A en B" is a range only after "tussen"; "A tot B" always is.
  if (ctx.WordIs(toks[q->last].lower, "coordinator") && !between) return RangeRead::kNone;
  if (*q->value == 0) return RangeRead::kMargin;
  // "De balans steeg van 110 tot 126 doden": a change, whose count is the second.
  if (changed) return RangeRead::kChange;
  // The lower bound is the value, as conservative counts are (ACLED codes the lowest
  // reported toll); the range stays in low..high.
  q->low = q->value;
  q->high = upper.value;
  if (q->qualifier.empty() || q->qualifier == "exact") q->qualifier = "at_least";
  q->last = upper.last;
  q->number_token = upper.number_token;
  return RangeRead::kRange;
}

}  // namespace figure_shapes
}  // namespace kroniek
