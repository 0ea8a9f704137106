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
  auto year_of = [&](Civil* c) { c->year = YearAfter(a, &end, c->month, &d); };
  std::optional<double> day_number = a.numbers.ParseToken(t.lower);
  // (After a day, a month's abbreviation needs no dot: "14 mrt".)
  if (day_number && *day_number >= 1 && *day_number <= 31 && std::floor(*day_number) == *day_number &&
      a.i + 1 < a.last && (month = MonthOf(a.tokens[a.i + 1].lower))) {
    // 31 augustus [2021]
    end = a.i + 2;
    d.month = month;
    d.day = int(*day_number);
    Civil c{0, month, int(*day_number)};
    year_of(&c);
    if (c.year && c.day <= DaysInMonth(c.year, c.month)) SetDay(&d, c);
  } else if (int n = DayRangeAt(a, &month, out); n >= 0) {
    // 14 en 15 maart [2021], van 14 tot 16 maart
    end = n;
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
    auto set = [&](const Civil& first) {
      if (h.days == 1) SetDay(&d, first);
      else SetDays(&d, first, AddDays(first, h.days - 1));
    };
    // ("nieuwjaarsnacht 2001", "de nieuwjaarsnacht van 2001")
    const int year_at = end + 1 < a.last && holiday_years_.count(a.tokens[end].lower) ? end + 1 : end;
    if (year_at < a.last && IsYear(a.tokens[year_at], &year)) {
      set(h.In(year));
      end = year_at + 1;
      d.basis = DateBasis::kExplicit;
    } else if (a.pub) {
      set(HolidayBefore(h, *a.pub));
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
  if (next_.count(t.lower) && a.i + 1 < a.last && WeekdayOf(a.tokens[a.i + 1].lower) >= 0) {
    // "komende zaterdag": the first such weekday after the day of publication (in a report
    // of the month, no weekday to date it by: that one may be past or ahead).
    if (day_known) {
      const int ahead = (WeekdayOf(a.tokens[a.i + 1].lower) - kroniek::WeekdayOf(*pub) + 7) % 7;
      SetDay(&d, AddDays(*pub, ahead == 0 ? 7 : ahead));
    }
    return a.i + 2;
  }
  return -1;
}

int TimeGrammar::PeriodAt(Attempt& a, TimeMention* out) const {
  const Token& t = a.tokens[a.i];
  const auto& pub = a.pub;
  Date& d = out->date;
  const bool prev = prev_.count(t.lower) > 0, next = next_.count(t.lower) > 0, the = the_.count(t.lower) > 0;
  if (!(prev || next || the || this_.count(t.lower)) || a.i + 1 >= a.last) return -1;
  const std::string& what = a.tokens[a.i + 1].lower;
  int end = a.i + 2;
  const int sign = prev ? -1 : next ? 1 : 0;
  if (weekends_.count(what)) {
    // ("het weekend van 13 en 14 april" is the one its date names, "het weekend erna" one
    // counted from the event.)
    if (the && end < a.last && (of_.count(a.tokens[end].lower) || later_.count(a.tokens[end].lower))) return -1;
    // "afgelopen weekend": the last Saturday and Sunday begun before the day of
    // publication, "in het weekend" by it; "dit weekend" those of its week,
    // "volgend weekend" the next.
    if (a.pub_precision == Precision::kDay) {
      Civil saturday = AddDays(*pub, 5 - kroniek::WeekdayOf(*pub));
      const int begun = DayNumber(saturday) - DayNumber(*pub);
      if ((prev && begun >= 0) || (the && begun > 0)) saturday = AddDays(saturday, -7);
      if (next) saturday = AddDays(saturday, 7);
      SetDays(&d, saturday, AddDays(saturday, 1));
    }
    return end;
  }
  if (the) return -1;
  if (int span_end = prev ? SpanBackAt(a, &d) : -1; span_end > 0) return span_end;
  if (auto season = seasons_.find(what); season != seasons_.end()) {
    SetSeason(season->second, sign, a, &d);
    return end;
  }
  if (!units_.count(what)) return -1;
  // vorige week, vorig jaar, deze maand
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
    } else {
      d.week = sign;  // (a report of the month: counted from its own week, as "zaterdag vorige week")
    }
  } else if (a.pub_precision == Precision::kDay && unit == 7) {
    Civil monday = AddDays(*pub, -kroniek::WeekdayOf(*pub) + 7 * sign);
    SetDays(&d, monday, AddDays(monday, 6));
  } else if (unit == 7) {
    d.week = sign;  // (a report of the month: the week it names, counted from its own)
  } else if (a.pub_precision == Precision::kDay && unit == 1) {
    SetDay(&d, AddDays(*pub, sign));
  }
  return end;
}

