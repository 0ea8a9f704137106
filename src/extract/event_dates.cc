// Dates an event takes from around its mentions: a phase the day of its event, an
// undated event the time a following sentence tells, or the day the sentence before
// its first mention tells (EventAssembler, events.h).
#include <algorithm>
#include <cstdlib>
#include <set>

#include "extract/events.h"

namespace kroniek {

namespace {
constexpr int kDanglingTimeSentences = 2;  // how far a time may stand after its event
constexpr int kLedeReach = 3;              // sentences from the lede to the first event it introduces
constexpr int kDaysInWeek = 7;             // a day counted a week or more back ("een week geleden") is about one
}  // namespace

void EventAssembler::DatePhasesFromTheirEvent() {
  // "De dader werd door de politie doodgeschoten": undated, the day of the attack.
  for (Ev& e : events_) {
    if (!e.sub_event || e.m.date.known() || e.m.date.weekday >= 0) continue;
    for (const auto& r : e.m.relations)
      if (r.type == "follows" && events_[r.event].m.date.known()) {
        e.m.date = events_[r.event].m.date;
        break;
      }
  }
}

bool EventAssembler::TimeOfTellingOrPlan(int si, int time_token) const {
  const auto clauses = args_.Clauses(si);
  const int first = ctx_.an.sentences[si].first, last = ctx_.an.sentences[si].last, clause = clauses[time_token - first];
  const int cue = ctx_.sentence_sources[si].cue;
  if (cue >= 0 && clauses[cue - first] == clause) return true;
  if (args_.InPlannedClause(si, time_token, clauses)) return true;
  // "De politie verhoogde zaterdag het dodental naar 84": the time of a count's update.
  for (const auto& m : ctx_.lex.freshness.FindAll(ctx_.tokens(), first, last))
    if (ctx_.lex.freshness.rows()[m.row].value == "update" && clauses[m.first - first] == clause) return true;
  return false;
}

bool EventAssembler::TimeOfAThing(const TimeMention& t) const {
  // (A calendar date only: "de nacht van vrijdag op zaterdag" is a time of day.)
  if (t.date.basis != DateBasis::kExplicit) return false;
  const auto& toks = ctx_.tokens();
  const int first = ctx_.an.sentences[toks[t.first].sentence].first;
  if (t.first - 2 < first || !ctx_.WordIs(toks[t.first - 1].lower, "genitive")) return false;
  const Token& noun = toks[t.first - 2];
  // (A part of the day is the day's: "Op de avond van 6 oktober reden zij …".)
  return noun.kind == TokenKind::kWord && !noun.capitalized && !ctx_.language.words().IsFunctionWord(noun.lower) &&
         !ctx_.lex.triggers.Lookup(noun.lower) && !ctx_.lex.ClauseIs(noun.lower, "clock");
}

bool EventAssembler::CountedFromANamedEvent(const Date& d) const {
  if (d.known() || d.span.empty()) return false;
  return std::any_of(ctx_.an.times.begin(), ctx_.an.times.end(),
                     [&](const TimeMention& t) { return t.after_named && t.date.span == d.span; });
}

bool EventAssembler::TimeCanDate(const Ev& e, const TimeMention& t, int si, bool introduces, const Date* narrowed) const {
  const auto& sentences = ctx_.an.sentences;
  // "Dat heeft de minister dinsdag gezegd": the time of telling, not of what was told;
  // "Hij zal donderdag de rampplek bezoeken": the time of what is planned.
  if (TimeOfTellingOrPlan(si, t.first)) return false;
  // "Dat heeft de rechter vrijdag beslist": the time of a proceeding, not of the event.
  PhraseMatch at;
  at.first = t.first;
  const auto clauses = args_.Clauses(si);
  if (args_.ClauseHas(at, si, clauses, "proceeding")) return false;
  // "Zaterdag werd een minuut stilte gehouden": the time of mourning it, not of the event.
  if (args_.ClauseHas(at, si, clauses, "remembrance") && !t.anniversary) return false;
  // "Een man die zwaargewond raakte, is maandag in het ziekenhuis overleden": the later death's.
  if (args_.ClauseHas(at, si, clauses, "dying") && args_.ClauseHas(at, si, clauses, "aftercare")) return false;
  // "Donderdag is een feestdag in de stad": a time the copula tells of names the day
  // itself. (A copula that is also a possessive, after a time inside the sentence, is
  // the possessive: "Frankrijk heeft donderdag zijn basis overgedragen".)
  if (t.last < sentences[si].last && ctx_.lex.ClauseIs(ctx_.tokens()[t.last].lower, "copula") &&
      (t.first == sentences[si].first || ctx_.tokens()[t.first].capitalized ||
       !ctx_.lex.ClauseIs(ctx_.tokens()[t.last].lower, "also_possessive")))
    return false;
  if (!t.date.known() && t.date.weekday < 0) return false;
  // A period's end ("tot woensdag") dates no event.
  if (t.date.from.empty() && !t.date.to.empty()) return false;
  // What happened cannot be dated after the article ("kwam in februari
  // binnen" read as next February).
  const DayRange when = RangeOf(t.date), published = RangeOf(ctx_.article.published);
  if (when.known() && published.known() && when.lo > published.hi) return false;
  // (A day within the month or year the event is dated to narrows it, however long ago: "In
  // oktober 2017 … Op de avond van 6 oktober 2017 reden …".)
  const DayRange own = narrowed ? RangeOf(*narrowed) : DayRange();
  const bool narrows = narrowed && t.date.precision == Precision::kDay && when.known() && own.lo <= when.lo && when.hi <= own.hi;
  if (narrowed && !narrows) return false;
  // Nor is a time long before the article the undated news ("De man werkte tot eind vorig jaar …"),
  // unless the event's own toll is told with it ("Daarbij kwamen zes jaar geleden 86 mensen om").
  const bool own_toll = std::count(e.figure_sentences.begin(), e.figure_sentences.end(), si) > 0;
  // Only a day ("dinsdagavond", "op 4 mei"), or a time told with the event's toll: a year or
  // a month told after the event is more often another thing's ("Die groep zegde eind
  // vorig jaar het bestand op").
  // (An anniversary names the event's own day or month: "het is vandaag precies vier jaar geleden dat …".)
  if (t.date.known() && t.date.precision != Precision::kDay && !own_toll && !t.anniversary) return false;
  // (A day named with its year that introduces the event may: "Op 4 mei 2011 sloeg hij toe. …")
  const bool dated_in_full = introduces && t.date.basis == DateBasis::kExplicit;
  if (when.known() && published.known() && when.hi < published.lo - kBackgroundDays && !own_toll && !dated_in_full &&
      !t.anniversary && !narrows)
    return false;
  // A time told of another place is that place's ("In oktober viel in Jakarta …").
  if (!LocationsCompatible(e.m.location, args_.PlaceAt(si, t.first))) return false;
  return true;
}

std::set<int> EventAssembler::SentencesWithMentions() const {
  std::set<int> out;
  for (const auto& sm : sentence_mentions_) out.insert(sm.sentence);
  return out;
}

void EventAssembler::DateFromFollowingSentences(const std::set<int>& with_mentions) {
  // "Door noodweer zijn zeker 51 mensen omgekomen. Het water kwam dinsdagavond
  // …": a time in a sentence that names no event of its own dates the event
  // told just before.
  const auto& sentences = ctx_.an.sentences;
  for (Ev& e : events_) {
    // (A day counted from the report, "gisteren", is a day already; "een week geleden" is about one.)
    const bool counted_day = e.m.date.day_offset && std::abs(*e.m.date.day_offset) < kDaysInWeek;
    if ((e.m.date.known() && e.m.date.precision == Precision::kDay) || e.m.date.weekday >= 0 || counted_day ||
        e.m.status != "occurred" || CountedFromANamedEvent(e.m.date))
      continue;
    for (const auto& t : ctx_.an.times) {
      const int si = ctx_.tokens()[t.first].sentence;
      if (with_mentions.count(si) || t.relative_to_event || TimeOfAThing(t)) continue;
      // The nearest mention of the event before the time's sentence.
      int near = -1;
      for (int m : e.mention_sentences)
        if (m < si) near = std::max(near, m);
      if (near < 0 || si - near > kDanglingTimeSentences) continue;
      if (sentences[si].paragraph - sentences[near].paragraph > 1) continue;
      // (The event told last before it: "… 128 doden. Acht mensen zijn opgepakt. Woensdag …"
      // dates the arrests, not the fire.)
      if (std::any_of(sentence_mentions_.begin(), sentence_mentions_.end(), [&](const SentenceMention& sm) {
            return sm.sentence > near && sm.sentence < si && &events_[sm.event] != &e;
          }))
        continue;
      if (!TimeCanDate(e, t, si, false, e.m.date.known() ? &e.m.date : nullptr)) continue;
      // (Nor a time of those a relative clause describes: "De reis van toeristen die dinsdag
      // zouden vertrekken is geannuleerd".)
      if (args_.DescribesAThing(si, t.first)) continue;
      e.m.date = t.date;
      break;
    }
  }
}

void EventAssembler::DateFromPrecedingSentence(const std::set<int>& with_mentions) {
  // "Op 4 mei sloeg hij toe. Hij doodde acht mensen bij een bomaanslag": a day told in the
  // sentence just before the event's first mention, one that names no event of its own,
  // in the same paragraph, dates the undated event it introduces. So does the time of a
  // toll the headline or the lede gives before the event is named ("Een jaar geleden
  // verdronken 27 migranten … De boot zonk"; not "gisteren werden drie lichamen geborgen"
  // further down, before "de crash").
  const auto& sentences = ctx_.an.sentences;
  for (Ev& e : events_) {
    if (e.m.date.known() || e.m.date.weekday >= 0 || e.m.status != "occurred" || e.mention_sentences.empty() ||
        CountedFromANamedEvent(e.m.date))
      continue;
    const int first = *std::min_element(e.mention_sentences.begin(), e.mention_sentences.end());
    std::set<int> introducing;
    for (int si : e.figure_sentences)
      if (si < first && sentences[si].paragraph <= first_prose_) introducing.insert(si);
    // (Not an event only its toll tells: "Het identificeren was maandag klaar. Volgens de
    // premier waren er 154 doden.")
    const bool named_first = std::any_of(sentence_mentions_.begin(), sentence_mentions_.end(), [&](const SentenceMention& sm) {
      return sm.sentence == first && &events_[sm.event] == &e && !sm.mention.by_toll;
    });
    if (first > 0 && sentences[first - 1].paragraph == sentences[first].paragraph && named_first)
      introducing.insert(first - 1);
    // (So does the lede of the story it is the first event of, a few sentences before it:
    // "Voorbijgangers troffen vannacht een zwaargewonde man aan. … de steekpartij".)
    const int lede = Lede();
    if (lede >= 0 && lede < first && first - lede <= kLedeReach && named_first && FirstEventTold(e))
      introducing.insert(lede);
    for (int si : introducing) {
      if (with_mentions.count(si)) continue;
      // (The last of its times, nearest the event it introduces: "Op Terschelling wordt vanmorgen
      // een bijeenkomst gehouden over het bootdrama van gisterochtend. Bij het ongeluk …".)
      for (const auto& t : ctx_.an.times) {
        if (ctx_.tokens()[t.first].sentence != si || t.relative_to_event || TimeOfAThing(t) || !TimeCanDate(e, t, si, true))
          continue;
        e.m.date = t.date;
      }
      if (e.m.date.known() || e.m.date.weekday >= 0) break;
    }
  }
}

int EventAssembler::Lede() const {
  for (size_t si = 0; si < ctx_.an.sentences.size(); ++si)
    if (ctx_.an.sentences[si].paragraph == first_prose_) return int(si);
  return -1;
}

bool EventAssembler::FirstEventTold(const Ev& e) const {
  const int first = *std::min_element(e.mention_sentences.begin(), e.mention_sentences.end());
  return std::none_of(sentence_mentions_.begin(), sentence_mentions_.end(),
                      [&](const SentenceMention& sm) { return sm.sentence < first && &events_[sm.event] != &e; });
}

void EventAssembler::DateFollowUpsFromTheEventBefore() {
  const DayRange report = RangeOf(ctx_.article.published);
  const auto& sentences = ctx_.an.sentences;
  const auto& tokens = ctx_.tokens();
  for (Ev& e : events_) {
    const auto info = ctx_.lex.event_types.find(e.m.type);
    if (info == ctx_.lex.event_types.end() || !info->second.follows || e.m.status != "occurred" ||
        e.m.date.known() || e.m.date.weekday >= 0 || !e.m.date.from.empty() || e.mention_sentences.empty() ||
        e.m.evidence.empty())
      continue;
    // The event told last before e's first mention, in its sentence or the one before, one paragraph.
    const int si = *std::min_element(e.mention_sentences.begin(), e.mention_sentences.end());
    const int from_sentence = si > 0 && sentences[si - 1].paragraph == sentences[si].paragraph ? si - 1 : si;
    const uint32_t begin = tokens[sentences[from_sentence].first].span.begin, end = e.m.evidence.front().begin;
    const Ev* before = nullptr;
    uint32_t at = 0;
    for (const Ev& f : events_)
      for (const Span& span : f.m.evidence)
        if (&f != &e && span.begin >= begin && span.begin < end && (!before || span.begin > at)) {
          before = &f;
          at = span.begin;
        }
    if (!before) continue;
    // (The chronicle keeps it between their events, whether or not the article dates them.)
    const Relation follows{"follows", before->id};
    if (std::none_of(e.m.relations.begin(), e.m.relations.end(),
                     [&](const Relation& r) { return r.type == follows.type && r.event == follows.event; }))
      e.m.relations.push_back(follows);
    const DayRange after = RangeOf(before->m.date);
    if (!report.known() || !after.known() || after.lo > report.hi) continue;
    Date d;
    d.basis = DateBasis::kInferred;
    SetDays(&d, FromDayNumber(after.lo), FromDayNumber(report.hi));
    e.m.date = d;
  }
}

}  // namespace kroniek
