// Time expressions resolved against the publication date.
//
// Data: resources/<lang>/time.tsv. A weekday resolves only when the publication
// day is known; otherwise it keeps precision "weekday" and no value. A holiday
// ("paaszondag", "tweede kerstdag") is its day in the year given, else the last
// one not after publication.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyze/numbers.h"
#include "core/analysis.h"
#include "core/document.h"
#include "core/status.h"
#include "language/words.h"

namespace kroniek {

class TimeGrammar {
 public:
  // `words` (kept) tells the function words: after a year a label makes a date of, they count nothing.
  Status Load(const std::string& lang_dir, const WordTables& words);

  // Finds time expressions in tokens[first, last) of text.
  void Find(const std::string& text, const std::vector<Token>& tokens, int first, int last,
            const NumberGrammar& numbers, const Date& published, std::vector<TimeMention>* out) const;
  // Gives a day of a month found without a year the year of a date written out before
  // it in its sentence or the one before, in one paragraph ("Op 14 juli 2021 … Op 16 juli").
  void InheritYears(const std::vector<Token>& tokens, const std::vector<Sentence>& sentences,
                    std::vector<TimeMention>* times) const;

  // The month a word names (1..12; "feb" and "feb." alike), or 0.
  int MonthOf(const std::string& lower) const;
  bool YearsUnit(const std::string& lower) const;  // "jaar", "jaren"
  // A weekday word, or weekday + daypart compound ('maandagochtend'): -1 if none.
  int WeekdayOf(const std::string& lower) const;

