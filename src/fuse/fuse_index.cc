// The chronicle's index: the keys events are found under, and the keys a
// report looks its candidate events up with.
//
// Keys are made under the class of an event type (a report looks under every
// class its type may meet, FuseRules::ClassesNear):
//   d|DAY     dated events, by every day their reports' dates give (a month at most)
//   d|DAY|CC  the same, by day and country
//   u|WHERE   undated events, by place (named or inferred), country and actor ("*": none)
//   p|WHERE   every event, by place (named or inferred), its region and country; "=CC":
//             the events named in no place but their country
//   g|CELL    every event named in a city, by the map cell of that city; a
//             report looks up the cells around its own (a district and its
//             city, a place said to be near the site)
//   w|WD|MONTH  undated events told with a weekday, by it and each month they allow;
//             a report of one day looks up its weekday and the two beside it
//   m|M-D     undated events told with a day of a month and no year ("18 augustus"),
//             by it; a report of one day, or of such a day, looks it up
//   n|NAME    events by their own name ("eunice"), wherever and whenever told
//   a|TARGET|MONTH  every event by its targets ("charlie hebdo"), by each month of its
//             period; a report with a period looks them up (one without does not)
//   f|COUNT   events by each distinctive count their reports give, at their place
//             ("killed=84@nice"): an undated report long after looks them up
// u and p keys come twice: plain, and with each month of the days the
// event's reports allow (WindowOf: their dates, never after publication, or
// the two months before an undated report). A report with such a period looks
// up the months of its own, so its cost does not grow with the chronicle; a
// report with none (undated, in an undated article) looks up the plain keys.
#include <algorithm>
#include <cmath>

#include "fuse/fuse.h"

