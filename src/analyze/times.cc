#include "analyze/times.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "analyze/time_calendar.h"
#include "core/resource_file.h"
#include "core/utf8.h"

namespace kroniek {

using namespace time_calendar;

Civil TimeGrammar::Holiday::In(int year) const {
  return easter ? AddDays(EasterSunday(year), offset) : Civil{year, month, day};
}

bool TimeGrammar::ParseNumericDate(const std::string& form, NumericDate* n) {
  *n = {"", 0};
  for (char c : form) {
    if (c == 'd' || c == 'm' || c == 'y') n->order += c;
    else if (!n->separator) n->separator = c;
    else if (c != n->separator) return false;
  }
  std::string letters = n->order;
  std::sort(letters.begin(), letters.end());
  return (letters == "dmy" || letters == "dm") && n->separator && form.size() == 2 * n->order.size() - 1;
}

Status TimeGrammar::Load(const std::string& lang_dir, const WordTables& words) {
  words_ = &words;
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
    else if (cls == "holiday_year") holiday_years_.insert(form);
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
    else if (cls == "yearpart") yearparts_[form] = {num(2), num(3)};
    else if (cls == "season") seasons_[form] = {num(2), num(3)};
    else if (cls == "the") the_.insert(form);
    else if (cls == "of") of_.insert(form);
    else if (cls == "after") after_.push_back(LowerWords(form));
    else if (cls == "day_range") day_ranges_.push_back(LowerWords(form));
    else if (cls == "numeric_date") {
      if (!ParseNumericDate(form, &numeric_dates_.emplace_back()))
        return Status::Error(f.path + ":" + std::to_string(row.line) +
                             ": a numeric date is d, m and y (or d and m) between one separator, as 'd-m-y'");
    }
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
    else if (cls == "span_hours") span_hours_[form] = num(2);
    else if (cls == "few") few_.insert(form);
    else if (cls == "clock_unit") clock_units_.insert(form);
    else if (cls == "clock_letter") clock_letters_.insert(form);
    else if (cls == "year_prep") year_preps_.insert(form);
    else if (cls == "year_label") year_labels_.insert(form);
    else if (cls == "apposition") appositions_.insert(form);
    else if (cls == "overnight") overnight_.insert(form);
    else if (cls == "within_week") within_week_.push_back(LowerWords(form));
    else if (cls == "reference") references_.insert(form);
    else if (cls == "not_event") not_event_.insert(form);
    else if (cls == "local_clock") local_clock_.push_back(LowerWords(form));
    else if (cls == "home_clock") home_clock_.push_back(LowerWords(form));
    else if (cls == "holiday") {
      Holiday h;
      const std::string when = row.fields.size() > 2 ? row.fields[2] : "";
      if (when == "easter") {
        h.easter = true;
        h.offset = num(3);
        h.days = std::max(1, num(4));
      } else if (when.size() == 5 && when[2] == '-') {
        h.month = std::atoi(when.substr(0, 2).c_str());
        h.day = std::atoi(when.substr(3).c_str());
        h.days = std::max(1, num(3));
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

int TimeGrammar::PeriodIn(const std::string& unit) const {
  for (const auto* table : {&units_, &plural_units_})
    if (auto it = table->find(unit); it != table->end() && it->second > kLongestCountedUnit) return it->second;
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
  // An hour, with its minutes after a dot ("14.30", one token), a colon ("14:30") or a clock
  // letter ("14u30"), a clock letter closing it ("22u", "19.30u"); then a clock unit ("uur"),
  // needed by an hour alone ("om 9 uur"; "om 12.50" and "rond 22u" are times as they stand).
  const std::string& w = tokens[k].lower;
  auto digits_at = [&](size_t from, size_t n) {
    return w.size() >= from + n && std::all_of(w.begin() + from, w.begin() + from + n, [](char c) { return c >= '0' && c <= '9'; });
  };
  size_t at = digits_at(0, 2) ? 2 : digits_at(0, 1) ? 1 : 0;
  if (at == 0 || std::atoi(w.substr(0, at).c_str()) > 24) return 0;
  bool minutes = false, closed = false;
  if (at < w.size() && w[at] == '.' && digits_at(at + 1, 2)) { at += 3; minutes = true; }
  if (at < w.size() && clock_letters_.count(w.substr(at, 1))) {
    closed = true;
    if (!minutes && digits_at(at + 1, 2)) { at += 2; minutes = true; }
    ++at;
  }
  if (at != w.size()) return 0;
  ++k;
  if (!minutes && !closed && k + 1 < last && tokens[k].lower == ":" && digits_at(0, at) && tokens[k + 1].lower.size() == 2 &&
      std::all_of(tokens[k + 1].lower.begin(), tokens[k + 1].lower.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    k += 2;
    minutes = true;
  }
  if (k < last && clock_units_.count(tokens[k].lower)) return k + 1 - i;
  return minutes || closed ? k - i : 0;
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
  Date& d = out->date;
  d = Date();
  const int start = i;
  bool since = false, until = false, after = false;
  if (int n = PhraseAt(tokens, i, last, since_)) { since = true; i += n; }
  else if (int m = PhraseAt(tokens, i, last, until_)) { until = true; i += m; }
  else if (int k = PhraseAt(tokens, i, last, after_)) { after = true; i += k; }
  if (i >= last) return false;
  d.basis = DateBasis::kRelative;
  Attempt a{tokens, i, last, numbers, pub, pub ? pub->precision() : Precision::kUnknown, since, start};
  int end = -1;
  for (auto form : {&TimeGrammar::DayOfMonthAt, &TimeGrammar::NumericDateAt, &TimeGrammar::DayWordAt,
                    &TimeGrammar::PeriodAt, &TimeGrammar::CountBackAt, &TimeGrammar::FromEventAt,
                    &TimeGrammar::YearAt, &TimeGrammar::PartOfYearAt})
    if ((end = (this->*form)(a, out)) >= 0) break;
  if (end < 0) return false;
  if (since) Since(pub, &d);
  if (until) Until(&d);
  if (after && out->relative_to_event) return false;  // (found again from the next word on)
  if (after) AfterIt(pub, &d);
  d.reference = a.start > 0 && references_.count(tokens[a.start - 1].lower) > 0;
  out->first = a.start;
  out->last = end;
  d.span = {tokens[a.start].span.begin, tokens[end - 1].span.end};
  d.text = text.substr(d.span.begin, d.span.size());
  return true;
}

void TimeGrammar::Since(const std::optional<Civil>& pub, Date* d) {
  if (!d->known()) return;
  if (d->from.empty()) {
    auto c = d->civil();
    d->from = c->precision() == Precision::kDay ? d->value : Civil{c->year, std::max(c->month, 1), 1}.ToString();
  }
  // (Not a start ahead of the report: "vanaf 1 juli" tells a rule, not a time gone by.)
  d->to = pub && RangeOf(pub->ToString()).hi >= RangeOf(d->from).lo ? pub->ToString() : "";
}

void TimeGrammar::Until(Date* d) {
  // ("tot eind 1999": up to the end of its part; when it began is not told.)
  if (!d->known()) return;
  if (d->to.empty()) d->to = d->value;
  d->from.clear();
}

void TimeGrammar::AfterIt(const std::optional<Civil>& pub, Date* d) {
  // (The date told ends where its own interval does: "na half augustus", after the 20th.)
  const int told = d->to.empty() ? RangeOf(d->value).hi : RangeOf(d->to).hi;
  const DayRange report = pub ? RangeOf(pub->ToString()) : DayRange();
  if (d->known() && !(report.known() && told < report.hi)) return;  // a deadline ahead, or it may be
  // (A weekday or a day counted from the report is not the event's day.)
  if (!d->known() && d->weekday < 0 && !d->day_offset) return;
  const Date date = *d;
  *d = Date();
  d->basis = date.basis;
  d->approximate = date.approximate;
  if (date.known()) SetDays(d, FromDayNumber(told + 1), FromDayNumber(report.hi));
}

void TimeGrammar::BoundThePart(const std::string& text, const std::vector<Token>& tokens, int floor,
                               const Date& published, TimeMention* m) const {
  const int since = PhraseEndingAt(tokens, m->first, since_), until = PhraseEndingAt(tokens, m->first, until_);
  const int n = since ? since : until;
  if (!n || m->first - n < floor) return;
  if (since) Since(published.civil(), &m->date);
  else Until(&m->date);
  m->first -= n;
  m->date.span.begin = tokens[m->first].span.begin;
  m->date.text = text.substr(m->date.span.begin, m->date.span.size());
}

void TimeGrammar::CountsAfterADay(std::vector<TimeMention>* out, size_t from) const {
  for (size_t k = from + 1; k < out->size(); ++k) {
    const Date day = (*out)[k].date;
    TimeMention& count = (*out)[k - 1];
    const auto civil = day.civil();
    if (!civil || day.precision != Precision::kDay || !count.after_named || count.date.known() ||
        (*out)[k].first - count.last > kCountAfterReach)
      continue;
    const Date told = count.date;
    count.date = DateOf(AddDays(*civil, count.after_named), day.basis);
    count.date.span = told.span;
    count.date.text = told.text;
    count.relative_to_event = false;
    count.event_offset = 0;
  }
}

void TimeGrammar::Find(const std::string& text, const std::vector<Token>& tokens, int first, int last,
                       const NumberGrammar& numbers, const Date& published, std::vector<TimeMention>* out) const {
  const size_t from = out->size();
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
                            JoinWeekAndWeekday(tokens, &out->back(), m, published) ||
                            JoinApposition(tokens, &out->back(), m) || JoinOvernight(tokens, &out->back(), m))) {
        // ("een week geleden, op zaterdag 7 maart": the date its weekday just joined is the apposition's.)
        if (out->size() >= 2 && JoinApposition(tokens, &(*out)[out->size() - 2], out->back())) out->pop_back();
        Date& d = out->back().date;
        d.text = text.substr(d.span.begin, d.span.end - d.span.begin);
        i = m.last - 1;
        continue;
      }
      // (A word the time before it took is not a part of this one: "twee weken later dit jaar".)
      const int floor = out->empty() ? first : std::max(first, out->back().last);
      if (NarrowToPart(text, tokens, floor, published, &m)) BoundThePart(text, tokens, floor, published, &m);
      out->push_back(m);
      i = m.last - 1;
    }
  }
  CountsAfterADay(out, from);
  DropHomeClock(tokens, first, last, out, from);
}

void TimeGrammar::DropHomeClock(const std::vector<Token>& tokens, int first, int last, std::vector<TimeMention>* out,
                                size_t from) const {
  if (out->size() == from) return;  // (no time in the sentence: nothing to look for)
  bool local = false;
  for (int i = first; i < last && !local; ++i) local = PhraseAt(tokens, i, last, local_clock_) > 0;
  if (!local) return;
  // ("gisteravond bij ons", "donderdagavond half elf bij ons", "22.30 uur (Belgische tijd)": its
  // hour or a bracket may stand between, no comma.)
  auto restated = [&](const TimeMention& m) {
    for (int at = m.last; at < last && at <= m.last + kHomeClockReach; ++at) {
      if (PhraseAt(tokens, at, last, home_clock_) > 0) return true;
      if (tokens[at].lower == ",") return false;
    }
    return false;
  };
  out->erase(std::remove_if(out->begin() + long(from), out->end(), restated), out->end());
}

}  // namespace kroniek
