// Publication dates for articles that came without a day: from the weekdays
// they name, the days other reports give the same events, and the deadlines
// and past months they mention. What the texts say bounds the days the article
// may have appeared (PublicationInference::from/to); what is only likely (a
// toll's rise, other reports' publication days) helps choose one day of them.
#include <algorithm>
#include <optional>
#include <sstream>

#include "fuse/fuse.h"

namespace kroniek {

namespace {

constexpr int kWeek = 7;
constexpr int kFreshNewsDays = 7;   // a report names a recent event
constexpr int kMaxWindowDays = 62;  // beyond this the evidence is too thin to choose
constexpr int kNoDeadline = 1 << 30;

std::string Day(int n) { return FromDayNumber(n).ToString(); }

}  // namespace

// How a piece of evidence counts: what the texts say bounds the days kept on the article
// (`from`/`to`); what one report pins, or is only likely, is what a day is chosen from (a
// day chosen dates the article's weekdays: a day no single report gives must not).
enum class Use { kBoth, kBounds, kChoice };

// The days an article may have appeared on, narrowed step by step, each step with its reason.
class PublicationWindow {
 public:
  explicit PublicationWindow(const DayRange& days) : days_(days), bounds_(days) {}
  // (Likely evidence waits for Settle.)
  void Narrow(int lo, int hi, const std::string& why, Use use) {
    if (use == Use::kChoice) {
      likely_.push_back({{lo, hi}, why});
      return;
    }
    Narrow(lo, hi, why, bounds_, bounds_reasons_);
    if (use == Use::kBoth) Narrow(lo, hi, why, days_, reasons_);
  }
  // Narrows the days by the likely evidence, in order, each where a day still fits it and
  // the rest (a report may have joined the wrong event: its toll or its day then says
  // nothing of this article's).
  void Settle() {
    for (const auto& [days, why] : likely_) {
      if (std::max(days_.lo, days.lo) > std::min(days_.hi, days.hi)) {
        reasons_.push_back("left out: " + why + " (no day fits it and the rest)");
        continue;
      }
      Narrow(days.lo, days.hi, why, days_, reasons_);
    }
    likely_.clear();
  }
  const DayRange& days() const { return days_; }
  const DayRange& bounds() const { return bounds_; }
  const std::vector<std::string>& reasons() const { return reasons_; }
  const std::vector<std::string>& bounds_reasons() const { return bounds_reasons_; }

