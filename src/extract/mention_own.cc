// ArgumentReader: the time and place a trigger's own words give it ("de aanslag van
// maandag", "de aanslag op 22 maart", "de mesaanval die vrijdag in Würzburg …").
#include "extract/arguments.h"
#include "extract/figure_words.h"

namespace kroniek {

namespace {

constexpr int kOwnTimeReach = 6;     // tokens from a trigger to its own time ("de aanslag van maandag", "op Dnipro zaterdag")
constexpr int kOwnTimeChainReach = 9;  // over phrases that prepositions open ("met een bus van een Pools bedrijf op 12 maart")
constexpr int kOwnPlaceReach = 6;    // "van de aanslag [op de markt in] Lyon"

}  // namespace

const TimeMention* ArgumentReader::TimeTiedTo(const PhraseMatch& trigger, int si) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  for (const auto& t : ctx_.an.times)
    if (t.first > trigger.last && t.first < s.last && t.first - trigger.last <= kOwnTimeReach &&
        IsPreposition(toks[t.first - 1].lower))
      return &t;
  return nullptr;
}

const TimeMention* ArgumentReader::AnniversaryIn(int si) const {
  const Sentence& s = ctx_.an.sentences[si];
  for (const auto& t : ctx_.an.times)
    if (t.first >= s.first && t.first < s.last && t.anniversary) return &t;
  return nullptr;
}

bool ArgumentReader::TimeGoverned(const PhraseMatch& trigger, int si) const {
  const auto& toks = ctx_.tokens();
  const Sentence& s = ctx_.an.sentences[si];
  for (const auto& t : ctx_.an.times)
    if (t.first == trigger.last + 1 && t.first < s.last && IsPreposition(toks[trigger.last].lower)) return true;
  // ("Bij die aanval, op 11 oktober 2024, werden volgens het leger …": set off by commas right after it.)
  const int comma = trigger.last;
  if (comma + 1 < s.last && toks[comma].lower == ",")
    for (const auto& t : ctx_.an.times)
      if ((t.first == comma + 1 || (t.first == comma + 2 && IsPreposition(toks[comma + 1].lower))) && t.last < s.last &&
          toks[t.last].lower == ",")
        return true;
  // "maakte donderdag bekend wie de dader is van de aanslag woensdag": a time right after it
  // is its own when the telling has a time of its own before it ("eiste de aanval woensdag
  // op" has one time, the claim's).
  const int cue = ctx_.sentence_sources[si].cue;
  if (cue < s.first) return false;
  const auto clauses = Clauses(si);
  const bool telling_timed = std::any_of(ctx_.an.times.begin(), ctx_.an.times.end(), [&](const TimeMention& t) {
    return t.first >= s.first && t.last <= trigger.first && clauses[t.first - s.first] == clauses[cue - s.first];
  });
  for (const auto& t : ctx_.an.times)
    if (t.first == trigger.last && t.first < s.last && telling_timed) return true;
  return false;
}

bool ArgumentReader::PlaceRightAfter(const PhraseMatch& trigger, int si, const Location& place) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  if (trigger.end >= s.last) return false;
  // Or a relative clause right after it tells where it happened ("de mesaanval die vrijdag in
  // Würzburg drie levens kostte", "de lawine die gisteren in het Zwitserse Zinal …").
  if (ctx_.WordIs(toks[trigger.end].lower, "relative")) {
    for (int k = trigger.end + 1; k < s.last && k <= trigger.end + kOwnPlaceReach; ++k) {
      if (toks[k].kind == TokenKind::kPunct || ctx_.lex.ClauseIs(toks[k].lower, "clause_start")) return false;
      if (toks[k].span.begin == place.span.begin) return GoverningWord(toks, s.first, k) >= 0;
    }
    return false;
  }
  // Its own phrase opens with a preposition right after it ("op de markt in Lyon").
  if (!IsPreposition(toks[trigger.end].lower)) return false;
  const int reach = std::min(s.last, trigger.end + kOwnPlaceReach);
  int at = trigger.end;  // the place's first token
  while (at < s.last && toks[at].span.begin < place.span.begin) {
    if (toks[at].kind == TokenKind::kPunct || ctx_.lex.ClauseIs(toks[at].lower, "clause_start")) return false;
    ++at;
  }
  if (at >= s.last || toks[at].span.begin != place.span.begin) return false;
  // (Its phrase counts from its preposition: "op het eiland Utøya" is as near as "op Utøya".)
  const int head = GoverningWord(toks, s.first, at);
  return (head >= trigger.end ? head : at) < reach;
}

