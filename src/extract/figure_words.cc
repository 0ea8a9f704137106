#include "extract/figure_words.h"

#include <algorithm>
#include <cstdlib>

namespace kroniek {
namespace figure_words {

namespace {

constexpr int kMaxAdjectives = 2;  // "13 Amerikaanse militairen", "zes zware raketten"
constexpr size_t kMinUnknownNoun = 5;  // shorter plural-looking words are too often not nouns
constexpr int kSourceBetween = 5;  // "zijn [volgens het ministerie] negen kinderen"
constexpr int kLongestAgeCue = 4;  // "van een jaar of"
constexpr int kLongestCueBefore = 6;  // words of the longest cue before a count ("onder de dodelijke slachtoffers bevinden zich")
constexpr int kListItemWords = 3;  // "18 zwaargewonde Canadese toeristen, …": noun and adjectives of one item

}  // namespace

bool IsAdjectiveLike(const Context& ctx, const Token& t) {
  if (t.kind != TokenKind::kWord) return false;
  if (!ctx.language.words().DemonymCountry(t.lower).empty()) return true;
  const std::string& w = t.lower;
  return w.size() > 3 && w.back() == 'e' && !ctx.lex.figure_nouns.Lookup(w) && !ctx.lex.group_nouns.Lookup(w);
}

bool CountsThings(const Context& ctx, const Quantity& q, int last) {
  const auto& toks = ctx.tokens();
  for (int k = q.last; k < last && k <= q.last + kMaxAdjectives; ++k) {
    if (ctx.lex.uncounted.Lookup(toks[k].lower)) return true;
    if (toks[k].kind != TokenKind::kWord || ctx.language.words().IsFunctionWord(toks[k].lower) ||
        ctx.lex.figure_nouns.Lookup(toks[k].lower) || ctx.lex.group_nouns.Lookup(toks[k].lower))
      return false;
  }
  return false;
}

bool IsMeasure(const Context& ctx, const Quantity& q) {
  if (q.last >= int(ctx.tokens().size())) return false;
  const PhraseTable::Row* row = ctx.lex.uncounted.Lookup(ctx.tokens()[q.last].lower);
  return row && row->options.count("unit");
}

// A plural noun no lexicon knows (noun_shapes.tsv, uncounted.tsv).
bool LooksLikeUnknownPlural(const Context& ctx, const Token& t) {
  const std::string& w = t.lower;
  if (t.kind != TokenKind::kWord || w.size() < kMinUnknownNoun || t.capitalized || !ctx.lex.LooksPlural(w)) return false;
  return !ctx.language.words().IsFunctionWord(w) && !ctx.lex.uncounted.Lookup(w) && !ctx.lex.figure_verbs.Lookup(w) &&
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
namespace {

const PhraseTable::Row* CueRowEndingAt(const Context& ctx, int i, int first, const std::string& cls) {
  for (int start = std::max(first, i - kLongestCueBefore); start < i; ++start) {
    std::vector<PhraseMatch> here;
    ctx.lex.figure_cues.MatchAt(ctx.tokens(), start, first, i, &here);
    for (const auto& m : here)
      if (m.end == i && ctx.lex.figure_cues.rows()[m.row].value == cls) return &ctx.lex.figure_cues.rows()[m.row];
  }
  return nullptr;
}

}  // namespace

const PhraseTable::Row* CueRowBefore(const Context& ctx, int i, int first, const std::string& cls) {
  const auto& toks = ctx.tokens();
  i -= FillersBefore(ctx, i, first);
  if (const auto* row = CueRowEndingAt(ctx, i, first, cls)) return row;
  // "Onder de doden zijn volgens het ministerie negen kinderen": past a source told between.
  if (i >= int(toks.size()) || toks[i].sentence < 0) return nullptr;
  for (const auto& part : ctx.sentence_sources[toks[i].sentence].parts) {
    if (part.cue < first || part.cue >= i || i - part.cue > kSourceBetween) continue;
    bool plain = true;
    for (int k = part.cue; k < i && plain; ++k) plain = toks[k].kind != TokenKind::kPunct && ctx.quantity_at[k] < 0;
    if (plain) return CueRowEndingAt(ctx, part.cue - FillersBefore(ctx, part.cue, first), first, cls);
  }
  return nullptr;
}

bool CueFromTo(const Context& ctx, int from, int to, const std::string& cls) {
  if (from >= to) return false;
  std::vector<PhraseMatch> here;
  ctx.lex.figure_cues.MatchAt(ctx.tokens(), from, from, to, &here);
  for (const auto& m : here)
    if (m.end == to && ctx.lex.figure_cues.rows()[m.row].value == cls) return true;
  return false;
}

bool OpensWithCue(const Context& ctx, const Sentence& s, int i, const std::string& cls) {
  return CueFromTo(ctx, s.first, i, cls);
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

// A comma, semicolon or colon among tokens [from, to): another clause begins.
bool ClauseBreakBetween(const Context& ctx, int from, int to) {
  for (int k = from; k < to; ++k) {
    const std::string& w = ctx.tokens()[k].lower;
    if (w == "," || w == ";" || w == ":") return true;
  }
  return false;
}

// Tokens [from, to) are only list separators ("," and coordinators), at least one.
bool OnlySeparators(const Context& ctx, int from, int to) {
  if (from >= to) return false;
  for (int k = from; k < to; ++k)
    if (ctx.tokens()[k].lower != "," && !ctx.WordIs(ctx.tokens()[k].lower, "coordinator") &&
        !ctx.WordIs(ctx.tokens()[k].lower, "filler"))  // ("32 Kenianen ook 18 Canadezen")
      return false;
  return true;
}

std::vector<Source> SourcesOf(const Context& ctx, const Extraction& x, int token) {
  if (int q = ctx.quote_at[token]; q >= 0 && ctx.quote_spans[q].quote >= 0) {
    const Quote& quote = x.quotes[ctx.quote_spans[q].quote];
    if (!quote.speaker.name.empty()) return {quote.speaker};
  }
  return ctx.SourcesAt(token);
}

int ListPredicateEnd(const Context& ctx, const std::vector<Quantity>& quantities, size_t qi, const Sentence& s) {
  const auto& toks = ctx.tokens();
  size_t j = qi;
  // An item: a count, its noun (and an adjective), then a comma or "en" before the next count.
  auto next_item = [&](size_t k) {
    if (k + 1 >= quantities.size() || toks[quantities[k + 1].number_token].sentence != toks[quantities[k].number_token].sentence)
      return false;
    const int gap_from = quantities[k].last, gap_to = quantities[k + 1].first;
    if (gap_to - gap_from > kListItemWords + 1) return false;
    bool separated = false;
    for (int t = gap_from; t < gap_to; ++t) {
      if (toks[t].lower == "(" || toks[t].lower == ")") return false;  // a bracket closes the list
      separated |= toks[t].lower == "," || ctx.WordIs(toks[t].lower, "coordinator");
    }
    return separated;
  };
  while (next_item(j)) ++j;
  int end = s.last;
  for (size_t k = j + 1; k < quantities.size() && toks[quantities[k].number_token].sentence == toks[quantities[j].number_token].sentence; ++k)
    if (!IsAge(ctx, quantities[k], s)) {  // ("een kind van zeven maanden om": an age)
      end = quantities[k].first;
      break;
    }
  return ClauseEnd(ctx, quantities[j].last, end);
}

bool InBrackets(const Context& ctx, int from, int at) {
  int open = 0;
  for (int k = from; k < at; ++k) {
    if (ctx.tokens()[k].lower == "(") ++open;
    else if (ctx.tokens()[k].lower == ")" && open > 0) --open;
  }
  return open > 0;
}

bool OnlyNumbersInBrackets(const Context& ctx, int from, int at) {
  int k = from;
  while (k < at && ctx.tokens()[k].lower != "(") ++k;
  for (++k; k < at; ++k)
    if (ctx.quantity_at[k] < 0 && ctx.tokens()[k].lower != "," && !ctx.WordIs(ctx.tokens()[k].lower, "coordinator"))
      return false;
  return true;
}

// Reads the counted noun after a number: returns its token or -1, and the
// group and kind it gives.
int ReadNoun(const Context& ctx, int i, int last, std::string* group, std::string* kind, bool* countable,
             std::string* yields, std::string* singular, std::string* needs_event, bool* unknown) {
  const auto& toks = ctx.tokens();
  std::string demonym;
  for (int k = i; k < last && k <= i + kMaxAdjectives; ++k) {
    const Token& t = toks[k];
    // ("Reacties 108 Een man werd opgepakt": no count stands before an indefinite article.)
    if (ctx.WordIs(t.lower, "indefinite")) return -1;
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
      *yields = row->options.count("yields") ? row->options.at("yields") : "";
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
    if (auto c = ctx.language.words().DemonymEnglish(t.lower); !c.empty()) demonym = c;
    // A plural noun the lexicon does not know ('brandweerlieden',
    // 'inzittenden') counts people, but only with a figure verb.
    // ('twee volwassen vrouwen': an adjective in -en before a known noun.)
    // ("drie naastgelegen panden": before a noun of things.)
    const bool known_next = k + 1 < last && (ctx.lex.figure_nouns.Lookup(toks[k + 1].lower) ||
                                             ctx.lex.group_nouns.Lookup(toks[k + 1].lower) ||
                                             ctx.lex.uncounted.Lookup(toks[k + 1].lower));
    // ("vier Iraakse contractanten": after a demonym too.)
    if (LooksLikeUnknownPlural(ctx, t) && !known_next) {
      *group = demonym.empty() ? "people" : demonym + " people";
      kind->clear();
      *unknown = true;
      return k;
    }
    // 'alle vijf de raketten', 'drie andere doden'
    bool determiner = k == i && ctx.WordIs(t.lower, "definite");
    if (!IsAdjectiveLike(ctx, t) && !ctx.WordIs(t.lower, "other") && !determiner && !known_next) return -1;
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
  // The cue ends right before the number ("van 81", "van in de dertig", "van een jaar of twintig").
  int cue_first = -1;
  for (int start = std::max(s.first, q.first - kLongestAgeCue); start < q.first && cue_first < 0; ++start) {
    std::vector<PhraseMatch> here;
    ctx.lex.figure_cues.MatchAt(toks, start, s.first, q.first, &here);
    for (const auto& m : here)
      if (m.end == q.first && ctx.lex.figure_cues.rows()[m.row].value == "age_before") cue_first = start;
  }
  const bool noun_after = q.last < s.last && (ctx.lex.group_nouns.Lookup(toks[q.last].lower) ||
                                              ctx.lex.figure_nouns.Lookup(toks[q.last].lower));
  // "twee mannen van 45 en 52": a number joined by "en" to an age is one too, unless it
  // counts people of its own ("een meisje van 7 en vijf mannen").
  if (cue_first < 0 && q.first - 2 >= s.first && ctx.WordIs(toks[q.first - 1].lower, "coordinator"))
    if (const int before = ctx.quantity_at[q.first - 2]; before >= 0)
      return !noun_after && IsAge(ctx, ctx.an.quantities[before], s);
  if (cue_first - 1 < s.first) return false;
  const bool person_before = ctx.lex.group_nouns.Lookup(toks[cue_first - 1].lower) != nullptr;
  return person_before && !noun_after;  // ("een groep van 50 betogers" counts)
}

// A cue of class `cls` anywhere in sentence s.
bool CueInSentence(const Context& ctx, const Sentence& s, const std::string& cls) {
  for (const auto& m : ctx.lex.figure_cues.FindAll(ctx.tokens(), s.first, s.last))
    if (ctx.lex.figure_cues.rows()[m.row].value == cls) return true;
  return false;
}

int ClauseEnd(const Context& ctx, int from, int stop) {
  for (int k = from; k < stop; ++k)
    if (ctx.WordIs(ctx.tokens()[k].lower, "clause_break") && ctx.quote_at[k] < 0) return k + 1;
  return stop;
}

// Tokens [from, to) are a phrase that opens with a preposition, perhaps after a
// time, and holds no punctuation ("doodde [zaterdag in een warenhuis] 22 mensen").
bool PrepositionalPhraseBetween(const Context& ctx, int from, int to) {
  while (from < to && ctx.time_at[from] >= 0) ++from;  // "doodde zaterdag in Tilburg negen mensen"
  if (from >= to || !ctx.lex.ClauseIs(ctx.tokens()[from].lower, "locative")) return false;
  for (int k = from; k < to; ++k)
    if (ctx.tokens()[k].kind == TokenKind::kPunct) return false;
  return true;
}

// Some number of the text stands in tokens [from, to), not one of a date ("doodden op
// 7 januari twaalf mensen").
bool NumberBetween(const Context& ctx, int from, int to) {
  for (int k = from; k < to; ++k)  // ("een" is a number only in tight patterns)
    if (ctx.quantity_at[k] >= 0 && ctx.time_at[k] < 0 && !ctx.an.quantities[ctx.quantity_at[k]].article_like) return true;
  return false;
}

}  // namespace figure_words
}  // namespace kroniek
