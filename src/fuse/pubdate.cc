// Publication dates for articles that came without one: from the weekdays
// they name, the dated reports of the same events in other articles, and the
// deadlines and past months they mention.
#include <algorithm>
#include <sstream>

#include "fuse/fuse.h"

namespace kroniek {

namespace {

constexpr int kWeek = 7;
constexpr int kFreshNewsDays = 7;   // a report names a recent event
constexpr int kMaxWindowDays = 62;  // beyond this the evidence is too thin to choose

std::string Day(int n) { return FromDayNumber(n).ToString(); }

}  // namespace

PublicationInference Chronicle::InferPublication(int ai) const {
  PublicationInference out;
  const AnalyzedArticle& A = articles_[ai];
  if (A.article.published.precision == Precision::kDay) return out;
  DayRange window = RangeOf(A.article.published);
  std::vector<std::string> reasons;
  auto narrow = [&](int lo, int hi, const std::string& why) {
    if (lo <= window.lo && hi >= window.hi) return;
    window.lo = std::max(window.lo, lo);
    window.hi = std::min(window.hi, hi);
    reasons.push_back(why);
  };

  const auto& events = A.extraction.events;
  std::vector<std::pair<DayRange, std::string>> fresh;  // other reports' publication days
  // 1. The same events dated by other articles.
  for (size_t k = 0; k < events.size(); ++k) {
    const EventMention& mine = events[k];
    int c = EventOf({ai, int(k)});
    if (c < 0) continue;
    for (const auto& m : events_[c].mentions) {
      if (m.article == ai) continue;
      const AnalyzedArticle& B = articles_[m.article];
      const EventMention& theirs = B.extraction.events[m.event];
      DayRange when = RangeOf(theirs.date);
      std::string what = "the " + mine.type + " ";
      if (when.known() && when.lo == when.hi && theirs.date.basis != DateBasis::kInferred) {
        if (mine.date.weekday >= 0) {
          // (A weekday that is not that day's tells of another event, or another day of it.)
          if (kroniek::WeekdayOf(FromDayNumber(when.lo)) != mine.date.weekday) continue;
          narrow(when.lo, when.lo + kWeek - 1, what + "(" + mine.date.text + ") is " + Day(when.lo) + " in " + B.article.id);
        } else if (mine.date.day_offset) {
          // "gisteren": the day after the event's.
          const int day = when.lo - *mine.date.day_offset;
          narrow(day, day, what + "(" + mine.date.text + ") is " + Day(when.lo) + " in " + B.article.id);
        } else {
          narrow(when.lo, window.hi, what + "happened on " + Day(when.lo) + " (" + B.article.id + ")");
        }
      } else if (RangeOf(B.article.published).known() && B.article.published.basis != DateBasis::kInferred) {
        DayRange pub = RangeOf(B.article.published);
        int slack = mine.date.weekday >= 0 ? kWeek - 1 : kFreshNewsDays;
        fresh.push_back({{pub.lo - kFreshNewsDays, pub.hi + slack},
                         what + "is news in " + B.article.id + " (published " + B.article.published.value + ")"});
      }
    }
  }
  // Tolls rise: a count between two dated counts was published between them.
  for (size_t k = 0; k < events.size(); ++k) {
    int c = EventOf({ai, int(k)});
    if (c < 0) continue;
    for (const auto& f : events[k].figures) {
      if (!f.value || f.part_of >= 0 || (f.kind != "killed" && f.kind != "injured")) continue;
      for (const auto& m : events_[c].mentions) {
        const Article& b = articles_[m.article].article;
        if (m.article == ai || b.published.precision != Precision::kDay || b.published.basis == DateBasis::kInferred)
          continue;
        for (const auto& g : articles_[m.article].extraction.events[m.event].figures) {
          if (!g.value || g.part_of >= 0 || g.kind != f.kind || types_.TotalGroup(g.group) != types_.TotalGroup(f.group))
            continue;
          int day = RangeOf(b.published).lo;
          if (*f.value > *g.value)
            narrow(day + 1, window.hi, "its toll " + std::to_string(int(*f.value)) + " is above " + b.id + "'s " + std::to_string(int(*g.value)));
          else if (*f.value < *g.value)
            narrow(window.lo, day - 1, "its toll " + std::to_string(int(*f.value)) + " is below " + b.id + "'s " + std::to_string(int(*g.value)));
        }
      }
    }
  }
  // (That news is fresh is likely, not certain: together, the other reports' publication
  // days give way to what dates the events.)
  DayRange near;
  for (const auto& [days, why] : fresh) near = {std::max(near.lo, days.lo), std::min(near.hi, days.hi)};
  if (!fresh.empty() && near.lo <= near.hi && (!window.known() || (near.lo <= window.hi && window.lo <= near.hi)))
    for (const auto& [days, why] : fresh) narrow(days.lo, days.hi, why);
  if (!window.known() || window.hi - window.lo > kMaxWindowDays * 12) {
    out.why = "no dated report of the same events to anchor a date";
    return out;
  }
  // 2. Its own partial dates, with the years the window allows.
  std::vector<int> years;
  for (int y = FromDayNumber(window.lo).year; y <= FromDayNumber(window.hi).year; ++y) years.push_back(y);
  int deadline = 1 << 30;
  std::string deadline_text;
  for (const auto& e : events) {
    if (e.date.month == 0 || e.date.known()) continue;
    for (int y : years) {
      int first = DayNumber({y, e.date.month, e.date.day ? e.date.day : 1});
      if (e.status == "planned" && e.date.day) {
        // 'Na 31 augustus moeten …': written before the deadline.
        if (first >= window.lo && first < deadline) { deadline = first; deadline_text = e.date.text; }
      } else if (e.status == "occurred" && first <= window.hi) {
        narrow(first, window.hi, "the " + e.type + " of " + e.date.text + " has happened");
      }
    }
  }
  if (deadline < (1 << 30)) narrow(window.lo, deadline, "the deadline (" + deadline_text + ") is still ahead");
  if (window.hi < window.lo || window.hi - window.lo > kMaxWindowDays) {
    out.why = "the evidence leaves " + std::to_string(std::max(0, window.hi - window.lo + 1)) + " days open";
    return out;
  }
  // 3. The lead event's weekday is the day of publication (or the day before).
  int lead_weekday = -1;
  size_t lead_begin = SIZE_MAX;
  for (const auto& e : events)
    if (e.date.weekday >= 0 && !e.date.reference && !e.evidence.empty() && e.evidence.front().begin < lead_begin &&
        e.status == "occurred") {
      lead_begin = e.evidence.front().begin;
      lead_weekday = e.date.weekday;
    }
  struct Candidate { int day, score; };
  std::vector<Candidate> candidates;
  for (int d = window.lo; d <= window.hi; ++d) {
    int score = 0;
    if (lead_weekday >= 0) {
      int back = (kroniek::WeekdayOf(FromDayNumber(d)) - lead_weekday + kWeek) % kWeek;
      score = back == 0 ? 2 : back == 1 ? 1 : 0;
      if (score == 0) continue;
    }
    candidates.push_back({d, score});
  }
  // Best first: the lead weekday, then nearest the deadline (news speaks of a
  // deadline when it is close), else the latest day the evidence allows.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.day > b.day;
  });
  for (const auto& c : candidates) out.candidates.push_back(Day(c.day));
  if (candidates.empty()) {
    out.why = "no day fits the evidence";
    return out;
  }
  bool unique = candidates.size() == 1 || candidates[0].score > candidates[1].score;
  if (!unique && deadline == (1 << 30)) {
    out.why = std::to_string(candidates.size()) + " days fit equally well";
    return out;
  }
  out.inferred = true;
  out.value = Day(candidates[0].day);
  std::ostringstream why;
  if (lead_weekday >= 0) why << "the lead event is on a " << WeekdayName(lead_weekday) << "; ";
  for (const auto& r : reasons) why << r << "; ";
  if (!unique) why << "of " << candidates.size() << " such days the one nearest the deadline";
  else why << "one day fits";
  out.why = why.str();
  return out;
}

}  // namespace kroniek
