// Stage 4 — fuse: analyzed articles in, a chronicle out.
//
// In:  articles with their extractions (events, figures, dates, places).
// Out: real-world events, each gathering the event mentions of many
//      articles; per (event, figure kind, group) every report in time order
//      with a verdict (consistent, updated, contested, claim, retracted), a
//      best value and why; disagreements beyond figures; and, for articles
//      that came without a date, an inferred publication date.
//
// Articles are added one at a time: a new article's events look up candidate
// events in an index by type class, date and place, so adding one costs the
// same however many events the chronicle holds. Feeding the same articles in
// a canonical order (see BuildChronicle) gives the same chronicle whatever
// order they arrived in.
//
// A report joins an event only when nothing rules it out: its type may be
// the same event as every report's (type_affinity.tsv; a generic "aanslag"
// or "explosie" is any attack or explosion it may stand for), the days it
// allows meet the days every report allows (WindowOf: never after the
// report appeared), and its named place is the event's city, a place beside
// it (a district, a suburb), that city's country or the country of its city,
// never another (a city only inferred from a report's text is no evidence
// against another city of its country). Among the events it
// fits it joins the best (type, day, place, shared actors and stories as
// evidence), and events it fits that may be one (no article tells both) are
// joined with it. The fused event's type is the most specific its reports
// support (FusedType).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/chronicle.h"
#include "core/document.h"
#include "core/extraction.h"
#include "core/status.h"

namespace kroniek {

// What fusing needs to know: how similar two event types are
// (resources/kb/event_types.tsv, type_affinity.tsv) and which figure groups
// count the same people (figure_groups.tsv), which kinds count victims
// (figure_kinds.tsv option toll); and what a type is in ACLED's terms
// (acled_types.tsv), for the records.
class FuseRules {
 public:
  Status Load(const std::string& resources_dir);
  // 0 when the types cannot be one event, up to 1 for the same type. Generic
  // kinds ("attack", "explosion") score against the types they may stand for.
  double Score(const std::string& a, const std::string& b) const;
  const std::string& ClassOf(const std::string& type) const;
  // True for a type that says little ("attack_on_civilians", "other").
  bool IsVague(const std::string& type) const;
  // True when `a` names more precisely what `b` names (suicide_bombing, bombing).
  bool Refines(const std::string& a, const std::string& b) const;
  // How far apart two countries' places of one event of this type may lie, when its
  // places in one country are always one event's (kb/event_types.tsv widespread=).
  std::optional<double> WidespreadKm(const std::string& type) const;
  // The classes of every type `type` scores above 0 against, sorted: where
  // the index looks for the events a report of `type` may join.
  const std::vector<std::string>& ClassesNear(const std::string& type) const;
  // The group a total of `group` is compared under ("men" -> "people").
  const std::string& TotalGroup(const std::string& group) const;
  // Whether a figure kind counts the victims, whose numbers rise as reports come in
  // (kb/figure_kinds.tsv option toll).
  bool IsToll(const std::string& kind) const { return tolls_.count(kind) > 0; }
  // ACLED's event type and sub-event type for a type; null when ACLED codes none.
  const std::pair<std::string, std::string>* Acled(const std::string& type) const;