 private:
  static void Narrow(int lo, int hi, const std::string& why, DayRange& days, std::vector<std::string>& reasons) {
    if (lo <= days.lo && hi >= days.hi) return;
    days = {std::max(days.lo, lo), std::min(days.hi, hi)};
    reasons.push_back(why);
  }
  DayRange days_, bounds_;
  std::vector<std::string> reasons_, bounds_reasons_;
  std::vector<std::pair<DayRange, std::string>> likely_;
};

namespace {

// What an event's days say of the day a report of it appeared: "gisteren" the day before
// (also told with its weekday); its weekday alone a day of the week before; anything it
// tells as past, a day before (likely only: an undated report may have joined its event
// for want of a date).
// `pinned`: one report gives the day.
void Bound(const EventMention& mine, const DayRange& days, const std::string& why, bool pinned,
           PublicationWindow& window) {
  const Use said = pinned ? Use::kBoth : Use::kBounds;
  if (mine.date.day_offset && !mine.date.known()) {
    const int back = *mine.date.day_offset;
    window.Narrow(days.lo - back, days.hi - back, why + " (" + mine.date.text + ")", said);
  } else if (mine.date.weekday >= 0 && !mine.date.known() && mine.date.week < 0) {
    // ("vorige week zaterdag": the report appeared in a week after that day's.)
    auto monday = [](int day) { return day - WeekdayOf(FromDayNumber(day)); };
    window.Narrow(monday(days.lo) - kWeek * mine.date.week, monday(days.hi) - kWeek * mine.date.week + kWeek - 1,
                  why + " (" + mine.date.text + ")", said);
  } else if (mine.date.weekday >= 0 && !mine.date.known()) {
    window.Narrow(days.lo, days.hi + kWeek - 1, why + " (" + mine.date.text + ")", said);
  } else if (mine.status != "planned" && (mine.date.known() || pinned)) {
    // (What its own date says is its own: OwnDateEvidence.)
    window.Narrow(days.lo, DayRange().hi, why + ": it has happened", Use::kChoice);
  }
}

}  // namespace

// 1. The same events dated by other articles: a day one of them gives, else the days all
// its reports leave together; else (likely only) the days the others appeared on.
std::vector<std::pair<DayRange, std::string>> Chronicle::ReportEvidence(int ai, PublicationWindow& window) const {
  const auto& events = articles_[ai].extraction.events;
  std::vector<std::pair<DayRange, std::string>> fresh;  // other reports' publication days
  for (size_t k = 0; k < events.size(); ++k) {
    const EventMention& mine = events[k];
    const int c = EventOf({ai, int(k)});
    if (c < 0) continue;
    const std::string what = "the " + mine.type + " ";
    bool dated = false;
    for (const auto& m : events_[c].mentions) {
      if (m.article == ai) continue;
      const AnalyzedArticle& B = articles_[m.article];
      const Date& theirs = B.extraction.events[m.event].date;
      const DayRange when = RangeOf(theirs);
      if (when.known() && when.lo == when.hi && theirs.basis != DateBasis::kInferred) {
        // (A weekday that is not that day's tells of another event, or another day of it.)
        if (mine.date.weekday >= 0 && WeekdayOf(FromDayNumber(when.lo)) != mine.date.weekday) continue;
        dated = true;
        Bound(mine, {when.lo, when.lo}, what + "is " + Day(when.lo) + " in " + B.article.id, true, window);
      } else if (RangeOf(B.article.published).known() && B.article.published.basis != DateBasis::kInferred) {
        const DayRange pub = RangeOf(B.article.published);
        const int slack = mine.date.weekday >= 0 ? kWeek - 1 : kFreshNewsDays;
        fresh.push_back({{pub.lo - kFreshNewsDays, pub.hi + slack},
                         what + "is news in " + B.article.id + " (published " + B.article.published.value + ")"});
      }
    }
    // No report gives the day, but together they may leave one, or a few ("donderdag" and
    // another report's "vorige week").
    const auto& told = events_[c].mentions;
    const bool others = std::any_of(told.begin(), told.end(), [&](const MentionRef& m) { return m.article != ai; });
    const auto left = dated || !others ? std::nullopt : DaysLeft(events_[c], Allowed(summaries_[c].window), 0);
    if (left && !left->empty() && left->back() - left->front() < kWeek) {
      const std::string days = Day(left->front()) + (left->size() > 1 ? ".." + Day(left->back()) : "");
      Bound(mine, {left->front(), left->back()}, what + "falls on " + days + " by its reports", false, window);
    }
  }
  return fresh;
}

// Tolls rise: a count between two dated counts was published between them (likely only).
void Chronicle::TollEvidence(int ai, PublicationWindow& window) const {
  const auto& events = articles_[ai].extraction.events;
  for (size_t k = 0; k < events.size(); ++k) {
    const int c = EventOf({ai, int(k)});
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
          const int day = RangeOf(b.published).lo;
          const std::string toll = "its toll " + std::to_string(int(*f.value));
          const std::string theirs = b.id + "'s " + std::to_string(int(*g.value));
          if (*f.value > *g.value)
            window.Narrow(day + 1, DayRange().hi, toll + " is above " + theirs, Use::kChoice);
          else if (*f.value < *g.value)
            window.Narrow(DayRange().lo, day - 1, toll + " is below " + theirs, Use::kChoice);
        }
      }
    }
  }
}

