// Time expressions joined or narrowed by their neighbours ("zaterdag 9 april",
// "oktober vorig jaar", "eind vorige week"), and years a day of a month inherits.
#include <algorithm>

#include "analyze/time_calendar.h"
#include "analyze/times.h"

#include <optional>

namespace kroniek {

using namespace time_calendar;

namespace {

constexpr int kAnniversaryReach = 3;  // days an anniversary's weekday may lie before its report

}  // namespace

bool TimeGrammar::NarrowToPart(const std::string& text, const std::vector<Token>& tokens, int first,
                               const Date& published, TimeMention* m) const {
  if (m->first <= first || m->relative_to_event || m->last != m->first + 2) return false;
  // Only a week, month or year named relative to the report ("vorige week", "dit jaar"); the
  // word is taken whether or not the report's date dates it, so a date found later
  // changes no token's reading (Analyzer::Redate).
  const std::string& which = tokens[m->first].lower;
  const auto unit = units_.find(tokens[m->first + 1].lower);
  if (unit == units_.end() || !(prev_.count(which) || this_.count(which) || next_.count(which))) return false;
  const std::string& word = tokens[m->first - 1].lower;
  Date& d = m->date;
  const auto from = ParseIsoDate(d.from), to = ParseIsoDate(d.to);
  const auto week = weekparts_.find(word);
  const auto month = monthparts_.find(word);
  const auto year = yearparts_.find(word);
  if (unit->second == 7 && week != weekparts_.end()) {
    if (from && to) SetDays(&d, AddDays(*from, week->second.first), AddDays(*from, week->second.last));
  } else if (unit->second == 30 && month != monthparts_.end()) {
    // (As "half augustus": the part of a month is approximate.)
    if (const auto c = d.civil(); c && c->precision() == Precision::kMonth) {
      d.from = Civil{c->year, c->month, month->second.first}.ToString();
      d.to = Civil{c->year, c->month, std::min(month->second.last, DaysInMonth(c->year, c->month))}.ToString();
      d.approximate = true;
    }
  } else if (unit->second == 365 && year != yearparts_.end()) {
    // "eind vorig jaar", "begin dit jaar"
    if (const auto c = d.civil()) SetMonths(&d, c->year, year->second.first, year->second.last);
  } else if (this_.count(which) && later_.count(word)) {
    NarrowAroundReport(later_.at(word), published, &d);
  } else {
    return false;
  }
  --m->first;
  d.reference = m->first > 0 && references_.count(tokens[m->first - 1].lower) > 0;
  d.span.begin = tokens[m->first].span.begin;
  d.text = text.substr(d.span.begin, d.span.size());
  return true;
}

void TimeGrammar::NarrowAroundReport(int side, const Date& published, Date* d) {
  const auto pub = published.civil();
  if (!pub || pub->precision() != Precision::kDay) return;
  const DayRange r = RangeOf(*d);
  const int today = DayNumber(*pub);
  if (!r.known() || r.lo > today || r.hi < today || r.lo == r.hi) return;
  // "eerder deze week": its days before the report's (the report's own when none is);
  // "later dit jaar": its days after it.
  const int lo = side < 0 ? r.lo : std::min(today + 1, r.hi);
  const int hi = side < 0 ? std::max(today - 1, r.lo) : r.hi;
  d->from = FromDayNumber(lo).ToString();
  d->to = FromDayNumber(hi).ToString();
}

// "geboren in 1990", "opgericht op 4 mei 2004": the date of a birth or a founding, one
// word (a preposition) at most between.
bool TimeGrammar::NotAnEventsDate(const std::vector<Token>& tokens, int first, const TimeMention& m) const {
  for (int k = m.first - 1; k >= first && k >= m.first - 2; --k)
    if (not_event_.count(tokens[k].lower)) return true;
  return false;
}

bool TimeGrammar::JoinApposition(const std::vector<Token>& tokens, TimeMention* before, const TimeMention& next) const {
  // ("Gisteren, zondag, …" on a page dated to its month: yesterday was a Sunday.)
  const bool weekday_of_count = before->date.day_offset && next.date.weekday >= 0 && !next.date.day_offset;
  if (before->date.known() || !(next.date.known() || weekday_of_count) || before->relative_to_event ||
      next.relative_to_event || tokens[before->last].lower != ",")
    return false;
  const int gap = next.first - before->last;
  if (gap != 1 && !(gap == 2 && appositions_.count(tokens[before->last + 1].lower))) return false;
  const auto begin = before->date.span.begin;
  const auto back = before->date.day_offset;  // ("gisteren, op 21/8": the report is a day after it)
  before->date = next.date;
  before->date.day_offset = back;
  before->date.span = {begin, next.date.span.end};
  before->last = next.last;
  return true;
}

bool TimeGrammar::JoinOvernight(const std::vector<Token>& tokens, TimeMention* before, const TimeMention& next) const {
  // (The first day's number may stand with its weekday: "van zaterdag 3 op zondag 4 februari".)
  const int numbered = next.first == before->last + 2 && tokens[before->last].kind == TokenKind::kNumber ? 1 : 0;
  if (next.first != before->last + 1 + numbered || !overnight_.count(tokens[before->last + numbered].lower) ||
      before->date.weekday < 0 || next.date.weekday != (before->date.weekday + 1) % 7)
    return false;
  // (Most of what happens in a night happens after midnight: the second day dates it.)
  const auto begin = before->date.span.begin;
  const auto first_day = before->date.precision == Precision::kDay ? before->date.civil() : std::nullopt;
  before->date = next.date;
  if (first_day) {  // (of a week named before it: "vorige week in de nacht van vrijdag op zaterdag")
    SetDay(&before->date, AddDays(*first_day, 1));
    before->date.weekday = next.date.weekday;
  }
  before->date.span = {begin, next.date.span.end};
  before->last = next.last;
  return true;
}

bool TimeGrammar::JoinWeekdayAndDate(TimeMention* before, const TimeMention& next) const {
  if (next.first - before->last > kWeekdayDateGap || before->date.weekday < 0 || before->date.day != 0 ||
      before->date.month != 0 || next.date.day == 0 || next.date.month == 0)
    return false;
  const auto begin = before->date.span.begin;
  const int weekday = before->date.weekday;
  before->date = next.date;
  before->date.weekday = weekday;
  before->date.span = {begin, next.date.span.end};
  before->last = next.last;
  // ("zaterdag 11 april 2011", a Monday: one of the two is wrong; the month holds.)
  const auto day = before->date.civil();
  if (next.date.basis == DateBasis::kExplicit && day && day->precision() == Precision::kDay &&
      kroniek::WeekdayOf(*day) != weekday) {
    SetDay(&before->date, Civil{day->year, day->month, 0});
    before->date.weekday = -1;
  }
  return true;
}

std::optional<int> TimeGrammar::WeekNamedAt(const std::vector<Token>& tokens, int i) const {
  const std::string& which = tokens[i].lower;
  const auto unit = units_.find(tokens[i + 1].lower);
  if (unit == units_.end() || unit->second != 7 || !(prev_.count(which) || this_.count(which) || next_.count(which)))
    return std::nullopt;
  return prev_.count(which) ? -1 : next_.count(which) ? 1 : 0;
}

bool TimeGrammar::JoinWeekdayAndWeek(const std::vector<Token>& tokens, TimeMention* before, const TimeMention& next,
                                     const Date& published) const {
  Date& d = before->date;
  if (next.first != before->last || next.last != next.first + 2 || d.weekday < 0 || d.day != 0 || d.month != 0 ||
      d.day_offset)
    return false;
  const auto week = WeekNamedAt(tokens, next.first);
  if (!week) return false;
  const int sign = *week;
  const auto pub = published.civil();
  const int weekday = d.weekday;
  const uint32_t begin = d.span.begin;
  d = Date();
  d.basis = DateBasis::kRelative;
  if (pub && pub->precision() == Precision::kDay) {
    SetDay(&d, AddDays(*pub, -kroniek::WeekdayOf(*pub) + 7 * sign + weekday));
    d.weekday = weekday;
  } else {
    d.weekday = weekday;  // a weekday of the week named, counted from the report's week
    d.week = sign;
    d.precision = Precision::kWeekday;
  }
  d.span = {begin, next.date.span.end};
  before->last = next.last;
  return true;
}

bool TimeGrammar::JoinWeekAndWeekday(const std::vector<Token>& tokens, TimeMention* before, const TimeMention& next,
                                     const Date& published) const {
  // "vorige week in de nacht van vrijdag": that weekday of the week named.
  const int gap = next.first - before->last;
  if (before->last != before->first + 2 || next.date.weekday < 0 || next.date.day != 0 || next.date.month != 0 ||
      next.date.day_offset || next.date.basis == DateBasis::kExplicit || (gap > 0 && PhraseAt(tokens, before->last, next.first, within_week_) != gap))
    return false;
  const auto week = WeekNamedAt(tokens, before->first);
  if (!week) return false;
  const int sign = *week;
  const auto pub = published.civil();
  Date& d = before->date;
  const uint32_t begin = d.span.begin;
  d = Date();
  d.basis = DateBasis::kRelative;
  d.weekday = next.date.weekday;
  d.precision = Precision::kWeekday;
  if (pub && pub->precision() == Precision::kDay) SetDay(&d, AddDays(*pub, -kroniek::WeekdayOf(*pub) + 7 * sign + d.weekday));
  else d.week = sign;
  d.span = {begin, next.date.span.end};
  before->last = next.last;
  return true;
}

bool TimeGrammar::JoinMonthAndYear(const std::vector<Token>& tokens, TimeMention* before, const TimeMention& next,
                                   const Date& published) const {
  // ("9 juni, dag op dag zeven jaar geleden": the same day that many years back.)
  const int to_the_day = PhraseAt(tokens, before->last + (tokens[before->last].lower == ","), next.first, to_the_day_);
  if (next.first - before->last > std::max(kMonthYearGap, to_the_day + 1)) return false;
  // ("Op 3 juni is het precies twaalf jaar geleden", "vandaag is het vijf jaar geleden": a
  // day, any the report can count, that many years back.)
  const bool day_first = to_the_day > 0 && before->date.precision == Precision::kDay &&
                         before->date.basis != DateBasis::kExplicit && before->date.from.empty() &&
                         next.last - next.first >= 2 && ago_.count(tokens[next.last - 1].lower) &&
                         YearsUnit(tokens[next.last - 2].lower);
  // (Told in the present, "Zondag is het vier jaar geleden", the anniversary may still be ahead.)
  const bool present = PhraseAt(tokens, before->last + (tokens[before->last].lower == ","), next.first, to_the_day_present_) > 0;
  if (day_first) return CountYearsBack(before, next, present ? published : Date());
  const bool month_first = before->date.month > 0 && before->date.basis != DateBasis::kExplicit;
  const TimeMention& month = month_first ? *before : next;
  const TimeMention& year = month_first ? next : *before;
  // (Years back to the day count as their year here: "11 maart, precies vijf jaar geleden".)
  const bool years_to_the_day = month_first && to_the_day > 0;
  if (month.date.month == 0 || month.date.basis == DateBasis::kExplicit ||
      (year.date.precision != Precision::kYear && !years_to_the_day) || !year.date.from.empty())
    return false;
  const auto y = year.date.civil();
  if (!y) return false;
  Date d = month.date;
  SetDay(&d, Civil{y->year, month.date.month, month.date.day});  // "3 maart vorig jaar": that day
  // Its days in that year ("4 en 5 juli vorig jaar", "eind april volgend jaar"), but for the
  // report's day a "sinds" runs to ("sinds augustus vorig jaar").
  auto in_year = [&](std::string* end) {
    const auto c = ParseIsoDate(*end);
    if (c && c->day && *end != published.value)
      *end = Civil{y->year, c->month, std::min(c->day, DaysInMonth(y->year, c->month))}.ToString();
  };
  in_year(&d.from);
  in_year(&d.to);
  d.span = {before->date.span.begin, next.date.span.end};
  before->date = d;
  before->last = next.last;
  return true;
}

bool TimeGrammar::CountYearsBack(TimeMention* day, const TimeMention& years_ago, const Date& published) const {
  auto c = day->date.civil();
  const auto y = years_ago.date.civil();
  if (!c || !y) return false;
  // ("Zondag is het precies vier jaar geleden", in Saturday's paper: an anniversary told in the
  // present (`published` known) may be ahead; the weekday is the one nearest the report.)
  const auto pub = published.civil();
  if (day->date.weekday >= 0 && pub && published.precision == Precision::kDay &&
      DayNumber(*pub) - DayNumber(*c) > kAnniversaryReach)
    c = AddDays(*c, 7);
  Date d = day->date;
  SetDay(&d, Civil{y->year, c->month, std::min(c->day, DaysInMonth(y->year, c->month))});
  d.weekday = -1;  // (the weekday was the anniversary's)
  d.day_offset.reset();
  d.span = {day->date.span.begin, years_ago.date.span.end};
  day->date = d;
  day->last = years_ago.last;
  return true;
}

// "Op 14 juli 2021 begon het. Ook op 16 juli …": a day of a month (or a month alone) told
// without a year takes the year of a date written out before it in its sentence or the one
// before, in one paragraph (of a bare year, in its sentence; for a month alone, in the
// sentence before too).
void TimeGrammar::InheritYears(const std::vector<Token>& tokens, const std::vector<Sentence>& sentences,
                               std::vector<TimeMention>* times) const {
  for (size_t k = 1; k < times->size(); ++k) {
    TimeMention& m = (*times)[k];
    // (Days of a month, "16 en 17 juli", are dated by their month too: by their last day.)
    const auto first = ParseIsoDate(m.date.from), last = ParseIsoDate(m.date.to);
    const bool days = !m.date.day && first && last && first->month == m.date.month && last->month == m.date.month &&
                      first->year == last->year;
    const int day = days ? last->day : m.date.day;
    // (A month named alone too: "Tunesië werd in 2015 getroffen. Bij de aanval in maart …".)
    const bool month_alone = day == 0 && m.date.precision == Precision::kMonth && m.date.from.empty();
    if (m.date.basis == DateBasis::kExplicit || (day == 0 && !month_alone) || m.date.month == 0) continue;
    auto inherit = [&](int year) {
      if (days) SetDays(&m.date, Civil{year, m.date.month, first->day}, Civil{year, m.date.month, last->day});
      else SetDay(&m.date, Civil{year, m.date.month, m.date.day});
    };
    const int si = tokens[m.first].sentence;
    bool set = false;
    for (size_t j = k; j-- > 0;) {
      const TimeMention& before = (*times)[j];
      const int sj = tokens[before.first].sentence;
      if (sj < si - 1 || sentences[sj].paragraph != sentences[si].paragraph) break;
      const auto c = before.date.civil();
      // (A bare year counts in the same sentence only: "in 2019, bij de overstroming van 14 juli";
      // for a month alone, in the sentence before too.)
      const bool year_here = c && c->month == 0 && (sj == si || month_alone);
      if (before.date.basis != DateBasis::kExplicit || !c || (c->month == 0 && !year_here) ||
          day > DaysInMonth(c->year, m.date.month))
        continue;
      inherit(c->year);
      set = true;
      break;
    }
    // Else the year of that month written out earlier in the article ("in januari 2015 …
    // De aanslag vond plaats op 7 januari"), while the story told since stays in that year
    // (not after "in de zomer van 2024": "… in oktober 2023 vrijgelaten. … in de zomer van
    // 2024 opgepakt. … De ontvoering van 21 oktober").
    int latest_year = 0;
    for (size_t j = k; !set && j-- > 0;) {
      const auto c = (*times)[j].date.civil();
      if ((*times)[j].date.basis != DateBasis::kExplicit || !c) continue;
      if (!latest_year) latest_year = c->year;
      if (c->month != m.date.month || day > DaysInMonth(c->year, m.date.month)) continue;
      if (c->year == latest_year) inherit(c->year);
      set = true;
    }
  }
}

}  // namespace kroniek
