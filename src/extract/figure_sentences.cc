// Figure words, the sentence as a whole: what harm it tells, whether it reports a toll
// at all or a count over a period, a projection or a fear; casualty nouns told without a
// number, and how fresh each figure is.
#include <algorithm>

#include "extract/figure_words.h"

namespace kroniek {
namespace figure_words {

namespace {
constexpr int kBareWindow = 6;       // tokens from "vielen" to a casualty noun without a number
constexpr int kProjectionWindow = 12;  // 'Het dodental kan volgens de gouverneur nog oplopen tot'
constexpr int kProjectionAfterReach = 2;  // the count's noun and an adjective
}  // namespace

namespace {

// Four digits of a year from 1900 to 2099 ("2015").
bool IsYear(const std::string& w) {
  return w.size() == 4 && (w.rfind("19", 0) == 0 || w.rfind("20", 0) == 0) &&
         std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether a "since the start" cue ending at `end` names an event by its trigger ("sinds
// het begin van de gevechten"), not a period of its own ("sinds het begin van de oorlog").
bool SinceAnEvent(const Context& ctx, const Sentence& s, int end) {
  const auto& toks = ctx.tokens();
  if (end >= s.last || !ctx.WordIs(toks[end].lower, "genitive")) return false;
  int k = end + 1;
  while (k < s.last && (ctx.WordIs(toks[k].lower, "definite") || ctx.lex.LooksAdjective(toks[k].lower))) ++k;
  for (const auto& m : ctx.lex.triggers.FindAll(toks, k, std::min(s.last, k + 2)))
    if (m.first == k) return true;
  return false;
}

// Whether the period starting at `first` dates one event named right before it with its
// article ("de explosie van begin dit jaar", "de aanslag van dit jaar"): its time, no period.
bool DatesATrigger(const Context& ctx, const Sentence& s, int first) {
  const auto& toks = ctx.tokens();
  for (int k = first - 1; k >= std::max(s.first + 1, first - 2); --k) {
    if (!ctx.WordIs(toks[k].lower, "genitive")) continue;
    for (const auto& m : ctx.lex.triggers.FindAll(toks, std::max(s.first, k - 2), k)) {
      if (m.end != k || ctx.lex.LooksPlural(toks[m.first].lower)) continue;
      int d = m.first - 1;  // one event, named with its article ("de grote brand van …")
      while (d > s.first && ctx.lex.LooksAdjective(toks[d].lower)) --d;
      return d >= s.first && ctx.WordIs(toks[d].lower, "definite");
    }
    return false;
  }
  return false;
}

// The figure-cue class of match m: "statistic_since" is a statistic unless it names an
// event; a statistic's period that dates a named event is none.
const std::string& CueClass(const Context& ctx, const Sentence& s, const PhraseMatch& m) {
  static const std::string kStatistic = "statistic", kEvent = "since_event", kNone;
  const std::string& cls = ctx.lex.figure_cues.rows()[m.row].value;
  if (cls == "statistic" && DatesATrigger(ctx, s, m.first)) return kNone;
  if (cls != "statistic_since") return cls;
  return SinceAnEvent(ctx, s, m.end) ? kEvent : kStatistic;
}

}  // namespace

std::set<std::string> HarmsTold(const Context& ctx, const Sentence& s) {
  std::set<std::string> kinds;
  auto harm = [&](const std::string& kind) {
    if (kind == "killed" || kind == "injured") kinds.insert(kind);
  };
  std::string modifier;
  for (int k = s.first; k < s.last; ++k)
    if (const PhraseTable::Row* row = ctx.lex.figure_nouns.Lookup(ctx.tokens()[k].lower, &modifier)) harm(row->value);
  for (const auto& m : ctx.lex.figure_verbs.FindAll(ctx.tokens(), s.first, s.last)) harm(ctx.lex.figure_verbs.rows()[m.row].value);
  return kinds;
}

bool IsQuestion(const Context& ctx, const Sentence& s) { return ctx.tokens()[s.last - 1].lower == "?"; }

bool Counted(const Context& ctx, const Sentence& s, int first) {
  int k = first - 1;
  while (k > s.first && ctx.lex.LooksAdjective(ctx.tokens()[k].lower)) --k;
  return k >= s.first && ctx.quantity_at[k] >= 0;
}

// Whether sentence s tells counts over a past period: a period cue ("vorig jaar", "in
// 2022", "inmiddels"), events counted or named in the plural ("149 explosies", "bij woningbranden") or
// none named at all, and no one event named with its article ("bij de aanslag").
bool CountOverPeriod(const Context& ctx, const Sentence& s) {
  const auto& toks = ctx.tokens();
  // A year named ("in 2010") marks a period only beside events in the plural; a past
  // year told alone may be one event's ("In 2010 kwamen in dezelfde mijn 58 mijnwerkers om").
  // ("inmiddels": a count so far, over a period only beside events in the plural.)
  bool period = false, year = false, so_far = false;
  for (const auto& m : ctx.lex.figure_cues.FindAll(toks, s.first, s.last)) {
    period = period || ctx.lex.figure_cues.rows()[m.row].value == "statistic_period";
    so_far = so_far || ctx.lex.figure_cues.rows()[m.row].value == "statistic_so_far";
  }
  for (const auto& t : ctx.an.times)
    year = year || (t.first >= s.first && t.first < s.last && t.date.precision == Precision::kYear);
  if (!period && !year && !so_far) return false;
  const bool only_so_far = so_far && !period && !year;
  // ("Vorig jaar vielen zes doden toen een auto op de markt inreed": one occasion.)
  for (int k = s.first; k < s.last; ++k)
    if (ctx.WordIs(toks[k].lower, "occasion")) return false;
  bool any = false, plural = false;
  for (const auto& m : ctx.lex.triggers.FindAll(toks, s.first, s.last)) {
    any = true;
    int k = m.first - 1;
    while (k > s.first && ctx.lex.LooksAdjective(toks[k].lower)) --k;
    if (k >= s.first && (ctx.WordIs(toks[k].lower, "determiner") || ctx.WordIs(toks[k].lower, "indefinite"))) return false;
    const bool counted = Counted(ctx, s, m.first);
    const bool governed = k >= s.first && (ctx.lex.ClauseIs(toks[k].lower, "preposition") || ctx.lex.ClauseIs(toks[k].lower, "circumstance") ||
                                           ctx.lex.ClauseIs(toks[k].lower, "locative"));
    // (Riots and protests go on: their plural so far is one event's.)
    const bool many = !only_so_far || !ctx.lex.TypeInfo(ctx.lex.triggers.rows()[m.row].value).ongoing;
    plural = plural || ((counted || governed) && many && ctx.lex.LooksPlural(toks[m.first].lower));
  }
  return plural || (period && !any);
}

bool TellsStatistic(const Context& ctx, const Sentence& s) {
  for (const auto& m : ctx.lex.figure_cues.FindAll(ctx.tokens(), s.first, s.last))
    if (CueClass(ctx, s, m) == "statistic") return true;
  return CountOverPeriod(ctx, s);
}

// A count over a period ("dit jaar al 300 doden") anywhere in the sentence, what
// could have been around it ("had tot 1.000 doden kunnen eisen"), or a projection or
// fear before the number ("kan oplopen tot 5.000", "men vreest dat 20 mensen …"):
// not a report of an event's toll.
bool NotAReport(const Context& ctx, const Sentence& s, const Quantity& q) {
  const auto& toks = ctx.tokens();
  for (const auto& m : ctx.lex.figure_cues.FindAll(toks, s.first, s.last)) {
    const std::string& cls = CueClass(ctx, s, m);
    // What could have been holds for the count it encloses ("had tot 1.000 doden kunnen
    // eisen"), not for "… kunnen vallen dan de acht doden die er vielen".
    if (cls == "conditional") {
      if (m.first < q.first && q.last <= m.end) return true;
      continue;
    }
    // A statistic holds for the sentence, but not beyond a semicolon or colon, nor
    // from an apposition: "…, de dodelijkste aanval dit jaar" after the count, or
    // "De aanslag, de zeventiende dit jaar, eiste …" between commas before it.
    // "sinds 2015", "in heel 2023": a count over the years since or the whole year.
    const bool year_after = m.end < s.last && IsYear(toks[m.end].lower);
    if (cls == "statistic" || (cls == "statistic_year" && year_after)) {
      auto has = [&](int from, int to, bool comma) {
        for (int k = from; k < to; ++k)
          if (toks[k].lower == ";" || toks[k].lower == ":" || (comma && toks[k].lower == ",")) return true;
        return false;
      };
      // ("de zwaarste brand sinds 2009, toen zes mensen omkwamen": the count is the occasion's, also
      // past an apposition: "toen in Yamba, veertig kilometer verderop, 34 burgers werden gedood".)
      auto occasion = [&](int from, int to) {
        bool apposition = to - 1 > from && toks[to - 1].lower == ",";  // closed right before the count
        for (int k = to - 2; k >= from; --k) {
          if (toks[k].lower != ",") continue;
          if (ctx.WordIs(toks[k + 1].lower, "occasion")) return true;
          if (!apposition) return false;
          apposition = false;
        }
        return false;
      };
      const bool apart = m.first >= q.last ? has(q.last, m.first, true)
                                           : has(m.end, q.first, false) || occasion(m.end, q.first) ||
                                                 (has(s.first, m.first, true) && has(m.end, q.first, true));
      if (!apart) return true;
      continue;
    }
    // A projection right after the count and its noun ("tot 30.000 doden zou kunnen eisen").
    if (cls == "projection_after") {
      if (m.first >= q.last && m.first - q.last <= kProjectionAfterReach) return true;
      continue;
    }
    if (cls != "projection" || m.first >= q.number_token || q.first - m.first > kProjectionWindow) continue;
    // ("Zoals verwacht is X herkozen: … er vielen zes doden": another clause; so is
    // what follows a comma right after the cue: "Het dodental kan oplopen, volgens X …")
    bool same_clause = m.end >= q.first || toks[m.end].lower != ",";
    for (int k = m.end; k < q.first && same_clause; ++k) same_clause = toks[k].lower != ":" && toks[k].lower != ";";
    if (same_clause) return true;
  }
  return false;
}

void FindZerosOfEither(const Context& ctx, std::vector<FigureCandidate>* found) {
  // "Er vielen geen doden of gewonden": none of either harm.
  const auto& toks = ctx.tokens();
  std::vector<FigureCandidate> more;
  for (const FigureCandidate& c : *found) {
    const int k = c.end_token, n = k + 1;
    if (!c.figure.value || *c.figure.value != 0 || n >= ctx.an.sentences[c.sentence].last) continue;
    if (!ctx.WordIs(toks[k].lower, "alternative") && !ctx.WordIs(toks[k].lower, "coordinator")) continue;
    std::string modifier;
    const auto* row = ctx.lex.figure_nouns.Lookup(toks[n].lower, &modifier);
    if (!row || !row->options.count("casualty") || row->value == c.figure.kind || ctx.quantity_at[n] >= 0) continue;
    FigureCandidate z = c;
    z.token = n;
    z.end_token = n + 1;
    z.figure.kind = row->value;
    z.figure.group = row->options.count("group") ? row->options.at("group") : "people";
    z.figure.span = toks[n].span;
    z.figure.group_span = toks[n].span;
    z.figure.reading = "list";
    more.push_back(std::move(z));
  }
  found->insert(found->end(), more.begin(), more.end());
}

void FindBareCasualties(const Context& ctx, const Extraction& x, std::vector<FigureCandidate>* found) {
  const auto& toks = ctx.tokens();
  std::vector<FigureCandidate>& out = *found;
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
        if (ctx.quantity_at[k - 1] >= 0 || ctx.language.words().IsFunctionWord(prev.lower) ||
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
}

void MarkFreshness(const Context& ctx, std::vector<FigureCandidate>* found) {
  const auto& toks = ctx.tokens();
  for (auto& c : *found)
    for (const auto& m : ctx.lex.freshness.FindAll(toks, ctx.an.sentences[c.sentence].first, ctx.an.sentences[c.sentence].last)) {
      c.figure.freshness = ctx.lex.freshness.rows()[m.row].value;
      if (c.figure.freshness == "update") break;
    }
}

}  // namespace figure_words
}  // namespace kroniek
