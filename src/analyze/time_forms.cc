// The forms of a time expression (TimeGrammar::MatchAt tries them in order).
#include <algorithm>
#include <cmath>

#include "analyze/time_calendar.h"
#include "analyze/times.h"

namespace kroniek {

using namespace time_calendar;

namespace {

// A year's holiday nearest the publication date and not after it: news tells
// of the feast just past ("de aanslagen op paaszondag").
template <typename H>
Civil HolidayBefore(const H& h, const Civil& pub) {
  Civil c = h.In(pub.year);
  const bool after = pub.precision() == Precision::kDay ? DayNumber(c) > DayNumber(pub)
                     : pub.precision() == Precision::kMonth ? c.month > pub.month
                                                            : false;
  return after ? h.In(pub.year - 1) : c;
}

}  // namespace

int TimeGrammar::MonthAt(const Attempt& a, int k) const {
  if (k >= a.last) return 0;
  auto it = months_.find(a.tokens[k].lower);
  return it == months_.end() ? 0 : it->second;
}

int TimeGrammar::DayOfMonthAt(Attempt& a, TimeMention* out) const {
  const Token& t = a.tokens[a.i];
  Date& d = out->date;
  int end = -1, year = 0, month = 0;
  // (The year written after it, else the one nearest publication.)
  auto year_of = [&](Civil* c) {
    if (end < a.last && IsYear(a.tokens[end], &year)) { c->year = year; ++end; d.basis = DateBasis::kExplicit; }
    else if (a.pub) c->year = NearestYear(*a.pub, c->month);
  };
  std::optional<double> day_number = a.numbers.ParseToken(t.lower);
  if (day_number && *day_number >= 1 && *day_number <= 31 && std::floor(*day_number) == *day_number &&
      (month = MonthAt(a, a.i + 1))) {
    // 31 augustus [2021]
    end = a.i + 2;
    d.month = month;
    d.day = int(*day_number);
    Civil c{0, month, int(*day_number)};
    year_of(&c);
    if (c.year && c.day <= DaysInMonth(c.year, c.month)) SetDay(&d, c);
  } else if (auto mp = monthparts_.find(t.lower); mp != monthparts_.end() && (month = MonthAt(a, a.i + 1))) {
    // half augustus [2021]
    end = a.i + 2;
    d.month = month;
    Civil c{0, month, 0};
    year_of(&c);
    if (c.year) {
      SetDay(&d, c);
      int last_day = std::min(mp->second.last, DaysInMonth(c.year, month));
      // 'sinds half augustus' starts mid-range; 'half augustus' spans the range.
      int from_day = a.since ? (mp->second.first + last_day) / 2 : mp->second.first;
      d.from = Civil{c.year, month, from_day}.ToString();
      d.to = Civil{c.year, month, last_day}.ToString();
      d.approximate = true;
    }
  } else if ((month = MonthAt(a, a.i)) && t.lower.back() != '.') {
    // augustus [2021]
    end = a.i + 1;
    d.month = month;
    Civil c{0, month, 0};
    year_of(&c);
    if (c.year) SetDay(&d, c);
  } else if (int n = PhraseAt(a.tokens, a.i, a.last, holiday_phrases_)) {
    // paaszondag [2019]
    end = a.i + n;
    const Holiday& h = holidays_[PhraseIndex(a.tokens, a.i, n, holiday_phrases_)];
    if (end < a.last && IsYear(a.tokens[end], &year)) {
      SetDay(&d, h.In(year));
      ++end;
      d.basis = DateBasis::kExplicit;
    } else if (a.pub) {
      SetDay(&d, HolidayBefore(h, *a.pub));
    }
  }
  return end;
}

int TimeGrammar::DayWordAt(Attempt& a, TimeMention* out) const {
  const Token& t = a.tokens[a.i];
  const auto& pub = a.pub;
  const bool day_known = a.pub_precision == Precision::kDay;
  Date& d = out->date;
  if (int wd = WeekdayOf(t.lower); wd >= 0) {
    d.weekday = wd;
    d.precision = Precision::kWeekday;
    if (day_known) SetDay(&d, AddDays(*pub, -((kroniek::WeekdayOf(*pub) - wd + 7) % 7)));
    return a.i + 1;
  }
  if (int offset = 0; RelDayOf(t.lower, &offset)) {
    d.day_offset = offset;
    if (day_known) SetDay(&d, AddDays(*pub, offset));
    return a.i + 1;
  }
  const bool prev = prev_.count(t.lower) > 0;
  if ((prev || this_.count(t.lower)) && a.i + 1 < a.last && dayparts_.count(a.tokens[a.i + 1].lower)) {
    // "deze voormiddag", "afgelopen nacht": the part of the day just past, as "vannacht".
    d.day_offset = 0;
    if (day_known) SetDay(&d, *pub);
    return a.i + 2;
  }
  if (prev && a.i + 1 < a.last && WeekdayOf(a.tokens[a.i + 1].lower) >= 0) {
    // "afgelopen donderdag": the last such weekday before the day of publication.
    d.weekday = WeekdayOf(a.tokens[a.i + 1].lower);
    d.precision = Precision::kWeekday;
    if (day_known) {
      const int back = (kroniek::WeekdayOf(*pub) - d.weekday + 7) % 7;
      SetDay(&d, AddDays(*pub, -(back == 0 ? 7 : back)));
    }
    return a.i + 2;
  }
  return -1;
}

int TimeGrammar::PeriodAt(Attempt& a, TimeMention* out) const {
  const Token& t = a.tokens[a.i];
  const auto& pub = a.pub;
  Date& d = out->date;
  const bool prev = prev_.count(t.lower) > 0, next = next_.count(t.lower) > 0;
  if (!(prev || next || this_.count(t.lower)) || a.i + 1 >= a.last) return -1;
  const std::string& what = a.tokens[a.i + 1].lower;
  int end = a.i + 2;
  if (weekends_.count(what)) {
    // "afgelopen weekend": the last Saturday and Sunday begun before the day of
    // publication; "dit weekend" those of its week, "volgend weekend" the next.
    if (a.pub_precision == Precision::kDay) {
      Civil saturday = AddDays(*pub, 5 - kroniek::WeekdayOf(*pub));
      if (prev && DayNumber(saturday) >= DayNumber(*pub)) saturday = AddDays(saturday, -7);
      if (next) saturday = AddDays(saturday, 7);
      SetDays(&d, saturday, AddDays(saturday, 1));
    }
    return end;
  }
  if (!units_.count(what)) return -1;
  // vorige week, vorig jaar, deze maand
  const int sign = prev ? -1 : next ? 1 : 0;
  const int unit = units_.at(what);
  if (pub && unit == 365) {
    SetDay(&d, Civil{pub->year + sign, 0, 0});
  } else if (pub && unit == 30 && a.pub_precision != Precision::kYear) {
    int m = pub->month + sign, y = pub->year;
    if (m < 1) { m += 12; --y; }
    if (m > 12) { m -= 12; ++y; }
    SetDay(&d, Civil{y, m, 0});
  } else if (unit == 7 && end < a.last && WeekdayOf(a.tokens[end].lower) >= 0) {
    // "vorige week zaterdag": that weekday of the week named.
    d.weekday = WeekdayOf(a.tokens[end].lower);
    d.precision = Precision::kWeekday;
    ++end;
    if (a.pub_precision == Precision::kDay) {
      Civil monday = AddDays(*pub, -kroniek::WeekdayOf(*pub) + 7 * sign);
      SetDay(&d, AddDays(monday, d.weekday));
    }
  } else if (a.pub_precision == Precision::kDay && unit == 7) {
    Civil monday = AddDays(*pub, -kroniek::WeekdayOf(*pub) + 7 * sign);
    SetDays(&d, monday, AddDays(monday, 6));
  } else if (a.pub_precision == Precision::kDay && unit == 1) {
    SetDay(&d, AddDays(*pub, sign));
  }
  return end;
}

int TimeGrammar::CountBackAt(Attempt& a, TimeMention* out) const {
  const auto& tokens = a.tokens;
  const int i = a.i;
  auto n = a.numbers.ParseToken(tokens[i].lower);
  if (!n || i + 2 >= a.last || !(units_.count(tokens[i + 1].lower) || plural_units_.count(tokens[i + 1].lower)) ||
      !(ago_.count(tokens[i + 2].lower) || (anniversary_.count(tokens[i + 2].lower) && YearsUnit(tokens[i + 1].lower))))
    return -1;
  // [circa] zes jaar geleden; "tien jaar na de ramp": the event that many years ago
  const auto& pub = a.pub;
  Date& d = out->date;
  std::string qualifier;
  int qb = a.numbers.QualifierBefore(tokens, std::max(0, a.start - 3), a.start, &qualifier);
  if (qb < a.start) { a.start = qb; d.approximate = true; }
  auto u = units_.find(tokens[i + 1].lower);
  int unit = u != units_.end() ? u->second : plural_units_.at(tokens[i + 1].lower);
  int amount = int(*n);
  const bool to_the_day = a.start > 0 && PhraseEndingAt(tokens, a.start, to_the_day_) > 0;
  if (*n != double(amount)) {
    // "anderhalf jaar geleden": the year of the month that many months back, roughly.
    if (pub && unit == 365 && a.pub_precision != Precision::kYear) {
      const int total = pub->year * 12 + (pub->month - 1) - int(std::lround(*n * 12));
      SetDay(&d, Civil{total / 12, 0, 0});
      d.approximate = true;
    }
  } else if (pub && unit == 365 && a.pub_precision == Precision::kDay && to_the_day) {
    // "precies tien jaar geleden", in a report of the day: that day, so many years back.
    SetDay(&d, Civil{pub->year - amount, pub->month, std::min(pub->day, DaysInMonth(pub->year - amount, pub->month))});
    out->anniversary = true;
  } else if (pub && unit == 365 && a.pub_precision == Precision::kMonth && to_the_day) {
    // (In a report of the month: that month, so many years back.)
    SetDay(&d, Civil{pub->year - amount, pub->month, 0});
    out->anniversary = true;
  } else if (pub && unit == 365) {
    SetDay(&d, Civil{pub->year - amount, 0, 0});
  } else if (pub && unit == 30 && a.pub_precision != Precision::kYear) {
    int total = pub->year * 12 + (pub->month - 1) - amount;
    SetDay(&d, Civil{total / 12, total % 12 + 1, 0});
  } else if (a.pub_precision == Precision::kDay) {
    SetDay(&d, AddDays(*pub, -amount * unit));
  }
  return i + 3;
}

int TimeGrammar::FromEventAt(Attempt& a, TimeMention* out) const {
  const auto& tokens = a.tokens;
  const int i = a.i;
  if (i + 2 < a.last && DaysIn(tokens[i + 1].lower) && later_.count(tokens[i + 2].lower) &&
      a.numbers.ParseToken(tokens[i].lower)) {
    // "vier dagen later", "een week eerder": so many days from the event told before it
    out->relative_to_event = true;
    out->event_offset = later_.at(tokens[i + 2].lower) * int(*a.numbers.ParseToken(tokens[i].lower)) * DaysIn(tokens[i + 1].lower);
    return i + 3;
  }
  if (int p = PhraseAt(tokens, i, a.last, sameperiod_)) {
    // "diezelfde maand", "dat jaar": the month or year of the time told before it
    out->relative_to_event = true;
    out->same_period = sameperiod_units_[PhraseIndex(tokens, i, p, sameperiod_)];
    return i + p;
  }
  const int n = PhraseAt(tokens, i, a.last, sameday_), clock = ClockAt(tokens, i, a.last),
            hours = HoursLater(tokens, i, a.last, a.numbers);
  if (!n && !clock && !hours) return -1;
  // "de dag erna"; a time of day ("rond 14.30 uur"), hours or minutes on ("een half uur
  // later"): the day of the event told before it
  out->relative_to_event = true;
  out->event_offset = n ? sameday_offsets_[PhraseIndex(tokens, i, n, sameday_)] : 0;
  // (With no day told before it, an hour is one of the day of the report.)
  if (clock && !n && a.pub_precision == Precision::kDay) SetDay(&out->date, *a.pub);
  return i + (n ? n : clock ? clock : hours);
}

int TimeGrammar::YearAt(Attempt& a, TimeMention* out) const {
  const Token& t = a.tokens[a.i];
  Date& d = out->date;
  int year = 0;
  if (year_preps_.count(t.lower) && a.i + 1 < a.last && IsYear(a.tokens[a.i + 1], &year)) {
    a.start = a.since ? a.start : a.i + 1;
    SetDay(&d, Civil{year, 0, 0});
    d.basis = DateBasis::kExplicit;
    return a.i + 2;
  }
  if (auto iso = ParseIsoDate(t.lower); iso && t.lower.size() == 10) {
    SetDay(&d, *iso);
    d.basis = DateBasis::kExplicit;
    return a.i + 1;
  }
  return -1;
}

}  // namespace kroniek