// "de afgelopen drie dagen", "de voorbije 48 uur", "het afgelopen etmaal": the days up to the
// report's, that many back (a day more for the hours of one begun: 24 hours reach yesterday).
int TimeGrammar::SpanBackAt(const Attempt& a, Date* d) const {
  int k = a.i + 1;
  std::optional<double> count = a.numbers.ParseToken(a.tokens[k].lower);
  if (count) ++k;
  if (k >= a.last) return -1;
  const std::string& unit = a.tokens[k].lower;
  int days = 0;
  if (auto hours = span_hours_.find(unit); hours != span_hours_.end()) {
    days = int(std::ceil(count.value_or(1) * hours->second / 24.0));
  } else if (count && DaysIn(unit) > 0) {
    days = int(*count * DaysIn(unit));  // ("afgelopen week", uncounted, is the calendar week)
  } else {
    return -1;
  }
  if (days <= 0) return -1;
  if (a.pub_precision == Precision::kDay) SetDays(d, AddDays(*a.pub, -days), *a.pub);
  return k + 1;
}

void TimeGrammar::SetSeason(const Range& months, int which, const Attempt& a, Date* d) const {
  if (!a.pub || a.pub->month == 0) return;
  // Months counted from year 0; a season begun in year y runs from begin(y) to end(y).
  const int now = a.pub->year * 12 + a.pub->month;
  auto begin = [&](int y) { return y * 12 + months.first; };
  auto end = [&](int y) { return (y + (months.last < months.first)) * 12 + months.last; };
  int y = a.pub->year;
  if (which < 0) {
    while (end(y) >= now) --y;  // the last one over before the report's month
  } else if (which == 0) {
    // The one the report's month is in, else the nearest ("deze winter" in May is the last;
    // "deze zomer" in January, as near, the one of its year).
    auto distance = [&](int c) { return begin(c) > now ? begin(c) - now : std::max(0, now - end(c)); };
    for (int c : {y - 1, y + 1})
      if (distance(c) < distance(y)) y = c;
  } else {
    y = a.pub->year - 1;
    while (begin(y) <= now) ++y;
  }
  const int last_year = y + (months.last < months.first);
  SetDays(d, Civil{y, months.first, 1}, Civil{last_year, months.last, DaysInMonth(last_year, months.last)});
  // (A season's bounds are loose: "deze zomer" may reach into September.)
  d->approximate = true;
}

int TimeGrammar::YearAfter(const Attempt& a, int* end, int month, Date* d) const {
  int year = 0;
  if (*end < a.last && IsYear(a.tokens[*end], &year)) {
    ++*end;
    d->basis = DateBasis::kExplicit;
    return year;
  }
  return a.pub ? NearestYear(*a.pub, month) : 0;
}

int TimeGrammar::DayRangeAt(const Attempt& a, int* month, TimeMention* out) const {
  const auto& tokens = a.tokens;
  // (Days in digits: "14 en 15 maart".)
  auto day_at = [&](int k) {
    if (k >= a.last || tokens[k].kind != TokenKind::kNumber || tokens[k].lower.size() > 2) return 0;
    const int n = std::atoi(tokens[k].lower.c_str());
    return n >= 1 && n <= 31 ? n : 0;
  };
  if (tokens[a.i].kind != TokenKind::kNumber) return -1;
  int first = 0, last = 0, k = a.i;
  if (const std::string& w = tokens[k].lower;
      tokens[k].kind == TokenKind::kNumber && w.size() >= 3 && w.size() <= 5 && w.find('-') != std::string::npos) {
    // "14-16 maart": one token
    const size_t dash = w.find('-');
    first = std::atoi(w.substr(0, dash).c_str());
    last = std::atoi(w.substr(dash + 1).c_str());
    k += 1;
  } else if ((first = day_at(k))) {
    const int joiner = PhraseAt(tokens, k + 1, a.last, day_ranges_);
    if (!joiner || !(last = day_at(k + 1 + joiner))) return -1;
    k += 2 + joiner;
  }
  if (!first || first < 1 || last <= first || last > 31 || !(*month = k < a.last ? MonthOf(tokens[k].lower) : 0)) return -1;
  Date& d = out->date;
  int end = k + 1;
  const int year = YearAfter(a, &end, *month, &d);
  d.month = *month;
  if (year && last <= DaysInMonth(year, *month)) SetDays(&d, Civil{year, *month, first}, Civil{year, *month, last});
  return end;
}