namespace kroniek {

namespace {

constexpr int kMaxPeriodMonths = 24;  // longer periods go under "*"
constexpr double kCellDegrees = 0.5;   // map cells: 55 km north to south, over 30 km east to west below 55°N
constexpr int kCellsAround = 1;        // a report looks this many cells around its own
constexpr int kCellsAroundNear = 2;    // and, named as near the site, this many

int CellOf(double degrees) { return int(std::floor(degrees / kCellDegrees)); }

std::string Cell(double lat, double lon, int dlat = 0, int dlon = 0) {
  return std::to_string(CellOf(lat) + dlat) + ":" + std::to_string(CellOf(lon) + dlon);
}

// The cells around a located city (none for a country or an unlocated place).
std::vector<std::string> CellsAround(const Location& l) {
  if (!l.lat || !l.lon || l.id.empty() || l.id == l.country) return {};
  const int n = l.approximate ? kCellsAroundNear : kCellsAround;
  std::vector<std::string> out;
  for (int a = -n; a <= n; ++a)
    for (int b = -n; b <= n; ++b) out.push_back(Cell(*l.lat, *l.lon, a, b));
  return out;
}

std::string Key(const std::string& cls, const char* kind, const std::string& what) {
  return cls + "|" + kind + "|" + what;
}

// The months of days [lo, hi] ("202108"), or {"*"} when there are too many.
std::vector<std::string> Months(int lo, int hi) {
  std::vector<std::string> out;
  Civil a = FromDayNumber(lo), b = FromDayNumber(hi);
  const int first = a.year * 12 + a.month - 1, last = b.year * 12 + b.month - 1;
  if (last - first >= kMaxPeriodMonths) return {"*"};
  for (int m = first; m <= last; ++m) out.push_back(std::to_string(m / 12 * 100 + m % 12 + 1));
  return out;
}

// The m key of a day of a month ("8-18").
std::string MonthDay(int month, int day) { return std::to_string(month) + "-" + std::to_string(day); }

// "8-18" for a date of one day, or a day of a month told without a year; else empty.
std::string DayOfMonth(const Date& d) {
  const DayRange r = RangeOf(d);
  if (r.known() && r.lo == r.hi) {
    const Civil c = FromDayNumber(r.lo);
    return MonthDay(c.month, c.day);
  }
  if (!r.known() && d.month && d.day) return MonthDay(d.month, d.day);
  return "";
}

// The months of a window widened by `tolerance`; empty when it is unknown.
std::vector<std::string> Period(const DayRange& window, int tolerance) {
  if (!window.known()) return {};
  return Months(window.lo - tolerance, window.hi + tolerance);
}

}  // namespace

std::vector<std::string> Chronicle::LookupKeys(const EventMention& m, const Date& published) const {
  std::vector<std::string> keys;
  DayRange r = RangeOf(m.date);
  const bool placed = !m.location.id.empty() && !m.location.inferred;
  const bool inferred = !m.location.id.empty() && m.location.inferred;
  std::vector<std::string> period = Period(WindowOf(m, published), kDayTolerance);
  if (!period.empty() && period[0] != "*") period.push_back("*");
  // (An event over a region, told as news or told with no time, is any of its kind in the
  // country on those days, or at any time.)
  const bool regional = types_.WidespreadKm(m.type) && !m.location.country.empty() &&
                        (NewsDays(m, published).known() || period.empty());
  for (const std::string& cls : types_.ClassesNear(FuseType(m))) {
    std::vector<std::string> where;  // u and p keys, before their period
    if (r.known() && r.lo == r.hi) {
      const std::string month = Months(r.lo, r.lo)[0];
      for (int d = -kDayTolerance; d <= kDayTolerance; ++d)
        keys.push_back(Key(cls, "w", std::to_string((WeekdayOf(FromDayNumber(r.lo)) + d + 7) % 7)) + "|" + month);
    }
    if (const std::string md = DayOfMonth(m.date); !md.empty()) keys.push_back(Key(cls, "m", md));
    if (!m.name.empty()) keys.push_back(Key(cls, "n", m.name));
    if (!period.empty() && period[0] != "*")  // (by its period's months only)
      for (const auto& actor : m.actors)
        if (actor.role == "target")
          for (const auto& month : period) keys.push_back(Key(cls, "a", actor.id) + "|" + month);
    if (MayRecall(m) && !m.location.id.empty())
      for (const auto& f : m.figures)
        if (DistinctiveCount(f)) keys.push_back(Key(cls, "f", CountKey(f.kind, *f.value, m.location.id)));
    if (MayRecall(m) && RecallsByName(m)) keys.push_back(Key(cls, "p", m.location.id));  // at any time
    if (r.known() && r.hi - r.lo <= kMonthDays) {
      const std::string country = placed ? "|" + m.location.country : "";
      for (int d = r.lo - kDayTolerance; d <= r.hi + kDayTolerance; ++d)
        keys.push_back(Key(cls, "d", std::to_string(d) + country));
      if (placed) {
        where.push_back(Key(cls, "u", m.location.id));
        where.push_back(Key(cls, "u", m.location.country));
      } else if (inferred) {
        where.push_back(Key(cls, "u", m.location.id));
      }
      for (const auto& actor : m.actors) where.push_back(Key(cls, "u", "actor:" + actor.id));
    } else if (placed) {
      where.push_back(Key(cls, "p", m.location.id));
      if (!m.location.region.empty()) where.push_back(Key(cls, "p", m.location.region));  // events told of its region
      for (const auto& cell : CellsAround(m.location)) where.push_back(Key(cls, "g", cell));
      if (m.location.id == m.location.country || m.location.country.empty() || regional)
        where.push_back(Key(cls, "p", m.location.country));
      else
        where.push_back(Key(cls, "p", "=" + m.location.country));  // events placed in its country only
    } else {
      if (inferred) where.push_back(Key(cls, "p", m.location.id));
      if (inferred && regional) where.push_back(Key(cls, "p", m.location.country));
      if (inferred && !m.location.region.empty()) where.push_back(Key(cls, "p", m.location.region));
      if (inferred)
        for (const auto& cell : CellsAround(m.location)) where.push_back(Key(cls, "g", cell));
      for (const auto& actor : m.actors) where.push_back(Key(cls, "u", "actor:" + actor.id));
    }
    where.push_back(Key(cls, "u", "*"));  // events with nothing to index them by
    for (const auto& w : where) {
      if (period.empty() || period[0] == "*") keys.push_back(w);  // no period: every event there
      else
        for (const auto& month : period) keys.push_back(w + "|" + month);
    }
  }
  return keys;
}

std::vector<std::string> Chronicle::NeighbourhoodKeys(const EventMention& m, const Date& published) const {
  std::vector<std::string> keys = LookupKeys(m, published);
  DayRange r = RangeOf(m.date);
  if (r.known() && r.hi - r.lo <= kMonthDays && !m.location.id.empty() && !m.location.inferred)
    for (const std::string& cls : types_.ClassesNear(FuseType(m)))
      for (int d = r.lo - kDayTolerance; d <= r.hi + kDayTolerance; ++d) keys.push_back(Key(cls, "d", std::to_string(d)));
  return keys;
}

std::vector<int> Chronicle::Candidates(const EventMention& m, const Date& published) const {
  std::vector<int> out;
  for (const auto& key : LookupKeys(m, published)) {
    auto it = index_.find(key);
    if (it != index_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> Chronicle::IndexKeys(int e) const {
  const Summary& s = summaries_[e];
  std::vector<std::string> keys;
  const bool dated = s.days.known() && s.days.hi - s.days.lo <= kMonthDays;
  // A dated event holding a report that allows other days (an undated report, one fusion
  // dated, a weekday under a month-only header) is also found as undated events are: a
  // report of one of those days, told first in the canonical order, takes that report (a
  // store must find the event to fuse them again).
  const bool loose = dated && (s.open || (s.hull.known() && (s.hull.lo < s.days.lo - kDayTolerance ||
                                                            s.hull.hi > s.days.hi + kDayTolerance)));
  const bool as_undated = !dated || loose;
  // The months of every day a report allows: a report that may join any of
  // them looks there.
  std::vector<std::string> period = s.open ? std::vector<std::string>() : Period(s.hull, 0);
  if (period.empty()) period.push_back("*");
  std::set<std::string> classes;
  for (const auto& t : s.types) classes.insert(types_.ClassOf(t));
  for (const std::string& cls : classes) {
    std::vector<std::string> where;
    if (!dated && s.weekday >= 0)
      for (const auto& month : period)
        if (month != "*") keys.push_back(Key(cls, "w", std::to_string(s.weekday)) + "|" + month);
    if (!dated && s.month) keys.push_back(Key(cls, "m", MonthDay(s.month, s.day)));
    if (!s.name.empty()) keys.push_back(Key(cls, "n", s.name));
    for (const auto& a : s.targets)
      for (const auto& month : period) keys.push_back(Key(cls, "a", a) + "|" + month);
    for (const auto& [kind, value] : s.counts)
      for (const std::string* place : {&s.place, &s.inferred_place})
        if (!place->empty()) keys.push_back(Key(cls, "f", CountKey(kind, value, *place)));
    // (Under every day a report gives, so that a report a day beside any of them finds it,
    // as a store following a chain of days must: 15 finds the event of 16 and 17.)
    if (dated)
      for (int d : s.told) {
        keys.push_back(Key(cls, "d", std::to_string(d)));
        if (!s.country.empty()) keys.push_back(Key(cls, "d", std::to_string(d) + "|" + s.country));
        // (Its place inferred, it is still found by a report that names a place in that country.)
        if (!s.inferred_country.empty() && s.inferred_country != s.country)
          keys.push_back(Key(cls, "d", std::to_string(d) + "|" + s.inferred_country));
      }
    if (!s.place.empty()) {
      where.push_back(Key(cls, "p", s.place));
      if (!s.region.empty()) where.push_back(Key(cls, "p", s.region));  // found by reports told of its region
      if (as_undated) where.push_back(Key(cls, "u", s.place));
      if (s.place != s.country && s.lat && s.lon) where.push_back(Key(cls, "g", Cell(*s.lat, *s.lon)));
    }
    if (!s.country.empty()) {
      where.push_back(Key(cls, "p", s.country));
      if (s.place == s.country) where.push_back(Key(cls, "p", "=" + s.country));
      if (as_undated) where.push_back(Key(cls, "u", s.country));
    }
    if (!s.inferred_place.empty()) {
      where.push_back(Key(cls, "p", s.inferred_place));
      if (!s.inferred_region.empty()) where.push_back(Key(cls, "p", s.inferred_region));
      if (as_undated) where.push_back(Key(cls, "u", s.inferred_place));
      if (s.inferred_place != s.inferred_country && s.inferred_lat && s.inferred_lon)
        where.push_back(Key(cls, "g", Cell(*s.inferred_lat, *s.inferred_lon)));
    }
    if (as_undated)
      for (const auto& a : s.actors) where.push_back(Key(cls, "u", "actor:" + a));
    if (as_undated && s.place.empty() && s.actors.empty()) where.push_back(Key(cls, "u", "*"));
    for (const auto& w : where) {
      keys.push_back(w);
      for (const auto& month : period) keys.push_back(w + "|" + month);
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

void Chronicle::Index(int e) {
  for (const auto& key : IndexKeys(e)) {
    auto& list = index_[key];
    if (std::find(list.begin(), list.end(), e) == list.end()) list.push_back(e);
  }
}

}  // namespace kroniek
