#include "core/date.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace kroniek {

namespace {
std::chrono::sys_days ToSys(const Civil& c) {
  return std::chrono::sys_days{std::chrono::year{c.year} / c.month / c.day};
}
Civil FromSys(std::chrono::sys_days d) {
  std::chrono::year_month_day ymd{d};
  return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}
bool AllDigits(std::string_view s) {
  for (char c : s) if (c < '0' || c > '9') return false;
  return !s.empty();
}
}  // namespace

const char* PrecisionName(Precision p) {
  switch (p) {
    case Precision::kYear: return "year";
    case Precision::kMonth: return "month";
    case Precision::kDay: return "day";
    case Precision::kWeekday: return "weekday";
    case Precision::kUnknown: return "unknown";
  }
  return "unknown";
}

const char* BasisName(DateBasis b) {
  switch (b) {
    case DateBasis::kExplicit: return "explicit";
    case DateBasis::kRelative: return "relative";
    case DateBasis::kHeader: return "header";
    case DateBasis::kMetadata: return "metadata";
    case DateBasis::kCli: return "cli";
    case DateBasis::kInferred: return "inferred";
  }
  return "explicit";
}

Precision Civil::precision() const {
  if (year == 0) return Precision::kUnknown;
  if (month == 0) return Precision::kYear;
  if (day == 0) return Precision::kMonth;
  return Precision::kDay;
}

std::string Civil::ToString() const {
  char buf[16];
  if (year == 0) return "";
  if (month == 0) std::snprintf(buf, sizeof buf, "%04d", year);
  else if (day == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Civil> ParseIsoDate(std::string_view s) {
  Civil c;
  if (s.size() < 4 || !AllDigits(s.substr(0, 4))) return std::nullopt;
  c.year = std::stoi(std::string(s.substr(0, 4)));
  if (s.size() == 4) return c;
  if (s.size() < 7 || s[4] != '-' || !AllDigits(s.substr(5, 2))) return std::nullopt;
  c.month = std::stoi(std::string(s.substr(5, 2)));
  if (c.month < 1 || c.month > 12) return std::nullopt;
  if (s.size() == 7) return c;
  if (s.size() != 10 || s[7] != '-' || !AllDigits(s.substr(8, 2))) return std::nullopt;
  c.day = std::stoi(std::string(s.substr(8, 2)));
  if (c.day < 1 || c.day > DaysInMonth(c.year, c.month)) return std::nullopt;
  return c;
}

Civil EasterSunday(int year) {
  // The anonymous Gregorian computus (Meeus, Jones, Butcher).
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Civil{year, month, day};
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && std::chrono::year{year}.is_leap()) return 29;
  return kDays[(month + 11) % 12];
}

Civil AddDays(const Civil& c, int days) { return FromSys(ToSys(c) + std::chrono::days{days}); }

int WeekdayOf(const Civil& c) {
  return int(std::chrono::weekday{ToSys(c)}.iso_encoding()) - 1;
}

const char* WeekdayName(int weekday) {
  static const char* const kNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  return kNames[weekday];
}


int DayNumber(const Civil& c) {
  return int(std::chrono::sys_days{std::chrono::year{c.year} / c.month / c.day}.time_since_epoch().count());
}

Civil FromDayNumber(int n) {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{n}}};
  return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

DayRange RangeOf(const Date& d) {
  const DayRange whole = RangeOf(d.value);
  if (d.from.empty() || d.to.empty()) return whole;
  // An interval ('sinds half augustus'): the event spans it; a rough one ("eind april",
  // "afgelopen zomer") bounds it loosely, within its value.
  DayRange r{RangeOf(d.from).lo, RangeOf(d.to).hi};
  if (!d.approximate) return r;
  constexpr int kRoughDays = 10;
  const DayRange rough{std::max(r.lo - kRoughDays, whole.lo), std::min(r.hi + kRoughDays, whole.hi)};
  return rough.lo <= rough.hi ? rough : whole;
}

DayRange RangeOf(const std::string& iso) {
  DayRange r;
  const auto c = ParseIsoDate(iso);
  if (!c) return r;
  const int month = c->month ? c->month : 12;
  r.lo = DayNumber({c->year, c->month ? c->month : 1, c->day ? c->day : 1});
  r.hi = DayNumber({c->year, month, c->day ? c->day : DaysInMonth(c->year, month)});
  return r;
}

void SetDay(Date* d, const Civil& c) {
  d->value = c.ToString();
  d->precision = c.precision();
}

void SetDays(Date* d, const Civil& from, const Civil& to) {
  d->from = from.ToString();
  d->to = to.ToString();
  if (from.year == to.year) SetDay(d, Civil{from.year, from.month == to.month ? from.month : 0, 0});
}

Date DateOf(const Civil& c, DateBasis basis) {
  Date d;
  SetDay(&d, c);
  d.basis = basis;
  return d;
}

}  // namespace kroniek