int TimeGrammar::NumericDateAt(Attempt& a, TimeMention* out) const {
  const auto& tokens = a.tokens;
  if (numeric_dates_.empty() || tokens[a.i].kind != TokenKind::kNumber) return -1;
  // The text of the tokens that touch each other from a.i on ("11", "/", "05"), and
  // where each of them ends in it.
  std::string s;
  std::vector<size_t> ends;
  for (int k = a.i; k < a.last && k < a.i + kNumericDateTokens; ++k) {
    if (k > a.i && tokens[k].span.begin != tokens[k - 1].span.end) break;
    s += tokens[k].lower;
    ends.push_back(s.size());
  }
  auto digits_at = [&](size_t pos) {
    size_t e = pos;
    while (e < s.size() && s[e] >= '0' && s[e] <= '9') ++e;
    return e - pos;
  };
  for (const NumericDate& n : numeric_dates_) {
    int field[3] = {0, 0, 0};  // day, month, year
    size_t pos = 0;
    bool ok = true;
    for (size_t f = 0; f < n.order.size() && ok; ++f) {
      if (f > 0) ok = pos < s.size() && s[pos++] == n.separator;
      const size_t len = ok ? digits_at(pos) : 0;
      const char which = n.order[f];
      ok = ok && (which == 'y' ? len == 4 : len >= 1 && len <= 2);
      if (ok) field[which == 'd' ? 0 : which == 'm' ? 1 : 2] = std::atoi(s.substr(pos, len).c_str());
      pos += len;
    }
    const auto token_end = std::find(ends.begin(), ends.end(), pos);
    // (Not the head of a longer one, "11/05/24"; a day and month alone only beside a weekday.)
    const bool longer = pos + 1 < s.size() && s[pos] == n.separator && s[pos + 1] >= '0' && s[pos + 1] <= '9';
    auto weekday_at = [&](int k) {
      return k >= 0 && tokens[k].sentence == tokens[a.i].sentence && WeekdayOf(tokens[k].lower) >= 0;
    };
    const bool beside_weekday = weekday_at(a.i - 1) || (a.i > 1 && tokens[a.i - 1].lower == "," && weekday_at(a.i - 2));
    // (Or after "op", when it cannot be a fraction: "op 21/10", not "op 3/4 van de wegen".)
    const bool on_a_day = a.i > 0 && appositions_.count(tokens[a.i - 1].lower) && field[0] >= field[1];
    if (!ok || token_end == ends.end() || longer || (!field[2] && !beside_weekday && !on_a_day) || field[1] < 1 ||
        field[1] > 12 ||
        field[0] < 1 || field[0] > DaysInMonth(field[2] ? field[2] : 2000, field[1]))
      continue;
    Date& d = out->date;
    d.month = field[1];
    d.day = field[0];
    if (field[2]) d.basis = DateBasis::kExplicit;
    const int year = field[2] ? field[2] : a.pub ? NearestYear(*a.pub, field[1]) : 0;
    if (year && field[0] <= DaysInMonth(year, field[1])) SetDay(&d, Civil{year, field[1], field[0]});
    return a.i + int(token_end - ends.begin()) + 1;
  }
  return -1;
}

