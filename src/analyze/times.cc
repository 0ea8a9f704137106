#include "analyze/times.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/resource_file.h"
#include "core/utf8.h"

namespace kroniek {

namespace {


bool IsYear(const Token& t, int* year) {
  if (t.kind != TokenKind::kNumber || t.lower.size() != 4) return false;
  *year = std::atoi(t.lower.c_str());
  return *year >= 1900 && *year <= 2100;
}

constexpr int kMonthsAhead = 3;  // a day-month told without a year lies at most this far ahead
constexpr int kAnniversaryReach = 3;  // days an anniversary's weekday may lie before its report

// The year that puts month/day nearest to the publication date, leaning to the
// past: news tells mostly what happened ("op 17 februari", written in September,
// is last February), what is ahead only when near.
int NearestYear(const Civil& pub, int month) {
  if (pub.month == 0) return pub.year;
  const int ahead = (month - pub.month + 12) % 12;  // months from publication forward to `month`
  if (ahead == 0 || ahead > kMonthsAhead) return month <= pub.month ? pub.year : pub.year - 1;
  return month > pub.month ? pub.year : pub.year + 1;
}

void SetDay(Date* d, const Civil& c) {
  d->value = c.ToString();
  d->precision = c.precision();
}

// The days from..to ("vorige week"), dated by the month or year that holds them both
// (by neither when they span New Year).
void SetDays(Date* d, const Civil& from, const Civil& to) {
  d->from = from.ToString();
  d->to = to.ToString();
  if (from.year == to.year) SetDay(d, Civil{from.year, from.month == to.month ? from.month : 0, 0});
}

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

Civil TimeGrammar::Holiday::In(int year) const {
  return easter ? AddDays(EasterSunday(year), offset) : Civil{year, month, day};
}

Status TimeGrammar::Load(const std::string& lang_dir) {
  ResourceFile f;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(lang_dir + "/time.tsv", 2, &f));
  for (const auto& row : f.rows) {
    const std::string form = ToLower(row.fields[0]);
    const std::string& cls = row.fields[1];
    auto num = [&](size_t k) { return row.fields.size() > k ? std::atoi(row.fields[k].c_str()) : 0; };
    if (cls == "month") months_[form] = num(2);
    else if (cls == "weekday") weekdays_[form] = num(2);
    else if (cls == "daypart") dayparts_.insert(form);
    else if (cls == "relday") reldays_[form] = num(2);
    else if (cls == "unit") units_[form] = num(2);
    else if (cls == "unit_plural") plural_units_[form] = num(2);
    else if (cls == "weekend") weekends_.insert(form);
    else if (cls == "ago") ago_.insert(form);
    else if (cls == "anniversary") anniversary_.insert(form);
    else if (cls == "since") since_.push_back(LowerWords(form));
    else if (cls == "to_the_day") {
      to_the_day_.push_back(LowerWords(form));
      if (row.fields.size() > 2 && row.fields[2] == "present") to_the_day_present_.push_back(LowerWords(form));
    }
    else if (cls == "until") until_.push_back(LowerWords(form));
    else if (cls == "prev") prev_.insert(form);
    else if (cls == "next") next_.insert(form);
    else if (cls == "this") this_.insert(form);
    else if (cls == "monthpart") monthparts_[form] = {num(2), num(3)};
    else if (cls == "weekpart") weekparts_[form] = {num(2), num(3)};
    else if (cls == "sameday") {
      sameday_.push_back(LowerWords(form));
      sameday_offsets_.push_back(num(2));
    }
    else if (cls == "sameperiod") {
      sameperiod_.push_back(LowerWords(form));
      sameperiod_units_.push_back(num(2));
    }
    else if (cls == "later") later_[form] = 1;
    else if (cls == "earlier") later_[form] = -1;
    else if (cls == "clock") clock_.push_back(LowerWords(form));
    else if (cls == "hours") hours_.insert(form);
    else if (cls == "few") few_.insert(form);
    else if (cls == "clock_unit") clock_units_.insert(form);
    else if (cls == "year_prep") year_preps_.insert(form);
    else if (cls == "apposition") appositions_.insert(form);
    else if (cls == "overnight") overnight_.insert(form);
    else if (cls == "reference") references_.insert(form);
    else if (cls == "not_event") not_event_.insert(form);
    else if (cls == "holiday") {
      Holiday h;
      const std::string when = row.fields.size() > 2 ? row.fields[2] : "";
      if (when == "easter") {
        h.easter = true;
        h.offset = num(3);
      } else if (when.size() == 5 && when[2] == '-') {
        h.month = std::atoi(when.substr(0, 2).c_str());
        h.day = std::atoi(when.substr(3).c_str());
      }
      if (!h.easter && (h.month < 1 || h.month > 12 || h.day < 1 || h.day > 31))
        return Status::Error(f.path + ":" + std::to_string(row.line) + ": a holiday needs 'easter' and an offset, or MM-DD");
      holiday_phrases_.push_back(LowerWords(form));
      holidays_.push_back(h);
    }
    else return Status::Error(f.path + ":" + std::to_string(row.line) + ": unknown class '" + cls + "'");
  }
  return Status();
}

int TimeGrammar::PhraseAt(const std::vector<Token>& tokens, int i, int last,
                          const std::vector<std::vector<std::string>>& phrases) const {
  int best = 0;
  for (const auto& p : phrases) {
    int n = int(p.size());
    if (i + n > last || n <= best) continue;
    bool ok = true;
    for (int k = 0; k < n && ok; ++k) ok = tokens[i + k].lower == p[k];
    if (ok) best = n;
  }
  return best;
}

int TimeGrammar::DaysIn(const std::string& unit) const {
  for (const auto* table : {&units_, &plural_units_})
    if (auto it = table->find(unit); it != table->end()) return it->second <= kLongestCountedUnit ? it->second : 0;
  return 0;
}

int TimeGrammar::HoursLater(const std::vector<Token>& tokens, int i, int last, const NumberGrammar& numbers) const {
  // (Only where an hours word follows: counting is the costly part.)
  int unit = i;
  while (unit < last && unit - i <= kMostCountWords && !hours_.count(tokens[unit].lower)) ++unit;
  if (unit >= last || unit - i > kMostCountWords) return 0;
  int k = i;
  while (k < last && k - i < kMostCountWords && (numbers.ParseToken(tokens[k].lower) || few_.count(tokens[k].lower))) ++k;
  if (k + 1 >= last || !hours_.count(tokens[k].lower) || !later_.count(tokens[k + 1].lower)) return 0;
  return k + 2 - i;
}

int TimeGrammar::ClockAt(const std::vector<Token>& tokens, int i, int last) const {
  int k = i + PhraseAt(tokens, i, last, clock_);
  if (k == i || k >= last) return 0;
  // An hour, with its minutes after a dot ("14.30", one token) or a colon ("14:30").
  auto digits = [](const std::string& w) {
    return !w.empty() && w.size() <= 2 && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const std::string& w = tokens[k].lower;
  const size_t dot = w.find('.');
  const std::string hour = w.substr(0, dot);
  if (!digits(hour) || std::atoi(hour.c_str()) > 24) return 0;
  if (dot != std::string::npos && !(w.size() == dot + 3 && digits(w.substr(dot + 1)))) return 0;
  ++k;
  if (dot == std::string::npos && k + 1 < last && tokens[k].lower == ":" && digits(tokens[k + 1].lower)) k += 2;
  return k < last && clock_units_.count(tokens[k].lower) ? k + 1 - i : 0;
}

int TimeGrammar::PhraseEndingAt(const std::vector<Token>& tokens, int end,
                                const std::vector<std::vector<std::string>>& phrases) const {
  size_t longest = 0;
  for (const auto& p : phrases) longest = std::max(longest, p.size());
  int best = 0;
  for (int start = end - 1; start >= 0 && end - start <= int(longest); --start)
    if (PhraseAt(tokens, start, end, phrases) == end - start) best = end - start;
  return best;
}

int TimeGrammar::PhraseIndex(const std::vector<Token>& tokens, int i, int n,
                             const std::vector<std::vector<std::string>>& phrases) const {
  for (size_t k = 0; k < phrases.size(); ++k) {
    const auto& p = phrases[k];
    if (int(p.size()) != n) continue;
    bool ok = true;
    for (int j = 0; j < n && ok; ++j) ok = tokens[i + j].lower == p[j];
    if (ok) return int(k);
  }
  return -1;
}

bool TimeGrammar::YearsUnit(const std::string& lower) const {
  auto u = units_.find(lower);
  auto p = plural_units_.find(lower);
  return (u != units_.end() && u->second == 365) || (p != plural_units_.end() && p->second == 365);
}

int TimeGrammar::MonthOf(const std::string& lower) const {
  auto it = months_.find(lower);
  if (it == months_.end()) it = months_.find(lower + ".");
  return it == months_.end() ? 0 : it->second;
}

int TimeGrammar::WeekdayOf(const std::string& lower) const {
  if (auto it = weekdays_.find(lower); it != weekdays_.end()) return it->second;
  for (const auto& [day, index] : weekdays_)
    if (lower.size() > day.size() && lower.compare(0, day.size(), day) == 0 &&
        dayparts_.count(lower.substr(day.size())))
      return index;
  return -1;
}

bool TimeGrammar::RelDayOf(const std::string& lower, int* offset) const {
  if (auto it = reldays_.find(lower); it != reldays_.end()) { *offset = it->second; return true; }
  for (const auto& [word, off] : reldays_)
    if (lower.size() > word.size() && lower.compare(0, word.size(), word) == 0 &&
        dayparts_.count(lower.substr(word.size()))) {
      *offset = off;
      return true;
    }
  return false;
}

bool TimeGrammar::MatchAt(const std::string& text, const std::vector<Token>& tokens, int i, int last,
                          const NumberGrammar& numbers, const Date& published, TimeMention* out) const {
  const auto pub = published.civil();
  const Precision pub_precision = pub ? pub->precision() : Precision::kUnknown;
  Date& d = out->date;
  d = Date();
  int start = i;
  bool since = false, until = false;
  if (int n = PhraseAt(tokens, i, last, since_)) { since = true; i += n; }
  else if (int m = PhraseAt(tokens, i, last, until_)) { until = true; i += m; }
  if (i >= last) return false;
  const Token& t = tokens[i];
  int end = -1;
  d.basis = DateBasis::kRelative;

  auto month_at = [&](int k) -> int {
    if (k >= last) return 0;
    auto it = months_.find(tokens[k].lower);
    return it == months_.end() ? 0 : it->second;
  };
  int year = 0;
  int month = 0;
  std::optional<double> day_number = numbers.ParseToken(t.lower);
  if (day_number && *day_number >= 1 && *day_number <= 31 && std::floor(*day_number) == *day_number &&
      (month = month_at(i + 1))) {
    // 31 augustus [2021]
    end = i + 2;
    d.month = month;
    d.day = int(*day_number);
    Civil c{0, month, int(*day_number)};
    if (end < last && IsYear(tokens[end], &year)) { c.year = year; ++end; d.basis = DateBasis::kExplicit; }
    else if (pub) c.year = NearestYear(*pub, month);
    if (c.year && c.day <= DaysInMonth(c.year, c.month)) SetDay(&d, c);
  } else if (auto mp = monthparts_.find(t.lower); mp != monthparts_.end() && (month = month_at(i + 1))) {
    // half augustus [2021]
    end = i + 2;
    d.month = month;
    Civil c{0, month, 0};
    if (end < last && IsYear(tokens[end], &year)) { c.year = year; ++end; d.basis = DateBasis::kExplicit; }
    else if (pub) c.year = NearestYear(*pub, month);
    if (c.year) {
      SetDay(&d, c);
      int last_day = std::min(mp->second.last, DaysInMonth(c.year, month));
      // 'sinds half augustus' starts mid-range; 'half augustus' spans the range.
      int from_day = since ? (mp->second.first + last_day) / 2 : mp->second.first;
      d.from = Civil{c.year, month, from_day}.ToString();
      d.to = Civil{c.year, month, last_day}.ToString();
      d.approximate = true;
    }
  } else if ((month = month_at(i)) && t.lower.back() != '.') {
    // augustus [2021]
    end = i + 1;
    d.month = month;
    Civil c{0, month, 0};
    if (end < last && IsYear(tokens[end], &year)) { c.year = year; ++end; d.basis = DateBasis::kExplicit; }
    else if (pub) c.year = NearestYear(*pub, month);
    if (c.year) SetDay(&d, c);
  } else if (int n = PhraseAt(tokens, i, last, holiday_phrases_)) {
    // paaszondag [2019]
    end = i + n;
    const Holiday& h = holidays_[PhraseIndex(tokens, i, n, holiday_phrases_)];
    if (end < last && IsYear(tokens[end], &year)) {
      SetDay(&d, h.In(year));
      ++end;
      d.basis = DateBasis::kExplicit;
    } else if (pub) {
      SetDay(&d, HolidayBefore(h, *pub));
    }
  } else if (int wd = WeekdayOf(t.lower); wd >= 0) {
    end = i + 1;
    d.weekday = wd;
    d.precision = Precision::kWeekday;
    if (pub_precision == Precision::kDay) {
      int back = (kroniek::WeekdayOf(*pub) - wd + 7) % 7;
      SetDay(&d, AddDays(*pub, -back));
    }
  } else if (int offset = 0; RelDayOf(t.lower, &offset)) {
    end = i + 1;
    d.day_offset = offset;
    if (pub_precision == Precision::kDay) SetDay(&d, AddDays(*pub, offset));
  } else if ((prev_.count(t.lower) || this_.count(t.lower)) && i + 1 < last && dayparts_.count(tokens[i + 1].lower)) {
    // "deze voormiddag", "afgelopen nacht": the part of the day just past, as "vannacht".
    end = i + 2;
    d.day_offset = 0;
    if (pub_precision == Precision::kDay) SetDay(&d, *pub);
  } else if (prev_.count(t.lower) && i + 1 < last && WeekdayOf(tokens[i + 1].lower) >= 0) {
    // "afgelopen donderdag": the last such weekday before the day of publication.
    end = i + 2;
    d.weekday = WeekdayOf(tokens[i + 1].lower);
    d.precision = Precision::kWeekday;
    if (pub_precision == Precision::kDay) {
      const int back = (kroniek::WeekdayOf(*pub) - d.weekday + 7) % 7;
      SetDay(&d, AddDays(*pub, -(back == 0 ? 7 : back)));
    }
  } else if ((prev_.count(t.lower) || next_.count(t.lower) || this_.count(t.lower)) && i + 1 < last &&
             weekends_.count(tokens[i + 1].lower)) {
    // "afgelopen weekend": the last Saturday and Sunday begun before the day of
    // publication; "dit weekend" those of its week, "volgend weekend" the next.
    end = i + 2;
    if (pub_precision == Precision::kDay) {
      Civil saturday = AddDays(*pub, 5 - kroniek::WeekdayOf(*pub));
      if (prev_.count(t.lower) && DayNumber(saturday) >= DayNumber(*pub)) saturday = AddDays(saturday, -7);
      if (next_.count(t.lower)) saturday = AddDays(saturday, 7);
      SetDays(&d, saturday, AddDays(saturday, 1));
    }
  } else if ((prev_.count(t.lower) || next_.count(t.lower) || this_.count(t.lower)) && i + 1 < last &&
             units_.count(tokens[i + 1].lower)) {
    // vorige week, vorig jaar, deze maand
    end = i + 2;
    int sign = prev_.count(t.lower) ? -1 : next_.count(t.lower) ? 1 : 0;
    int unit = units_.at(tokens[i + 1].lower);
    if (pub && unit == 365) {
      SetDay(&d, Civil{pub->year + sign, 0, 0});
    } else if (pub && unit == 30 && pub_precision != Precision::kYear) {
      int m = pub->month + sign, y = pub->year;
      if (m < 1) { m += 12; --y; }
      if (m > 12) { m -= 12; ++y; }
      SetDay(&d, Civil{y, m, 0});
    } else if (unit == 7 && end < last && WeekdayOf(tokens[end].lower) >= 0) {
      // "vorige week zaterdag": that weekday of the week named.
      d.weekday = WeekdayOf(tokens[end].lower);
      d.precision = Precision::kWeekday;
      ++end;
      if (pub_precision == Precision::kDay) {
        Civil monday = AddDays(*pub, -kroniek::WeekdayOf(*pub) + 7 * sign);
        SetDay(&d, AddDays(monday, d.weekday));
      }
    } else if (pub_precision == Precision::kDay && unit == 7) {
      Civil monday = AddDays(*pub, -kroniek::WeekdayOf(*pub) + 7 * sign);
      SetDays(&d, monday, AddDays(monday, 6));
    } else if (pub_precision == Precision::kDay && unit == 1) {
      SetDay(&d, AddDays(*pub, sign));
    }
  } else if (auto n = numbers.ParseToken(t.lower);
             n && i + 2 < last && (units_.count(tokens[i + 1].lower) || plural_units_.count(tokens[i + 1].lower)) &&
             (ago_.count(tokens[i + 2].lower) || (anniversary_.count(tokens[i + 2].lower) && YearsUnit(tokens[i + 1].lower)))) {
    // [circa] zes jaar geleden; "tien jaar na de ramp": the event that many years ago
    end = i + 3;
    std::string qualifier;
    int qb = numbers.QualifierBefore(tokens, std::max(0, start - 3), start, &qualifier);
    if (qb < start) { start = qb; d.approximate = true; }
    auto u = units_.find(tokens[i + 1].lower);
    int unit = u != units_.end() ? u->second : plural_units_.at(tokens[i + 1].lower);
    int amount = int(*n);
    if (*n != double(amount)) {
      // "anderhalf jaar geleden": the year of the month that many months back, roughly.
      if (pub && unit == 365 && pub_precision != Precision::kYear) {
        const int total = pub->year * 12 + (pub->month - 1) - int(std::lround(*n * 12));
        SetDay(&d, Civil{total / 12, 0, 0});
        d.approximate = true;
      }
    } else if (pub && unit == 365 && pub_precision == Precision::kDay && start > 0 &&
               PhraseEndingAt(tokens, start, to_the_day_) > 0) {
      // "precies tien jaar geleden", in a report of the day: that day, so many years back.
      SetDay(&d, Civil{pub->year - amount, pub->month, std::min(pub->day, DaysInMonth(pub->year - amount, pub->month))});
      out->anniversary = true;
    } else if (pub && unit == 365 && pub_precision == Precision::kMonth && start > 0 &&
               PhraseEndingAt(tokens, start, to_the_day_) > 0) {
      // (In a report of the month: that month, so many years back.)
      SetDay(&d, Civil{pub->year - amount, pub->month, 0});
      out->anniversary = true;
    } else if (pub && unit == 365) SetDay(&d, Civil{pub->year - amount, 0, 0});
    else if (pub && unit == 30 && pub_precision != Precision::kYear) {
      int total = pub->year * 12 + (pub->month - 1) - amount;
      SetDay(&d, Civil{total / 12, total % 12 + 1, 0});
    } else if (pub_precision == Precision::kDay) SetDay(&d, AddDays(*pub, -amount * unit));
  } else if (i + 2 < last && DaysIn(tokens[i + 1].lower) && later_.count(tokens[i + 2].lower) &&
             numbers.ParseToken(t.lower)) {
    // "vier dagen later", "een week eerder": so many days from the event told before it
    end = i + 3;
    out->relative_to_event = true;
    out->event_offset = later_.at(tokens[i + 2].lower) * int(*numbers.ParseToken(t.lower)) * DaysIn(tokens[i + 1].lower);
  } else if (int p = PhraseAt(tokens, i, last, sameperiod_)) {
    // "diezelfde maand", "dat jaar": the month or year of the time told before it
    end = i + p;
    out->relative_to_event = true;
    out->same_period = sameperiod_units_[PhraseIndex(tokens, i, p, sameperiod_)];
  } else if (int n = PhraseAt(tokens, i, last, sameday_), clock = ClockAt(tokens, i, last),
             hours = HoursLater(tokens, i, last, numbers);
             n || clock || hours) {
    // "de dag erna"; a time of day ("rond 14.30 uur"), hours or minutes on ("een half uur
    // later"): the day of the event told before it
    end = i + (n ? n : clock ? clock : hours);
    out->relative_to_event = true;
    out->event_offset = n ? sameday_offsets_[PhraseIndex(tokens, i, n, sameday_)] : 0;
    // (With no day told before it, an hour is one of the day of the report.)
    if (clock && !n && pub_precision == Precision::kDay) SetDay(&d, *pub);
  } else if (year_preps_.count(t.lower) && i + 1 < last && IsYear(tokens[i + 1], &year)) {
    end = i + 2;
    start = since ? start : i + 1;
    SetDay(&d, Civil{year, 0, 0});
    d.basis = DateBasis::kExplicit;
  } else if (auto iso = ParseIsoDate(t.lower); iso && t.lower.size() == 10) {
    end = i + 1;
    SetDay(&d, *iso);
    d.basis = DateBasis::kExplicit;
  }
  if (end < 0) return false;
  if (since && d.known()) {
    if (d.from.empty()) {
      auto c = d.civil();
      d.from = c->precision() == Precision::kDay ? d.value : Civil{c->year, std::max(c->month, 1), 1}.ToString();
    }
    d.to = pub ? pub->ToString() : "";
  }
  if (until && d.known()) d.to = d.value;
  d.reference = start > 0 && references_.count(tokens[start - 1].lower) > 0;
  out->first = start;
  out->last = end;
  d.span = {tokens[start].span.begin, tokens[end - 1].span.end};
  d.text = text.substr(d.span.begin, d.span.size());
  return true;
}

void TimeGrammar::Find(const std::string& text, const std::vector<Token>& tokens, int first, int last,
                       const NumberGrammar& numbers, const Date& published, std::vector<TimeMention>* out) const {
  for (int i = first; i < last; ++i) {
    TimeMention m;
    if (MatchAt(text, tokens, i, last, numbers, published, &m)) {
      if (NotAnEventsDate(tokens, first, m)) {
        i = m.last - 1;
        continue;
      }
      // "oktober vorig jaar", "vorig jaar in oktober": one month of that year;
      // "zaterdag 9 april": the date, its weekday named with it.
      if (!out->empty() && (JoinMonthAndYear(tokens, &out->back(), m, published) || JoinWeekdayAndDate(&out->back(), m) ||
                            JoinWeekdayAndWeek(tokens, &out->back(), m, published) ||
                            JoinApposition(tokens, &out->back(), m) || JoinOvernight(tokens, &out->back(), m))) {
        Date& d = out->back().date;
        d.text = text.substr(d.span.begin, d.span.end - d.span.begin);
        i = m.last - 1;
        continue;
      }
      NarrowToPart(text, tokens, first, &m);
      out->push_back(m);
      i = m.last - 1;
    }
  }
}

bool TimeGrammar::NarrowToPart(const std::string& text, const std::vector<Token>& tokens, int first,
                               TimeMention* m) const {
  if (m->first <= first || m->relative_to_event) return false;
  const std::string& word = tokens[m->first - 1].lower;
  Date& d = m->date;
  const auto from = ParseIsoDate(d.from), to = ParseIsoDate(d.to);
  const auto week = weekparts_.find(word);
  const auto month = monthparts_.find(word);
  if (week != weekparts_.end() && from && to && DayNumber(*to) - DayNumber(*from) == 6 && kroniek::WeekdayOf(*from) == 0) {
    SetDays(&d, AddDays(*from, week->second.first), AddDays(*from, week->second.last));
  } else if (month != monthparts_.end() && d.precision == Precision::kMonth && d.from.empty() && d.month == 0) {
    // (As "half augustus": the part of a month is approximate.)
    const Civil c = *d.civil();
    d.from = Civil{c.year, c.month, month->second.first}.ToString();
    d.to = Civil{c.year, c.month, std::min(month->second.last, DaysInMonth(c.year, c.month))}.ToString();
    d.approximate = true;
  } else {
    return false;
  }
  --m->first;
  d.reference = m->first > 0 && references_.count(tokens[m->first - 1].lower) > 0;
  d.span.begin = tokens[m->first].span.begin;
  d.text = text.substr(d.span.begin, d.span.size());
  return true;
}

// "geboren in 1990", "opgericht op 4 mei 2004": the date of a birth or a founding, one
// word (a preposition) at most between.
bool TimeGrammar::NotAnEventsDate(const std::vector<Token>& tokens, int first, const TimeMention& m) const {
  for (int k = m.first - 1; k >= first && k >= m.first - 2; --k)
    if (not_event_.count(tokens[k].lower)) return true;
  return false;
}

bool TimeGrammar::JoinApposition(const std::vector<Token>& tokens, TimeMention* before, const TimeMention& next) const {
  if (before->date.known() || !next.date.known() || before->relative_to_event || next.relative_to_event ||
      tokens[before->last].lower != ",")
    return false;
  const int gap = next.first - before->last;
  if (gap != 1 && !(gap == 2 && appositions_.count(tokens[before->last + 1].lower))) return false;
  const auto begin = before->date.span.begin;
  before->date = next.date;
  before->date.span = {begin, next.date.span.end};
  before->last = next.last;
  return true;
}

bool TimeGrammar::JoinOvernight(const std::vector<Token>& tokens, TimeMention* before, const TimeMention& next) const {
  if (next.first != before->last + 1 || !overnight_.count(tokens[before->last].lower) || before->date.weekday < 0 ||
      next.date.weekday != (before->date.weekday + 1) % 7)
    return false;
  // (Most of what happens in a night happens after midnight: the second day dates it.)
  const auto begin = before->date.span.begin;
  before->date = next.date;
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
  return true;
}

bool TimeGrammar::JoinWeekdayAndWeek(const std::vector<Token>& tokens, TimeMention* before, const TimeMention& next,
                                     const Date& published) const {
  Date& d = before->date;
  if (next.first != before->last || next.last != next.first + 2 || d.weekday < 0 || d.day != 0 || d.month != 0 ||
      d.day_offset)
    return false;
  const std::string& which = tokens[next.first].lower;
  const auto unit = units_.find(tokens[next.first + 1].lower);
  if (unit == units_.end() || unit->second != 7 || !(prev_.count(which) || this_.count(which) || next_.count(which)))
    return false;
  const int sign = prev_.count(which) ? -1 : next_.count(which) ? 1 : 0;
  const auto pub = published.civil();
  const int weekday = d.weekday;
  const uint32_t begin = d.span.begin;
  d = Date();
  d.basis = DateBasis::kRelative;
  if (pub && pub->precision() == Precision::kDay) {
    SetDay(&d, AddDays(*pub, -kroniek::WeekdayOf(*pub) + 7 * sign + weekday));
    d.weekday = weekday;
  } else if (sign == 0) {
    d.weekday = weekday;  // this week's: the last such weekday, as a weekday alone
    d.precision = Precision::kWeekday;
  }
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
  if (!d.from.empty()) d.from = Civil{y->year, month.date.month, 1}.ToString();  // "sinds augustus vorig jaar"
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

// "Op 14 juli 2021 begon het. Ook op 16 juli …": a day of a month told without a year
// takes the year of a date written out before it in its sentence or the one before,
// in one paragraph (of a bare year, in its sentence).
void TimeGrammar::InheritYears(const std::vector<Token>& tokens, const std::vector<Sentence>& sentences,
                               std::vector<TimeMention>* times) const {
  for (size_t k = 1; k < times->size(); ++k) {
    TimeMention& m = (*times)[k];
    if (m.date.basis == DateBasis::kExplicit || m.date.day == 0 || m.date.month == 0) continue;
    const int si = tokens[m.first].sentence;
    bool set = false;
    for (size_t j = k; j-- > 0;) {
      const TimeMention& before = (*times)[j];
      const int sj = tokens[before.first].sentence;
      if (sj < si - 1 || sentences[sj].paragraph != sentences[si].paragraph) break;
      const auto c = before.date.civil();
      // (A bare year counts in the same sentence only: "in 2019, bij de overstroming van 14 juli".)
      const bool year_here = c && c->month == 0 && sj == si;
      if (before.date.basis != DateBasis::kExplicit || !c || (c->month == 0 && !year_here) ||
          m.date.day > DaysInMonth(c->year, m.date.month))
        continue;
      SetDay(&m.date, Civil{c->year, m.date.month, m.date.day});
      set = true;
      break;
    }
    // Else the year of that month written out earlier in the article ("in januari 2015 …
    // De aanslag vond plaats op 7 januari").
    for (size_t j = k; !set && j-- > 0;) {
      const auto c = (*times)[j].date.civil();
      if ((*times)[j].date.basis != DateBasis::kExplicit || !c || c->month != m.date.month ||
          m.date.day > DaysInMonth(c->year, m.date.month))
        continue;
      SetDay(&m.date, Civil{c->year, m.date.month, m.date.day});
      set = true;
    }
  }
}

}  // namespace kroniek
