// Calendar steps the time grammar's files share (times.cc, time_forms.cc, time_joins.cc).
#pragma once

#include <cstdlib>

#include "core/date.h"
#include "core/analysis.h"

namespace kroniek::time_calendar {

// A four-digit year token ("2021").
inline bool IsYear(const Token& t, int* year) {
  if (t.kind != TokenKind::kNumber || t.lower.size() != 4) return false;
  *year = std::atoi(t.lower.c_str());
  return *year >= 1900 && *year <= 2100;
}

constexpr int kMonthsAhead = 3;  // a day-month told without a year lies at most this far ahead

// The year that puts month/day nearest to the publication date, leaning to the
// past: news tells mostly what happened ("op 17 februari", written in September,
// is last February), what is ahead only when near.
inline int NearestYear(const Civil& pub, int month) {
  if (pub.month == 0) return pub.year;
  const int ahead = (month - pub.month + 12) % 12;  // months from publication forward to `month`
  if (ahead == 0 || ahead > kMonthsAhead) return month <= pub.month ? pub.year : pub.year - 1;
  return month > pub.month ? pub.year : pub.year + 1;
}

// Months first..last of `year`, roughly ("begin 2023", "eind vorig jaar"): the year, with
// those months' days.
inline void SetMonths(Date* d, int year, int first, int last) {
  SetDays(d, Civil{year, first, 1}, Civil{year, last, DaysInMonth(year, last)});
  d->approximate = true;
}

}  // namespace kroniek::time_calendar
