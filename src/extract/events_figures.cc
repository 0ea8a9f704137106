// Figures join events: the event a figure's sentence or the one before tells,
// the same kind of event at the figure's own city, the event the body gave a
// fact box's number to, or else a new event of the type the figure implies.
#include <algorithm>
#include <map>

#include "extract/events.h"
#include "extract/figures.h"
#include "extract/typing.h"

namespace kroniek {

namespace {
constexpr int kOwnNounPenalty = 100;  // tokens added to the distance of a figure's own noun as trigger
constexpr int kOwnTypeBonus = 20;     // tokens taken off the distance of an event of the kind's own type
constexpr int kAntecedentPenalty = 10;  // tokens added to the distance of an event told as what came before
constexpr int kOtherOccasionPenalty = 10;  // and of one outside the "toen" clause of a time a figure is in

}  // namespace

int EventAssembler::EventForFigure(const FigureCandidate& c) const {
  const std::string& kind = c.figure.kind;
  const std::string own_type = ctx_.lex.OwnEventOf(kind);
  // A count of that kind is such an event of its own ("na de rellen werden 87 mensen
  // opgepakt": an arrest); none counted ("er werden geen arrestaties verricht") is a fact
  // of the event told.
  const bool none_counted = !own_type.empty() && c.figure.value && *c.figure.value == 0;
  const bool own_only = !own_type.empty() && !none_counted;
  // "betogers vragen recht voor de 57 doden": a toll told with its article is
  // known already, the toll of an attack or a disaster the article tells, not of the protest.
  const auto& toks = ctx_.tokens();
  const bool known_toll = ctx_.lex.IsToll(kind) && c.token > ctx_.an.sentences[c.sentence].first &&
                          ctx_.WordIs(toks[c.token - 1].lower, "definite") &&
                          std::any_of(events_.begin(), events_.end(), [&](const Ev& e) {
                            const std::string& cls = ctx_.lex.ClassOf(e.m.type);
                            return cls == "violent" || cls == "disaster";
                          });
  // (None arrested after a train crash is a fact of the crash: "Niemand is gearresteerd".)
  auto fits = [&](const std::string& type) {
    return (ctx_.lex.KindFits(kind, type) || none_counted) && (!own_only || type == own_type) &&
           !(known_toll && ctx_.lex.ClassOf(type) == "political");
  };
  // Same sentence: the nearest trigger, preferring one before the number.
  int best = -1, best_distance = 1 << 30;
  // ("de zwaarste brand sinds 2009, toen zes mensen omkwamen bij een brand": the count is
  // of what that clause tells.)
  const bool then_clause = args_.ThenDate(c.sentence, c.token).known();
  const std::vector<int> clauses = then_clause ? args_.Clauses(c.sentence) : std::vector<int>();
  const int first = ctx_.an.sentences[c.sentence].first;
  for (const auto& sm : sentence_mentions_) {
    if (sm.sentence != c.sentence || !fits(events_[sm.event].m.type)) continue;
    if (events_[sm.event].m.status == "foiled" || events_[sm.event].m.status == "hypothetical") continue;
    int d = std::abs(sm.mention.first - c.token) + (sm.mention.first > c.token ? 5 : 0);
    // The counted noun itself ("zeven relschoppers werden aangehouden") names
    // who was counted; another event of the sentence is the figure's.
    if (sm.mention.first >= c.token && sm.mention.first < c.end_token) d += kOwnNounPenalty;
    // An event of the kind's own type ("twee verdachten opgepakt" beside "schietpartij") is its.
    if (!own_type.empty() && events_[sm.event].m.type == own_type) d -= kOwnTypeBonus;
    // ("Door de overstromingen na de dambreuk kwamen 5300 mensen om": the toll is of what
    // followed the breach, which the sentence tells as its cause.)
    if (args_.AfterAntecedent(sm.mention.first, c.sentence)) d += kAntecedentPenalty;
    if (then_clause && clauses[sm.mention.first - first] != clauses[c.token - first]) d += kOtherOccasionPenalty;
    // The verb that says what befell those counted tells the event ("bij protesten zijn
    // zeven mensen door soldaten doodgeschoten": the shooting's dead, not the protest's).
    if (c.kind_from_predicate && sm.mention.first > c.token && ctx_.lex.figure_verbs.Lookup(toks[sm.mention.first].lower) &&
        !events_[sm.event].sub_event)
      d -= kOwnTypeBonus;
    if (d < best_distance) { best = sm.event; best_distance = d; }
  }
  if (best >= 0) return best;
  // Earlier sentences of the same or the previous paragraphs: the latest mention.
  const int paragraph = ctx_.an.sentences[c.sentence].paragraph;
  for (auto it = sentence_mentions_.rbegin(); it != sentence_mentions_.rend(); ++it) {
    if (it->sentence >= c.sentence) continue;
    if (paragraph - ctx_.an.sentences[it->sentence].paragraph > 2) break;
    const Ev& e = events_[it->event];
    if (e.m.status == "foiled" || e.m.status == "hypothetical" || e.sub_event) continue;
    if (fits(e.m.type)) return it->event;
  }
  // A lede's figure before the event's name ("50 doden. … van de terreuraanslag"):
  // the first mention after it, in the same or the next paragraph.
  // (Neither is told after it one dated long before the article, a background to its news: "Die
  // nacht raakten negen agenten gewond. … In september 2022 kwam bij rellen een man om".)
  auto usable = [&](const Ev& e) {
    return e.m.status != "foiled" && e.m.status != "hypothetical" && !e.sub_event && fits(e.m.type) &&
           !DatedLongBefore(e);
  };
  for (const auto& sm : sentence_mentions_) {
    if (sm.sentence <= c.sentence) continue;
    if (ctx_.an.sentences[sm.sentence].paragraph - paragraph > 1) break;
    if (usable(events_[sm.event])) return sm.event;
  }
  // An article about one event of the figure's class (told more often than
  // any other of that class, or as often and first): that event.
  int main = -1;
  for (const Ev& e : events_)
    if (usable(e) && (main < 0 || e.mentions > events_[main].mentions)) main = e.id;
  return main;
}

int EventAssembler::EventElsewhere(const FigureCandidate& c, int event) {
  // "Raketaanvallen op verschillende plaatsen. … In Oeman vielen zeker drie
  // doden.": a figure told at a city of its own, in a sentence that names no
  // event, is of an event of the same kind there; so is one told in another
  // country than the event's ("In oktober kwamen in Peru zestig mensen om …" beside a crash at Quito).
  // (A list of counts per place names its places: "…, in Den Bosch 20".)
  if (c.place_token < 0)
    for (const auto& sm : sentence_mentions_)
      if (sm.sentence == c.sentence) return event;
  const Entity* at = nullptr;
  Location place = args_.PlaceAt(c.sentence, c.place_token >= 0 ? c.place_token : c.token, &at);
  if (at && args_.WhereCaredFor(*at)) return event;
  // ("In Sumy werd een flat getroffen. Daar kwamen vier mensen om.": where "daar" points.)
  const Sentence& s = ctx_.an.sentences[c.sentence];
  if (place.id.empty() && std::any_of(ctx_.tokens().begin() + s.first, ctx_.tokens().begin() + s.last,
                                      [&](const Token& t) { return ctx_.WordIs(t.lower, "there"); }))
    place = args_.PlaceNamedBefore(c.sentence);
  const Ev& e = events_[event];
  const bool other_country = place.id == place.country && !e.m.location.country.empty() && !e.m.location.inferred &&
                             place.country != e.m.location.country;
  if (place.id.empty() || (place.id == place.country && !other_country) || place.approximate) return event;
  if (e.m.location.id.empty() || LocationsCompatible(e.m.location, place) || e.m.type == "other") return event;
  // A figure the event has already ("twee gewonden … De twee die gewond raakten") is restated.
  for (const auto& f : e.m.figures)
    if (f.kind == c.figure.kind && f.value == c.figure.value) return event;
  return EventOfItsOwn(c, event, args_.DateFor(c.sentence, c.token), place);
}

int EventAssembler::EventBefore(const FigureCandidate& c, int event) {
  // "Hetzelfde gebied werd in augustus ook getroffen. Toen kwamen bijna driehonderd mensen
  // om.": a toll told "then", the time of the sentence before lying before the event's
  // days, is of an event of the same kind at that time, not of this one.
  // (So is a toll told in a sentence of its own that names no event, on a day before the
  // event's: "Vorige week zaterdag raakten in Kuregem drie mannen gewond", in a report of
  // last night's shooting.)
  const Ev& e = events_[event];
  const DayRange days = RangeOf(e.m.date);
  Date then = args_.ThenDate(c.sentence, c.token);
  const bool names_event = std::any_of(sentence_mentions_.begin(), sentence_mentions_.end(),
                                       [&](const SentenceMention& sm) { return sm.sentence == c.sentence; });
  // (A death told later is the event's toll, whatever its day: "Een brandweerman overleed
  // gisteren aan zijn verwondingen".)
  PhraseMatch at{c.token, c.token + 1, c.token + 1, 0, ""};
  const auto clauses = args_.Clauses(c.sentence);
  const bool later_death = args_.ClauseHas(at, c.sentence, clauses, "dying") ||
                           args_.ClauseHas(at, c.sentence, clauses, "aftercare");
  if (!then.known() && !names_event && !later_death) then = args_.DateFor(c.sentence, c.token);
  if (!days.known() || !then.known() || RangeOf(then).hi >= days.lo) return event;
  return EventOfItsOwn(c, event, then, e.m.location);
}

int EventAssembler::EventOfAnEarlierOne(const FigureCandidate& c, int event) {
  // "Het is de tweede schietpartij op korte tijd. Bij de eerste, op de Bergensesteenweg, raakten
  // drie mannen gewond": a count told at "the first" (no noun after it), in a sentence that names
  // no event, is of an earlier event of the kind, not of the one told.
  if (event < 0) return event;
  for (const auto& sm : sentence_mentions_)
    if (sm.sentence == c.sentence) return event;
  const Sentence& s = ctx_.an.sentences[c.sentence];
  const auto& toks = ctx_.tokens();
  for (int k = s.first; k + 3 < c.token; ++k) {
    if (!ctx_.lex.ClauseIs(toks[k].lower, "circumstance") || !ctx_.WordIs(toks[k + 1].lower, "definite") ||
        !ctx_.lex.ClauseIs(toks[k + 2].lower, "earlier_one") || toks[k + 3].kind != TokenKind::kPunct)
      continue;
    const Entity* at = nullptr;
    const Location place = args_.PlaceAt(c.sentence, c.token, &at);
    return EventOfItsOwn(c, event, args_.DateFor(c.sentence, c.token), place.id.empty() ? events_[event].m.location : place,
                         true);
  }
  return event;
}

int EventAssembler::EventOfItsOwn(const FigureCandidate& c, int event, const Date& date, const Location& place,
                                  bool another) {
  const Ev& e = events_[event];
  MentionInfo m;
  m.type = e.m.type;
  m.generic = e.generic;
  m.joins = e.joins;
  m.span = c.figure.span;
  m.first = m.last = m.end = c.token;
  m.date = date;
  m.location = place;
  m.recurrence = another;
  const int k = AddMention(m, c.sentence);
  return k >= 0 ? k : event;
}

int EventAssembler::EventWithFigure(const Figure& figure) const {
  for (size_t k = 0; k < events_.size(); ++k)
    for (const auto& f : events_[k].m.figures)
      if (f.kind == figure.kind && f.value && f.value == figure.value && !f.from_fact_box) return int(k);
  return -1;
}

void EventAssembler::AttachFigures(const std::vector<FigureCandidate>& figures) {
  std::map<int, std::pair<int, int>> placed;  // number token -> (event, index in figures)
  const FigureCandidate* previous_victims = nullptr;
  int previous_victims_event = -1;
  // A fact box may stand before the body it repeats ("32 doden" as an intertitle):
  // its figures are placed after all the others, to find the body's event.
  auto in_box = [&](const FigureCandidate& c) {
    return ctx_.paragraph_kinds[ctx_.an.sentences[c.sentence].paragraph] == ParagraphKind::kFactBox;
  };
  std::vector<const FigureCandidate*> order;
  for (const auto& c : figures)
    if (!in_box(c)) order.push_back(&c);
  for (const auto& c : figures)
    if (in_box(c)) order.push_back(&c);
  for (const FigureCandidate* cp : order) {
    const FigureCandidate& c = *cp;
    Figure f = c.figure;
    int event = -1;
    if (c.continuation) {
      // "Ooggetuigen spraken van acht kinderen": victims of the event just reported.
      if (!previous_victims || c.sentence - previous_victims->sentence > 1) continue;
      f.kind = "casualties";
      event = previous_victims_event;
    } else {
      event = EventForFigure(c);
      if (event >= 0) event = EventOfAnEarlierOne(c, EventBefore(c, EventElsewhere(c, event)));
    }
    // A fact box repeats the figures of the event the body gave them to.
    if (in_box(c))
      if (int told = EventWithFigure(f); told >= 0) event = told;
    if (!c.needs_event.empty() && (event < 0 || events_[event].m.type != c.needs_event)) continue;
    if (event < 0 && f.value && *f.value == 0) continue;  // "geen arrestaties" alone is no event
    if (event < 0) {
      // No event near: one of the type the figure implies.
      auto info = ctx_.lex.figure_kinds.find(f.kind);
      if (info == ctx_.lex.figure_kinds.end()) continue;
      MentionInfo m;
      m.type = info->second.default_event;
      if (ctx_.lex.ClassOf(m.type) == "violent" || m.type == "other")
        if (std::string weapon = WeaponType(ctx_, c.sentence); !weapon.empty()) m.type = weapon;
      m.span = f.span;
      m.first = c.token;
      m.by_toll = true;
      m.status = "occurred";
      m.date = args_.DateFor(c.sentence, c.token);
      event = AddMention(m, c.sentence);
    }
    Ev& e = events_[event];
    if (e.generic && e.victims_weapon.empty() && ctx_.lex.IsToll(f.kind))
      e.victims_weapon = WeaponType(ctx_, c.sentence);
    if (c.parent_token >= 0) {
      auto it = placed.find(c.parent_token);
      if (it != placed.end() && it->second.first == event) f.part_of = it->second.second;
    }
    f.from_fact_box = in_box(c);
    f.in_title = c.in_title;
    e.title_figures.push_back(c.in_title);
    e.figure_sentences.push_back(c.sentence);
    placed[c.token] = {event, int(e.m.figures.size())};
    e.m.figures.push_back(std::move(f));
    if (ctx_.lex.IsToll(c.figure.kind) ||
        (c.continuation && event >= 0)) {
      previous_victims = &c;
      previous_victims_event = event;
    }
  }
}

void EventAssembler::SplitRanges(std::vector<EventMention>* events) const {
  // "zestig tot tachtig gewonden": two bounds, as two figures: the range's own (60, at least,
  // 60..80) and up to 80, as annotators of real news count them.
  for (auto& e : *events) {
    std::vector<int> index(e.figures.size());
    std::vector<Figure> out;
    for (size_t f = 0; f < e.figures.size(); ++f) {
      Figure fig = e.figures[f];
      index[f] = int(out.size());
      const bool range = fig.value && fig.low && fig.high && *fig.high > *fig.low && *fig.value == *fig.low;
      if (!range) {
        out.push_back(std::move(fig));
        continue;
      }
      Figure upper = fig;
      upper.value = fig.high;
      upper.low = upper.high = std::nullopt;
      if (fig.qualifier == "at_least") upper.qualifier = "up_to";  // ("ongeveer 20 à 30": about both)
      out.push_back(std::move(fig));
      out.push_back(std::move(upper));
    }
    for (auto& fig : out)
      if (fig.part_of >= 0) fig.part_of = index[fig.part_of];
    e.figures = std::move(out);
  }
}

void EventAssembler::OneEventPerCount(std::vector<EventMention>* events) const {
  // "Tien mensen kwamen om" told of the fire and again of the protest after it, at one
  // place: one count, kept where it is told first. Counts of events at two places or on days
  // apart stay ("vier doden, twee Nederlanders … In oktober 2023 kwamen twee passagiers om").
  std::map<std::pair<std::string, double>, std::vector<std::pair<int, int>>> copies;  // (event, figure)
  for (size_t e = 0; e < events->size(); ++e)
    for (size_t f = 0; f < (*events)[e].figures.size(); ++f)
      if (const auto& fig = (*events)[e].figures[f]; fig.value) copies[{fig.kind, *fig.value}].push_back({int(e), int(f)});
  std::vector<std::vector<bool>> drop(events->size());
  for (size_t e = 0; e < events->size(); ++e) drop[e].assign((*events)[e].figures.size(), false);
  for (const auto& [key, list] : copies) {
    // The copy told first: the later one tells it again beside another event.
    auto best = list.front();
    for (const auto& c : list)
      if ((*events)[c.first].figures[c.second].span.begin < (*events)[best.first].figures[best.second].span.begin) best = c;
    for (const auto& c : list)
      if (c.first != best.first && LocationsCompatible((*events)[c.first].location, (*events)[best.first].location) &&
          DatesCompatible((*events)[c.first].date, (*events)[best.first].date))
        drop[c.first][c.second] = true;
  }
  for (size_t e = 0; e < events->size(); ++e) EraseFigures(&(*events)[e].figures, drop[e]);
}

}  // namespace kroniek
