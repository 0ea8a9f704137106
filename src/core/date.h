// Calendar dates with a precision, as SCHEMA.md writes them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/span.h"

namespace kroniek {

enum class Precision { kYear, kMonth, kDay, kWeekday, kUnknown };
enum class DateBasis { kExplicit, kRelative, kHeader, kMetadata, kCli, kInferred };

const char* PrecisionName(Precision p);
const char* BasisName(DateBasis b);

// A proleptic Gregorian calendar day; month and day are 0 when unknown.
struct Civil {
  int year = 0;
  int month = 0;  // 1..12, 0 = unknown
  int day = 0;    // 1..31, 0 = unknown
  Precision precision() const;
  std::string ToString() const;  // "YYYY", "YYYY-MM" or "YYYY-MM-DD"
  bool operator==(const Civil&) const = default;
};

// "2021", "2021-08", "2021-08-30" -> Civil; nullopt when malformed.
std::optional<Civil> ParseIsoDate(std::string_view s);
// Day arithmetic (days may be negative); input must have day precision.
Civil AddDays(const Civil& c, int days);
// 0 = Monday ... 6 = Sunday; input must have day precision.
int WeekdayOf(const Civil& c);
// "Monday" for 0 ... "Sunday" for 6.
const char* WeekdayName(int weekday);
int DaysInMonth(int year, int month);
// Easter Sunday of a Gregorian year (movable feasts are counted from it).
Civil EasterSunday(int year);

struct Date {
  std::string value;   // "YYYY", "YYYY-MM", "YYYY-MM-DD", or empty for null
  Precision precision = Precision::kUnknown;
  std::string text;    // surface, when it comes from the text
  Span span;           // empty when not from the text
  std::string from;    // interval start, when an interval
  std::string to;      // interval end, when an interval
  DateBasis basis = DateBasis::kExplicit;
  bool approximate = false;  // 'circa zes jaar geleden', 'half augustus'
  int weekday = -1;          // 0..6 when a weekday was named
  int week = 0;              // weeks from the report's week: "vorige week zaterdag" -1; "vorige week" too, in a
                             // report whose day is unknown
  int month = 0;             // month named without a year (31 augustus -> 8), else 0
  int day = 0;               // day of that month, 0 when not named
  std::optional<int> day_offset;  // days from publication (gisteren -1), when named
  bool reference = false;    // names an earlier day as a label: 'de aanslag van donderdag'

  bool known() const { return !value.empty(); }
  std::optional<Civil> civil() const { return ParseIsoDate(value); }
  bool operator==(const Date&) const = default;
};

// The date of a calendar day, month or year, with its basis.
Date DateOf(const Civil& c, DateBasis basis);
// Sets d's value and precision to c's.
void SetDay(Date* d, const Civil& c);
// Sets d to the days from..to ("vorige week"), dated by the month or year that holds them
// both (by neither when they span New Year).
void SetDays(Date* d, const Civil& from, const Civil& to);

// A date as a day interval [lo, hi] (days since 1970-01-01); unknown -> wide.
struct DayRange {
  int lo = -1000000, hi = 1000000;
  bool known() const { return lo > -1000000 && hi < 1000000; }
};
// The days a date allows: its interval, a rough one ("eind april") widened by ten days
// within its value; else its value's days.
DayRange RangeOf(const Date& d);
// The days an ISO date of any precision spans ("2010": the whole year); unknown when empty.
DayRange RangeOf(const std::string& iso);
int DayNumber(const Civil& c);
Civil FromDayNumber(int n);

}  // namespace kroniek