namespace {

// 2. Its own dates, within `span` (what the texts say of its days, else what is likely): an
// event it dates that has happened is before it, and so is a month of one (with the years
// the span allows); a day of a planned one ('Na 31 augustus moeten …') after it, the
// nearest such deadline. Returns the deadline's day, or kNoDeadline.
int OwnDateEvidence(const std::vector<EventMention>& events, const DayRange& span, PublicationWindow& window) {
  std::vector<int> years;
  for (int y = FromDayNumber(span.lo).year; y <= FromDayNumber(span.hi).year; ++y) years.push_back(y);
  int deadline = kNoDeadline;
  std::string deadline_text;
  for (const auto& e : events) {
    if (const DayRange r = RangeOf(e.date); r.known() && e.status == "occurred" && r.lo <= span.hi && !e.date.text.empty())
      window.Narrow(r.lo, DayRange().hi, "the " + e.type + " of " + e.date.text + " has happened", Use::kBoth);
    if (e.date.month == 0 || e.date.known()) continue;
    for (int y : years) {
      const int first = DayNumber({y, e.date.month, e.date.day ? e.date.day : 1});
      if (e.status == "planned" && e.date.day) {
        if (first >= span.lo && first < deadline) {
          deadline = first;
          deadline_text = e.date.text;
        }
      } else if (e.status == "occurred" && first <= span.hi) {
        window.Narrow(first, DayRange().hi, "the " + e.type + " of " + e.date.text + " has happened", Use::kBoth);
      }
    }
  }
  if (deadline < kNoDeadline)
    window.Narrow(DayRange().lo, deadline, "the deadline (" + deadline_text + ") is still ahead", Use::kBoth);
  return deadline;
}

// (That news is fresh is likely, not certain: together, the other reports' publication
// days give way to what dates the events.)
void FreshEvidence(const std::vector<std::pair<DayRange, std::string>>& fresh, PublicationWindow& window) {
  DayRange near;
  for (const auto& [days, why] : fresh) near = {std::max(near.lo, days.lo), std::min(near.hi, days.hi)};
  const DayRange& w = window.days();
  if (!fresh.empty() && near.lo <= near.hi && (!w.known() || (near.lo <= w.hi && w.lo <= near.hi)))
    for (const auto& [days, why] : fresh) window.Narrow(days.lo, days.hi, why, Use::kChoice);
}

// The days the texts leave, when they narrow the article's own date to a span worth keeping.
void KeepBounds(const DayRange& own, const DayRange& bounds, PublicationInference* out) {
  if (!bounds.known() || bounds.lo > bounds.hi || bounds.hi - bounds.lo > kMaxWindowDays) return;
  if (own.known() && bounds.lo <= own.lo && bounds.hi >= own.hi) return;
  out->from = Day(bounds.lo);
  out->to = Day(bounds.hi);
}

// For an article with a month or year of its own: the days the texts leave of it, as
// candidates (no one day is chosen: its weekdays would date its events to a day no report
// gives).
void OwnPeriodBounds(const PublicationWindow& window, PublicationInference* out) {
  const DayRange& b = window.bounds();
  if (b.known() && b.lo > b.hi) {
    out->why = "the texts' days contradict its own date: ";
    for (const auto& r : window.bounds_reasons()) out->why += r + "; ";
    return;
  }
  if (out->from.empty()) {
    out->why = "nothing narrows its own date";
    return;
  }
  for (int d = b.hi; d >= b.lo; --d) out->candidates.push_back(Day(d));
  std::ostringstream why;
  for (const auto& r : window.bounds_reasons()) why << r << "; ";
  why << (b.lo == b.hi ? "one day" : std::to_string(b.hi - b.lo + 1) + " days") << " of its own date left";
  out->why = why.str();
}

// 3. The days of the window, best first: the lead event's weekday is the day of publication
// (or the day before); then the latest. The lead weekday is -1 when no dated event leads.
struct Candidate {
  int day, score;
};
std::vector<Candidate> RankedDays(const DayRange& window, int lead_weekday) {
  std::vector<Candidate> candidates;
  for (int d = window.lo; d <= window.hi; ++d) {
    int score = 0;
    if (lead_weekday >= 0) {
      const int back = (WeekdayOf(FromDayNumber(d)) - lead_weekday + kWeek) % kWeek;
      score = back == 0 ? 2 : back == 1 ? 1 : 0;
      if (score == 0) continue;
    }
    candidates.push_back({d, score});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.day > b.day;
  });
  return candidates;
}

// A page stamped with a day and month but no year ("Bijgewerkt: 7 maart"): that day and month
// first on or after the days' start, within them and within two months of it (news).
std::optional<int> StampedDayAfter(const Date& stamp, const DayRange& days) {
  if (!stamp.month || !stamp.day || days.lo <= DayRange().lo) return std::nullopt;
  const int year = FromDayNumber(days.lo).year;
  for (int y = year; y <= year + 1; ++y) {
    if (stamp.day > DaysInMonth(y, stamp.month)) continue;
    const int d = DayNumber({y, stamp.month, stamp.day});
    if (d >= days.lo) return d <= days.hi && d - days.lo <= kMaxWindowDays ? std::optional<int>(d) : std::nullopt;
  }
  return std::nullopt;
}

// The day the text itself counts for its report: a date it tells with its distance from the
// report ("gisteren, op 21/8", "een week geleden, op 21/10"), when all such agree, within `own`.
std::optional<int> DayTheTextCounts(const std::vector<EventMention>& events, const DayRange& own) {
  std::optional<int> day;
  for (const auto& e : events) {
    const DayRange r = RangeOf(e.date);
    if (!e.date.day_offset || !e.date.known() || r.lo != r.hi || e.date.basis == DateBasis::kInferred) continue;
    const int counted = r.lo - *e.date.day_offset;
    if (day && *day != counted) return std::nullopt;
    day = counted;
  }
  if (day && own.known() && (*day < own.lo || *day > own.hi)) return std::nullopt;
  return day;
}

// The report's weekday the text tells by a day it counts from the report with its weekday
// ("Gisteren, zondag, …": a Monday), when all such agree.
std::optional<int> ReportWeekday(const std::vector<EventMention>& events) {
  std::optional<int> weekday;
  for (const auto& e : events) {
    if (!e.date.day_offset || e.date.weekday < 0) continue;
    const int w = ((e.date.weekday - *e.date.day_offset) % kWeek + kWeek) % kWeek;
    if (weekday && *weekday != w) return std::nullopt;
    weekday = w;
  }
  return weekday;
}

