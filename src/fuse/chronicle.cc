#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/resource_file.h"
#include "fuse/fuse.h"

namespace kroniek {

namespace {

constexpr double kJoinThreshold = 0.55;  // score a mention needs to join an event
constexpr int kDayTolerance = 1;         // reports may differ by a day (night, time zones)
constexpr int kMonthDays = 31;

std::string Key(const std::string& cls, const char* kind, const std::string& what) {
  return cls + "|" + kind + "|" + what;
}

}  // namespace

Status FuseRules::Load(const std::string& dir) {
  ResourceFile types, pairs;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/kb/event_types.tsv", 2, &types));
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/kb/type_affinity.tsv", 3, &pairs));
  for (const auto& r : types.rows) {
    class_[r.fields[0]] = r.fields[1];
    if (r.fields.size() > 2 && r.fields[2] == "vague") vague_.insert(r.fields[0]);
  }
  ResourceFile groups;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/kb/figure_groups.tsv", 2, &groups));
  for (const auto& r : groups.rows) total_group_[r.fields[0]] = r.fields[1];
  for (const auto& r : pairs.rows) {
    if (!class_.count(r.fields[0]) || !class_.count(r.fields[1]))
      return Status::Error(pairs.path + ":" + std::to_string(r.line) + ": unknown event type");
    double score = std::stod(r.fields[2]);
    pairs_[{r.fields[0], r.fields[1]}] = score;
    pairs_[{r.fields[1], r.fields[0]}] = score;
  }
  return Status();
}

const std::string& FuseRules::ClassOf(const std::string& type) const {
  static const std::string kNone;
  auto it = class_.find(type);
  return it == class_.end() ? kNone : it->second;
}

bool FuseRules::IsVague(const std::string& type) const { return vague_.count(type) > 0; }

const std::string& FuseRules::TotalGroup(const std::string& group) const {
  auto it = total_group_.find(group);
  return it == total_group_.end() ? group : it->second;
}

double FuseRules::Score(const std::string& a, const std::string& b) const {
  if (a == b) return 1.0;
  if (auto it = pairs_.find({a, b}); it != pairs_.end()) return it->second;
  if ((IsVague(a) || IsVague(b)) && ClassOf(a) == ClassOf(b)) return 0.6;
  return 0.0;
}

int Chronicle::EventOf(MentionRef m) const {
  auto it = event_of_.find(m);
  return it == event_of_.end() ? -1 : it->second;
}

// The index has three kinds of keys, each under the event type's class:
//   d|DAY     dated events, by every day of their date (a month at most)
//   d|DAY|CC  the same, by day and country
//   u|WHERE   undated events, by place, country and actor ("*": none)
//   p|WHERE   every event, by place and country
// u and p keys come twice: plain, and with each month of the event's period
// (its date, or for an undated event the two months before its articles'
// publication: news speaks of what is recent). A mention with a period looks
// up the months of its own, so its cost does not grow with the chronicle; a
// mention with none (an undated article) looks up the plain keys.
namespace {

constexpr int kBackgroundDays = 62;   // an undated report speaks of the two months before it
constexpr int kMaxPeriodMonths = 24;  // longer periods go under "*"

// The months of days [lo, hi] ("202108"), or {"*"} when there are too many.
std::vector<std::string> Months(int lo, int hi) {
  std::vector<std::string> out;
  Civil a = FromDayNumber(lo), b = FromDayNumber(hi);
  const int first = a.year * 12 + a.month - 1, last = b.year * 12 + b.month - 1;
  if (last - first >= kMaxPeriodMonths) return {"*"};
  for (int m = first; m <= last; ++m) out.push_back(std::to_string(m / 12 * 100 + m % 12 + 1));
  return out;
}

// The period of a date range, else of a publication range; empty: none.
// An undated event lives from two months before its first report to two
// months after it (Score refuses undated reports published later).
std::vector<std::string> Period(const DayRange& days, const DayRange& published, int tolerance) {
  if (days.known()) return Months(days.lo - tolerance, days.hi + tolerance);
  if (published.known()) return Months(published.lo - kBackgroundDays, published.lo + kBackgroundDays + kDayTolerance);
  return {};
}

}  // namespace

std::vector<std::string> Chronicle::LookupKeys(const EventMention& m, const Date& published) const {
  std::vector<std::string> where;  // u and p keys, before their period
  std::vector<std::string> keys;
  const std::string& cls = types_.ClassOf(m.type);
  DayRange r = RangeOf(m.date);
  const bool placed = !m.location.id.empty() && !m.location.inferred;
  if (r.known() && r.hi - r.lo <= kMonthDays) {
    const std::string country = placed ? "|" + m.location.country : "";
    for (int d = r.lo - kDayTolerance; d <= r.hi + kDayTolerance; ++d) keys.push_back(Key(cls, "d", std::to_string(d) + country));
    if (placed) {
      where.push_back(Key(cls, "u", m.location.id));
      where.push_back(Key(cls, "u", m.location.country));
    }
    for (const auto& actor : m.actors) where.push_back(Key(cls, "u", "actor:" + actor.id));
  } else if (placed) {
    where.push_back(Key(cls, "p", m.location.id));
    if (m.location.id == m.location.country || m.location.country.empty()) where.push_back(Key(cls, "p", m.location.country));
  } else {
    for (const auto& actor : m.actors) where.push_back(Key(cls, "u", "actor:" + actor.id));
  }
  where.push_back(Key(cls, "u", "*"));  // events with nothing to index them by
  std::vector<std::string> period = Period(r, RangeOf(published), kDayTolerance);
  if (!period.empty() && period[0] != "*") period.push_back("*");
  for (const auto& w : where) {
    if (period.empty() || period[0] == "*") keys.push_back(w);  // no period: every event there
    else
      for (const auto& month : period) keys.push_back(w + "|" + month);
  }
  return keys;
}

std::vector<std::string> Chronicle::NeighbourhoodKeys(const EventMention& m, const Date& published) const {
  std::vector<std::string> keys = LookupKeys(m, published);
  DayRange r = RangeOf(m.date);
  if (r.known() && r.hi - r.lo <= kMonthDays && !m.location.id.empty() && !m.location.inferred)
    for (int d = r.lo - kDayTolerance; d <= r.hi + kDayTolerance; ++d)
      keys.push_back(Key(types_.ClassOf(m.type), "d", std::to_string(d)));
  return keys;
}

std::vector<int> Chronicle::Candidates(const EventMention& m, const Date& published) const {
  std::vector<int> out;
  for (const auto& key : LookupKeys(m, published)) {
    auto it = index_.find(key);
    if (it != index_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> Chronicle::IndexKeys(int e) const {
  const Summary& s = summaries_[e];
  std::vector<std::string> keys, where;
  const bool dated = s.days.known() && s.days.hi - s.days.lo <= kMonthDays;
  if (dated)
    for (int d = s.days.lo; d <= s.days.hi; ++d) {
      keys.push_back(Key(s.cls, "d", std::to_string(d)));
      if (!s.country.empty()) keys.push_back(Key(s.cls, "d", std::to_string(d) + "|" + s.country));
    }
  if (!s.place.empty()) {
    where.push_back(Key(s.cls, "p", s.place));
    if (!dated) where.push_back(Key(s.cls, "u", s.place));
  }
  if (!s.country.empty()) {
    where.push_back(Key(s.cls, "p", s.country));
    if (!dated) where.push_back(Key(s.cls, "u", s.country));
  }
  if (!s.inferred_place.empty()) where.push_back(Key(s.cls, "p", s.inferred_place));
  if (!dated)
    for (const auto& a : s.actors) where.push_back(Key(s.cls, "u", "actor:" + a));
  if (!dated && s.place.empty() && s.actors.empty()) where.push_back(Key(s.cls, "u", "*"));
  std::vector<std::string> period = Period(s.days, s.published, 0);
  if (period.empty()) period.push_back("*");
  for (const auto& w : where) {
    keys.push_back(w);
    for (const auto& month : period) keys.push_back(w + "|" + month);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

void Chronicle::Index(int e) {
  for (const auto& key : IndexKeys(e)) {
    auto& list = index_[key];
    if (std::find(list.begin(), list.end(), e) == list.end()) list.push_back(e);
  }
}

double Chronicle::Score(const EventMention& m, const Summary& s, int article) const {
  // Type: the same or compatible.
  double type = types_.Score(m.type, s.type);
  if (type <= 0) return 0;
  if ((m.status == "hypothetical") != (s.status == "hypothetical")) return 0;
  if ((m.status == "foiled") != (s.status == "foiled")) return 0;
  double score = 0.35 * type;
  // Date: overlapping ranges; a weekday must fit.
  DayRange r = RangeOf(m.date);
  if (r.known() && s.days.known()) {
    if (r.hi + kDayTolerance < s.days.lo || s.days.hi + kDayTolerance < r.lo) return 0;
    bool exact = r.lo == r.hi && s.days.lo == s.days.hi;
    score += exact ? (r.lo == s.days.lo ? 0.35 : 0.15) : 0.2;
  } else if (!r.known() && !s.days.known() && s.published.known() &&
             RangeOf(articles_[article].article.published).known() &&
             std::abs(RangeOf(articles_[article].article.published).lo - s.published.lo) > kBackgroundDays) {
    return 0;  // an undated story does not go on for ever: a report two months after its first is another
  } else if (m.date.weekday >= 0 && s.days.known() && s.days.lo == s.days.hi) {
    if (kroniek::WeekdayOf(FromDayNumber(s.days.lo)) != m.date.weekday) return 0;
    score += 0.25;
  } else if (m.date.weekday >= 0 && s.weekday >= 0) {
    if (m.date.weekday != s.weekday) return 0;
    score += 0.2;
  } else {
    score += 0.1;
  }
  // Place: the same city; a city and its country; two cities never.
  const Location& l = m.location;
  if (!l.id.empty() && !l.inferred && !s.place.empty()) {
    bool same = l.id == s.place;
    bool nested = l.id == s.country || s.place == l.country;
    if (!same && !nested) return 0;
    score += same ? 0.25 : 0.12;
  } else if (!l.id.empty() && !s.country.empty() && l.country != s.country && !l.inferred) {
    return 0;
  } else if (!l.id.empty() && (l.id == s.inferred_place || (!s.place.empty() && l.inferred && l.id == s.place))) {
    score += 0.1;  // the same city, one of them only inferred
  } else {
    score += 0.05;
  }
  // Articles that already tell another event together tell one story.
  for (int other : s.articles) {
    bool shared = false;
    for (int e : events_of_article_[article]) shared |= events_of_article_[other].count(e) > 0;
    if (shared) {
      score += 0.1;
      break;
    }
  }
  // Actors: a shared perpetrator or claimant (or its parent group).
  for (const auto& actor : m.actors)
    if (s.actors.count(actor.id)) {
      score += 0.1;
      break;
    }
  return score;
}

void Chronicle::WidenPublished(int e, int article) {
  const DayRange p = RangeOf(articles_[article].article.published);
  if (!p.known()) return;
  DayRange& s = summaries_[e].published;
  if (!s.known()) s = p;
  s.lo = std::min(s.lo, p.lo);
  s.hi = std::max(s.hi, p.hi);
}

void Chronicle::UpdateSummary(int e, const EventMention& m) {
  Summary& s = summaries_[e];
  if (s.type.empty() || (types_.IsVague(s.type) && !types_.IsVague(m.type))) s.type = m.type;
  else if (m.type == "suicide_bombing" && s.type == "bombing") s.type = m.type;
  s.cls = types_.ClassOf(s.type);
  DayRange r = RangeOf(m.date);
  if (r.known()) {
    if (!s.days.known()) s.days = r;
    else if (r.hi - r.lo < s.days.hi - s.days.lo) s.days = r;  // the more precise date wins
  }
  if (m.date.weekday >= 0 && s.weekday < 0) s.weekday = m.date.weekday;
  if (!m.location.id.empty() && m.location.inferred && s.inferred_place.empty()) s.inferred_place = m.location.id;
  if (!m.location.id.empty() && !m.location.inferred) {
    bool city = m.location.id != m.location.country;
    if (s.place.empty() || (city && s.place == s.country)) {
      s.place = m.location.id;
      s.country = m.location.country;
    }
  }
  for (const auto& actor : m.actors)
    if (actor.role == "perpetrator" || actor.role == "claimed_by") s.actors.insert(actor.id);
  if (s.status.empty() || (s.status != "occurred" && m.status == "occurred")) s.status = m.status;
}

void Chronicle::Add(AnalyzedArticle article, const std::vector<int>* only) {
  const int ai = int(articles_.size());
  articles_.push_back(std::move(article));
  events_of_article_.emplace_back();
  const auto& events = articles_[ai].extraction.events;
  // The most informative mentions choose first: dated, placed, specific.
  std::vector<int> order;
  if (only) order = *only;
  else
    for (size_t k = 0; k < events.size(); ++k) order.push_back(int(k));
  auto info = [&](const EventMention& m) {
    return (RangeOf(m.date).known() ? 4 : 0) + (!m.location.id.empty() && !m.location.inferred ? 2 : 0) +
           (types_.IsVague(m.type) ? 0 : 1);
  };
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return info(events[x]) > info(events[y]); });
  for (int k : order) {
    const EventMention& m = events[k];
    int best = -1;
    double best_score = kJoinThreshold;
    for (int c : Candidates(m, articles_[ai].article.published)) {
      if (summaries_[c].articles.count(ai)) continue;  // one mention per article
      double score = Score(m, summaries_[c], ai);
      if (score > best_score) { best = c; best_score = score; }
    }
    if (best < 0) {
      best = int(events_.size());
      events_.emplace_back();
      summaries_.emplace_back();
    }
    events_[best].mentions.push_back({ai, k});
    events_of_article_[ai].insert(best);
    event_of_[{ai, k}] = best;
    summaries_[best].articles.insert(ai);
    UpdateSummary(best, m);
    WidenPublished(best, ai);
    Index(best);
  }
}

}  // namespace kroniek

namespace kroniek {

void Chronicle::RebuildSummary(int e) {
  summaries_[e] = Summary();
  for (const auto& m : events_[e].mentions) {
    summaries_[e].articles.insert(m.article);
    UpdateSummary(e, articles_[m.article].extraction.events[m.event]);
    WidenPublished(e, m.article);
  }
}

void Chronicle::Merge(int into, int from) {
  if (into == from) return;
  for (const auto& m : events_[from].mentions) Move(m, into);
}

void Chronicle::Move(MentionRef m, int to) {
  int from = EventOf(m);
  if (from < 0 || from == to) return;
  if (to < 0) {
    to = int(events_.size());
    events_.emplace_back();
    summaries_.emplace_back();
  }
  auto& list = events_[from].mentions;
  list.erase(std::remove(list.begin(), list.end(), m), list.end());
  events_[to].mentions.push_back(m);
  event_of_[m] = to;
  auto& of_article = events_of_article_[m.article];
  of_article.clear();
  for (const auto& [ref, e] : event_of_)
    if (ref.article == m.article) of_article.insert(e);
  RebuildSummary(from);
  RebuildSummary(to);
  if (list.empty()) {  // an event left without mentions is dropped; later indices shift down
    events_.erase(events_.begin() + from);
    summaries_.erase(summaries_.begin() + from);
    for (auto& [ref, e] : event_of_)
      if (e > from) --e;
    for (auto& events : events_of_article_) {
      std::set<int> renumbered;
      for (int e : events) renumbered.insert(e > from ? e - 1 : e);
      events = std::move(renumbered);
    }
  }
  index_.clear();
  for (size_t e = 0; e < events_.size(); ++e) Index(int(e));
}

void Chronicle::Exclude(ReportRef r) { excluded_.insert({r.mention.article, r.mention.event, r.figure}); }

bool Chronicle::Excluded(const ReportRef& r) const {
  return excluded_.count({r.mention.article, r.mention.event, r.figure}) > 0;
}

}  // namespace kroniek
