#include "extract/figures.h"

#include <algorithm>

#include "core/resource_file.h"
#include "extract/figure_words.h"

namespace kroniek {

namespace {

constexpr int kBareWindow = 6;       // tokens from "vielen" to a casualty noun without a number
constexpr int kZeroAdjectives = 2;   // 'geen Nederlandse slachtoffers'
constexpr int kOnePersonWindow = 8;
constexpr int kBracketAfterNoun = 6;  // "drie jongeren (16, 17 en 19)": the count, its noun, then the ages  // "een 45-jarige man is dinsdagavond omgekomen"

}  // namespace

using namespace figure_words;

std::vector<FigureCandidate> FindFigures(const Context& ctx, const Extraction& x) {
  auto zero_count = [](const Quantity& q) { return q.value && *q.value == 0; };
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
    // "twee mannen (23 en 25)": ages in brackets right after a counted noun.
    if (qi > 0 && toks[quantities[qi - 1].number_token].sentence == si &&
        InBrackets(ctx, quantities[qi - 1].last, q.first) && q.first - quantities[qi - 1].last <= kBracketAfterNoun &&
        OnlyNumbersInBrackets(ctx, quantities[qi - 1].last, q.first))  // not "(onder wie drie kinderen)"
      continue;
    // "zo'n 100 mensen minder omgekomen dan eerder gemeld": a difference, not a toll.
    if (int after = q.last; after < s.last && (CueAt(ctx, after, s.last, "difference", &cue_end) ||
                                               (after + 1 < s.last && CueAt(ctx, after + 1, s.last, "difference", &cue_end))))
      continue;
    // The next number bounds this figure's predicate (a range's upper bound is its own).
    int stop = s.last;
    // (A sub-group "onder wie vier boeren" does not end its total's predicate.)
    // (Nor do ages in brackets after the noun: "twee mannen (23 en 25)".)
    for (size_t nq = std::max(qi + 1, skip_until); nq < quantities.size() && toks[quantities[nq].number_token].sentence == si; ++nq)
      if (!InBrackets(ctx, q.last, quantities[nq].first) && (!quantities[nq].article_like || (quantities[nq].value && *quantities[nq].value == 0)) &&
          !CueBefore(ctx, quantities[nq].first, s.first, "subgroup") && !IsAge(ctx, quantities[nq], s)) {
        stop = quantities[nq].first;
        break;
      }
    stop = ClauseEnd(ctx, q.last, stop);

    std::string group, kind;
    bool countable = false;
    std::string yields;  // verb kinds that override the noun's ('gewonden … bezweken')
    int noun_from = q.last;
    bool partitive = false;
    // "35 van de 41 raketten": the noun comes after the second number.
    if (q.last + 2 < s.last && qi + 1 < quantities.size() && quantities[qi + 1].first == q.last + 2 &&
        CueBefore(ctx, q.last + 2, s.first, "partitive")) {
      noun_from = quantities[qi + 1].last;
      partitive = true;
      int next_stop = s.last;
      if (qi + 2 < quantities.size() && toks[quantities[qi + 2].number_token].sentence == si) next_stop = quantities[qi + 2].first;
      stop = ClauseEnd(ctx, q.last, next_stop);
    }
    std::string singular, needs_event, reading;  // reading: when not the noun's or a predicate's
    bool unknown_noun = false;
    int noun = ReadNoun(ctx, noun_from, s.last, &group, &kind, &countable, &yields, &singular, &needs_event,
                        &unknown_noun);
    // "Twee van de kapers kwamen om": part of a group named after "van de", counted by the verb.
    if (noun < 0 && !partitive && q.last + 2 < s.last && ctx.quantity_at[q.last + 2] < 0 &&
        CueBefore(ctx, q.last + 2, s.first, "partitive")) {
      noun_from = q.last + 2;
      noun = ReadNoun(ctx, noun_from, s.last, &group, &kind, &countable, &yields, &singular, &needs_event,
                      &unknown_noun);
      partitive = noun >= 0;
    }
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
    // "Drie van de doden waren kinderen": part of the dead, with no verb of its own.
    // (It opens its sentence: not "Van vijf van de 79 doden …", "kan een van de lichamen zijn".)
    const bool part_of_noun_kind = partitive && !kind.empty() && !countable && !zero_count(q) &&
                                   q.first - FillersBefore(ctx, q.first, s.first) == s.first;
    // "Daarvan werden er 48 neergeschoten": part of the figure before, counted by the verb.
    const bool part_back = before && opens_sentence && before->sentence >= si - 1 && before->figure.value &&
                           CueAt(ctx, s.first, s.last, "partitive_back", &cue_end);
    // The total in "vier van de vijf verdachten werden aangehouden" is not arrested.
    const bool partitive_total = qi > 0 && toks[quantities[qi - 1].number_token].sentence == si &&
                                 quantities[qi - 1].last + 2 == q.first &&
                                 CueBefore(ctx, q.first, s.first, "partitive");
    const bool one_person = q.article_like && kind.empty() && !singular.empty() && toks[noun].lower == singular;
    // "Een van de daders blies zichzelf op", "één van hen overleed": one of a group, counted by its verb.
    const bool one_of = q.article_like && q.value && *q.value == 1 &&
                        ((partitive && ctx.WordIs(toks[q.last + 1].lower, "definite")) ||
                         CueAt(ctx, q.last, s.last, "subgroup_after", &cue_end));
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
      if (noun != q.last && !one_person && !one_of && !(zero && noun > q.last && noun <= q.last + kZeroAdjectives)) continue;
      if (zero && kind.empty() && noun < 0) continue;
      if (!zero && !subgroup && !one_person && !one_of && (singular.empty() || toks[noun].lower != singular)) continue;
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
      if (kind.empty() && (!q.article_like || one_of)) {
        // "Nog eens 18 raakten gewond", "vier van hen overleden"
        kind = PredicateRightAfter(ctx, CueAt(ctx, q.last, stop, "subgroup_after", &cue_end) ? cue_end : q.last, stop);
        reading = "verb_after";
      }
      if (kind.empty() && !q.article_like && Elliptic(ctx, q.first, s.first)) {
        kind = VerbKind(ctx, q.last, q.last, q.first, s.first, false, &needs_event);  // "verwondde er nog 8"
        reading = "verb_before";
      }
      group = "people";
      // "86 administratieve aanhoudingen en zes gerechtelijke": the noun left out after its adjective.
      if (kind.empty() && before && before->sentence == si && q.first > s.first && q.last < s.last &&
          (toks[q.first - 1].lower == "," || ctx.WordIs(toks[q.first - 1].lower, "coordinator")) &&
          IsAdjectiveLike(ctx, toks[q.last]) &&
          (q.last + 1 == s.last || toks[q.last + 1].kind == TokenKind::kPunct || ctx.WordIs(toks[q.last + 1].lower, "coordinator"))) {
        kind = before->figure.kind;
        group = before->figure.group;
        reading = "list";
      }
      if (kind.empty()) continue;
    } else if (noun < 0) {
      // "van wie 1404 ernstig": a sub-group with no noun of its own, counting what its total counts.
      group = parent->figure.group;
      countable = parent->figure.kind == "rockets_fired" || parent->figure.kind == "intercepted";
    }
    if (one_person || one_of) {
      // One person's predicate stands close, in the same clause.
      const int head = noun >= 0 ? noun : q.last;
      int k = head + 1;
      while (k < stop && k <= head + kOnePersonWindow && toks[k].kind != TokenKind::kPunct &&
             !ctx.lex.ClauseIs(toks[k].lower, "clause_start"))
        ++k;
      stop = k;
    }
    std::string verb = partitive_total || (noun < 0 && !subgroup) || part_back
                           ? "" : VerbKind(ctx, noun >= 0 ? noun + 1 : q.last, stop, q.first, s.first, countable, &needs_event);
    // "32 Kenianen, 18 Canadezen en 5 Duitsers kwamen om": one predicate for a list.
    // (The predicate follows the list's last item, before any other count and its clause:
    // not "500 militairen en 30 helikopters gestuurd, waar 61 mensen zijn omgekomen".)
    if (verb.empty() && kind.empty() && noun >= 0 && stop < s.last && OnlySeparators(ctx, noun + 1, stop))
      verb = VerbKind(ctx, noun + 1, ListPredicateEnd(ctx, quantities, qi, s), q.first, s.first, countable, &needs_event);
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
    if (const auto over = SplitBar(yields); !verb.empty() && std::find(over.begin(), over.end(), verb) != over.end())
      kind = verb;
    if (partitive && !verb.empty()) kind = verb;
    if (partitive && verb.empty() && !part_of_noun_kind) continue;  // "Van vijf van de 79 doden is de naam bekend
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
    // ("Onder de doden waren 32 Kenianen, 18 Canadezen en 5 Duitsers": the list shares the cue's kind.)
    if (kind.empty() && !subgroup && before && before->sentence == si && before->figure.reading == "cue" &&
        before->end_token < q.first && OnlySeparators(ctx, before->end_token, q.first)) {
      kind = before->figure.kind;
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
