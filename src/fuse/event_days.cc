// An event's day from all its reports: each report allows some days (its window) and
// may name a weekday or a day of a month without a year; the days every report allows
// are the event's.
#include <algorithm>
#include <cstdio>

#include "fuse/fuse.h"

namespace kroniek {

namespace {

constexpr int kWindowDateDays = 30;  // the widest window told as an event's days
constexpr int kMostDaysSolved = 400;  // a window wider than this is too loose to count its days
constexpr int kNarrowedDays = 7;      // a report's date is narrowed to fewer days than a week

// What a report's date says of its event's day beyond the days it allows: a weekday
// ("donderdag" under a month-only header) or a day of a month without a year.
struct DayClue {
  int weekday = -1;
  int month = 0, day = 0;
  // Whether day n fits, or one of the `tolerance` days after it (a night, a time zone).
  bool Holds(int n, int tolerance) const {
    for (int k = n; k <= n + tolerance; ++k) {
      const Civil c = FromDayNumber(k);
      if ((weekday < 0 || WeekdayOf(c) == weekday) && (!month || (c.month == month && c.day == day))) return true;
    }
    return false;
  }
};

DayClue ClueOf(const Date& d) {
  DayClue clue;
  const DayRange r = RangeOf(d);
  if (r.known() && r.lo == r.hi) return clue;  // a day: the window holds it already
  clue.weekday = d.weekday;
  if (!r.known() && d.month && d.day) {
    clue.month = d.month;
    clue.day = d.day;
  }
  return clue;
}

}  // namespace

std::optional<std::vector<int>> Chronicle::DaysLeft(const ChronicleEvent& ev, const DayRange& window,
                                                    int tolerance) const {
  if (!window.known() || window.hi - window.lo > kMostDaysSolved) return std::nullopt;
  std::vector<DayClue> clues;
  for (const auto& m : ev.mentions) {
    const EventMention& em = articles_[m.article].extraction.events[m.event];
    // (A report that recalls the event long after bounds nothing: see UpdateSummary.)
    const DayRange w = WindowOf(em, articles_[m.article].article.published);
    if (w.known() && (w.hi < window.lo || w.lo > window.hi)) continue;
    const DayClue clue = ClueOf(em.date);
    if (clue.weekday >= 0 || clue.month) clues.push_back(clue);
  }
  std::vector<int> days;
  for (int n = window.lo - tolerance; n <= window.hi; ++n)  // (a night may begin the day before)
    if (std::all_of(clues.begin(), clues.end(), [&](const DayClue& c) { return c.Holds(n, tolerance); })) days.push_back(n);
  return days;
}

// The fused event's date: the most precise date a report gives among those
// every report allows (the event's window: a report published on the 29th
// rules out the 30th); of dates alike in that, the one most reports give or
// name the weekday of, then one written out over one counted ("13 januari 2012" over "een
// jaar geleden"), then the earliest (a night told by its evening and its morning). Short of a day, the days the window and the weekdays the
// reports name leave ("donderdag" under a month-only header, and another report's
// "vorige week") as an interval, in the precision a report gives: a day no report
// gives stays out of `value`, even when it is the only one left.
Date Chronicle::FusedDate(const ChronicleEvent& ev, const DayRange& window) const {
  const Date* best = nullptr;
  std::tuple<bool, int, int, bool, int> best_key;
  for (const auto& m : ev.mentions) {
    const Date& d = articles_[m.article].extraction.events[m.event].date;
    const DayRange r = RangeOf(d);
    if (!r.known()) continue;
    int support = 0;
    for (const auto& x : ev.mentions) {
      const Date& other = articles_[x.article].extraction.events[x.event].date;
      if (other.known() ? other.value == d.value
                        : other.weekday >= 0 && r.lo == r.hi && WeekdayOf(FromDayNumber(r.lo)) == other.weekday)
        ++support;
    }
    const bool fits = !window.known() || (r.lo <= window.hi && window.lo <= r.hi);
    std::tuple<bool, int, int, bool, int> key{fits, -(r.hi - r.lo), support, d.basis == DateBasis::kExplicit, -r.lo};
    if (!best || key > best_key) {
      best = &d;
      best_key = key;
    }
  }
  const auto left = DaysLeft(ev, window, 0);
  if (!left || left->empty()) return best ? *best : WindowDate(window);
  const DayRange days{left->front(), left->back()};
  if (!best) return WindowDate(days);
  // A report's month or week narrowed to less than a week by the others' weekdays and
  // days: its precision, their days.
  const DayRange told = best->from.empty() || best->to.empty() ? RangeOf(*best)
                                                                : DayRange{RangeOf(best->from).lo, RangeOf(best->to).hi};
  if (days.hi - days.lo >= kNarrowedDays || days.lo < told.lo || days.hi > told.hi ||
      (days.lo == told.lo && days.hi == told.hi))
    return *best;
  Date narrowed = WindowDate(days);
  narrowed.value = best->value;
  narrowed.precision = best->precision;
  return narrowed;
}

// (Each undated report allows days before its publication; "donderdag" narrows
// them to a week, "gisteren" to a day.)
Date WindowDate(const DayRange& window) {
  Date d;
  if (!window.known() || window.lo > window.hi || window.hi - window.lo > kWindowDateDays) return d;
  d.basis = DateBasis::kInferred;
  d.from = FromDayNumber(window.lo).ToString();
  d.to = FromDayNumber(window.hi).ToString();
  return d;
}

std::optional<Disagreement> Chronicle::DaysDisagree(const ChronicleEvent& ev, const DayRange& window) const {
  // (Reports a day apart may tell one night: "vrijdagnacht" and "op zaterdag 16 maart".)
  const auto left = DaysLeft(ev, window, kDayTolerance);
  if (!left || !left->empty()) return std::nullopt;
  Disagreement d;
  d.field = "date";
  d.why = "the days and weekdays the reports give fit no one day, nor two beside each other";
  for (const auto& m : ev.mentions) {
    const Date& date = articles_[m.article].extraction.events[m.event].date;
    const DayRange r = RangeOf(date);
    if (r.known() && r.lo == r.hi) d.values.push_back({m, date.value});
    else if (date.weekday >= 0) d.values.push_back({m, WeekdayName(date.weekday)});
    else if (date.month && date.day) {
      char md[8];
      std::snprintf(md, sizeof md, "--%02d-%02d", date.month, date.day);
      d.values.push_back({m, md});
    }
  }
  return d;
}

}  // namespace kroniek
