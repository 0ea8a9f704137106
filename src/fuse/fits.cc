// How well a report fits an event (Chronicle::Score): its type, its days and its place
// against every report so far; and whether two events may be one (Mergeable).
#include <algorithm>
#include <cmath>

#include "core/geo.h"
#include "fuse/fuse.h"

namespace kroniek {

namespace {

constexpr double kToldLongAfter = 0.05;   // a later report's date evidence for the event it recalls
constexpr double kTimeless = 0.05;        // date evidence of a report no time bounds
constexpr double kTimelessWeekday = 0.15; // of its weekday, when the event's day has that weekday
constexpr double kWeekdayOnly = 0.05;      // less when the event too is told by its weekday only
constexpr double kBesideKm = 15;         // a district or suburb and its city ("Kensington", "Londen")
constexpr long kCityTimes = 10;           // a city ten times a town's size reaches over it
constexpr double kCityReachKm = 30;       // this far ("Werribee", "Melbourne")
constexpr double kTimelessInRegion = 0.16; // a report no time bounds, in the country of an event over a region
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

DayRange NewsDays(const EventMention& m, const Date& published) {
  if (const DayRange d = RangeOf(m.date); d.known() && d.hi - d.lo <= kMonthDays) return d;
  return NewsOfPublication(RangeOf(published));
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
                            WithinKm(*l.lat, *l.lon, l.id == l.country, *lat, *lon, place == country, *widespread_km);
  if (l.country != country) return within_reach ? (weak ? 0.12 : 0.15) : -1;
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
  if (!MayRecall(m) || !window.known() || !s.days.known() || window.lo <= s.days.hi + kDayTolerance) return false;
  // "de ramp met de MH17", years on: the event of that name, wherever the report places it.
  if (!m.name.empty() && m.name == s.name) return true;
  if (m.location.id.empty() || (m.location.id != s.place && m.location.id != s.inferred_place)) return false;
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
  // (A report no time bounds of an event over a region, in another town of its country, fits
  // it as a district its city: among such events it joins the most reported, Choose.)
  if (!window.known() && types_.WidespreadKm(m.type) && place < kTimelessInRegion &&
      PlaceScore(m.location, s, types_.WidespreadKm(m.type)) > 0.1)
    place = kTimelessInRegion;
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
    const bool near = lat_a && lon_a && lat_b && lon_b && WithinKm(*lat_a, *lon_a, pa == ca, *lat_b, *lon_b, pb == cb, *km);
    if (ca == cb || near) return true;
  }
  if (ca != cb) return false;
  return pa == ca || pb == cb || (!ra.empty() && ra == pb) || (!rb.empty() && rb == pa) ||
         Beside(spot(a), spot(b), a.near || b.near);
}

}  // namespace kroniek
