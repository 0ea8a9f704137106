// Figure candidates among each other: sub-groups and their totals, and relative clauses
// after a counted group.
#include "extract/figure_subgroups.h"

#include "extract/figure_words.h"

namespace kroniek {
namespace figure_words {

namespace {
constexpr int kOpeningWords = 6;  // "Onder hen waren er ook vier …", "Bij de doden gaat het om vier …"
constexpr int kBreakdownReach = 6;  // "vijf doden gevallen, twee …": the total's predicate between
constexpr int kRelativeClauseReach = 14;  // "die gewond raakten bij de aanslag op de markt in Nice,"

// Where the sub-group cue that ends at `cue_end` (before any fillers) starts, or -1.
int SubgroupCueStart(const Context& ctx, const Sentence& s, int cue_end) {
  cue_end -= FillersBefore(ctx, cue_end, s.first);
  for (int start = s.first; start < cue_end; ++start) {
    std::vector<PhraseMatch> here;
    ctx.lex.figure_cues.MatchAt(ctx.tokens(), start, s.first, cue_end, &here);
    for (const auto& m : here)
      if (m.end == cue_end && ctx.lex.figure_cues.rows()[m.row].value == "subgroup") return start;
  }
  return -1;
}

// Whether a word of content stands before the sub-group cue that ends at `cue_end`
// ("Reddingswerkers, onder wie 150 soldaten": a part of the rescuers, not of a count told
// before; "Onder hen waren vier bemanningsleden" has none).
bool NounBeforeCue(const Context& ctx, const Sentence& s, int cue_end) {
  const auto& toks = ctx.tokens();
  const int start = SubgroupCueStart(ctx, s, cue_end);
  for (int k = s.first; k < start; ++k)
    if (toks[k].kind == TokenKind::kWord && !ctx.language.words().IsFunctionWord(toks[k].lower)) return true;
  return false;
}

// Where the relative clause opened at `relative` ends: its comma, or where reading stops.
int RelativeClauseEnd(const Context& ctx, int relative, int stop) {
  int end = relative + 1;
  while (end < stop && end <= relative + kRelativeClauseReach && ctx.tokens()[end].lower != ",") ++end;
  return end;
}

// The kind of a harm noun told without a count in tokens [from, to) ("drie doden en
// talloze gewonden, onder wie …"), or "".
std::string UncountedHarmBetween(const Context& ctx, int from, int to) {
  std::string kind;
  for (int k = std::max(from, 0); k < to; ++k) {
    if (ctx.quantity_at[k] >= 0) return "";
    const auto* row = ctx.lex.figure_nouns.Lookup(ctx.tokens()[k].lower);
    if (row && row->options.count("casualty")) kind = row->value;
  }
  return kind;
}

}  // namespace

SubgroupReading ReadSubgroup(const Context& ctx, const std::vector<FigureCandidate>& out, const Quantity& q,
                             const Sentence& s, const std::string& kind) {
  const auto& toks = ctx.tokens();
  const int si = toks[q.number_token].sentence;
  const FigureCandidate* before = out.empty() ? nullptr : &out.back();
  SubgroupReading r;
  r.opens_sentence = q.first - FillersBefore(ctx, q.first, s.first) - s.first <= kOpeningWords;
  // (Not "zes doden, onder wie twee kinderen, en 43 gewonden": a count whose noun names
  // another kind is the total's sibling.)
  r.coordinated = before && before->parent_token >= 0 && before->sentence == si && q.first > s.first &&
                  (ctx.WordIs(toks[q.first - 1].lower, "coordinator") || OnlySeparators(ctx, before->end_token, q.first)) &&
                  (kind.empty() || kind == CandidateAt(out, before->parent_token)->figure.kind);
  if (r.coordinated) {
    r.parent = CandidateAt(out, before->parent_token);
    return r;
  }
  // ("onder wie vier kinderen" before the number; "twintig van hen" after it)
  // A cue that names its total ("onder de doden waren …") takes only a total of that kind;
  // without one its count stands alone, of the kind the cue names.
  r.naming_cue = NamingSubgroupCue(ctx, q.first, s.first);
  // "Onder de 14 doden van de lawine zijn zes Duitsers", "Van de 41 raketten werden er 35
  // onderschept": the total inside the phrase opening the sentence, its verb before the part.
  const std::string& verb_before = toks[q.first - 1 - FillersBefore(ctx, q.first, s.first)].lower;
  if (before && before->sentence == si && kind.empty() && OpensWithCue(ctx, s, before->token, "subgroup_frame") &&
      (ctx.lex.ClauseIs(verb_before, "copula") || ctx.lex.ClauseIs(verb_before, "auxiliary"))) {
    r.parent = before;
    return r;
  }
  // The total a sub-group cue takes: the count just told, or for a cue that names its
  // total the latest of that kind ("zes doden en 30 gewonden. Bij de doden gaat het om …").
  const FigureCandidate* total = before && CueTakesTotal(r.naming_cue, *before, out) ? before : nullptr;
  const int told_before = ctx.ToldBefore(si);
  for (auto it = out.rbegin(); r.naming_cue && !total && it != out.rend() && it->sentence >= told_before; ++it)
    if (it->parent_token < 0 && CueTakesTotal(r.naming_cue, *it, out)) total = &*it;
  // ("onder wie de twee aanvallers": the cue may stand before the count's article)
  const int cue_from = q.first > s.first + 1 && ctx.WordIs(toks[q.first - 1].lower, "definite") ? q.first - 1 : q.first;
  int cue_end = 0;
  if (total && (CueBefore(ctx, cue_from, s.first, "subgroup") || CueAt(ctx, q.last, s.last, "subgroup_after", &cue_end)) &&
      (total->sentence == si || (total->sentence == told_before && r.opens_sentence && !NounBeforeCue(ctx, s, cue_from)))) {
    if (const int cue_start = SubgroupCueStart(ctx, s, cue_from); total->sentence == si && cue_start >= 0)
      r.uncounted_kind = UncountedHarmBetween(ctx, total->end_token, cue_start);
    if (r.uncounted_kind.empty() || r.uncounted_kind == total->figure.kind) r.parent = total;
  }
  // "De doden, onder wie drie scholieren, …": a part of the harmed, who are not counted.
  if (!total && !r.naming_cue && CueBefore(ctx, cue_from, s.first, "subgroup")) {
    const int cue_start = SubgroupCueStart(ctx, s, cue_from);
    if (cue_start >= s.first + 2 && toks[cue_start - 1].lower == ",")
      r.uncounted_kind = UncountedHarmBetween(ctx, cue_start - 2, cue_start - 1);
  }
  return r;
}

std::string MainPredicateAfterRelative(const Context& ctx, int relative, int stop) {
  const int comma = RelativeClauseEnd(ctx, relative, stop);
  if (comma >= stop || comma > relative + kRelativeClauseReach || ctx.tokens()[comma].lower != ",") return "";
  std::string unused;
  return VerbKind(ctx, comma + 1, ClauseEnd(ctx, comma + 1, stop), comma + 1, comma + 1, false, &unused);
}

std::string RelativeClauseKind(const Context& ctx, int relative, int stop) {
  std::string unused;
  const int end = RelativeClauseEnd(ctx, relative, stop);
  const std::string verb = VerbKind(ctx, relative + 1, end, relative + 1, relative + 1, false, &unused);
  return verb == "none" ? "" : verb;
}

bool BreaksDown(const Context& ctx, const FigureCandidate* total, const Quantity& q, int si) {
  const auto& toks = ctx.tokens();
  if (!total || total->sentence != si || total->parent_token >= 0 || !total->figure.value || !q.value ||
      *q.value >= *total->figure.value)
    return false;
  const std::string& kind = total->figure.kind;  // of people, not of missiles
  if (kind == "rockets_fired" || kind == "intercepted" || kind == "other" || kind.empty()) return false;
  const std::string& mark = toks[q.first - 1].lower;
  if ((mark != "," && mark != ":" && mark != "(") || total->end_token >= q.first || q.first - total->end_token > kBreakdownReach) return false;
  for (int k = total->end_token; k < q.first - 1; ++k)
    if (ctx.quantity_at[k] >= 0 || toks[k].kind == TokenKind::kPunct) return false;
  return true;
}

}  // namespace figure_words
}  // namespace kroniek