// The only day of `weekday` in `days` (within `own` when known), if there is one.
std::optional<int> OnlyWeekdayIn(DayRange days, const DayRange& own, int weekday) {
  if (own.known()) days = {std::max(days.lo, own.lo), std::min(days.hi, own.hi)};
  if (!days.known() || days.lo > days.hi || days.hi - days.lo >= kWeek) return std::nullopt;
  for (int d = days.lo; d <= days.hi; ++d)
    if (WeekdayOf(FromDayNumber(d)) == weekday) return d;
  return std::nullopt;
}

// A publication day the page itself gives, with why.
PublicationInference OneDay(int day, const std::string& why) {
  PublicationInference out;
  out.inferred = true;
  out.value = Day(day);
  out.candidates = {out.value};
  out.why = why;
  return out;
}

int LeadWeekday(const std::vector<EventMention>& events) {
  int lead_weekday = -1;
  size_t lead_begin = SIZE_MAX;
  for (const auto& e : events)
    if (e.date.weekday >= 0 && !e.date.reference && !e.evidence.empty() && e.evidence.front().begin < lead_begin &&
        e.status == "occurred") {
      lead_begin = e.evidence.front().begin;
      lead_weekday = e.date.weekday;
    }
  return lead_weekday;
}

}  // namespace

PublicationInference Chronicle::InferPublication(int ai) const {
  PublicationInference out;
  const AnalyzedArticle& A = articles_[ai];
  if (A.article.published.precision == Precision::kDay) return out;
  const DayRange own = RangeOf(A.article.published);
  if (const auto counted = DayTheTextCounts(A.extraction.events, own))
    return OneDay(*counted, "its text tells a day with its distance from the report");
  PublicationWindow window(own);
  const auto fresh = ReportEvidence(ai, window);
  TollEvidence(ai, window);
  FreshEvidence(fresh, window);
  window.Settle();
  const bool anchored = window.days().known() && window.days().hi - window.days().lo <= kMaxWindowDays * 12;
  // (For a page with a month of its own, what the texts say alone: its days are reported
  // as what the texts leave, never what is only likely.)
  const DayRange span = own.known() ? window.bounds() : window.days();
  const int deadline = anchored && span.lo <= span.hi ? OwnDateEvidence(A.extraction.events, span, window) : kNoDeadline;
  // ("Gisteren, zondag, …" on a page the texts place in one week: that week's Monday.)
  if (const auto weekday = ReportWeekday(A.extraction.events))
    if (const auto day = OnlyWeekdayIn(span, own, *weekday)) {
      std::string why = std::string("its text tells the report's weekday, ") + WeekdayName(*weekday) + ": ";
      for (const auto& r : window.reasons()) why += r + "; ";
      return OneDay(*day, why);
    }
  KeepBounds(own, window.bounds(), &out);
  if (own.known()) {
    OwnPeriodBounds(window, &out);
    return out;
  }
  // (What the texts say of its days gives way to the stamp; what is only likely does not.)
  auto stamped = StampedDayAfter(A.article.published, window.days());
  if (!stamped) stamped = StampedDayAfter(A.article.published, window.bounds());
  if (stamped) {
    std::string why = "its stamp's day and month, first after: ";
    for (const auto& r : window.reasons()) why += r + "; ";
    return OneDay(*stamped, why);
  }
  if (!anchored) {
    out.why = "no dated report of the same events to anchor a date";
    return out;
  }
  const DayRange& days = window.days();
  if (days.hi < days.lo || days.hi - days.lo > kMaxWindowDays) {
    out.why = "the evidence leaves " + std::to_string(std::max(0, days.hi - days.lo + 1)) + " days open";
    return out;
  }
  const int lead_weekday = LeadWeekday(A.extraction.events);
  // Best first: the lead weekday, then nearest the deadline (news speaks of a deadline
  // when it is close), else the latest day the evidence allows.
  const std::vector<Candidate> candidates = RankedDays(days, lead_weekday);
  for (const auto& c : candidates) out.candidates.push_back(Day(c.day));
  if (candidates.empty()) {
    out.why = "no day fits the evidence";
    return out;
  }
  const bool unique = candidates.size() == 1 || candidates[0].score > candidates[1].score;
  if (!unique && deadline == kNoDeadline) {
    out.why = std::to_string(candidates.size()) + " days fit equally well";
    if (!out.from.empty()) out.why += "; the texts leave " + out.from + (out.to != out.from ? ".." + out.to : "");
    return out;
  }
  out.inferred = true;
  out.value = Day(candidates[0].day);
  std::ostringstream why;
  if (lead_weekday >= 0) why << "the lead event is on a " << WeekdayName(lead_weekday) << "; ";
  for (const auto& r : window.reasons()) why << r << "; ";
  if (!unique) why << "of " << candidates.size() << " such days the one nearest the deadline";
  else why << "one day fits";
  out.why = why.str();
  return out;
}

}  // namespace kroniek