int TimeGrammar::PartOfYearAt(Attempt& a, TimeMention* out) const {
  const auto& tokens = a.tokens;
  const auto part = yearparts_.find(tokens[a.i].lower);
  const auto season = seasons_.find(tokens[a.i].lower);
  if (part == yearparts_.end() && season == seasons_.end()) return -1;
  int k = a.i + 1;
  if (season != seasons_.end() && k < a.last && of_.count(tokens[k].lower)) ++k;  // "de zomer van 2022"
  int year = 0;
  if (k >= a.last || !IsYear(tokens[k], &year)) return -1;
  Date& d = out->date;
  const Range months = part != yearparts_.end() ? part->second : season->second;
  // (Which months "de winter van 2022" holds, its first or its last, the words leave open.)
  if (months.last < months.first) SetDay(&d, Civil{year, 0, 0});
  else SetMonths(&d, year, months.first, months.last);
  d.basis = DateBasis::kExplicit;
  d.approximate = true;
  return k + 1;
}

int TimeGrammar::CountBackAt(Attempt& a, TimeMention* out) const {
  const auto& tokens = a.tokens;
  const int i = a.i;
  auto n = a.numbers.ParseToken(tokens[i].lower);
  if (!n) n = a.numbers.Fraction(tokens[i].lower);  // "een half jaar geleden"
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
    } else if (pub && unit != 365 && a.pub_precision == Precision::kDay) {
      // "anderhalve week geleden", in a report of the day: the days half a unit either side.
      SetDays(&d, AddDays(*pub, -int(std::ceil((*n + 0.5) * unit))), AddDays(*pub, -int(std::floor((*n - 0.5) * unit))));
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
  // ("een week geleden": days back from the report, whatever date it has.)
  if (unit <= kLongestCountedUnit && ago_.count(tokens[i + 2].lower) && *n == double(amount)) d.day_offset = -amount * unit;
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
  if (i + 2 < a.last && DaysIn(tokens[i + 1].lower) && anniversary_.count(tokens[i + 2].lower) &&
      a.numbers.ParseToken(tokens[i].lower)) {
    // "vier dagen na de schietpartij": so many days after the event the words after it name
    const double n = *a.numbers.ParseToken(tokens[i].lower);
    if (n != std::floor(n)) return -1;
    std::string qualifier;
    const int qb = a.numbers.QualifierBefore(tokens, std::max(0, a.start - 3), a.start, &qualifier);
    if (qb < a.start) { a.start = qb; out->date.approximate = true; }
    out->relative_to_event = true;
    out->event_offset = out->after_named = int(n) * DaysIn(tokens[i + 1].lower);
    return i + 3;
  }
  if (const int period = PeriodIn(i + 1 < a.last ? tokens[i + 1].lower : "");
      period && i + 2 < a.last && later_.count(tokens[i + 2].lower) && a.numbers.ParseToken(tokens[i].lower)) {
    // "drie maanden later", "twee jaar eerder": the month or year so many on from the time told before it
    out->relative_to_event = true;
    out->same_period = period;
    out->event_offset = later_.at(tokens[i + 2].lower) * int(*a.numbers.ParseToken(tokens[i].lower));
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

bool TimeGrammar::NothingCountedAt(const std::vector<Token>& tokens, int i, int last) const {
  if (i >= last) return true;
  const Token& t = tokens[i];
  return t.kind == TokenKind::kPunct || t.kind == TokenKind::kQuote || t.capitalized || words_->IsFunctionWord(t.lower);
}

int TimeGrammar::YearAt(Attempt& a, TimeMention* out) const {
  const Token& t = a.tokens[a.i];
  Date& d = out->date;
  int year = 0;
  // ("sinds 2014": the phrase before it makes the bare year a date too.)
  if (a.since && a.i > a.start && IsYear(t, &year)) {
    SetDay(&d, Civil{year, 0, 0});
    d.basis = DateBasis::kExplicit;
    return a.i + 1;
  }
  const bool label = year_labels_.count(t.lower) > 0;
  if ((year_preps_.count(t.lower) || label) && a.i + 1 < a.last && IsYear(a.tokens[a.i + 1], &year) &&
      (!label || NothingCountedAt(a.tokens, a.i + 2, a.last))) {
    a.start = a.since && !label ? a.start : a.i + 1;
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
