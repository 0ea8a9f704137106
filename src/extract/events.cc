#include "extract/events.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "extract/arguments.h"
#include "extract/typing.h"

namespace kroniek {

namespace {


// The days a date allows in a report of the days `published`: its own; a day counted from
// the report ("vanochtend" under a month header) or a weekday (the week either side: it may be
// ahead) within the report's.
DayRange DaysAllowed(const Date& d, const DayRange& published) {
  const DayRange r = RangeOf(d);
  if (r.known() || !published.known()) return r;
  if (d.day_offset) return {published.lo + *d.day_offset, published.hi + *d.day_offset};
  if (d.weekday >= 0) return {published.lo - 6, published.hi + 6};
  return r;
}


// An unresolved date as the days it lies before the report: "gisteren" -1..-1, "vorige week"
// -13..-1 (the report's weekday unknown); none when it tells no such distance.
std::optional<DayRange> DaysFromTheReport(const Date& d) {
  constexpr int kWeek = 7;
  if (d.known()) return std::nullopt;
  if (d.day_offset) return DayRange{*d.day_offset, *d.day_offset};
  if (d.week < 0 && d.weekday < 0) return DayRange{kWeek * d.week - (kWeek - 1), kWeek * (d.week + 1) - 1};
  return std::nullopt;
}

// Whether an unresolved date still tells something of the day: a weekday, "gisteren" or a
// day of a month, in a report whose date does not resolve them.
bool TellsADay(const Date& d) { return d.weekday >= 0 || d.day_offset || (d.month && d.day); }


// The more informative of two dates for one event.
void MergeDate(Date* into, const Date& from) {
  if (!from.known() && !TellsADay(from)) return;
  // "gisteren" and "vrijdag" of one event in a report whose date does not resolve them: both
  // hold (the report appeared on a Saturday).
  auto offset_only = [](const Date& d) { return d.day_offset && d.weekday < 0; };
  auto weekday_only = [](const Date& d) { return !d.day_offset && d.weekday >= 0; };
  if (!into->known() && !from.known() &&
      ((offset_only(*into) && weekday_only(from)) || (weekday_only(*into) && offset_only(from)))) {
    if (!into->day_offset) into->day_offset = from.day_offset;
    if (into->weekday < 0) into->weekday = from.weekday;
    return;
  }
  if (!into->known() && (!TellsADay(*into) || from.known())) { *into = from; return; }
  if (from.known() && into->known() && from.value.size() > into->value.size() && from.from.empty()) *into = from;
}

}  // namespace

EventAssembler::EventAssembler(const Context& ctx) : ctx_(ctx), args_(ctx) {
  // The headline block: the paragraphs before the first one of prose (closed by a full stop).
  const auto& paragraphs = ctx_.article.paragraphs;
  while (first_prose_ < int(paragraphs.size()) &&
         (paragraphs[first_prose_].kind == ParagraphKind::kDebris || paragraphs[first_prose_].span.empty() ||
          ctx_.article.text[paragraphs[first_prose_].span.end - 1] != '.'))
    ++first_prose_;
}

bool EventAssembler::DatesCompatible(const Date& a, const Date& b) const {
  const DayRange published = RangeOf(ctx_.article.published);
  DayRange x = RangeOf(a), y = RangeOf(b);
  if (x.known() && y.known()) return x.lo <= y.hi && y.lo <= x.hi;
  if (a.weekday >= 0 && b.weekday >= 0 && !x.known() && !y.known()) return a.weekday == b.weekday;
  // (Two months named in a report that cannot date them: "In februari ontplofte een bom … In
  // maart ontplofte een bom", two bombs.)
  if (a.month && b.month && !x.known() && !y.known() && a.month != b.month) return false;
  // (Two days counted from a report that cannot date them: "vannacht" and "vorige week" are two
  // days whatever day it appeared.)
  if (const auto ox = DaysFromTheReport(a), oy = DaysFromTheReport(b); ox && oy && (ox->hi < oy->lo || oy->hi < ox->lo))
    return false;
  // A weekday and a day of another weekday ("vrijdag" and "op 28 november 2024", a Thursday).
  if (x.known() && x.lo == x.hi && !y.known() && b.weekday >= 0) return WeekdayOf(FromDayNumber(x.lo)) == b.weekday;
  if (y.known() && y.lo == y.hi && !x.known() && a.weekday >= 0) return WeekdayOf(FromDayNumber(y.lo)) == a.weekday;
  // ("vanochtend", in a report of May, is no day of "eind april".)
  x = DaysAllowed(a, published);
  y = DaysAllowed(b, published);
  return !x.known() || !y.known() || (x.lo <= y.hi && y.lo <= x.hi);
}

bool EventAssembler::TypesJoin(const Ev& e, const std::string& type) const {
  if (e.m.type == type) return true;
  const auto& lex = ctx_.lex;
  if (lex.Refines(e.m.type, type) || lex.Refines(type, e.m.type)) return true;
  // ("… om zich heen geschoten en daarna een explosie veroorzaakt. … De bom werd tot ontploffing
  // gebracht in de kantine": the blast the shooting's report told is the bomb's.)
  for (const auto& kind : e.generic_kinds)
    if (lex.Refines(kind, type)) return true;
  if (e.generic) {
    if (lex.ClassOf(e.m.type) != lex.ClassOf(type)) return false;
    return e.joins.empty() || std::find(e.joins.begin(), e.joins.end(), type) != e.joins.end();
  }
  return false;
}

// A lead that tells what, where and when ("Bij een brand in een pakhuis in Leiden zijn
// zondag …"), a paragraph after an event it might be a part or a retelling of.
bool EventAssembler::OpensAnotherStory(const MentionInfo& m, int sentence, const Ev& e) const {
  const auto& sentences = ctx_.an.sentences;
  return m.lead && (m.date.known() || TellsADay(m.date)) &&
         sentences[sentence].paragraph > sentences[e.last_sentence].paragraph;
}

bool EventAssembler::InAnotherBlock(int sentence, const Ev& e) const {
  // (A block of other stories under the text tells events of their own: "Kort nieuws … Brand in
  // schuur" is no part of the article's explosion.)
  return ctx_.InAside(sentence) && !ctx_.InAside(e.last_sentence);
}

bool EventAssembler::KeptApartByCount(const MentionInfo& m, int sentence, const Ev& e) const {
  // ("Vier dagen na storm Enora is het westen opnieuw door zware wind getroffen": the count keeps
  // the event it names apart from the others of its sentence.)
  return m.named_by_count ? e.last_sentence == sentence && e.counted_in != sentence : e.counted_in == sentence;
}

bool EventAssembler::ToldOnlyInTitle(const Ev& e) const {
  for (int si : e.mention_sentences)
    if (ctx_.an.sentences[si].paragraph >= first_prose_) return false;
  return !e.mention_sentences.empty();
}

int EventAssembler::Resolve(const MentionInfo& m, int sentence) const {
  const bool settled = m.status == "foiled" || m.status == "planned" || m.status == "hypothetical";
  if (m.compared) return -1;
  const std::string cue_type = m.generic ? CueType(ctx_, m.type, sentence, m.first) : "";
  int best = -1;
  std::tuple<int, int, int> best_recency{-1, -1, -1};
  for (size_t k = 0; k < events_.size(); ++k) {
    const Ev& e = events_[k];
    if (e.m.status == "foiled") continue;
    if (InAnotherBlock(sentence, e)) continue;
    if (KeptApartByCount(m, sentence, e)) continue;
    // ("Het vonnis over de brand van 2016 valt tien dagen na de brand bij Oxylithos": not that one.)
    if (m.counted_from_now && DatedLongBefore(e)) continue;
    if (m.generic) {
      if (settled) return -1;  // "een aanslag wou plegen": a new, unrealised event
      // A generic trigger joins the types it lists, else any of its class.
      const bool same_class = ctx_.lex.ClassOf(e.m.type) == ctx_.lex.ClassOf(m.type);
      if (m.joins.empty() ? !same_class
                          : std::find(m.joins.begin(), m.joins.end(), e.m.type) == m.joins.end() && !(e.generic && same_class))
        continue;
      // "de aanslag" names a main event, not a phase that follows it.
      if (e.sub_event && e.last_sentence != sentence) continue;
      // "bij een aanval op een hotel" introduces a new event, unless a specific
      // trigger in the same sentence names it ("een bloedbad bij een zelfmoordaanslag").
      // The headline's event is given: the body's first "een bloedbad" retells it.
      if (m.indefinite && !m.part && !m.anaphoric && e.last_sentence != sentence && !ToldOnlyInTitle(e)) continue;
      if (m.days_later && e.last_sentence != sentence) continue;
      if (e.m.status == "hypothetical" || e.m.status == "planned") continue;
      // ("Vier dagen na de raketinslag … Russische drones vielen een centrale aan": what its
      // sentence's cue makes it, drones, is no missile attack told before.)
      // (Of two kinds of attack only: "Het ongeval gebeurde toen haar wagen tegen een eik botste" is
      // the storm's.)
      if (!e.generic && !cue_type.empty() && cue_type != e.m.type && ctx_.lex.TypeInfo(cue_type).attack &&
          ctx_.lex.TypeInfo(e.m.type).attack && !ctx_.lex.Refines(e.m.type, cue_type) &&
          !ctx_.lex.Refines(cue_type, e.m.type))
        continue;
    } else {
      if (!TypesJoin(e, m.type)) continue;
      // "Een dag later vond een nieuwe schietpartij plaats": not the one told before
      // (a headline told it: the body's first "opnieuw een schietpartij" retells it).
      if (m.recurrence && !m.anaphoric && !ctx_.lex.TypeInfo(m.type).ongoing && e.last_sentence != sentence &&
          !ToldOnlyInTitle(e))
        continue;
      if (m.phase && !e.sub_event) continue;  // the attacker shot: not the attack itself
      // ("Bij een brand in een school in Tilburg …", a paragraph after a fire in a factory there.)
      if (OpensAnotherStory(m, sentence, e) && SitesDiffer(m.location, e.m.location) && !ToldOnlyInTitle(e)) continue;
      if ((e.m.status == "hypothetical") != (m.status == "hypothetical") && e.m.status != "planned") continue;
      // (A call for further attacks, planned or feared, is no attack that happened: "Oproep tot
      // verdere aanvallen … de mesaanval van zaterdag". An announced protest is the one held.)
      if (e.further && (e.m.status == "planned" || e.m.status == "hypothetical") && m.status == "occurred") continue;
    }
    // ("de orkaan Irma" after "orkaan Luis in 1995": another name, another event.)
    if (!m.name.empty() && !e.name.empty() && m.name != e.name) continue;
    // (A trigger of the same sentence that named no place is the same event: "Ook zaterdag
    // blokkeerden demonstranten de snelweg bij Zwolle".)
    const bool placed_here = e.m.location.id.empty() && e.last_sentence == sentence;
    if (m.elsewhere && e.m.location.id != m.location.id && !placed_here) continue;
    // A classifying mention's date and place are its comparison's ("de
    // dodelijkste aanslag sinds 2007"), not the event's.
    if (!m.anaphoric && !DatesCompatible(e.m.date, m.date)) continue;
    // ("Donderdag is in München een auto ingereden … reed op donderdag 13 februari een man in
    // op": the weekday told before names the same day.)
    const auto day = m.date.precision == Precision::kDay ? m.date.civil() : std::nullopt;
    const bool same_weekday = day && e.m.date.weekday >= 0 && e.m.date.weekday == WeekdayOf(*day);
    if (m.past && !e.m.date.known() && !same_weekday && (ctx_.article.published.known() || !ToldOnlyInTitle(e)))
      continue;
    if (m.long_before && !e.m.date.known() && e.recent) continue;
    // ("In oktober 2023 ging een touringcar … uit de bocht", a verb's, told after an undated
    // crash the report tells as news: a crash of then.)
    if (m.long_before && m.date.basis == DateBasis::kExplicit && !m.definite && !m.anaphoric && !e.m.date.known() &&
        ctx_.article.published.known())
      continue;
    // (A storm told in another town is the same storm, not one of long before: "sinds 1990".)
    const auto widespread = m.long_before || m.past ? std::nullopt : ctx_.lex.WidespreadKm(e.m.type);
    if (!m.anaphoric && !WidelyCompatible(e.m.location, m.location, widespread)) continue;
    // (Of two told last in one sentence, the later: "Uren voor de schietpartij in Dayton richtte
    // een man een bloedbad aan in Texas. … schoot hij twintig mensen dood" is the bloodbath's.)
    // (An undated mention names the news rather than a background told since: "In oktober 2023
    // ging een touringcar uit de bocht. … Naar de oorzaak van het ongeval bij Ochsengarten …".)
    const int tier = e.last_sentence == sentence ? 2 : !m.date.known() && (DatedLongBefore(e) || e.compared) ? 0 : 1;
    const auto recency = std::make_tuple(tier, e.last_sentence, e.last_token);
    if (recency > best_recency) { best = int(k); best_recency = recency; }
  }
  return best;
}

int EventAssembler::AddMention(const MentionInfo& m, int sentence, int phase_of) {
  // (A part told again once it is an event of its own is that event: "Een overstroming …
  // de storm kwam zonder waarschuwing … de overstroming".)
  const bool own_event_told = std::any_of(events_.begin(), events_.end(), [&](const Ev& e) {
    return !e.sub_event && e.m.type == m.type;
  });
  int k = phase_of >= 0 ? phase_of : m.part_of.empty() || own_event_told ? -1 : ResolvePart(m, sentence);
  if (k < 0 && m.phase) k = ResolvePhase(m, sentence);
  const bool as_part = k >= 0;  // "De dader werd doodgeschoten": the attack stays what it was
  if (k < 0) k = Resolve(m, sentence);
  if (k < 0 && m.anaphoric) return -1;  // classifies nothing told: no event of its own
  if (k < 0) {
    Ev e;
    e.m.type = m.type;
    e.m.trigger = m.span;
    e.m.status = m.status;
    e.m.date = m.date;
    e.m.after = m.after;
    e.m.location = m.location;
    e.m.first_sentence = sentence;
    e.m.definite = m.definite;
    e.generic = m.generic;
    e.further = m.recurrence;
    e.compared = m.compared;
    e.joins = m.joins;
    e.id = int(events_.size());
    if (m.phase) {
      // The phase follows the event told last ("De dader werd doodgeschoten"); with none told
      // before it, it is the news itself ("Een schutter heeft twee mensen doodgeschoten"),
      // which "de aanslag" told later names.
      for (auto it = events_.rbegin(); it != events_.rend(); ++it)
        if (!it->sub_event && ctx_.lex.ClassOf(it->m.type) == ctx_.lex.ClassOf(m.type)) {
          e.m.relations.push_back({"follows", it->id});
          e.sub_event = true;
          break;
        }
    }
    events_.push_back(std::move(e));
    k = int(events_.size()) - 1;
  } else {
    Ev& e = events_[k];
    if (e.generic && !m.generic && !as_part && !m.heading) {
      e.m.type = m.type;
      e.m.trigger = m.span;
      e.generic = false;
    } else if (!m.generic && ctx_.lex.Refines(e.m.type, m.type)) {
      e.m.type = m.type;
    }
    e.m.after = std::max(e.m.after, m.after);  // ISO days compare as strings
    if (!m.anaphoric) {
      MergeDate(&e.m.date, m.date);
      args_.MergeLocation(&e.m.location, m.location);
    } else {
      // "Bij een brand … De ramp vond plaats op 3 mei"; "een explosie, een half jaar geleden …
      // De megaknal op maandag 29 januari": a day within the event's year or month.
      const DayRange own = RangeOf(m.date), event = RangeOf(e.m.date);
      if (m.own_time && (!e.m.date.known() || (own.lo >= event.lo && own.hi <= event.hi && own.hi - own.lo < event.hi - event.lo)))
        e.m.date = m.date;
      // "de aanslag in Christchurch, waarbij … in Nieuw-Zeeland": a reference names the city of
      // the country the event was placed in.
      if (!e.m.location.id.empty() && e.m.location.id == e.m.location.country &&
          m.location.country == e.m.location.country)
        args_.MergeLocation(&e.m.location, m.location);
    }
    if (e.m.status == "alleged" && m.status == "occurred" && !m.generic && !as_part) e.m.status = "occurred";
  }
  Ev& e = events_[k];
  if (m.named_by_count) e.counted_in = sentence;
  if (!m.anaphoric && (m.date.weekday >= 0 || m.date.day_offset)) e.recent = true;
  if (e.name.empty()) e.name = m.name;
  if (m.generic && !m.heading) e.generic_kinds.insert(m.type);
  if (!(as_part && m.phase)) TypeFromWords(ctx_, sentence, m.first, &e);  // the attacker shot says nothing of the attack
  e.m.evidence.push_back(m.span);
  e.last_sentence = sentence;
  e.last_token = m.first;
  e.mention_sentences.push_back(sentence);
  ++e.mentions;
  sentence_mentions_.push_back({sentence, m, k});
  return k;
}

void EventAssembler::Run(const std::vector<FigureCandidate>& figures, Extraction* out) {
  const auto& sentences = ctx_.an.sentences;
  std::vector<std::vector<MentionInfo>> all(sentences.size());
  for (int si = 0; si < int(sentences.size()); ++si) {
    all[si] = args_.Mentions(si);
    // Specific triggers first, so "het bloedbad" can join "de zelfmoordaanslag"
    // beside it; parts last, so that they find the event they are part of (a generic part,
    // "botste", with the generic mentions: "het toestel botste … en ontplofte").
    auto rank = [](const MentionInfo& m) { return m.generic ? 1 : !m.part_of.empty() ? 2 : 0; };
    std::stable_sort(all[si].begin(), all[si].end(),
                     [&](const MentionInfo& a, const MentionInfo& b) { return rank(a) < rank(b); });
  }
  // A phase told before its event ("De man werd neergeschoten. Even voordien
  // had hij een bom laten ontploffen") waits for it; so does a vague part told before
  // its whole ("Na de instorting van de flat … Het gebouw stortte in na een explosie").
  struct Waiting { MentionInfo m; int sentence, until; };
  std::vector<Waiting> waiting;
  for (int si = 0; si < int(sentences.size()); ++si) {
    size_t before = sentence_mentions_.size();
    for (const auto& m : all[si]) {
      const int until = m.phase ? EventToldAfter(all, m, si) : WholeToldAfter(all, m, si);
      if (until >= 0) { waiting.push_back({m, si, until}); continue; }
      const int k = AddMention(m, si);
      if (k < 0 || m.phase || events_[k].sub_event) continue;
      for (const Location& where : m.also_at) {
        MentionInfo there = m;
        there.location = where;
        there.also_at.clear();
        AddMention(there, si);
      }
      for (auto w = waiting.begin(); w != waiting.end();)
        if (w->until == si && (w->m.phase ? ctx_.lex.ClassOf(w->m.type) == ctx_.lex.ClassOf(events_[k].m.type)
                                          : std::find(w->m.part_of.begin(), w->m.part_of.end(), events_[k].m.type) !=
                                                w->m.part_of.end())) {
          AddMention(w->m, w->sentence, k);
          w = waiting.erase(w);
        } else {
          ++w;
        }
    }
    for (auto w = waiting.begin(); w != waiting.end();)  // its event was told otherwise
      if (w->until == si) { AddMention(w->m, w->sentence); w = waiting.erase(w); } else { ++w; }
    for (size_t k = before; k < sentence_mentions_.size(); ++k) {
      const auto& sm = sentence_mentions_[k];
      args_.AddArguments(sm.mention, sm.sentence, &events_[sm.event].m);
    }
    args_.AddRelations(si, sentence_mentions_, before, &events_);
    args_.AddStances(si, sentence_mentions_, before, &events_);
  }
  AttachFigures(figures);
  Finish(out);
}

void EventAssembler::Finish(Extraction* out) {
  // (Places first: "DOHA (ANP) - De Israëlische aanval" strikes abroad where the dateline says.)
  InheritLocations();
  for (Ev& e : events_) TypeGenericEvent(ctx_, events_, &e);
  for (Ev& e : events_) args_.FinishFigures(&e.m, e.title_figures);
  const std::set<int> with_mentions = SentencesWithMentions();
  // (A day told just before an event introduces it; a time after it only continues the story.)
  DateFromPrecedingSentence(with_mentions);
  DateFromFollowingSentences(with_mentions);
  DatePhasesFromTheirEvent();
  DateFollowUpsFromTheEventBefore();
  StillToCome();
  // Feared events with nothing to say about them are not events, nor are
  // announced ones ("we zullen iedereen achterhalen die betrokken is bij
  // terreurdaden", "gaf opdracht tot de arrestatie van de relschoppers"),
  // withdrawals and evacuations with a deadline aside.
  std::vector<int> keep;
  for (const Ev& e : events_) {
    const bool unsaid = e.m.status == "hypothetical" ||
                        (e.m.status == "planned" && (e.generic || ctx_.lex.ClassOf(e.m.type) != "movement"));
    if (!(unsaid && e.m.figures.empty())) keep.push_back(e.id);
  }
  // Events ordered by their first mention in the text.
  std::sort(keep.begin(), keep.end(), [&](int a, int b) {
    return events_[a].m.evidence.front().begin < events_[b].m.evidence.front().begin;
  });
  std::map<int, int> index;
  for (size_t k = 0; k < keep.size(); ++k) index[keep[k]] = int(k);
  // The article's main event is its most mentioned; the figures of the others
  // (background, earlier attacks) are less often the news.
  int most = 0;
  for (int id : keep) most = std::max(most, events_[id].mentions);
  // A count another event of the article also gives ("tien doden" for the fire and for
  // the protest after it) belongs to one of them only.
  std::map<std::pair<std::string, double>, std::set<int>> events_giving;
  for (int id : keep)
    for (const auto& f : events_[id].m.figures)
      if (f.value) events_giving[{f.kind, *f.value}].insert(id);
  for (int id : keep) {
    EventMention m = events_[id].m;
    std::vector<Relation> relations;
    for (const auto& r : m.relations)
      if (index.count(r.event)) relations.push_back({r.type, index[r.event]});
    m.relations = relations;
    const bool generic = events_[id].generic;
    m.signals = EventSignals(m, generic);
    m.confidence = ctx_.lex.confidence.Of("event", m.signals);
    for (auto& f : m.figures) {
      f.signals = FigureSignals(f, m, generic);
      if (events_[id].mentions < most) f.signals.push_back("event=secondary");
      if (f.value && events_giving[{f.kind, *f.value}].size() > 1) f.signals.push_back("told_elsewhere");
      f.confidence = ctx_.lex.confidence.Of("figure", f.signals);
    }
    out->events.push_back(std::move(m));
  }
  SplitRanges(&out->events);
  OneEventPerCount(&out->events);
}

// An event told as having happened on a day after its report is yet to come ("komende
// zaterdag wordt betoogd"); a deadline ("na 31 augustus") dates no event so. (Not after a
// day fusion inferred for the report: that is a guess.)
void EventAssembler::StillToCome() {
  const Date& report = ctx_.article.published;
  const auto published = report.civil();
  if (!published || report.precision != Precision::kDay || report.basis == DateBasis::kInferred) return;
  for (Ev& e : events_) {
    const auto day = e.m.date.civil();
    if (e.m.status == "occurred" && day && e.m.date.precision == Precision::kDay && DayNumber(*day) > DayNumber(*published))
      e.m.status = "planned";
  }
}

namespace {

// "Op 7 oktober vielen honderden doden", written in September: a day told without its
// year that would lie after the report is, for an event that happened, last year's.
void DaysNotAfterTheReport(const Context& ctx, Extraction* out) {
  const DayRange published = RangeOf(ctx.article.published);
  if (!published.known()) return;
  auto year_before = [](std::string* iso) {
    if (auto c = ParseIsoDate(*iso)) {
      --c->year;
      *iso = c->ToString();
    }
  };
  for (auto& e : out->events) {
    Date& d = e.date;
    if (e.status != "occurred" || d.basis == DateBasis::kExplicit || !d.month || !d.known() ||
        RangeOf(d).lo <= published.hi)
      continue;
    year_before(&d.value);
    if (!d.from.empty()) year_before(&d.from);
    if (!d.to.empty()) year_before(&d.to);
  }
}

}  // namespace

void BuildEvents(const Context& ctx, const std::vector<FigureCandidate>& figures, Extraction* out) {
  EventAssembler assembler(ctx);
  assembler.Run(figures, out);
  DaysNotAfterTheReport(ctx, out);
  CountsFromTheReport(ctx, out);
  NameEvents(ctx, out);
}

}  // namespace kroniek
