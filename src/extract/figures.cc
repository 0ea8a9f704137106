#include "extract/figures.h"

#include <algorithm>

namespace kroniek {

namespace {

constexpr int kMaxAdjectives = 2;  // "13 Amerikaanse militairen", "zes zware raketten"
constexpr size_t kMinUnknownNoun = 5;  // shorter plural-looking words are too often not nouns
constexpr int kBareWindow = 6;     // tokens from "vielen" to a casualty noun without a number
constexpr int kBeforeVerbWindow = 3;   // 'verwondde zo nog vier agenten'
constexpr int kEnclosingVerbReach = 8;  // 'pakte na afloop van de wedstrijd dertien supporters op'
constexpr int kZeroAdjectives = 2;     // 'geen Nederlandse slachtoffers'
constexpr int kLongestBeforeVerb = 4;  // words of the longest such phrase ("het leven gekost aan")
constexpr int kProjectionWindow = 12;  // 'Het dodental kan volgens de gouverneur nog oplopen tot'
constexpr int kOnePersonWindow = 8;  // "een 45-jarige man is dinsdagavond omgekomen"    // 'Het dodental van de zware aardbeving in Marokko is opgelopen tot 2012'

bool IsAdjectiveLike(const Context& ctx, const Token& t) {
  if (t.kind != TokenKind::kWord) return false;
  if (!ctx.az.entity_rules().DemonymCountry(t.lower).empty()) return true;
  const std::string& w = t.lower;
  return w.size() > 3 && w.back() == 'e' && !ctx.lex.figure_nouns.Lookup(w) && !ctx.lex.group_nouns.Lookup(w);
}

// A plural noun no lexicon knows (noun_shapes.tsv, uncounted.tsv).
bool LooksLikeUnknownPlural(const Context& ctx, const Token& t) {
  const std::string& w = t.lower;
  if (t.kind != TokenKind::kWord || w.size() < kMinUnknownNoun || t.capitalized || !ctx.lex.LooksPlural(w)) return false;
  return !ctx.az.entity_rules().IsFunctionWord(w) && !ctx.lex.uncounted.Lookup(w) && !ctx.lex.figure_verbs.Lookup(w) &&
         !ctx.lex.triggers.Lookup(w);
}

const FigureCandidate* CandidateAt(const std::vector<FigureCandidate>& out, int token) {
  for (const auto& c : out)
    if (c.token == token) return &c;
  return nullptr;
}

// How many fillers ("er ook") stand right before token i, after token `first`.
int FillersBefore(const Context& ctx, int i, int first) {
  int n = 0;
  while (i - n - 1 > first && ctx.WordIs(ctx.tokens()[i - n - 1].lower, "filler")) ++n;
  return n;
}

// The cue class of the phrase that ends just before token i ("onder wie"),
// or before the fillers there ("onder de doden waren er ook").
// Returns the cue's row, or nullptr.
const PhraseTable::Row* CueRowBefore(const Context& ctx, int i, int first, const std::string& cls) {
  i -= FillersBefore(ctx, i, first);
  for (int start = std::max(first, i - 4); start < i; ++start) {
    std::vector<PhraseMatch> here;
    ctx.lex.figure_cues.MatchAt(ctx.tokens(), start, first, i, &here);
    for (const auto& m : here)
      if (m.end == i && ctx.lex.figure_cues.rows()[m.row].value == cls) return &ctx.lex.figure_cues.rows()[m.row];
  }
  return nullptr;
}

bool CueBefore(const Context& ctx, int i, int first, const std::string& cls) {
  return CueRowBefore(ctx, i, first, cls) != nullptr;
}

// A sub-group cue that names its total ("onder de doden waren": kind=killed),
// or nullptr.
const PhraseTable::Row* NamingSubgroupCue(const Context& ctx, int i, int first) {
  const PhraseTable::Row* row = CueRowBefore(ctx, i, first, "subgroup");
  return row && row->options.count("kind") ? row : nullptr;
}

// Whether a sub-group cue takes `total` as its total: one naming none takes
// any; "onder de slachtoffers" (kind=casualties covers=killed|injured) takes a
// count of dead or of injured, but not when that sentence gave both: it then
// speaks of them all.
bool CueTakesTotal(const PhraseTable::Row* cue, const FigureCandidate& total, const std::vector<FigureCandidate>& out) {
  if (!cue || total.figure.kind == cue->options.at("kind")) return true;
  auto covers = cue->options.find("covers");
  if (covers == cue->options.end()) return false;
  const auto covered = [&](const std::string& kind) { return ("|" + covers->second + "|").find("|" + kind + "|") != std::string::npos; };
  if (!covered(total.figure.kind)) return false;
  for (const auto& c : out)
    if (c.sentence == total.sentence && c.parent_token < 0 && c.figure.kind != total.figure.kind && covered(c.figure.kind))
      return false;
  return true;
}

// The cue class of a phrase starting at token i ("tot", "en", "op de").
bool CueAt(const Context& ctx, int i, int last, const std::string& cls, int* end) {
  if (i >= last) return false;
  std::vector<PhraseMatch> here;
  ctx.lex.figure_cues.MatchAt(ctx.tokens(), i, i, last, &here);
  for (const auto& m : here)
    if (ctx.lex.figure_cues.rows()[m.row].value == cls) { *end = m.end; return true; }
  return false;
}

// Tokens [from, to) are only list separators ("," and coordinators), at least one.
bool OnlySeparators(const Context& ctx, int from, int to) {
  if (from >= to) return false;
  for (int k = from; k < to; ++k)
    if (ctx.tokens()[k].lower != "," && !ctx.WordIs(ctx.tokens()[k].lower, "coordinator")) return false;
  return true;
}

bool IsQuestion(const Context& ctx, const Sentence& s) { return ctx.tokens()[s.last - 1].lower == "?"; }

// A count over a period ("dit jaar al 300 doden") anywhere in the sentence,
// or a projection or fear before the number ("kan oplopen tot 5.000", "men
// vreest dat 20 mensen …"): not a report of an event's toll.
bool NotAReport(const Context& ctx, const Sentence& s, const Quantity& q) {
  const auto& toks = ctx.tokens();
  for (const auto& m : ctx.lex.figure_cues.FindAll(toks, s.first, s.last)) {
    const std::string& cls = ctx.lex.figure_cues.rows()[m.row].value;
    if (cls == "statistic") return true;
    if (cls != "projection" || m.first >= q.first || q.first - m.first > kProjectionWindow) continue;
    // ("Zoals verwacht is X herkozen: … er vielen zes doden": another clause.)
    bool same_clause = true;
    for (int k = m.end; k < q.first && same_clause; ++k) same_clause = toks[k].lower != ":" && toks[k].lower != ";";
    if (same_clause) return true;
  }
  return false;
}


std::vector<Source> SourcesOf(const Context& ctx, const Extraction& x, int token) {
  if (int q = ctx.quote_at[token]; q >= 0 && ctx.quote_spans[q].quote >= 0) {
    const Quote& quote = x.quotes[ctx.quote_spans[q].quote];
    if (!quote.speaker.name.empty()) return {quote.speaker};
  }
  return ctx.SourcesAt(token);
}

// Reads the counted noun after a number: returns its token or -1, and the
// group and kind it gives.
int ReadNoun(const Context& ctx, int i, int last, std::string* group, std::string* kind, bool* countable,
             bool* casualty, std::string* singular, std::string* needs_event, bool* unknown) {
  const auto& toks = ctx.tokens();
  std::string demonym;
  for (int k = i; k < last && k <= i + kMaxAdjectives; ++k) {
    const Token& t = toks[k];
    std::string modifier;
    const PhraseTable::Row* row = ctx.lex.figure_nouns.Lookup(t.lower, &modifier);
    // A noun of several words ("dodelijke slachtoffers") before its head alone.
    std::vector<PhraseMatch> phrase;
    ctx.lex.figure_nouns.MatchAt(toks, k, k, last, &phrase);
    for (const auto& m : phrase)
      if (m.end - k > 1) {
        row = &ctx.lex.figure_nouns.rows()[m.row];
        modifier.clear();
        k = m.end - 1;
        break;
      }
    if (row) {
      *kind = row->value;
      *group = row->options.count("group") ? row->options.at("group") : "";
      *countable = row->options.count("countable") > 0;
      *casualty = row->options.count("casualty") > 0;
      if (auto sg = row->options.find("singular"); sg != row->options.end()) *singular = sg->second;
      if (auto ne = row->options.find("needs_event"); ne != row->options.end()) *needs_event = ne->second;
      if (!modifier.empty())
        if (const auto* g = ctx.lex.group_nouns.Lookup(modifier)) *group = g->value;
      if (!demonym.empty()) *group = demonym + " " + *group;
      return k;
    }
    // "vijf raketaanvallen": a count of rocket attacks is a count of rockets.
    if (const auto* row = ctx.lex.triggers.Lookup(t.lower, &modifier)) {
      auto mod = ctx.lex.trigger_modifiers.find(modifier);
      std::string type = mod != ctx.lex.trigger_modifiers.end() ? mod->second : row->value;
      if (type == "rocket_or_missile_attack") {
        *kind = "rockets_fired";
        *group = "rockets";
        *countable = true;
        return k;
      }
    }
    if (const auto* row = ctx.lex.group_nouns.Lookup(t.lower); row && !row->options.count("modifier")) {
      *group = demonym.empty() ? row->value : demonym + " " + row->value;
      kind->clear();
      if (row->options.count("singular")) *singular = t.lower;
      return k;
    }
    if (auto c = ctx.az.entity_rules().DemonymEnglish(t.lower); !c.empty()) demonym = c;
    // A plural noun the lexicon does not know ('brandweerlieden',
    // 'inzittenden') counts people, but only with a figure verb.
    if (LooksLikeUnknownPlural(ctx, t) && demonym.empty()) {
      *group = "people";
      kind->clear();
      *unknown = true;
      return k;
    }
    // 'alle vijf de raketten', 'drie andere doden'
    bool determiner = k == i && ctx.WordIs(t.lower, "definite");
    if (!IsAdjectiveLike(ctx, t) && !ctx.WordIs(t.lower, "other") && !determiner) return -1;
  }
  return -1;
}

// "verwondde er nog acht": the fillers before the number mark a count whose
// noun is left out.
bool Elliptic(const Context& ctx, int i, int first) {
  for (int k = i - FillersBefore(ctx, i, first); k < i; ++k)
    if (ctx.WordIs(ctx.tokens()[k].lower, "elliptic")) return true;
  return false;
}

// "een vrouw van 81", "twee mannen van 25 en 31 jaar": an age, not a count
// (it neither counts nor ends the predicate of the count before it).
bool IsAge(const Context& ctx, const Quantity& q, const Sentence& s) {
  const auto& toks = ctx.tokens();
  int end = 0;
  if (CueAt(ctx, q.last, s.last, "age_after", &end)) return true;
  if (q.first - 2 < s.first || !CueAt(ctx, q.first - 1, q.first, "age_before", &end)) return false;
  const bool person_before = ctx.lex.group_nouns.Lookup(toks[q.first - 2].lower) != nullptr;
  const bool noun_after = q.last < s.last && (ctx.lex.group_nouns.Lookup(toks[q.last].lower) ||
                                              ctx.lex.figure_nouns.Lookup(toks[q.last].lower));
  return person_before && !noun_after;  // ("een groep van 50 betogers" counts)
}

// A cue of class `cls` anywhere in sentence s.
bool CueInSentence(const Context& ctx, const Sentence& s, const std::string& cls) {
  for (const auto& m : ctx.lex.figure_cues.FindAll(ctx.tokens(), s.first, s.last))
    if (ctx.lex.figure_cues.rows()[m.row].value == cls) return true;
  return false;
}

// Some number of the text stands in tokens [from, to).
bool NumberBetween(const Context& ctx, int from, int to) {
  for (int k = from; k < to; ++k)
    if (ctx.quantity_at[k] >= 0) return true;
  return false;
}

// Predicate kind of a count: a verb right before the number ("verwondde
// negen mensen"), else one to the right of the noun, up to `stop`.
std::string VerbKind(const Context& ctx, int from, int stop, int number_first, int sentence_first, bool things,
                     std::string* needs_event) {
  // A verb right before the number binds it first ("verwondde er zes mensen
  // voordat hij werd doodgeschoten"); its particle may follow ("pakte 42
  // mensen op"). Every row at each start: a phrase may stand both ways.
  // A longer phrase may start further back when it ends in that window ("het
  // leven gekost aan 189 mensen").
  // A separable verb around the number may open further back ("pakte na afloop
  // van de wedstrijd dertien supporters op").
  for (int k = std::max(sentence_first, number_first - kEnclosingVerbReach); k < number_first; ++k) {
    std::vector<PhraseMatch> here;
    ctx.lex.figure_verbs.MatchAt(ctx.tokens(), k, sentence_first, stop, &here);
    for (const auto& m : here)
      if (ctx.lex.figure_verbs.rows()[m.row].options.count("before") &&
          (k >= number_first - kBeforeVerbWindow ||
           (m.end <= number_first && m.end > number_first - kBeforeVerbWindow && k >= number_first - kBeforeVerbWindow - kLongestBeforeVerb) ||
           (m.end > number_first && ctx.lex.figure_verbs.rows()[m.row].parts.size() > 1)) &&
          !NumberBetween(ctx, k, number_first))  // "kwamen 190 mensen om en raakten 6.500 …": the verb is the first's
        return ctx.lex.figure_verbs.rows()[m.row].value;
  }
  // A predicate fronted at the sentence's start ("Om het leven kwamen bij de
  // aanslag veertien mensen"): option fronted.
  if (!NumberBetween(ctx, sentence_first, number_first)) {
    std::vector<PhraseMatch> here;
    ctx.lex.figure_verbs.MatchAt(ctx.tokens(), sentence_first, sentence_first, number_first, &here);
    for (const auto& m : here)
      if (ctx.lex.figure_verbs.rows()[m.row].options.count("fronted")) return ctx.lex.figure_verbs.rows()[m.row].value;
  }
  for (const auto& m : ctx.lex.figure_verbs.FindAll(ctx.tokens(), from, stop)) {
    const auto& row = ctx.lex.figure_verbs.rows()[m.row];
    if (row.options.count("before") || (row.options.count("things") && !things)) continue;
    if (auto ne = row.options.find("needs_event"); ne != row.options.end()) *needs_event = ne->second;
    return row.value;
  }
  return "";
}

// The kind of a figure verb that starts right after a bare number ("18
// raakten gewond", "12 werden opgepakt"), or "".
std::string PredicateRightAfter(const Context& ctx, int from, int stop) {
  // The verb itself ("12 omgekomen"), or an auxiliary and then, perhaps after
  // one adverb, the verb ("18 raakten ernstig gewond"); never a noun
  // ("twintig koeien verdronken").
  int verb_from = from, slack = 0;
  if (from < stop && ctx.WordIs(ctx.tokens()[from].lower, "other")) ++from, ++verb_from;  // "500 andere gewond geraakt"
  if (from < stop && CueAt(ctx, from, stop, "count_auxiliary", &verb_from)) slack = 1;
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

}  // namespace

std::vector<FigureCandidate> FindFigures(const Context& ctx, const Extraction& x) {
  const auto& toks = ctx.tokens();
  const auto& quantities = ctx.an.quantities;
  std::vector<FigureCandidate> out;
  size_t skip_until = 0;  // quantities consumed by a range
  for (size_t qi = 0; qi < quantities.size(); ++qi) {
    if (qi < skip_until) continue;
    Quantity q = quantities[qi];
    if (ctx.time_at[q.number_token] >= 0) continue;
    const int si = toks[q.number_token].sentence;
    const Sentence& s = ctx.an.sentences[si];
    if (IsQuestion(ctx, s)) continue;  // 'Hoeveel doden vielen er?' asserts nothing
    if (NotAReport(ctx, s, q)) continue;
    int cue_end = 0;
    // "één op de vier agenten": a proportion.
    if (qi > 0 && toks[quantities[qi - 1].number_token].sentence == si && quantities[qi - 1].last + 2 == q.first &&
        CueAt(ctx, quantities[qi - 1].last, q.first, "ratio", &cue_end) && cue_end == q.first)
      continue;
    // 'tussen de 500.000 en één miljoen doden', '20 tot 30 doden': one range.
    // (A qualifier "tot" may already sit in the upper number's phrase.)
    if (qi + 1 < quantities.size() && q.value && quantities[qi + 1].value &&
        CueAt(ctx, q.last, s.last, "range", &cue_end) &&
        (cue_end == quantities[qi + 1].first || q.last == quantities[qi + 1].first)) {
      const Quantity& upper = quantities[qi + 1];
      bool between = q.first > s.first && (ctx.WordIs(toks[q.first - 1].lower, "between") ||
                                           (q.first > s.first + 1 && ctx.WordIs(toks[q.first - 2].lower, "between")));
      // "A en B" is a range only after "tussen"; "A tot B" always is.
      if (!ctx.WordIs(toks[q.last].lower, "coordinator") || between) {
        if (*q.value == 0) { skip_until = qi + 2; continue; }  // "nul tot 500.000": a margin, not a report
        q.low = q.value;
        q.high = upper.value;
        q.value.reset();
        q.qualifier = "about";
        q.last = upper.last;
        q.number_token = upper.number_token;
        skip_until = qi + 2;
      }
    }
    if (IsAge(ctx, q, s)) continue;
    // "zo'n 100 mensen minder omgekomen dan eerder gemeld": a difference, not a toll.
    if (int after = q.last; after < s.last && (CueAt(ctx, after, s.last, "difference", &cue_end) ||
                                               (after + 1 < s.last && CueAt(ctx, after + 1, s.last, "difference", &cue_end))))
      continue;
    // The next number bounds this figure's predicate (a range's upper bound is its own).
    int stop = s.last;
    // (A sub-group "onder wie vier boeren" does not end its total's predicate.)
    for (size_t nq = std::max(qi + 1, skip_until); nq < quantities.size() && toks[quantities[nq].number_token].sentence == si; ++nq)
      if ((!quantities[nq].article_like || (quantities[nq].value && *quantities[nq].value == 0)) &&
          !CueBefore(ctx, quantities[nq].first, s.first, "subgroup") && !IsAge(ctx, quantities[nq], s)) {
        stop = quantities[nq].first;
        break;
      }

    std::string group, kind;
    bool countable = false, casualty = false;
    int noun_from = q.last;
    bool partitive = false;
    // "35 van de 41 raketten": the noun comes after the second number.
    if (q.last + 2 < s.last && qi + 1 < quantities.size() && quantities[qi + 1].first == q.last + 2 &&
        CueBefore(ctx, q.last + 2, s.first, "partitive")) {
      noun_from = quantities[qi + 1].last;
      partitive = true;
      int next_stop = s.last;
      if (qi + 2 < quantities.size() && toks[quantities[qi + 2].number_token].sentence == si) next_stop = quantities[qi + 2].first;
      stop = next_stop;
    }
    std::string singular, needs_event, reading;  // reading: when not the noun's or a predicate's
    bool unknown_noun = false;
    int noun = ReadNoun(ctx, noun_from, s.last, &group, &kind, &countable, &casualty, &singular, &needs_event,
                        &unknown_noun);
    // A sub-group may open the next sentence ("Onder hen waren vier
    // bemanningsleden") and may be coordinated ("… en elf buitenlanders", "32
    // Kenianen, 18 Canadezen en 5 Duitsers").
    const FigureCandidate* before = out.empty() ? nullptr : &out.back();
    const bool opens_sentence = q.first - FillersBefore(ctx, q.first, s.first) - s.first <= 5;  // "Onder hen waren er ook vier …"
    const bool coordinated = before && before->parent_token >= 0 && before->sentence == si && q.first > s.first &&
                             (ctx.WordIs(toks[q.first - 1].lower, "coordinator") ||
                              OnlySeparators(ctx, before->end_token, q.first));
    // ("onder wie vier kinderen" before the number; "twintig van hen" after it)
    // A cue that names its total ("onder de doden waren …") takes only a total of that kind;
    // without one its count stands alone, of the kind the cue names.
    const PhraseTable::Row* naming_cue = NamingSubgroupCue(ctx, q.first, s.first);
    const FigureCandidate* parent =
        coordinated ? CandidateAt(out, before->parent_token)
        : before && (CueBefore(ctx, q.first, s.first, "subgroup") || CueAt(ctx, q.last, s.last, "subgroup_after", &cue_end)) &&
                (before->sentence == si || (before->sentence == si - 1 && opens_sentence)) &&
                CueTakesTotal(naming_cue, *before, out)
            ? before
            : nullptr;
    const bool subgroup = parent != nullptr;
    // "Daarvan werden er 48 neergeschoten": part of the figure before, counted by the verb.
    const bool part_back = before && opens_sentence && before->sentence >= si - 1 && before->figure.value &&
                           CueAt(ctx, s.first, s.last, "partitive_back", &cue_end);
    // The total in "vier van de vijf verdachten werden aangehouden" is not arrested.
    const bool partitive_total = qi > 0 && toks[quantities[qi - 1].number_token].sentence == si &&
                                 quantities[qi - 1].last + 2 == q.first &&
                                 CueBefore(ctx, q.first, s.first, "partitive");
    const bool one_person = q.article_like && kind.empty() && !singular.empty() && toks[noun].lower == singular;
    // "werd door drie politieagenten weggehaald": the agent of a passive is not counted by it.
    if (q.first > s.first && ctx.lex.ClauseIs(toks[q.first - 1].lower, "agent")) continue;
    // "een derde man", "een vierde persoon": a rank, not a count.
    if (q.article_like && q.last < s.last && ctx.WordIs(toks[q.last].lower, "ordinal")) continue;
    const bool zero = q.article_like && q.value && *q.value == 0;
    if (q.article_like) {
      // "geen slachtoffers", "een dode", "onder wie een kind", "een 45-jarige
      // man is omgekomen": only tight readings.
      // ("geen Belgische slachtoffers", "geen agenten raakten gewond": a zero
      // may stand before adjectives, and its group's verb may say what.)
      if (noun != q.last && !one_person && !(zero && noun > q.last && noun <= q.last + kZeroAdjectives)) continue;
      if (zero && kind.empty() && noun < 0) continue;
      if (!zero && !subgroup && !one_person && (singular.empty() || toks[noun].lower != singular)) continue;
      if (!zero && q.first > s.first && ctx.WordIs(toks[q.first - 1].lower, "comparison")) continue;  // "als een slachtoffer"
    }
    FigureCandidate c;
    Figure& f = c.figure;
    c.sentence = si;
    c.token = q.number_token;
    c.in_title = ctx.article.paragraphs[s.paragraph].kind == ParagraphKind::kTitle;
    f.value = q.value;
    f.low = q.low;
    f.high = q.high;
    f.qualifier = q.qualifier;
    if (noun < 0 && part_back) {
      group = before->figure.group;
      countable = before->figure.kind == "rockets_fired";
      std::string verb = VerbKind(ctx, q.last, stop, q.first, s.first, countable, &needs_event);
      if (verb.empty()) continue;
      kind = verb;
    } else if (noun < 0 && !subgroup) {
      // 'het dodental is opgelopen tot 2012': the toll noun before says what is counted.
      kind = TollKindBefore(ctx, q, s);
      // "Eerder was sprake van twaalf doden; dat aantal is gestegen tot achttien."
      if (kind == "previous") kind = before && before->sentence >= si - 1 ? before->figure.kind : "";
      reading = "toll";
      if (kind.empty() && !q.article_like) {
        // "Nog eens 18 raakten gewond", "vier van hen overleden"
        kind = PredicateRightAfter(ctx, CueAt(ctx, q.last, stop, "subgroup_after", &cue_end) ? cue_end : q.last, stop);
        reading = "verb_after";
      }
      if (kind.empty() && !q.article_like && Elliptic(ctx, q.first, s.first)) {
        kind = VerbKind(ctx, q.last, q.last, q.first, s.first, false, &needs_event);  // "verwondde er nog 8"
        reading = "verb_before";
      }
      group = "people";
      if (kind.empty()) continue;
    } else if (noun < 0) {
      // "van wie 1404 ernstig": a sub-group with no noun of its own.
      group = parent->figure.group;
    }
    if (one_person) {
      // One person's predicate stands close, in the same clause.
      int k = noun + 1;
      while (k < stop && k <= noun + kOnePersonWindow && toks[k].kind != TokenKind::kPunct &&
             !ctx.lex.ClauseIs(toks[k].lower, "clause_start"))
        ++k;
      stop = k;
    }
    std::string verb = partitive_total || (noun < 0 && !subgroup) || part_back
                           ? "" : VerbKind(ctx, noun >= 0 ? noun + 1 : q.last, stop, q.first, s.first, countable, &needs_event);
    // "32 Kenianen, 18 Canadezen en 5 Duitsers kwamen om": one predicate for a list.
    if (verb.empty() && kind.empty() && noun >= 0 && stop < s.last && OnlySeparators(ctx, noun + 1, stop))
      verb = VerbKind(ctx, noun + 1, s.last, q.first, s.first, countable, &needs_event);
    if (verb.empty() && kind.empty() && noun >= 0 && before && before->sentence == si && before->kind_from_predicate &&
        before->end_token < q.first && OnlySeparators(ctx, before->end_token, q.first))
    {
      verb = before->figure.kind;  // ("kwamen 32 Kenianen, 18 Canadezen en 5 Duitsers om")
      reading = "list";
    }
    // An unknown noun counts people only in a plain count of people.
    if (unknown_noun && !subgroup &&
        (verb.empty() || verb == "rockets_fired" || verb == "intercepted" || q.low || !q.value || *q.value >= 1000))
      continue;
    c.kind_from_predicate = !verb.empty() && (kind.empty() || countable);
    if (kind.empty() || (countable && !verb.empty() && !partitive)) kind = verb.empty() ? kind : verb;
    if (partitive && !verb.empty()) kind = verb;
    if (partitive && verb.empty()) continue;  // "Van vijf van de 79 doden is de naam bekend
    if (subgroup) {
      c.parent_token = parent->token;
      if (kind.empty() || (noun < 0 && verb.empty())) {  // ("waarvan er 35 werden onderschept": the verb's)
        kind = parent->figure.kind;
        reading = "parent";
      }
    }
    if (kind.empty() && !subgroup && naming_cue && !coordinated && !q.article_like) {
      kind = naming_cue->options.at("kind");  // "Onder de doden zijn drie Belgen" with no total before
      reading = "cue";
    }
    if (zero && (kind.empty() || unknown_noun)) continue;  // "geen mensen in het gebouw", "geen aanwijzingen"
    if (one_person && kind.empty() && !subgroup) continue;  // "een man droeg een tas"
    if (kind.empty()) {
      // A counted group with no predicate: a figure only as the continuation
      // of a report on victims ("Ooggetuigen spraken van acht kinderen").
      if (ctx.sentence_sources[si].sources.empty()) continue;
      // ("Volgens de media zaten er zo'n 70 mensen in de trein": who was there, not hit.)
      if (CueInSentence(ctx, s, "presence")) continue;
      c.continuation = true;
    }
    f.kind = kind;
    f.group = group;
    if (kind == "other") c.needs_event = needs_event;
    int end = noun >= 0 ? noun + 1 : q.last;
    c.end_token = end;
    // "minstens 13 doden en 25 gewonden": the list's qualifier holds for each count.
    if (f.qualifier == "exact" && before && before->sentence == si && !subgroup && before->end_token < q.first &&
        OnlySeparators(ctx, before->end_token, q.first))
      f.qualifier = before->figure.qualifier;
    f.span = ctx.TokenSpan(q.first, end);
    if (noun >= 0) f.group_span = ctx.TokenSpan(noun_from, noun + 1);
    f.according_to = SourcesOf(ctx, x, q.number_token);
    f.reading = c.continuation ? "context" : reading.empty() ? (c.kind_from_predicate ? "predicate" : "noun") : reading;
    out.push_back(std::move(c));
  }
  // Casualty nouns without a number: "er vielen ook burgerslachtoffers".
  for (const Sentence& s : ctx.an.sentences) {
    if (IsQuestion(ctx, s)) continue;
    std::vector<int> cues;
    for (const auto& m : ctx.lex.figure_cues.FindAll(toks, s.first, s.last))
      if (ctx.lex.figure_cues.rows()[m.row].value == "bare_verb") cues.push_back(m.first);
    for (int k = s.first; k < s.last; ++k) {
      // The noun must follow its verb closely: "er vielen (bij de aanval) ook burgerslachtoffers".
      if (std::none_of(cues.begin(), cues.end(), [&](int c) { return c < k && k - c <= kBareWindow; })) continue;
      std::string modifier;
      const auto* row = ctx.lex.figure_nouns.Lookup(toks[k].lower, &modifier);
      if (!row || !row->options.count("casualty")) continue;
      if (k > s.first) {
        const Token& prev = toks[k - 1];
        if (ctx.quantity_at[k - 1] >= 0 || ctx.az.entity_rules().IsFunctionWord(prev.lower) ||
            IsAdjectiveLike(ctx, prev)) {
          if (!ctx.WordIs(prev.lower, "also")) continue;  // 'de slachtoffers', 'vijf doden': not bare
        }
      }
      if (std::any_of(out.begin(), out.end(), [&](const FigureCandidate& c) {
            return c.sentence == toks[k].sentence && c.figure.group_span.contains(toks[k].span);
          }))
        continue;
      FigureCandidate c;
      c.sentence = toks[k].sentence;
      c.token = k;
      c.end_token = k + 1;
      c.in_title = ctx.article.paragraphs[s.paragraph].kind == ParagraphKind::kTitle;
      c.figure.kind = row->value;
      c.figure.group = row->options.count("group") ? row->options.at("group") : "people";
      if (!modifier.empty())
        if (const auto* g = ctx.lex.group_nouns.Lookup(modifier)) c.figure.group = g->value;
      c.figure.span = toks[k].span;
      c.figure.group_span = toks[k].span;
      c.figure.according_to = SourcesOf(ctx, x, k);
      c.figure.reading = "alone";
      out.push_back(std::move(c));
    }
  }
  // How fresh each figure is: the cue of its sentence.
  for (auto& c : out)
    for (const auto& m : ctx.lex.freshness.FindAll(toks, ctx.an.sentences[c.sentence].first, ctx.an.sentences[c.sentence].last)) {
      c.figure.freshness = ctx.lex.freshness.rows()[m.row].value;
      if (c.figure.freshness == "update") break;
    }
  std::stable_sort(out.begin(), out.end(), [](const FigureCandidate& a, const FigureCandidate& b) {
    return a.figure.span.begin < b.figure.span.begin;
  });
  return out;
}

}  // namespace kroniek
