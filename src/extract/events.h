// Event assembly: trigger mentions -> events (within-article coreference),
// their dates, places, actors, claims, stances, relations and figures.
#pragma once

#include <functional>
#include <set>
#include <vector>

#include "extract/context.h"
#include "extract/arguments.h"
#include "extract/figures.h"

namespace kroniek {

// Fills out->events from the article's triggers and figure candidates.
void BuildEvents(const Context& ctx, const std::vector<FigureCandidate>& figures, Extraction* out);

// Told in the present, "zes dagen na de ramp" dates the report from the event it names: that
// event's day_offset (report_counts.cc).
void CountsFromTheReport(const Context& ctx, Extraction* out);

// Gives events their own names ("storm Eunice", "vlucht MH17"; event_names.tsv).
void NameEvents(const Context& ctx, Extraction* out);

// The assembly itself: mentions join events in text order.
class EventAssembler {
 public:
  explicit EventAssembler(const Context& ctx);
  void Run(const std::vector<FigureCandidate>& figures, Extraction* out);

 private:
  static constexpr int kPartParagraphs = 2;  // how far before a part its event may have been told
  // Whether two of the article's dates may be one event's: a day told from the report
  // ("vanochtend") or a weekday lies within the report's days.
  bool DatesCompatible(const Date& a, const Date& b) const;
  bool TypesJoin(const Ev& e, const std::string& type) const;
  int Resolve(const MentionInfo& m, int sentence) const;
  int ResolvePart(const MentionInfo& m, int sentence) const;  // the event m is a part of, or -1
  int ResolvePhase(const MentionInfo& m, int sentence) const;  // the event phase m follows, or -1
  bool ToldOnlyInTitle(const Ev& e) const;  // every mention of e stands in the headline block
  bool InAnotherBlock(int sentence, const Ev& e) const;  // the sentence opens other stories under e's text
  bool KeptApartByCount(const MentionInfo& m, int sentence, const Ev& e) const;  // "vier dagen na [e]": not e
  // The mention, in `sentence`, is a lead (what, where and when) a paragraph after e.
  bool OpensAnotherStory(const MentionInfo& m, int sentence, const Ev& e) const;
  // Returns the event, or -1 for none; `phase_of` >= 0 joins the phase m to that event.
  int AddMention(const MentionInfo& m, int sentence, int phase_of = -1);
  // The sentence after si, within kPartParagraphs, whose mention tells the event
  // phase m of sentence si follows, when none was told before it; else -1.
  int EventToldAfter(const std::vector<std::vector<MentionInfo>>& mentions, const MentionInfo& m, int si) const;
  // The same for a part m ("Na de instorting van de flat …", the explosion told after it):
  // the sentence whose mention tells an event of a type m may be part of, none told before.
  int WholeToldAfter(const std::vector<std::vector<MentionInfo>>& mentions, const MentionInfo& m, int si) const;
  // The first sentence after si, within kPartParagraphs, with an occurred mention of a type
  // `of_type` accepts that may be m's event (dates and places agree); else -1.
  int LaterMention(const std::vector<std::vector<MentionInfo>>& mentions, const MentionInfo& m, int si,
                   const std::function<bool(const std::string&)>& of_type) const;
  int EventForFigure(const FigureCandidate& c) const;
  int EventWithFigure(const Figure& figure) const;  // the first event the body gave this count, or -1
  int EventElsewhere(const FigureCandidate& c, int event);  // the same kind of event at the figure's own city
  int EventBefore(const FigureCandidate& c, int event);     // the same kind of event "then", before it
  int EventOfAnEarlierOne(const FigureCandidate& c, int event);  // "Bij de eerste, …": another of the kind
  // A mention of event's kind for figure c, at `date` and `place`: the event it joins, else `event`.
  // `another`: told as another of the kind ("bij de eerste"), it joins none told before.
  int EventOfItsOwn(const FigureCandidate& c, int event, const Date& date, const Location& place, bool another = false);
  void AttachFigures(const std::vector<FigureCandidate>& figures);
  void SplitRanges(std::vector<EventMention>* events) const;  // "zestig tot tachtig": two bounds
  void OneEventPerCount(std::vector<EventMention>* events) const;  // a count told of two events at one place
  void Finish(Extraction* out);
  void InheritLocations();
  // The city the article names most, and the country, when it outweighs that city's.
  void MainPlaces(const Entity** main_city, const KbEntry** main_country) const;
  bool DatedLongBefore(const Ev& e) const;  // long before the article: not its news
  bool ToldByAdjective(const Location& loc) const;  // "een Turkse kolenmijn": the country
  // The event told nearest e (the same or the two paragraphs before) with a place that fits.
  const Ev* PlacedNearby(const Ev& e, const std::function<bool(const Location&)>& fits) const;
  std::set<int> SentencesWithMentions() const;  // the sentences that name an event
  void DateFromFollowingSentences(const std::set<int>& with_mentions);
  void DateFromPrecedingSentence(const std::set<int>& with_mentions);
  int Lede() const;                        // the first sentence of the first prose paragraph, or -1
  bool FirstEventTold(const Ev& e) const;  // whether no other event is told before e
  // Whether time t of sentence si, a sentence without an event of its own, may date e;
  // `introduces`: the sentence stands just before e's first mention; `narrowed`: e's month or
  // year, which only a day within it may narrow.
  bool TimeCanDate(const Ev& e, const TimeMention& t, int si, bool introduces, const Date* narrowed = nullptr) const;
  // Whether the time at `time_token` of sentence si is that of a telling or of a plan
  // (its clause holds the sentence's source cue, or a cue of something planned).
  bool TimeOfTellingOrPlan(int si, int time_token) const;
  // "een brief van 30 november": the date of a thing a noun names, not of an event.
  bool TimeOfAThing(const TimeMention& t) const;
  // "Vier dagen na de ramp bedolf …": a date counted from the event it names, dated later from it.
  bool CountedFromANamedEvent(const Date& d) const;
  void DatePhasesFromTheirEvent();
  // A follow-up (event_types.tsv follows) without a time: the days from the dated event
  // told just before it to the report's.
  void DateFollowUpsFromTheEventBefore();
  void StillToCome();

  const Context& ctx_;
  ArgumentReader args_;
  std::vector<Ev> events_;
  std::vector<SentenceMention> sentence_mentions_;
  int first_prose_ = 0;  // the first paragraph closed by a full stop: before it, the headline block
};

}  // namespace kroniek
