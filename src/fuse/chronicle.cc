#include <algorithm>
#include <cmath>
#include <functional>

#include "core/geo.h"
#include "fuse/fuse.h"

namespace kroniek {

namespace {

constexpr double kJoinThreshold = 0.55;  // a mention joins an event scoring above this
constexpr double kScoreSlack = 1e-9;     // scores are sums of decimals: a sum that is 0.55 does not join
constexpr int kBackgroundDays = 62;      // an undated report speaks of the two months before it
constexpr double kAmbiguity = 0.1;       // scores this close fit about as well
constexpr double kDistinctiveCount = 10; // two reports of "85 gewonden" seldom tell two events
constexpr double kToldLongAfter = 0.05;   // a later report's date evidence for the event it recalls
constexpr double kTimeless = 0.05;        // date evidence of a report no time bounds
constexpr double kTimelessWeekday = 0.15; // of its weekday, when the event's day has that weekday
constexpr double kWeekdayOnly = 0.05;      // less when the event too is told by its weekday only
constexpr double kBesideKm = 15;         // a district or suburb and its city ("Kensington", "Londen")
constexpr long kCityTimes = 10;           // a city ten times a town's size reaches over it
constexpr double kCityReachKm = 30;       // this far ("Werribee", "Melbourne")
constexpr double kSameName = 0.3;        // "storm Eunice" in both: one event wherever each places it

// An undated report's news days from its article's day (and the few days before it) or
// month ("de storm" on a page of January is January's storm); unknown for a longer or
// unknown publication.
DayRange NewsOfPublication(const DayRange& p) {
  if (!p.known() || p.hi - p.lo > kMonthDays) return DayRange();
  return p.lo == p.hi ? DayRange{p.lo - kNewsDays, p.hi} : p;
}

// Weekdays a day apart may name one event ("in de nacht van woensdag op donderdag").
bool WeekdaysNear(int a, int b) {
  const int d = (a - b + 7) % 7;
  return d <= kDayTolerance || d >= 7 - kDayTolerance;
}

bool Overlap(const DayRange& a, const DayRange& b, int tolerance) {
  return a.lo <= b.hi + tolerance && b.lo <= a.hi + tolerance;
}

// Whether two reports' news days (NewsDays) may be one event's over a region: they meet.
bool OnSameDays(const DayRange& a, const DayRange& b) { return a.known() && b.known() && Overlap(a, b, 0); }

// Where a place lies, and how big it is.
struct Spot {
  std::optional<double> lat, lon;
  long population = 0;
};

// Two places of one country so close that reports name one site by either: a
// district or suburb and its city, a town and a city ten times its size around
// it. With `near`, one of them was named as near the event.
bool Beside(const Spot& a, const Spot& b, bool near = false) {
  if (!a.lat || !a.lon || !b.lat || !b.lon) return false;
  const double km = DistanceKm(*a.lat, *a.lon, *b.lat, *b.lon);
  if (near) return km <= kNearSiteKm;
  const long big = std::max(a.population, b.population), small = std::min(a.population, b.population);
  const bool town_of_city = small > 0 && small * kCityTimes <= big;
  return km <= (town_of_city ? kCityReachKm : kBesideKm);
}

}  // namespace

bool DistinctiveCount(const Figure& f) { return f.value && *f.value >= kDistinctiveCount && f.kind != "other"; }

bool RecallsByName(const EventMention& m) {
  return m.definite && !m.location.inferred && !m.location.id.empty() && m.location.id != m.location.country;
}

bool MayRecall(const EventMention& m) { return !RangeOf(m.date).known() && m.date.weekday < 0 && !m.date.month; }

std::string CountKey(const std::string& kind, double value, const std::string& place) {
  return kind + "=" + std::to_string(value) + "@" + place;
}

int AfterDay(const EventMention& m) { return RangeOf(m.after).lo; }  // unknown: no bound

DayRange WindowOf(const EventMention& m, const Date& published) {
  DayRange date = RangeOf(m.date), p = RangeOf(published);
  const bool ahead = m.status == "planned";  // announced: it happens after the report
  if (date.known()) {
    // Reported, so not after the report (a date past it is left as the text says).
    if (p.known() && !ahead && date.lo <= p.hi) date.hi = std::min(date.hi, p.hi);
    return date;
  }
  if (!p.known()) return DayRange();
  if (ahead) return {p.lo, p.hi + kBackgroundDays};
  // "gisteren": that many days before publication.
  if (m.date.day_offset) return {p.lo + *m.date.day_offset, p.hi + *m.date.day_offset};
  // "zondag": the last such weekday before publication, within a week.
  if (m.date.weekday >= 0) {
    DayRange w{p.lo - 6, p.hi};
    while (WeekdayOf(FromDayNumber(w.lo)) != m.date.weekday) ++w.lo;
    while (WeekdayOf(FromDayNumber(w.hi)) != m.date.weekday) --w.hi;
    return w;
  }
  return {p.lo - kBackgroundDays, p.hi};
}

DayRange NewsDays(const EventMention& m, const Date& published) {
  if (const DayRange d = RangeOf(m.date); d.known() && d.hi - d.lo <= kMonthDays) return d;
  return NewsOfPublication(RangeOf(published));
}

int Chronicle::EventOf(MentionRef m) const {
  auto it = event_of_.find(m);
  return it == event_of_.end() ? -1 : it->second;
}

// Types: a report must be able to be one event with every report so far; the
// least of those scores is its type evidence.
double Chronicle::TypeScore(const std::string& type, const Summary& s) const {
  double score = s.types.empty() ? 1.0 : 2.0;
  for (const auto& t : s.types) score = std::min(score, types_.Score(type, t));
  return std::min(score, 1.0);
}

// Dates: the days a report allows must meet the days every report so far
// allows; the same day is strong evidence, a fitting weekday good, an
// overlap of periods weak.
double Chronicle::DateScore(const EventMention& m, const DayRange& window, const Summary& s) const {
  if (window.known() && s.window.known() && !Overlap(window, s.window, kDayTolerance)) return -1;
  // ("de zwaarste beving sinds 1999" is no report of the quake of 1999, nor of one before it.)
  const int after = AfterDay(m);
  if ((s.days.known() && s.days.hi < after) || (s.window.known() && s.window.hi < after)) return -1;
  const DayRange r = RangeOf(m.date);
  if ((r.known() && r.hi < s.after) || (window.known() && window.hi < s.after)) return -1;
  if (r.known() && s.days.known()) {
    if (!Overlap(r, s.days, kDayTolerance)) return -1;
    bool exact = r.lo == r.hi && s.days.lo == s.days.hi;
    return exact ? (r.lo == s.days.lo ? 0.35 : 0.15) : 0.2;
  }
  // (A weekday in a report no time bounds fits a day of any week: weaker evidence.)
  const double weekday_fits = window.known() ? 0.25 : kTimelessWeekday;
  if (m.date.weekday >= 0 && s.days.known() && s.days.lo == s.days.hi)
    return WeekdaysNear(kroniek::WeekdayOf(FromDayNumber(s.days.lo)), m.date.weekday) ? weekday_fits : -1;
  // A day of a month told without a year, in a report that cannot date it ("18 augustus"):
  // one of the event's days, or none (its days a few: "afgelopen weekend").
  const bool day_of_month = !r.known() && m.date.month && m.date.day;
  if (day_of_month && s.days.known() && s.days.hi - s.days.lo <= kMonthDays) {
    for (int d = s.days.lo - kDayTolerance; d <= s.days.hi + kDayTolerance; ++d) {
      const Civil c = FromDayNumber(d);
      if (c.month == m.date.month && c.day == m.date.day) return s.days.lo == s.days.hi ? 0.3 : 0.2;
    }
    return -1;
  }
  if (day_of_month && s.month) return s.month == m.date.month && s.day == m.date.day ? 0.3 : -1;
  if (r.known() && r.lo == r.hi && !s.days.known() && s.month) {
    const Civil c = FromDayNumber(r.lo);
    return c.month == s.month && c.day == s.day ? 0.3 : -1;
  }
  // A day told where the others told its weekday ("op 4 april" beside "dinsdag").
  if (r.known() && r.lo == r.hi && !s.days.known() && s.weekday >= 0)
    return WeekdaysNear(kroniek::WeekdayOf(FromDayNumber(r.lo)), s.weekday) ? 0.25 : -1;
  if (m.date.weekday >= 0 && s.weekday >= 0)
    return WeekdaysNear(m.date.weekday, s.weekday) ? weekday_fits - kWeekdayOnly : -1;
  if (window.known() && s.window.known()) return 0.1;
  // A report no time bounds (undated, in an undated article, or of an event none of
  // whose reports is dated) speaks against no time: its type and its place, named or
  // inferred, decide, and among events that fit as well the most reported (Choose).
  return kTimeless;
}

// The days an event's reports tell as news (NewsDays): its days, or for reports none of
// which dates it to a month at most, the news days of its articles' publication.
DayRange Chronicle::NewsDaysOf(const Summary& s) {
  if (s.days.known() && s.days.hi - s.days.lo <= kMonthDays) return s.days;
  return s.open ? DayRange() : NewsOfPublication(s.published);
}

// Places: the same city; a city and its country; two cities or two
// countries never, but for an event over a region on its days (widespread_km:
// a storm in two towns, a quake in two countries near each other). A place only
// inferred from the discourse counts as the event's place when none is named,
// and agrees more weakly: the same city so inferred a little more than a city and
// its country (with its type, it places a report no time bounds; a city and its
// country so inferred still place a report of the two months before it: "Zwitserland"
// inferred beside the crash in Sierre).
double Chronicle::PlaceScore(const Location& l, const Summary& s, std::optional<double> widespread_km,
                             bool inferred_vetoes) const {
  if (l.id.empty()) return 0.05;
  const bool named = !s.place.empty();
  const std::string& place = named ? s.place : s.inferred_place;
  const std::string& country = named ? s.country : s.inferred_country;
  if (place.empty()) return 0.05;
  const bool weak = l.inferred || !named;
  if (l.id == place) return weak ? 0.16 : l.id == l.country ? 0.12 : 0.25;
  // An event over a region (a storm, a quake): its places agree as a city and its country do.
  const auto lat = named ? s.lat : s.inferred_lat, lon = named ? s.lon : s.inferred_lon;
  const bool within_reach = widespread_km && l.lat && l.lon && lat && lon &&
                            DistanceKm(*l.lat, *l.lon, *lat, *lon) <= *widespread_km;
  if (l.country != country) return within_reach ? 0.05 : -1;
  const std::string& region = named ? s.region : s.inferred_region;
  if (l.id == country || place == l.country || InRegion(l, place) || (!region.empty() && region == l.id))
    return weak ? 0.12 : 0.15;  // a city and its country or region
  if (Beside({l.lat, l.lon, l.population}, named ? Spot{s.lat, s.lon, s.population}
                                                 : Spot{s.inferred_lat, s.inferred_lon, s.inferred_population},
             l.approximate || s.near))
    return weak ? 0.1 : 0.16;  // a district and its city: a little more than a city and its country
  // Two cities of the country an event over a region struck on its days agree as a city and
  // its country do. Else one only inferred is no evidence either way between reports (an
  // article's own reports it keeps apart).
  if (widespread_km) return weak ? 0.12 : 0.15;
  return weak && !inferred_vetoes ? 0 : -1;
}

bool Chronicle::TellsLongAfter(const EventMention& m, const DayRange& window, const Summary& s) const {
  if (!MayRecall(m) || !window.known() || !s.days.known() ||
      window.lo <= s.days.hi + kDayTolerance || m.location.id.empty() ||
      (m.location.id != s.place && m.location.id != s.inferred_place))
    return false;
  // "de aanslag in Halle", a year on: the event of that kind in that city (Add keeps
  // such a report apart when two events fit).
  if (RecallsByName(m) && m.location.id == s.place) return true;
  for (const auto& f : m.figures)
    if (DistinctiveCount(f) && s.counts.count({f.kind, *f.value})) return true;
  return false;
}

// Articles that already tell another event together tell one story.
bool Chronicle::SharesStory(int article, const Summary& s) const {
  for (int other : s.articles) {
    for (int e : events_of_article_[article])
      if (events_of_article_[other].count(e)) return true;
    for (const auto& e : outside_of_article_[article])
      if (outside_of_article_[other].count(e)) return true;
  }
  return false;
}

double Chronicle::Score(const EventMention& m, const Summary& s, int article) const {
  double type = TypeScore(FuseType(m), s);
  if (type <= 0) return 0;
  if ((m.status == "hypothetical") != (s.status == "hypothetical")) return 0;
  if ((m.status == "foiled") != (s.status == "foiled")) return 0;
  const bool named_alike = !m.name.empty() && m.name == s.name;
  if (!m.name.empty() && !s.name.empty() && !named_alike) return 0;  // two names, two events
  const DayRange window = WindowOf(m, articles_[article].article.published);
  double date = DateScore(m, window, s);
  if (date < 0 && TellsLongAfter(m, window, s)) date = kToldLongAfter;
  if (date < 0) return 0;
  // (A report of a storm in another town is of the same storm only on the same days.)
  const bool same_days = OnSameDays(NewsDays(m, articles_[article].article.published), NewsDaysOf(s));
  double place = PlaceScore(m.location, s, same_days ? types_.WidespreadKm(m.type) : std::nullopt);
  if (named_alike) place = std::max(place, 0.0) + kSameName;
  if (place < 0) return 0;
  double score = 0.35 * type + date + place;
  if (SharesStory(article, s)) score += 0.1;
  // Actors: a shared perpetrator or claimant (or its parent group), or a shared target
  // ("een aanslag op Charlie Hebdo").
  for (const auto& actor : m.actors)
    if (s.actors.count(actor.id)) {
      score += 0.1;
      break;
    }
  // The same distinctive count ("85 gewonden") in both.
  for (const auto& f : m.figures)
    if (DistinctiveCount(f) && s.counts.count({f.kind, *f.value})) {
      score += 0.1;
      break;
    }
  return score;
}

void Chronicle::WidenPublished(int e, int article) {
  const DayRange p = RangeOf(articles_[article].article.published);
  if (!p.known()) return;
  DayRange& s = summaries_[e].published;
  if (!s.known()) s = p;
  s.lo = std::min(s.lo, p.lo);
  s.hi = std::max(s.hi, p.hi);
}

void Chronicle::UpdateSummary(Summary& s, const EventMention& m, const Date& published) const {
  // The most specific type: a specific report over a generic kind or a vague
  // type, a refinement over what it refines.
  const std::string& type = FuseType(m);
  if (s.type.empty() || (!types_.IsVague(type) && (types_.IsVague(s.type) || types_.Refines(type, s.type))))
    s.type = type;
  s.types.insert(type);
  const DayRange w = WindowOf(m, published);
  // (An undated report long after the event's days recalls it: it bounds nothing.)
  const bool recalls = !RangeOf(m.date).known() && w.known() && s.days.known() && s.window.known() &&
                       w.lo > s.days.hi + kDayTolerance && !Overlap(w, s.window, kDayTolerance);
  if (!w.known()) s.open = true;
  else if (!recalls) {
    s.hull = s.hull.known() ? DayRange{std::min(s.hull.lo, w.lo), std::max(s.hull.hi, w.hi)} : w;
    s.window = s.window.known() ? DayRange{std::max(s.window.lo, w.lo), std::min(s.window.hi, w.hi)} : w;
  }
  // (A report whose article fusion dated may join any event as its article came, undated,
  // read again in a store's next fusion: the event is found as undated ones are too.)
  if (published.basis == DateBasis::kInferred) s.open = true;
  s.after = std::max(s.after, AfterDay(m));
  DayRange r = RangeOf(m.date);
  if (r.known()) {
    if (!s.days.known()) s.days = r;
    else if (r.hi - r.lo < s.days.hi - s.days.lo) s.days = r;  // the more precise date wins
    if (r.hi - r.lo <= kMonthDays)
      for (int d = r.lo; d <= r.hi; ++d) s.told.insert(d);
  }
  if (m.date.weekday >= 0 && s.weekday < 0) s.weekday = m.date.weekday;
  if (!r.known() && m.date.month && m.date.day && !s.month) {
    s.month = m.date.month;
    s.day = m.date.day;
  }
  if (!m.location.id.empty() && m.location.inferred && s.inferred_place.empty()) {
    s.inferred_place = m.location.id;
    s.inferred_country = m.location.country;
    s.inferred_region = m.location.region;
    s.inferred_lat = m.location.lat;
    s.inferred_lon = m.location.lon;
    s.inferred_population = m.location.population;
  }
  if (!m.location.id.empty() && !m.location.inferred) {
    bool city = m.location.id != m.location.country;
    if (s.place.empty() || (city && s.place == s.country) || InRegion(m.location, s.place)) {
      s.place = m.location.id;
      s.country = m.location.country;
      s.region = m.location.region;
      s.lat = m.location.lat;
      s.lon = m.location.lon;
      s.population = m.location.population;
      s.near = m.location.approximate;
    } else if (m.location.id == s.place && m.location.approximate) {
      s.near = true;  // one report that names the place as near the site says it for all
    }
  }
  for (const auto& actor : m.actors) {
    if (actor.role == "perpetrator" || actor.role == "claimed_by" || actor.role == "target") s.actors.insert(actor.id);
    if (actor.role == "target") s.targets.insert(actor.id);
  }
  for (const auto& f : m.figures)
    if (DistinctiveCount(f)) s.counts.insert({f.kind, *f.value});
  if (s.status.empty() || (s.status != "occurred" && m.status == "occurred")) s.status = m.status;
  if (s.name.empty()) s.name = m.name;
}

// Whether two events may be one: no article tells both (an article keeps its
// events apart), their types may be one event, their days meet, their named
// places agree.
bool Chronicle::Mergeable(const Summary& a, const Summary& b) const {
  for (int article : b.articles)
    if (a.articles.count(article)) return false;
  for (const auto& t : b.types)
    if (TypeScore(t, a) <= 0) return false;
  if ((a.status == "hypothetical") != (b.status == "hypothetical") || (a.status == "foiled") != (b.status == "foiled"))
    return false;
  if (a.window.known() && b.window.known() && !Overlap(a.window, b.window, kDayTolerance)) return false;
  if (a.days.known() && b.days.known() && !Overlap(a.days, b.days, kDayTolerance)) return false;
  if ((a.days.known() && a.days.hi < b.after) || (b.days.known() && b.days.hi < a.after)) return false;
  if (!a.name.empty() && !b.name.empty()) return a.name == b.name;  // one name: one event wherever told
  // Their places, named or else inferred: the same, or a city and its country.
  const std::string& pa = a.place.empty() ? a.inferred_place : a.place;
  const std::string& pb = b.place.empty() ? b.inferred_place : b.place;
  const std::string& ca = a.place.empty() ? a.inferred_country : a.country;
  const std::string& cb = b.place.empty() ? b.inferred_country : b.country;
  const std::string& ra = a.place.empty() ? a.inferred_region : a.region;
  const std::string& rb = b.place.empty() ? b.inferred_region : b.region;
  if (pa.empty() || pb.empty() || pa == pb) return true;
  auto spot = [](const Summary& x) {
    return x.place.empty() ? Spot{x.inferred_lat, x.inferred_lon, x.inferred_population} : Spot{x.lat, x.lon, x.population};
  };
  // (An event over a region on the same days: two places of one country, or near each other.)
  const auto km = types_.WidespreadKm(a.type);
  if (km && types_.WidespreadKm(b.type) && OnSameDays(NewsDaysOf(a), NewsDaysOf(b))) {
    const auto lat_a = a.place.empty() ? a.inferred_lat : a.lat, lon_a = a.place.empty() ? a.inferred_lon : a.lon;
    const auto lat_b = b.place.empty() ? b.inferred_lat : b.lat, lon_b = b.place.empty() ? b.inferred_lon : b.lon;
    const bool near = lat_a && lon_a && lat_b && lon_b && DistanceKm(*lat_a, *lon_a, *lat_b, *lon_b) <= *km;
    if (ca == cb || near) return true;
  }
  if (ca != cb) return false;
  return pa == ca || pb == cb || (!ra.empty() && ra == pb) || (!rb.empty() && rb == pa) ||
         Beside(spot(a), spot(b), a.near || b.near);
}

// Moves every mention of event `from` into `into`; `from` is left empty
// (Reconcile drops it) so that no index changes.
void Chronicle::Absorb(int into, int from) {
  for (const auto& m : events_[from].mentions) {
    events_[into].mentions.push_back(m);
    event_of_[m] = into;
    events_of_article_[m.article].erase(from);
    events_of_article_[m.article].insert(into);
    summaries_[into].articles.insert(m.article);
    UpdateSummary(summaries_[into], articles_[m.article].extraction.events[m.event], articles_[m.article].article.published);
    WidenPublished(into, m.article);
  }
  events_[from].mentions.clear();
  summaries_[from] = Summary();
  Index(into);
}

// Whether article `ai` keeps its report `k` apart from the reports of event `e`
// it tells: an article keeps apart the events it relates or tells apart by
// type, day or place (its writer does not err by a day, as two reporters
// may); a report it tells twice (its title and its body), or by one name, is one.
bool Chronicle::KeptApart(int ai, int k, int e) const {
  if (!summaries_[e].articles.count(ai)) return false;
  const auto& own = articles_[ai].extraction.events;
  const EventMention& m = own[k];
  for (const auto& x : events_[e].mentions) {
    if (x.article != ai) continue;
    const EventMention& other = own[x.event];
    for (const auto& r : m.relations) if (r.event == x.event) return true;
    for (const auto& r : other.relations) if (r.event == k) return true;
    if (!m.name.empty() && m.name == other.name) continue;  // one name, one event
    const std::string &a = FuseType(m), &b = FuseType(other);
    const bool one_type = a == b || types_.Refines(a, b) || types_.Refines(b, a) ||
                          (!m.generic.empty() && types_.Score(a, b) > 0) ||
                          (!other.generic.empty() && types_.Score(b, a) > 0);
    if (!one_type || m.status != other.status) return true;
    const DayRange p = RangeOf(m.date), q = RangeOf(other.date);
    if (p.known() && q.known() && !Overlap(p, q, 0)) return true;
    if (!p.known() && !q.known() && m.date.weekday >= 0 && other.date.weekday >= 0 && m.date.weekday != other.date.weekday)
      return true;
    Summary told;
    UpdateSummary(told, other, articles_[ai].article.published);
    if (PlaceScore(m.location, told, types_.WidespreadKm(m.type), true) < 0) return true;
    if (SitesDiffer(m.location, other.location)) return true;  // a stabbing in a café, one in a supermarket
  }
  return false;
}

// The event a report joins: the best fit. A report that cannot be placed in
// time (undated, in an undated article) may fit events of several times about
// as well; it joins the one most reported.
int Chronicle::Choose(const std::vector<std::pair<double, int>>& fits, bool timeless, int article) const {
  int best = -1;
  double best_score = 0;
  for (const auto& [score, c] : fits)
    if (score > best_score) { best = c; best_score = score; }
  if (!timeless) return best;
  // (The event its own story tells keeps a report that fits a more reported one about as
  // well: the arrest told beside a stabbing in Amsterdam is that stabbing's.)
  const bool story = best >= 0 && SharesStory(article, summaries_[best]);
  for (const auto& [score, c] : fits)
    if (score >= best_score - kAmbiguity && summaries_[c].articles.size() > summaries_[best].articles.size() &&
        (!story || SharesStory(article, summaries_[c])))
      best = c;
  return best;
}

std::vector<std::pair<double, int>> Chronicle::Fits(int ai, int k) const {
  const EventMention& m = articles_[ai].extraction.events[k];
  std::vector<std::pair<double, int>> fits;  // (score, event) above the threshold
  for (int c : Candidates(m, articles_[ai].article.published)) {
    if (events_[c].mentions.empty() || KeptApart(ai, k, c)) continue;
    double score = Score(m, summaries_[c], ai);
    if (score > kJoinThreshold + kScoreSlack) fits.push_back({score, c});
  }
  // (A report recalling an event long before it, by name or count, recalls one: two
  // that fit leave it apart.)
  const DayRange window = WindowOf(m, articles_[ai].article.published);
  auto recalled = [&](const std::pair<double, int>& fit) { return DateScore(m, window, summaries_[fit.second]) < 0; };
  if (std::count_if(fits.begin(), fits.end(), recalled) > 1)
    fits.erase(std::remove_if(fits.begin(), fits.end(), recalled), fits.end());
  return fits;
}

void Chronicle::Add(AnalyzedArticle article, const std::vector<int>* only, std::set<std::string> outside) {
  const int ai = int(articles_.size());
  articles_.push_back(std::move(article));
  events_of_article_.emplace_back();
  outside_of_article_.push_back(std::move(outside));
  const auto& events = articles_[ai].extraction.events;
  // The most informative mentions choose first: dated, placed, specific.
  std::vector<int> order;
  if (only) order = *only;
  else
    for (size_t k = 0; k < events.size(); ++k) order.push_back(int(k));
  auto info = [&](const EventMention& m) {
    return (RangeOf(m.date).known() ? 4 : 0) + (!m.location.id.empty() && !m.location.inferred ? 2 : 0) +
           (types_.IsVague(FuseType(m)) ? 0 : 1);
  };
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return info(events[x]) > info(events[y]); });
  // Of the article's reports that fit an event, the best fit joins first: two reports of
  // one article that fit one event leave it to the one that fits it best (the shooting
  // "woensdag" in Belgrado, not the one "donderdag" beside it).
  std::vector<std::vector<std::pair<double, int>>> fits_of;
  for (int k : order) fits_of.push_back(Fits(ai, k));
  while (!order.empty()) {
    size_t pick = 0;
    double pick_score = 0;
    for (size_t i = 0; i < order.size(); ++i)
      for (const auto& fit : fits_of[i])
        if (fit.first > pick_score) { pick = i; pick_score = fit.first; }
    const int k = order[pick];
    auto fits = std::move(fits_of[pick]);
    order.erase(order.begin() + pick);
    fits_of.erase(fits_of.begin() + pick);
    const EventMention& m = events[k];
    int best = Choose(fits, !WindowOf(m, articles_[ai].article.published).known(), ai);
    // A report that fits two events that may be one joins them (reports of
    // one attack that came apart: one in the city, one in its country).
    std::sort(fits.begin(), fits.end(), std::greater<>());
    for (const auto& [score, c] : fits)
      if (best >= 0 && c != best && Mergeable(summaries_[best], summaries_[c])) Absorb(best, c);
    if (best < 0) {
      best = int(events_.size());
      events_.emplace_back();
      summaries_.emplace_back();
    }
    events_[best].mentions.push_back({ai, k});
    events_of_article_[ai].insert(best);
    event_of_[{ai, k}] = best;
    summaries_[best].articles.insert(ai);
    UpdateSummary(summaries_[best], m, articles_[ai].article.published);
    WidenPublished(best, ai);
    Index(best);
    // (Every fit may change: an event shares a story with those its article tells.)
    for (size_t i = 0; i < order.size(); ++i) fits_of[i] = Fits(ai, order[i]);
  }
}

}  // namespace kroniek