 private:
  struct Range { int first, last; };
  struct Holiday {
    int month = 0, day = 0;  // a fixed day ("kerstavond": 12-24)
    bool easter = false;     // or a movable feast, `offset` days from Easter Sunday
    int offset = 0;
    int days = 1;            // a feast of several days ("paasweekend": Saturday to Monday)
    Civil In(int year) const;  // its first day
  };
  bool MatchAt(const std::string& text, const std::vector<Token>& tokens, int i, int last,
               const NumberGrammar& numbers, const Date& published, TimeMention* out) const;
  // Whether token i, after a year, leaves it a year: nothing follows, or a sign, a name or a
  // function word ("van 2017 in Vipava"), not a noun it counts ("van 2000 euro").
  bool NothingCountedAt(const std::vector<Token>& tokens, int i, int last) const;
  const WordTables* words_ = nullptr;
  // One attempt at a time expression at token i, after a "sinds", "tot" or "na" at start.
  struct Attempt {
    const std::vector<Token>& tokens;
    int i, last;
    const NumberGrammar& numbers;
    std::optional<Civil> pub;  // the publication date, when known
    Precision pub_precision;
    bool since;
    int start;  // the expression's first token: a qualifier before it moves it back
  };
  // The forms of a time expression, tried in this order (time_forms.cc). Each sets
  // out->date and gives the token after its expression at a.i, or -1 when its words
  // are not there.
  int DayOfMonthAt(Attempt& a, TimeMention* out) const;  // "31 augustus 2021", "half augustus", "augustus", "paaszondag"
  int NumericDateAt(Attempt& a, TimeMention* out) const; // "14-03-2024", "zaterdag 11/05"
  // Days of a month ("14 en 15 maart", "14-16 maart"): the token after them, or -1; sets *month.
  int DayRangeAt(const Attempt& a, int* month, TimeMention* out) const;
  int DayWordAt(Attempt& a, TimeMention* out) const;     // "donderdag", "gisteren", "afgelopen nacht", "afgelopen donderdag"
  int PeriodAt(Attempt& a, TimeMention* out) const;      // "afgelopen weekend", "vorige week", "deze maand"
  int SpanBackAt(const Attempt& a, Date* d) const;       // "de afgelopen drie dagen", "het afgelopen etmaal"
  int CountBackAt(Attempt& a, TimeMention* out) const;   // "zes jaar geleden", "tien jaar na"
  int FromEventAt(Attempt& a, TimeMention* out) const;   // "vier dagen later", "diezelfde maand", "rond 14.30 uur"
  int YearAt(Attempt& a, TimeMention* out) const;        // "in 2015", "2021-08-30"
  int PartOfYearAt(Attempt& a, TimeMention* out) const;  // "begin 2023", "de zomer van 2022"
  // "afgelopen zomer", "deze winter": the season `which` (prev -1, this 0, next 1) of the
  // report's; nothing when the report's month is unknown.
  void SetSeason(const Range& months, int which, const Attempt& a, Date* d) const;
  // A date told "sinds": its days up to the report's; "tot": its days up to its end.
  static void Since(const std::optional<Civil>& pub, Date* d);
  static void Until(Date* d);
  // A date told "na" another: the days after it up to the report's, when it lies before
  // the report; else the deadline ahead it names ("na 31 augustus", the withdrawal's).
  static void AfterIt(const std::optional<Civil>& pub, Date* d);
  int MonthAt(const Attempt& a, int k) const;            // the month token k names, or 0
  // The year written at token *end (then past it, and d explicit), else the one nearest
  // the report for `month`, or 0.
  int YearAfter(const Attempt& a, int* end, int month, Date* d) const;
  // Matches a multi-word phrase from `phrases` at i; returns its length or 0.
  int PhraseAt(const std::vector<Token>& tokens, int i, int last,
               const std::vector<std::vector<std::string>>& phrases) const;
  // Makes `before` the month (or day of a month) of `next`'s year, or that year's month
  // of `before` ("oktober vorig jaar", "3 maart vorig jaar"), when one is a month named
  // without its year and the other a year
  // and at most kMonthYearGap tokens part them, or a to_the_day phrase ("dag op dag");
  // false otherwise.
  bool JoinMonthAndYear(const std::vector<Token>& tokens, TimeMention* before, const TimeMention& next,
                        const Date& published) const;
  // `day`, a day the report counts, moved that many years back by `years_ago` (joined).
  // `published`: the report's date when the anniversary is told in the present (else unknown).
  bool CountYearsBack(TimeMention* day, const TimeMention& years_ago, const Date& published) const;
  // Makes `before`, a time the report cannot count ("vijf dagen geleden" in a report
  // dated to the month), the date put beside it after a comma ("…, op nieuwjaarsdag").
  bool JoinApposition(const std::vector<Token>& tokens, TimeMention* before, const TimeMention& next) const;
  // Makes `before`, a weekday alone, the day and month named right after it
  // ("zaterdag 9 april", "vrijdag, 13 november"); false otherwise.
  bool JoinWeekdayAndDate(TimeMention* before, const TimeMention& next) const;
  // Narrows m, a week, month or year named relative to the report ("vorige week", "deze
  // maand"), to the part of it the word before it names ("eind vorige week", "begin deze
  // maand", "eerder dit jaar"); false when there is no such word.
  bool NarrowToPart(const std::string& text, const std::vector<Token>& tokens, int first, const Date& published,
                    TimeMention* m) const;
  // "sinds begin dit jaar": a "sinds" or "tot" before a part NarrowToPart took bounds the
  // whole (not before token `floor`).
  void BoundThePart(const std::string& text, const std::vector<Token>& tokens, int floor, const Date& published,
                    TimeMention* m) const;
  // Narrows a period that holds the report's day ("deze week", "dit jaar") to its days
  // before it (`side` -1: "eerder deze week") or after it (+1: "later dit jaar").
  static void NarrowAroundReport(int side, const Date& published, Date* d);
  // Makes `before`, a weekday alone, that weekday of the week named right after it
  // ("woensdag vorige week"); a week other than this one leaves it unresolved where the
  // report is not dated to the day. False otherwise.
  bool JoinWeekdayAndWeek(const std::vector<Token>& tokens, TimeMention* before, const TimeMention& next,
                          const Date& published) const;
  // The night "van zaterdag op zondag": one night, dated by its second day.
  bool JoinOvernight(const std::vector<Token>& tokens, TimeMention* before, const TimeMention& next) const;
  // "vorige week", "deze week", "volgende week" at tokens i, i + 1: -1, 0 or 1; else none.
  std::optional<int> WeekNamedAt(const std::vector<Token>& tokens, int i) const;
  bool JoinWeekAndWeekday(const std::vector<Token>& tokens, TimeMention* before, const TimeMention& next,
                          const Date& published) const;
  // "zeventien dagen na de schietpartij van 16 mei": so many days after a day told a few words on
  // (among the times Find added from index `from`).
  void CountsAfterADay(std::vector<TimeMention>* out, size_t from) const;
  // Drops, in a sentence that tells a local time, the times it restates in home time (among
  // those Find added from index `from`): the day there is not the event's.
  void DropHomeClock(const std::vector<Token>& tokens, int first, int last, std::vector<TimeMention>* out,
                     size_t from) const;
  static constexpr int kHomeClockReach = 3;  // words from a time to "bij ons": "half elf"
  static constexpr int kCountAfterReach = 5;  // words between "na" and the day it counts from
  static constexpr int kWeekdayDateGap = 1;  // a comma
  static constexpr int kMonthYearGap = 1;  // "vorig jaar in oktober"
  // Whether m dates a birth or a founding ("geboren in 1990"): a not_event word
  // before it, within tokens [first, m.first).
  bool NotAnEventsDate(const std::vector<Token>& tokens, int first, const TimeMention& m) const;
  // The length of the longest phrase from `phrases` that ends right before token `end`, or 0.
  int PhraseEndingAt(const std::vector<Token>& tokens, int end, const std::vector<std::vector<std::string>>& phrases) const;
  // The index in `phrases` of the one of n words at token i (PhraseAt found it).
  int PhraseIndex(const std::vector<Token>& tokens, int i, int n,
                  const std::vector<std::vector<std::string>>& phrases) const;
  // A relative-day word or relday + daypart compound ("gisteravond"); false if none.
  bool RelDayOf(const std::string& lower, int* offset) const;
  // The days in a unit counted from an event ("dagen" 1, "week" 7), or 0 (months and
  // years are calendar units, not counted in days).
  int DaysIn(const std::string& unit) const;
  // 30 for a month unit, 365 for a year's ("maanden", "jaar"), else 0.
  int PeriodIn(const std::string& unit) const;
  static constexpr int kLongestCountedUnit = 7;
  // The length of a count of hours or minutes on or back at token i ("een half uur later",
  // "enkele uren eerder", "uren later"), or 0.
  int HoursLater(const std::vector<Token>& tokens, int i, int last, const NumberGrammar& numbers) const;
  static constexpr int kMostCountWords = 2;  // "een paar", "een half"
  // The length of a time of day at token i ("rond 14.30 uur", "om 9 uur"), or 0.
  int ClockAt(const std::vector<Token>& tokens, int i, int last) const;