 private:
  std::unordered_map<std::string, std::string> total_group_;
  std::unordered_map<std::string, std::string> class_;
  std::unordered_map<std::string, std::vector<std::string>> near_;
  std::set<std::string> vague_, generic_;
  std::map<std::pair<std::string, std::string>, double> pairs_;
  std::set<std::pair<std::string, std::string>> refines_;
  std::unordered_map<std::string, double> widespread_km_;
  std::unordered_map<std::string, std::pair<std::string, std::string>> acled_;
  std::set<std::string> tolls_;
};

constexpr int kDayTolerance = 1;  // reports may differ by a day (night, time zones)
constexpr int kMonthDays = 31;    // a date of a month at most is a day events are found under

constexpr int kNewsDays = 3;      // an undated report on a page of a day tells news of that day or the few before

// Whether two day ranges meet, `tolerance` days apart at most.
bool Overlap(const DayRange& a, const DayRange& b, int tolerance);

// The days of an event's window (Summary::window) as a range: with its reports a day
// apart, the days between them.
inline DayRange Allowed(const DayRange& window) {
  return window.lo <= window.hi ? window : DayRange{window.hi, window.lo};
}

// The type a report counts with when fusing: the generic kind its text named
// ("attack" for a lone "aanslag"), else its type.
inline const std::string& FuseType(const EventMention& m) { return m.generic.empty() ? m.type : m.generic; }

// A count two reports of different events seldom share ("85 gewonden").
bool DistinctiveCount(const Figure& f);
// Whether m names its event as known at a city it names ("de aanslag in Halle"): a
// report long after it may recall it so.
bool RecallsByName(const EventMention& m);
// Whether m's own time leaves it free to recall an event long before its report: it
// tells no days, no weekday and no day of a month ("vrijdag" under a month header is
// that month's Friday, never one of years before).
bool MayRecall(const EventMention& m);
// The first day m's comparison allows ("de zwaarste … sinds 1999"); unknown: no bound.
int AfterDay(const EventMention& m);
// Its index key at a place ("killed=84@nice").
std::string CountKey(const std::string& kind, double value, const std::string& place);

// The days on which an event a report mentions may have happened: its own
// date, never after the report appeared; undated, the two months before
// publication (news speaks of what is recent), the week before it for a
// weekday ("zondag": the last Sunday), a day before it for "gisteren".
// Unknown when neither date nor publication is known.
DayRange WindowOf(const EventMention& m, const Date& published);
// The days a report tells as news, for an event over a region (a storm in two towns is one
// storm only on the same days): its own date's, a month at most; else ("sinds 1990", or
// undated), in an article of a known month, that month; of a known day, that day and
// the few days before it. Unknown otherwise.
DayRange NewsDays(const EventMention& m, const Date& published);
// The days an event's reports allow together, as from/to, when a month at most;
// its value unknown (FusedDate sets the one a report gives). Basis "inferred".
Date WindowDate(const DayRange& window);

class PublicationWindow;  // pubdate.cc

class Chronicle {
 public:
  explicit Chronicle(const FuseRules& types) : types_(types) {}
  const FuseRules& rules() const { return types_; }

  // Adds an article; its events join the best compatible event or start one.
  // With `only`, just those event mentions take part (the others belong to
  // events outside this chronicle, as when a store re-fuses a neighbourhood).
  // `outside` names the events, kept elsewhere, of its reports not taking part: two
  // articles that tell one of those together tell one story, as if it were here.
  void Add(AnalyzedArticle article, const std::vector<int>* only = nullptr, std::set<std::string> outside = {});
  // Corrections by a person, applied after clustering and before Reconcile:
  // puts two events together, moves a mention to another event (or, with
  // to = -1, to an event of its own), leaves a report out of the figures.
  void Merge(int into, int from);
  void Move(MentionRef mention, int to);
  void Exclude(ReportRef report);
  // Fills the merged view of every event and orders them (date, type, place).
  void Reconcile();

  const std::vector<AnalyzedArticle>& articles() const { return articles_; }
  const std::vector<ChronicleEvent>& events() const { return events_; }
  // The chronicle event holding a mention, or -1.
  int EventOf(MentionRef m) const;
  // Inference for an article that came without a day-precise date.
  PublicationInference InferPublication(int article) const;
  // The index keys of an event, and the keys a mention looks candidates up
  // under: a store that keeps the first finds the events a new mention may join.
  // `published` is the date of the mention's article.
  std::vector<std::string> IndexKeys(int event) const;
  std::vector<std::string> LookupKeys(const EventMention& m, const Date& published) const;
  // The keys of every event `m` could join or be joined by, whichever came
  // first: LookupKeys, and for a placed, dated mention its days without the
  // country (an unplaced event of those days may take it in).
  std::vector<std::string> NeighbourhoodKeys(const EventMention& m, const Date& published) const;