namespace kroniek {

void Chronicle::RebuildSummary(int e) {
  summaries_[e] = Summary();
  for (const auto& m : events_[e].mentions) {
    summaries_[e].articles.insert(m.article);
    UpdateSummary(summaries_[e], articles_[m.article].extraction.events[m.event], articles_[m.article].article.published);
    WidenPublished(e, m.article);
  }
}

void Chronicle::Merge(int into, int from) {
  if (into == from) return;
  for (const auto& m : events_[from].mentions) Move(m, into);
}

void Chronicle::Move(MentionRef m, int to) {
  int from = EventOf(m);
  if (from < 0 || from == to) return;
  if (to < 0) {
    to = int(events_.size());
    events_.emplace_back();
    summaries_.emplace_back();
  }
  auto& list = events_[from].mentions;
  list.erase(std::remove(list.begin(), list.end(), m), list.end());
  events_[to].mentions.push_back(m);
  event_of_[m] = to;
  auto& of_article = events_of_article_[m.article];
  of_article.clear();
  for (const auto& [ref, e] : event_of_)
    if (ref.article == m.article) of_article.insert(e);
  RebuildSummary(from);
  RebuildSummary(to);
  if (list.empty()) {  // an event left without mentions is dropped; later indices shift down
    events_.erase(events_.begin() + from);
    summaries_.erase(summaries_.begin() + from);
    for (auto& [ref, e] : event_of_)
      if (e > from) --e;
    for (auto& events : events_of_article_) {
      std::set<int> renumbered;
      for (int e : events) renumbered.insert(e > from ? e - 1 : e);
      events = std::move(renumbered);
    }
  }
  index_.clear();
  for (size_t e = 0; e < events_.size(); ++e) Index(int(e));
}

void Chronicle::Exclude(ReportRef r) { excluded_.insert({r.mention.article, r.mention.event, r.figure}); }

bool Chronicle::Excluded(const ReportRef& r) const {
  return excluded_.count({r.mention.article, r.mention.event, r.figure}) > 0;
}

}  // namespace kroniek
