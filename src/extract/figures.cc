#include "extract/figures.h"

#include <algorithm>
#include <cmath>

#include "core/resource_file.h"
#include "extract/figure_shapes.h"
#include "extract/figure_subgroups.h"
#include "extract/figure_words.h"

namespace kroniek {

namespace {

// Whether a cue of how badly the hurt are hurt ("in levensgevaar") stands in [from, to).
bool SeverityFollows(const Context& ctx, int from, int to) {
  int end = 0;
  for (int k = from; k < to; ++k)
    if (figure_words::CueAt(ctx, k, to, "severity", &end)) return true;
  return false;
}

constexpr int kZeroAdjectives = 2;   // 'geen Nederlandse slachtoffers'
constexpr int kOnePersonWindow = 8;  // "een 45-jarige man is dinsdagavond omgekomen"
constexpr int kOneOfWindow = 14;  // "een van de gewonden van de schietpartij in Luik is zaterdag … overleden"
constexpr int kAppositionReach = 8;  // ", een 34-jarige vrouw uit Kampen,"

// The token after an apposition that opens with the comma at `comma` ("Een van hen, een
// vrouw, is overleden"): a noun phrase led by a determiner, no clause in it, closed by a comma
// before a finite verb of the main clause; `comma` when there is none.
int PastApposition(const Context& ctx, int comma, int stop) {
  const auto& toks = ctx.tokens();
  if (toks[comma].lower != "," || comma + 1 >= stop || !ctx.WordIs(toks[comma + 1].lower, "determiner") ||
      ctx.WordIs(toks[comma + 1].lower, "relative"))
    return comma;
  for (int k = comma + 2; k + 1 < stop && k <= comma + kAppositionReach; ++k) {
    if (toks[k].lower == ",") return ctx.lex.ClauseIs(toks[k + 1].lower, "auxiliary") ? k + 1 : comma;
    if (toks[k].kind == TokenKind::kPunct || ctx.lex.ClauseIs(toks[k].lower, "clause_start") ||
        ctx.WordIs(toks[k].lower, "relative"))
      return comma;
  }
  return comma;
}

// Whether the person named before `after` opens a list that goes on with a count ("een meisje
// van 7 en vijf mannen"), not the subject of a clause of its own ("drie doden, een man droeg
// een tas"); a list of single persons ("een man en een vrouw") names who, it counts none.
bool ListGoesOn(const Context& ctx, int after, const Sentence& s) {
  const auto& toks = ctx.tokens();
  int k = after;
  if (k + 1 < s.last && ctx.quantity_at[k + 1] >= 0) {  // its age ("van 9", "van 29 jaar")
    const Quantity& age = ctx.an.quantities[ctx.quantity_at[k + 1]];
    int end = 0;
    if (figure_words::IsAge(ctx, age, s))
      k = figure_words::CueAt(ctx, age.last, s.last, "age_after", &end) ? end : age.last;
  }
  if (k + 1 >= s.last || (toks[k].lower != "," && !ctx.WordIs(toks[k].lower, "coordinator"))) return false;
  const int next = ctx.quantity_at[k + 1];
  return next >= 0 && !ctx.an.quantities[next].article_like;
}

// "Het dodental werd bijgesteld van 58 naar 79": the count before the change is a figure
// of the same kind, told as the earlier, provisional one.
void AddCountsBeforeChanges(const Context& ctx, const std::vector<std::pair<Quantity, int>>& changes,
                            std::vector<FigureCandidate>* out) {
  std::vector<FigureCandidate> before;
  for (const auto& [q, after_token] : changes)
    for (const FigureCandidate& c : *out) {
      if (c.token != after_token || !q.value) continue;
      FigureCandidate b = c;
      b.token = q.number_token;
      b.end_token = q.last;
      b.parent_token = -1;
      b.figure.value = q.value;
      b.figure.low = b.figure.high = std::nullopt;
      b.figure.qualifier = q.qualifier.empty() ? "exact" : q.qualifier;
      b.figure.span = ctx.TokenSpan(q.first, q.last);
      b.figure.group_span = Span();
      b.figure.freshness = "provisional";
      before.push_back(std::move(b));
      break;
    }
  out->insert(out->end(), before.begin(), before.end());
}

}  // namespace

using namespace figure_words;
using namespace figure_shapes;

std::vector<FigureCandidate> FindFigures(const Context& ctx, const Extraction& x) {
  auto zero_count = [](const Quantity& q) { return q.value && *q.value == 0; };
  const auto& toks = ctx.tokens();
  const auto& quantities = ctx.an.quantities;
  std::vector<FigureCandidate> out;
  size_t skip_until = 0;  // quantities consumed by a range
  std::vector<std::pair<Quantity, int>> changes;  // the count before a change, the number token after
  std::vector<signed char> over_period(ctx.an.sentences.size(), -1);
  for (size_t qi = 0; qi < quantities.size(); ++qi) {
    if (qi < skip_until) continue;
    Quantity q = quantities[qi];
    if (ctx.time_at[q.number_token] >= 0) continue;
    if (q.value && *q.value != std::floor(*q.value)) continue;  // "6,6", "3,931": a count has no fraction
    const int si = toks[q.number_token].sentence;
    const Sentence& s = ctx.an.sentences[si];
    if (IsQuestion(ctx, s)) continue;  // 'Hoeveel doden vielen er?' asserts nothing
    if (over_period[si] < 0) over_period[si] = CountOverPeriod(ctx, s);  // once per sentence
    if (over_period[si] || NotAReport(ctx, s, q)) continue;
    int cue_end = 0;
    if (IsRatio(ctx, quantities, qi, s) || IsMeasure(ctx, q)) continue;
    if (const RangeRead r = ReadRange(ctx, quantities, qi, s, &q); r == RangeRead::kChange) {
      changes.push_back({q, quantities[qi + 1].number_token});
      continue;
    } else if (r != RangeRead::kNone) {
      skip_until = qi + 2;
      if (r == RangeRead::kMargin) continue;
    }
    if (IsAge(ctx, q, s) || (IsBracketedAge(ctx, quantities, qi, s) && !InBracketsAfterPlace(ctx, q, s)) ||
        IsDifference(ctx, q, s))
      continue;
    int stop = PredicateStop(ctx, quantities, qi, std::max(qi + 1, skip_until), q, s);

    CountNoun cn = ReadCountNoun(ctx, quantities, qi, q, s, &stop);
    std::string &group = cn.group, &kind = cn.kind, &yields = cn.yields, &singular = cn.singular,
                &needs_event = cn.needs_event;
    bool &countable = cn.countable, &unknown_noun = cn.unknown, &partitive = cn.partitive;
    const int noun = cn.token, noun_from = cn.from;
    std::string reading;  // when not the noun's or a predicate's
    bool per_place = false;
    const FigureCandidate* place_total = nullptr;  // the total a count per place breaks down
    const FigureCandidate* before = out.empty() ? nullptr : &out.back();
    const SubgroupReading sub = ReadSubgroup(ctx, out, q, s, kind);
    const FigureCandidate* parent = sub.parent;
    const bool opens_sentence = sub.opens_sentence, coordinated = sub.coordinated;
    const PhraseTable::Row* naming_cue = sub.naming_cue;
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
                                 CueFromTo(ctx, quantities[qi - 1].last, q.first, "partitive");
    // ("Een van de twee overleefde het niet": the whole counts no one by the verb, unless
    // a relative clause says what befell the whole: "vijf van de twaalf verdachten die
    // zondag werden opgepakt".)
    const bool described = noun >= 0 && noun + 1 < s.last && ctx.WordIs(toks[noun + 1].lower, "relative");
    const std::string whole_kind = partitive_total && described ? RelativeClauseKind(ctx, noun + 1, s.last) : "";
    if (partitive_total && kind.empty() && whole_kind.empty()) continue;
    const bool one_person = q.article_like && kind.empty() && !singular.empty() && toks[noun].lower == singular;
    // "Een van de daders blies zichzelf op", "één van hen overleed": one of a group, counted by its verb.
    const bool one_of = q.article_like && q.value && *q.value == 1 &&
                        ((partitive && ctx.WordIs(toks[q.last + 1].lower, "definite")) ||
                         CueAt(ctx, q.last, s.last, "subgroup_after", &cue_end));
    // "werd door drie politieagenten weggehaald": the agent of a passive is not counted by it.
    if (q.first > s.first && ctx.lex.ClauseIs(toks[q.first - 1].lower, "agent")) continue;
    // "een derde man", "een vierde persoon": a rank, not a count.
    if (q.article_like && q.last < s.last && ctx.WordIs(toks[q.last].lower, "ordinal")) continue;
    const bool zero = q.value && *q.value == 0;  // "geen", "niemand"
    if (zero && q.first >= s.first + 2 && ctx.lex.ClauseIs(toks[q.first - 1].lower, "copula") &&
        ctx.WordIs(toks[q.first - 2].lower, "demonstrative"))
      continue;  // "Dit zijn geen ongelukken": a classification, no count
    // "Er is nog niemand opgepakt": none yet is a moment of the story, not its count.
    if (zero && q.first > s.first && (ctx.WordIs(toks[q.first - 1].lower, "yet") ||
                                      (q.first > s.first + 1 && ctx.WordIs(toks[q.first - 2].lower, "yet"))))
      continue;
    // "Niemand is in levensgevaar": none is hurt that badly, not none hurt.
    if (zero && SeverityFollows(ctx, q.last, ClauseEnd(ctx, q.last, s.last))) continue;
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
    // "Het aantal gewonden is tot 31 opgelopen": with a verb of change, "tot" gives the new
    // count, not an upper bound.
    if (f.qualifier == "up_to" && ChangeInPart(ctx, s, q.number_token)) f.qualifier = "exact";
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
        // "Nog eens 18 raakten gewond", "vier van hen overleden", "een van de twee overleed"
        const int after = CueAt(ctx, q.last, stop, "subgroup_after", &cue_end) ? cue_end : partitive ? noun_from : q.last;
        kind = PredicateRightAfter(ctx, after < stop ? PastApposition(ctx, after, stop) : after, stop);
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
      // "In Eindhoven werden 55 mensen aangehouden, in Den Bosch 20": a count per place,
      // its noun and verb left out.
      per_place = before && before->sentence == si && CountAfterPlace(ctx, q.first, s.first);
      // "… 18 mensen opgepakt in Gent en 7 in Brugge": the noun and verb left out after "en";
      // "Het Rode Kruis spreekt van 13": another source's count of the same.
      // (Not "twee mannen (23 en 25)": a number right before "en" pairs with this one.)
      const bool bare = q.last == s.last || toks[q.last].kind == TokenKind::kPunct;  // nothing follows in its clause
      // (After a comma only with its place: "32 doden in Luik, 2 in Namen en 1 in Charleroi".)
      const bool locative_after = q.last < s.last && ctx.lex.ClauseIs(toks[q.last].lower, "locative");
      const bool gapped = before && before->sentence == si && q.first > s.first + 1 && ctx.quantity_at[q.first - 2] < 0 &&
                          ((ctx.WordIs(toks[q.first - 1].lower, "coordinator") && (bare || locative_after)) ||
                           (toks[q.first - 1].lower == "," && locative_after));
      const bool restated = before && before->sentence >= si - 1 && CueBefore(ctx, q.first, s.first, "report_count") && bare;
      // ("Zes passagiers overleden op de weg en twee in het ziekenhuis": a place, the verb left out.)
      if (gapped && locative_after && reading == "verb_after") kind.clear();
      if ((per_place || gapped || restated) && kind.empty()) {
        kind = before->figure.kind;
        group = before->figure.group;
        reading = "list";
      }
      // "omgekomen in de provincies Cusco (12) en Puno (7)": a count in brackets
      // after a place breaks down the total told before it, in its sentence or the one before.
      if (kind.empty() && before && before->sentence >= si - 1 && InBracketsAfterPlace(ctx, q, s)) {
        place_total = before->parent_token >= 0 && before->figure.reading == "place" ? CandidateAt(out, before->parent_token) : before;
        kind = place_total->figure.kind;
        group = "people";
        reading = "place";
      }
      if (kind.empty()) continue;
    } else if (noun < 0) {
      // "van wie 1404 ernstig": a sub-group with no noun of its own, counting what its total counts.
      group = parent->figure.group;
      countable = parent->figure.kind == "rockets_fired" || parent->figure.kind == "intercepted";
    }
    if (one_person || one_of) {
      // One person's predicate stands close, in the same clause; one of a named group
      // is counted outright, so its predicate may stand past the group's modifiers.
      const int head = noun >= 0 ? noun : q.last;
      const int window = one_of ? kOneOfWindow : kOnePersonWindow;
      int k = head + 1, limit = head + window;
      while (k < stop && k <= limit && !ctx.lex.ClauseIs(toks[k].lower, "clause_start")) {
        if (toks[k].kind == TokenKind::kPunct) {
          const int past = PastApposition(ctx, k, stop);
          if (past == k) break;
          limit += past - k;
          k = past;
        }
        ++k;
      }
      stop = k;
    }
    // A sub-group set off by commas ends at the comma: a predicate past it is the total's
    // subject's ("vermoordden twaalf mensen, onder wie twee agenten, en vluchtten").
    if (subgroup)
      for (int k = noun >= 0 ? noun + 1 : q.last; k < stop; ++k) {
        if (toks[k].kind != TokenKind::kPunct) continue;
        const int past = PastApposition(ctx, k, stop);
        if (past == k) { stop = k; break; }
        k = past - 1;
      }
    std::string verb = partitive_total                                          ? whole_kind
                       : (noun < 0 && !subgroup) || (part_back && noun < 0) ? ""
                           : VerbKind(ctx, noun >= 0 ? noun + 1 : q.last, stop, q.first, s.first, countable, &needs_event);
    // "Drie mensen die gewond raakten bij de aanslag, zijn overleden": past a relative clause
    // that describes the group, the main clause's predicate says what befell them. A part of
    // a whole the clause describes is counted by the main predicate alone ("vijf van de
    // twaalf verdachten die … werden opgepakt, zijn voorgeleid": no count of arrests).
    if (!verb.empty() && !partitive_total && noun >= 0 && noun + 1 < stop && ctx.WordIs(toks[noun + 1].lower, "relative")) {
      const std::string main = MainPredicateAfterRelative(ctx, noun + 1, stop);
      if (partitive) verb = main;
      else if (!main.empty() && main != "none") verb = main;
    }
    // "Van 20 doden is de identiteit bekendgemaakt": a count the sentence opens with as the
    // complement of "van" is what its clause's verb says, here no count of the toll.
    if (verb == "none" && q.first == s.first + 1 && ctx.WordIs(toks[s.first].lower, "genitive")) continue;
    // "32 Kenianen, 18 Canadezen en 5 Duitsers kwamen om": one predicate for a list.
    // (The predicate follows the list's last item, before any other count and its clause:
    // not "500 militairen en 30 helikopters gestuurd, waar 61 mensen zijn omgekomen".)
    // (A sub-group of a total of the dead or hurt is counted as its total is, not by the list
    // after it: "zes doden, onder wie twee kinderen, en 43 gewonden".)
    const bool parent_says = subgroup && (parent->figure.kind == "killed" || parent->figure.kind == "injured");
    if (verb.empty() && (kind.empty() || countable) && noun >= 0 && stop < s.last && !parent_says &&
        ListGap(ctx, quantities, noun + 1, stop))
      verb = VerbKind(ctx, noun + 1, ListPredicateEnd(ctx, quantities, qi, s), q.first, s.first, countable, &needs_event);
    if (verb.empty() && kind.empty() && noun >= 0 && before && before->sentence == si && before->kind_from_predicate &&
        before->end_token < q.first && OnlySeparators(ctx, before->end_token, q.first))
    {
      verb = before->figure.kind;  // ("kwamen 32 Kenianen, 18 Canadezen en 5 Duitsers om")
      reading = "list";
    }
    // "Het dodental is opgelopen tot zeker 32 mensen": the toll noun before says what the
    // people counted are.
    if (verb.empty() && kind.empty() && noun >= 0 && !subgroup) {
      const std::string toll = TollKindBefore(ctx, q, s);
      if (!toll.empty() && toll != "previous") {
        verb = toll;
        reading = "toll";
      }
    }
    // "vielen twaalf slachtoffers te betreuren": those mourned are the dead, unless the
    // noun names its harm ("twaalf gewonden te betreuren").
    if (verb == "mourned") verb = kind.empty() || kind == "casualties" ? "killed" : kind;
    // An unknown noun counts people only in a plain count of people.
    if (unknown_noun && !subgroup &&
        (verb.empty() || verb == "rockets_fired" || verb == "intercepted" || q.low || !q.value || *q.value >= 1000))
      continue;
    const std::string noun_kind = kind;
    c.kind_from_predicate = !verb.empty() && (kind.empty() || countable);
    if (kind.empty() || (countable && !verb.empty() && !partitive)) kind = verb.empty() ? kind : verb;
    if (const auto over = SplitBar(yields); !verb.empty() && std::find(over.begin(), over.end(), verb) != over.end())
      kind = verb;
    // "Een van de doden werd pas later gevonden": one of a group counted already, told
    // again by what its own count says or by nothing (not "een van de gewonden overleed",
    // nor who it was: "een van de doden was een tiener").
    if (one_of && partitive && noun >= 0 && (verb.empty() ? !(noun + 1 < s.last && ctx.lex.ClauseIs(toks[noun + 1].lower, "copula"))
                                             : verb == noun_kind))
      continue;
    if (partitive && !verb.empty()) kind = verb;
    // ("Van vijf van de 79 doden is de naam bekend"; a whole with no noun is read by the verb right after it.)
    if (partitive && verb.empty() && !part_of_noun_kind && noun >= 0) continue;
    if (subgroup) {
      c.parent_token = parent->token;
      // ("waarvan er 35 werden onderschept": the verb's; "onder wie de twee aanvallers": the dead's)
      const auto over = SplitBar(yields);
      if (kind.empty() || (noun < 0 && verb.empty()) ||
          (verb.empty() && std::find(over.begin(), over.end(), parent->figure.kind) != over.end())) {
        kind = parent->figure.kind;
        reading = "parent";
      }
    }
    if (kind.empty() && !subgroup && !sub.uncounted_kind.empty()) {
      kind = sub.uncounted_kind;  // "drie doden en talloze gewonden, onder wie 25 agenten"
      reading = "cue";
    }
    if (kind.empty() && !subgroup && naming_cue && !coordinated && !q.article_like) {
      kind = naming_cue->options.at("kind");  // "Onder de doden zijn drie Belgen" with no total before
      reading = "cue";
    }
    // ("Onder de doden waren 32 Kenianen, 18 Canadezen en 5 Duitsers": the list shares the cue's
    // kind; "175 passagiers kwamen om, samen met vier bemanningsleden": so does a count alongside.)
    if (kind.empty() && !subgroup && before && before->sentence == si && before->end_token < q.first &&
        ((before->figure.reading == "cue" && OnlySeparators(ctx, before->end_token, q.first)) ||
         CueBefore(ctx, q.first, s.first, "alongside") ||
         (q.first > s.first + 1 && ctx.WordIs(ctx.tokens()[q.first - 1].lower, "definite") &&
          CueBefore(ctx, q.first - 1, s.first, "alongside")))) {
      kind = before->figure.kind;
      reading = "cue";
    }
    // "Er zijn meerdere doden gevallen. Het gaat om zeker zeven slachtoffers", "… kwamen veel
    // hulpverleners om. Het gaat om 76 brandweerlieden": those named by a cue after a sentence
    // that told one harm only, uncounted, are those harmed.
    if ((kind == "casualties" || (kind.empty() && noun >= 0 && !q.article_like)) && !subgroup && si > 0 &&
        CueBefore(ctx, q.first, s.first, "subgroup")) {
      const auto told = HarmsTold(ctx, ctx.an.sentences[std::max(ctx.ToldBefore(si), 0)]);
      if (told.size() == 1) {
        if (kind.empty()) reading = "cue";
        kind = *told.begin();
      }
    }
    // "Er vielen vijf doden, twee kinderen en drie vrouwen": a breakdown set off by a comma or
    // colon, also when it opens with one person ("vijf doden: een kind en vier vrouwen").
    const bool apposition = kind.empty() && !subgroup && (!q.article_like || (one_person && ListGoesOn(ctx, noun + 1, s))) &&
                            noun >= 0 && BreaksDown(ctx, before, q, si);
    if (apposition) {
      c.parent_token = before->token;
      kind = before->figure.kind;
      reading = "parent";
    }
    // A predicate of kind none says the count is no figure ("om alle aanwezigen dood te schieten").
    if (kind == "none") continue;
    if (zero && (kind.empty() || unknown_noun)) continue;  // "geen mensen in het gebouw", "geen aanwijzingen", "niemand beelden"
    if (one_person && kind.empty() && !subgroup) continue;  // "een man droeg een tas"
    if (kind.empty()) {
      // A counted group with no predicate: a figure only as the continuation
      // of a report on victims ("Ooggetuigen spraken van acht kinderen").
      if (ctx.sentence_sources[si].sources.empty()) continue;
      // ("Er zaten volgens de vervoerder zo'n 70 reizigers in de trein": who was there, not hit;
      // "volgens de politie verzamelden zich 2.500 mensen": what they did is no harm.)
      if (CueInSentence(ctx, s, "presence") || !CueBefore(ctx, q.first, s.first, "report_count")) continue;
      c.continuation = true;
    }
    f.kind = kind == "mourned" ? "killed" : kind;  // (a bare count mourned: the dead)
    // ("De twaalf slachtoffers werden herdacht": victims remembered are the dead.)
    if (f.kind == "casualties" && PartHas(ctx, s, q.number_token, "remembrance", s.last)) f.kind = "killed";
    // ("De lawine kostte vermoedelijk aan 47 skiërs het leven": a hedge before the count;
    // "47 skiërs zijn vermoedelijk omgekomen": between the count and its verb.)
    if (f.qualifier == "exact" && (PartHas(ctx, s, q.number_token, "hedge", q.first) ||
                                   HedgeBeforeVerb(ctx, s, noun >= 0 ? noun + 1 : q.last)))
      f.qualifier = "possibly";
    f.group = group;
    if (kind == "other") c.needs_event = needs_event;
    int end = noun >= 0 ? noun + 1 : q.last;
    c.end_token = end;
    // "minstens 13 doden en 25 gewonden": a list's lower bound or estimate holds for each
    // count; "meer dan 50 gewonden en zes doden" bounds only its own, and none reaches a
    // count of what another kind of event tells ("zeker zes doden, 46 verdachten opgepakt").
    if (f.qualifier == "exact" && before && before->sentence == si && !subgroup && !apposition && before->end_token < q.first &&
        (before->figure.qualifier == "at_least" || before->figure.qualifier == "about") &&
        ctx.lex.OwnEventOf(before->figure.kind) == ctx.lex.OwnEventOf(kind) && OnlySeparators(ctx, before->end_token, q.first))
      f.qualifier = before->figure.qualifier;
    f.span = ctx.TokenSpan(q.first, end);
    if (noun >= 0) f.group_span = ctx.TokenSpan(noun_from, noun + 1);
    f.according_to = SourcesOf(ctx, x, q.number_token);
    if (per_place) c.place_token = ctx.an.entities[ctx.entity_at[q.first - 1]].first;
    if (place_total) c.parent_token = place_total->token;
    f.reading = c.continuation ? "context" : reading.empty() ? (c.kind_from_predicate ? "predicate" : "noun") : reading;
    f.one_person = one_person && !subgroup && f.qualifier == "exact" && !InCountList(ctx, quantities, qi, noun);
    if (f.one_person && ctx.lex.OneByNumberOnly(f.kind)) continue;
    out.push_back(std::move(c));
  }
  FindZerosOfEither(ctx, &out);
  FindBareCasualties(ctx, x, &out);
  MarkFreshness(ctx, &out);
  AddCountsBeforeChanges(ctx, changes, &out);
  std::stable_sort(out.begin(), out.end(), [](const FigureCandidate& a, const FigureCandidate& b) {
    return a.figure.span.begin < b.figure.span.begin;
  });
  return out;
}

void EraseFigures(std::vector<Figure>* figures, const std::vector<bool>& erase) {
  std::vector<int> index(figures->size(), -1);
  std::vector<Figure> kept;
  for (size_t i = 0; i < figures->size(); ++i)
    if (!erase[i]) {
      index[i] = int(kept.size());
      kept.push_back(std::move((*figures)[i]));
    }
  for (Figure& f : kept)
    if (f.part_of >= 0) f.part_of = index[f.part_of];
  *figures = std::move(kept);
}

}  // namespace kroniek