 private:
  // What an event's mentions agree on so far, for matching new mentions.
  struct Summary {
    std::string type;                  // the most specific type so far (FuseType)
    std::set<std::string> types;       // every report's FuseType
    // The days every report allows (unknown: none bounds them): the latest first day
    // and the earliest last day of the reports' windows, so whatever their order; with
    // reports a day apart the first is after the last (see Allowed).
    DayRange window;
    DayRange hull;                     // from the first to the last day any report allows
    bool open = false;                 // a report allows any day (undated, in an undated article)
    DayRange days;                     // the tightest date a report gives
    std::set<int> told;                // every day the reports' dates give (each a month at most)
    DayRange published;                // first and last publication day of its articles
    int after = DayRange().lo;         // the first day a report's comparison allows ("de zwaarste … sinds 1999")
    int weekday = -1;                  // a weekday named without a date
    int month = 0, day = 0;            // a day of a month named without a year ("18 augustus")
    std::string place, country;        // named (not inferred) place and its country
    std::string region;                // and the first-order region of that place, if a city
    std::optional<double> lat, lon;    // and its coordinates
    long population = 0;               // and its population, 0 when unknown
    bool near = false;                 // named as near the event ("nabij Addis Abeba")
    std::string inferred_place;        // a place only inferred from the discourse
    std::string inferred_country;      // and its country
    std::string inferred_region;       // and region
    std::optional<double> inferred_lat, inferred_lon;
    long inferred_population = 0;
    std::set<std::string> actors;      // perpetrators, claimants (with their parents) and targets
    std::set<std::string> targets;     // the targets alone (index keys a|…)
    std::set<std::pair<std::string, double>> counts;  // distinctive counts its reports give (kind, value)
    std::set<int> articles;            // the articles of its reports
    std::string status;
    std::string name;                  // the event's own name, from the first report that gives one
  };
  static DayRange NewsDaysOf(const Summary& s);
  double TypeScore(const std::string& type, const Summary& s) const;
  // Whether an undated report, published after the event's days, tells that event
  // by its place and a distinctive count of it ("de aanslag in Nice, die 84 levens eiste").
  bool TellsLongAfter(const EventMention& m, const DayRange& window, const Summary& s) const;
  double DateScore(const EventMention& m, const DayRange& window, const Summary& s) const;
  double PlaceScore(const Location& l, const Summary& s, std::optional<double> widespread_km,
                    bool inferred_vetoes = false) const;
  double Score(const EventMention& m, const Summary& s, int article) const;
  bool SharesStory(int article, const Summary& s) const;
  std::vector<int> Candidates(const EventMention& m, const Date& published) const;
  // The events report k of article ai may join, with their scores.
  std::vector<std::pair<double, int>> Fits(int ai, int k) const;
  int Choose(const std::vector<std::pair<double, int>>& fits, bool timeless, int article) const;
  bool Mergeable(const Summary& a, const Summary& b) const;
  void Absorb(int into, int from);
  void Index(int event);
  void UpdateSummary(Summary& s, const EventMention& m, const Date& published) const;
  bool KeptApart(int article, int mention, int event) const;
  void WidenPublished(int event, int article);
  void RebuildSummary(int event);
  bool Excluded(const ReportRef& r) const;
  void FindDisagreements(int event);
  std::string FusedType(const ChronicleEvent& event) const;
  Date FusedDate(const ChronicleEvent& event, const DayRange& window) const;
  // The days, in order, that the event's window leaves with the weekdays and days of a
  // month its reports name without a date (event_days.cc): each day from which they all
  // fall within `tolerance` days on (a night: 1); none when they contradict; nullopt when
  // the window is unknown or too wide to count.
  std::optional<std::vector<int>> DaysLeft(const ChronicleEvent& event, const DayRange& window, int tolerance) const;
  // Publication evidence (pubdate.cc): the days other reports give the article's events
  // (returned: the publication days of those that give none, likely evidence), and the
  // tolls it gives between theirs.
  std::vector<std::pair<DayRange, std::string>> ReportEvidence(int article, PublicationWindow& window) const;
  void TollEvidence(int article, PublicationWindow& window) const;
  // A date disagreement when the days and weekdays the reports give leave no day, even a
  // day apart.
  std::optional<Disagreement> DaysDisagree(const ChronicleEvent& event, const DayRange& window) const;

  const FuseRules& types_;
  std::vector<AnalyzedArticle> articles_;
  std::vector<ChronicleEvent> events_;
  std::vector<Summary> summaries_;
  std::map<MentionRef, int> event_of_;
  std::unordered_map<std::string, std::vector<int>> index_;  // key -> events
  std::vector<std::set<int>> events_of_article_;              // article -> events it mentions
  std::vector<std::set<std::string>> outside_of_article_;     // article -> events it tells outside (Add)
  std::set<std::tuple<int, int, int>> excluded_;              // (article, event, figure) left out
};

// A chronicle of many articles, with what was inferred about their dates.
struct ChronicleResult {
  std::unique_ptr<Chronicle> chronicle;
  std::map<std::string, PublicationInference> publication;  // by article id
};

}  // namespace kroniek