  std::unordered_map<std::string, int> months_, weekdays_, reldays_, units_, plural_units_;
  std::unordered_map<std::string, int> later_;  // "later" 1, "eerder" -1: after a count of days
  std::unordered_map<std::string, int> span_hours_;  // hours in a unit counted back to the report ("etmaal" 24)
  std::unordered_map<std::string, Range> monthparts_;  // days of a month ("half": 11..20)
  std::unordered_map<std::string, Range> weekparts_;   // days of a week, 0 = Monday ("eind": 3..6)
  std::unordered_map<std::string, Range> yearparts_;   // months of a year ("eind": 10..12)
  std::unordered_map<std::string, Range> seasons_;     // months of a season ("winter": 12..2)
  struct NumericDate {
    std::string order;  // "dmy": the fields in the order written
    char separator;
  };
  std::vector<NumericDate> numeric_dates_;
  static bool ParseNumericDate(const std::string& form, NumericDate* n);  // "d-m-y"; false if malformed
  static constexpr int kNumericDateTokens = 5;  // "11", "/", "05", "/", "2024"
  std::unordered_set<std::string> appositions_, overnight_, the_, of_;
  std::vector<std::vector<std::string>> within_week_;  // "in de nacht van" between a week and its weekday
  std::unordered_set<std::string> dayparts_, ago_, anniversary_, prev_, next_, this_, year_preps_, year_labels_, holiday_years_, references_, not_event_,
      weekends_;
  std::vector<std::vector<std::string>> since_, until_, after_, day_ranges_, sameday_, holiday_phrases_, to_the_day_, clock_;
  std::vector<std::vector<std::string>> to_the_day_present_;  // to_the_day rows marked present
  // "plaatselijke tijd" and "bij ons": a sentence that tells the local time tells the home time
  // beside it as a restatement ("rond 5.30 uur plaatselijke tijd, half elf gisteravond bij ons").
  std::vector<std::vector<std::string>> local_clock_, home_clock_;
  std::unordered_set<std::string> clock_units_, clock_letters_, hours_, few_;
  std::vector<int> sameday_offsets_;  // per sameday_ phrase: days after the event nearby
  std::vector<std::vector<std::string>> sameperiod_;  // "dezelfde maand", "dat jaar"
  std::vector<int> sameperiod_units_;                 // per sameperiod_ phrase: 30 or 365
  std::vector<Holiday> holidays_;  // parallel to holiday_phrases_
};

}  // namespace kroniek