bool ArgumentReader::OwnTimeIn(const PhraseMatch& trigger, int si, const std::vector<int>& clauses) const {
  // "de aanslag van maandag", "de aanslag op 22 maart", or a time at a verb
  // of occurrence in its clause ("De aanslag vond plaats op 24 mei", "die
  // maandagavond plaatsvond").
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  const int clause = clauses[trigger.first - s.first];
  // "Bij de crash zijn zondag 62 mensen omgekomen": what the clause tells
  // happened at the event, so did its time.
  // (Not a period's end: "Door het ongeluk is het spoor tot 18 april gestremd".)
  if (trigger.first - 2 >= s.first && ctx_.lex.ClauseIs(toks[trigger.first - 2].lower, "circumstance") &&
      !PartTakenIn(trigger.first - 2, si))
    for (const auto& t : ctx_.an.times)
      if (t.first >= s.first && t.first < s.last && clauses[t.first - s.first] == clause &&
          !(t.date.from.empty() && !t.date.to.empty()))
        return true;
  // Over function words, a place or site named and what it was done with ("op Dnipro
  // zaterdag", "in de Londense woontoren in 2017", "op het station van Kramatorsk
  // vrijdag", "met een toestel van Air X op 29 december").
  // (The head noun of a phrase a preposition opens may be any word: "met een touringcar van
  // een Poolse maatschappij op 12 maart".)
  // (Only a noun's phrases: "die ontplofte kort na de start boven zee in 2010" keeps its verb's reading.)
  const int opener = NounOpener(si, trigger.first);
  const bool nominal = NamedByNoun(si, trigger.first);
  auto near_after = [&](int from, int time) {
    if (time < from || time - from > (nominal ? kOwnTimeChainReach : kOwnTimeReach)) return false;
    bool head_open = false;  // a preposition and a determiner opened a phrase whose head is to come
    for (int k = from; k < time; ++k) {
      std::string head;
      if (toks[k].kind != TokenKind::kWord) return false;
      const std::string& w = toks[k].lower;
      if (IsPreposition(w)) head_open = false;
      if (ctx_.WordIs(w, "determiner") && k > from && IsPreposition(toks[k - 1].lower) &&
          !ctx_.lex.ClauseIs(toks[k - 1].lower, "time_relation"))
        head_open = true;
      // (A name, a site or a kind of event is the phrase's head: "in het Zwitserse Sierre komen"
      // has no head left for "komen".)
      const bool demonym = !ctx_.language.words().DemonymCountry(w).empty();  // "Poolse": an adjective
      if ((toks[k].capitalized && !demonym) || ctx_.entity_at[k] >= 0 || ctx_.lex.sites.Lookup(w, &head) ||
          ctx_.lex.type_cues.Lookup(w, &head)) {
        head_open = false;
        continue;
      }
      if (ctx_.language.words().IsFunctionWord(w) || figure_words::IsAdjectiveLike(ctx_, toks[k])) continue;
      if (!head_open || !nominal) return false;
      head_open = false;
    }
    return true;
  };
  // ("na de lawine die gisteren in Zinal een groep skiërs bedolf": a relative clause on the
  // trigger's noun tells of it, as DateFor reads it.)
  const bool described = nominal && trigger.last < s.last && ctx_.WordIs(toks[trigger.last].lower, "relative");
  for (const auto& t : ctx_.an.times) {
    if (t.first < s.first || t.first >= s.last) continue;
    if (near_after(trigger.last, t.first)) return true;
    if (described && t.first > trigger.last && clauses[t.first - s.first] == clauses[trigger.last - s.first]) return true;
    // Years counted from it, right before it ("Een jaar na de (verwoestende) aanslag …"); not days
    // ("een week na de ontploffing": report_counts.cc reads them).
    if (t.last > t.first && !t.after_named && ctx_.lex.ClauseIs(toks[t.last - 1].lower, "governs_trigger") &&
        (t.last == trigger.first || (t.last == opener && ctx_.WordIs(toks[opener].lower, "definite"))))
      return true;
    // Set off by commas right after it or its place ("Bij die brand, dinsdagavond, kwamen …", "na
    // de brand in Charleroi, op zondag 18 januari, is …"), or added after a comma at the
    // sentence's end ("Onrust na het doodschieten van een jongen, afgelopen dinsdag.", "veroordeeld
    // voor de raketaanval op een flat in Saltivka, op 27 november 2023.").
    const int comma = t.first - 1 - (t.first - 1 > trigger.last && IsPreposition(toks[t.first - 1].lower) ? 1 : 0);
    if (comma >= trigger.last && toks[comma].lower == "," && near_after(trigger.last, comma) && t.last < s.last &&
        toks[t.last].lower == ",")
      return true;
    if (comma > trigger.last && toks[comma].lower == "," && t.last + 1 >= s.last &&
        TriggerBetween(si, trigger.first, t.first) < 0)
      return true;
    for (int k = s.first; k < s.last; ++k)
      if (clauses[k - s.first] == clause && ctx_.lex.ClauseIs(toks[k].lower, "occurrence") &&
          (near_after(k + 1, t.first) || t.last == k))
        return true;
  }
  return false;
}

bool ArgumentReader::NamesWhatBefellAThing(const PhraseMatch& trigger, int si) const {
  // "het door een explosie getroffen gebouw": a thing described by what struck it.
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  int k = trigger.first - 1;
  if (k > s.first && ctx_.WordIs(toks[k].lower, "determiner")) --k;
  return k > s.first && ctx_.lex.ClauseIs(toks[k].lower, "agent") && ctx_.WordIs(toks[k - 1].lower, "determiner") &&
         trigger.end < s.last && ctx_.lex.ClauseIs(toks[trigger.end].lower, "stricken");
}

}  // namespace kroniek
