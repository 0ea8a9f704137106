#include <algorithm>

#include "fuse/fuse.h"

namespace kroniek {

namespace {

constexpr double kJoinThreshold = 0.55;  // a mention joins an event scoring above this
constexpr double kScoreSlack = 1e-9;     // scores are sums of decimals: a sum that is 0.55 does not join
constexpr int kBackgroundDays = 62;      // an undated report speaks of the two months before it
constexpr double kAmbiguity = 0.1;       // scores this close fit about as well
constexpr double kDistinctiveCount = 10; // two reports of "85 gewonden" seldom tell two events

}  // namespace

bool Overlap(const DayRange& a, const DayRange& b, int tolerance) {
  return a.lo <= b.hi + tolerance && b.lo <= a.hi + tolerance;
}

bool DistinctiveCount(const Figure& f) { return f.value && *f.value >= kDistinctiveCount && f.kind != "other"; }

bool RecallsByName(const EventMention& m) {
  return m.definite && !m.location.inferred && !m.location.id.empty() && m.location.id != m.location.country;
}

bool MayRecall(const EventMention& m) { return !RangeOf(m.date).known() && m.date.weekday < 0 && !m.date.month; }

std::string CountKey(const std::string& kind, double value, const std::string& place) {
  return kind + "=" + std::to_string(value) + "@" + place;
}

int AfterDay(const EventMention& m) { return RangeOf(m.after).lo; }

DayRange WindowOf(const EventMention& m, const Date& published) {
  DayRange date = RangeOf(m.date), p = RangeOf(published);
  const bool ahead = m.status == "planned";  // announced: it happens after the report
  if (date.known()) {
    // Reported, so not after the report (a date past it is left as the text says).
    if (p.known() && !ahead && date.lo <= p.hi) date.hi = std::min(date.hi, p.hi);
    return date;
  }
  if (!p.known()) return DayRange();
  if (ahead) return {p.lo, p.hi + kBackgroundDays};
  // "gisteren": that many days before publication.
  if (m.date.day_offset) return {p.lo + *m.date.day_offset, p.hi + *m.date.day_offset};
  // "zondag": the last such weekday before publication, within a week.
  if (m.date.weekday >= 0) {
    DayRange w{p.lo - 6, p.hi};
    while (WeekdayOf(FromDayNumber(w.lo)) != m.date.weekday) ++w.lo;
    while (WeekdayOf(FromDayNumber(w.hi)) != m.date.weekday) --w.hi;
    return w;
  }
  return {p.lo - kBackgroundDays, p.hi};
}

int Chronicle::EventOf(MentionRef m) const {
  auto it = event_of_.find(m);
  return it == event_of_.end() ? -1 : it->second;
}

void Chronicle::WidenPublished(int e, int article) {
  const DayRange p = RangeOf(articles_[article].article.published);
  if (!p.known()) return;
  DayRange& s = summaries_[e].published;
  if (!s.known()) s = p;
  s.lo = std::min(s.lo, p.lo);
  s.hi = std::max(s.hi, p.hi);
}

void Chronicle::UpdateSummary(Summary& s, const EventMention& m, const Date& published) const {
  // The most specific type: a specific report over a generic kind or a vague
  // type, a refinement over what it refines.
  const std::string& type = FuseType(m);
  if (s.type.empty() || (!types_.IsVague(type) && (types_.IsVague(s.type) || types_.Refines(type, s.type))))
    s.type = type;
  s.types.insert(type);
  const DayRange w = WindowOf(m, published);
  // (An undated report long after the event's days recalls it: it bounds nothing.)
  const bool recalls = !RangeOf(m.date).known() && w.known() && s.days.known() && s.window.known() &&
                       w.lo > s.days.hi + kDayTolerance && !Overlap(w, s.window, kDayTolerance);
  if (!w.known()) s.open = true;
  else if (!recalls) {
    s.hull = s.hull.known() ? DayRange{std::min(s.hull.lo, w.lo), std::max(s.hull.hi, w.hi)} : w;
    s.window = s.window.known() ? DayRange{std::max(s.window.lo, w.lo), std::min(s.window.hi, w.hi)} : w;
  }
  // (A report whose article fusion dated may join any event as its article came, undated,
  // read again in a store's next fusion: the event is found as undated ones are too.)
  if (published.basis == DateBasis::kInferred) s.open = true;
  s.after = std::max(s.after, AfterDay(m));
  DayRange r = RangeOf(m.date);
  if (r.known()) {
    if (!s.days.known()) s.days = r;
    else if (r.hi - r.lo < s.days.hi - s.days.lo) s.days = r;  // the more precise date wins
    if (r.hi - r.lo <= kMonthDays)
      for (int d = r.lo; d <= r.hi; ++d) s.told.insert(d);
  }
  if (m.date.weekday >= 0 && s.weekday < 0) s.weekday = m.date.weekday;
  if (!r.known() && m.date.month && m.date.day && !s.month) {
    s.month = m.date.month;
    s.day = m.date.day;
  }
  if (!m.location.id.empty() && m.location.inferred && s.inferred_place.empty()) {
    s.inferred_place = m.location.id;
    s.inferred_country = m.location.country;
    s.inferred_region = m.location.region;
    s.inferred_lat = m.location.lat;
    s.inferred_lon = m.location.lon;
    s.inferred_population = m.location.population;
  }
  if (!m.location.id.empty() && !m.location.inferred) {
    bool city = m.location.id != m.location.country;
    if (s.place.empty() || (city && s.place == s.country) || InRegion(m.location, s.place)) {
      s.place = m.location.id;
      s.country = m.location.country;
      s.region = m.location.region;
      s.lat = m.location.lat;
      s.lon = m.location.lon;
      s.population = m.location.population;
      s.near = m.location.approximate;
    } else if (m.location.id == s.place && m.location.approximate) {
      s.near = true;  // one report that names the place as near the site says it for all
    }
  }
  for (const auto& actor : m.actors) {
    if (actor.role == "perpetrator" || actor.role == "claimed_by" || actor.role == "target") s.actors.insert(actor.id);
    if (actor.role == "target") s.targets.insert(actor.id);
  }
  for (const auto& f : m.figures)
    if (DistinctiveCount(f)) s.counts.insert({f.kind, *f.value});
  if (s.status.empty() || (s.status != "occurred" && m.status == "occurred")) s.status = m.status;
  if (s.name.empty()) s.name = m.name;
}

// Moves every mention of event `from` into `into`; `from` is left empty
// (Reconcile drops it) so that no index changes.
void Chronicle::Absorb(int into, int from) {
  for (const auto& m : events_[from].mentions) {
    events_[into].mentions.push_back(m);
    event_of_[m] = into;
    events_of_article_[m.article].erase(from);
    events_of_article_[m.article].insert(into);
    summaries_[into].articles.insert(m.article);
    UpdateSummary(summaries_[into], articles_[m.article].extraction.events[m.event], articles_[m.article].article.published);
    WidenPublished(into, m.article);
  }
  events_[from].mentions.clear();
  summaries_[from] = Summary();
  Index(into);
}

// Whether article `ai` keeps its report `k` apart from the reports of event `e`
// it tells: an article keeps apart the events it relates or tells apart by
// type, day or place (its writer does not err by a day, as two reporters
// may); a report it tells twice (its title and its body), or by one name, is one.
bool Chronicle::KeptApart(int ai, int k, int e) const {
  if (!summaries_[e].articles.count(ai)) return false;
  const auto& own = articles_[ai].extraction.events;
  const EventMention& m = own[k];
  for (const auto& x : events_[e].mentions) {
    if (x.article != ai) continue;
    const EventMention& other = own[x.event];
    for (const auto& r : m.relations) if (r.event == x.event) return true;
    for (const auto& r : other.relations) if (r.event == k) return true;
    if (!m.name.empty() && m.name == other.name) continue;  // one name, one event
    const std::string &a = FuseType(m), &b = FuseType(other);
    const bool one_type = a == b || types_.Refines(a, b) || types_.Refines(b, a) ||
                          (!m.generic.empty() && types_.Score(a, b) > 0) ||
                          (!other.generic.empty() && types_.Score(b, a) > 0);
    if (!one_type || m.status != other.status) return true;
    const DayRange p = RangeOf(m.date), q = RangeOf(other.date);
    if (p.known() && q.known() && !Overlap(p, q, 0)) return true;
    if (!p.known() && !q.known() && m.date.weekday >= 0 && other.date.weekday >= 0 && m.date.weekday != other.date.weekday)
      return true;
    Summary told;
    UpdateSummary(told, other, articles_[ai].article.published);
    if (PlaceScore(m.location, told, types_.WidespreadKm(m.type), true) < 0) return true;
    if (SitesDiffer(m.location, other.location)) return true;  // a stabbing in a café, one in a supermarket
  }
  return false;
}

// The event a report joins: the best fit. A report that cannot be placed in
// time (undated, in an undated article) may fit events of several times about
// as well; it joins the one most reported.
int Chronicle::Choose(const std::vector<std::pair<double, int>>& fits, bool timeless, int article) const {
  int best = -1;
  double best_score = 0;
  for (const auto& [score, c] : fits)
    if (score > best_score) { best = c; best_score = score; }
  if (!timeless) return best;
  // (The event its own story tells keeps a report that fits a more reported one about as
  // well: the arrest told beside a stabbing in Amsterdam is that stabbing's.)
  const bool story = best >= 0 && SharesStory(article, summaries_[best]);
  for (const auto& [score, c] : fits)
    if (score >= best_score - kAmbiguity && summaries_[c].articles.size() > summaries_[best].articles.size() &&
        (!story || SharesStory(article, summaries_[c])))
      best = c;
  return best;
}

std::vector<std::pair<double, int>> Chronicle::Fits(int ai, int k) const {
  const EventMention& m = articles_[ai].extraction.events[k];
  std::vector<std::pair<double, int>> fits;  // (score, event) above the threshold
  for (int c : Candidates(m, articles_[ai].article.published)) {
    if (events_[c].mentions.empty() || KeptApart(ai, k, c)) continue;
    double score = Score(m, summaries_[c], ai);
    if (score > kJoinThreshold + kScoreSlack) fits.push_back({score, c});
  }
  // (A report recalling an event long before it, by name or count, recalls one: two
  // that fit leave it apart.)
  const DayRange window = WindowOf(m, articles_[ai].article.published);
  auto recalled = [&](const std::pair<double, int>& fit) { return DateScore(m, window, summaries_[fit.second]) < 0; };
  if (std::count_if(fits.begin(), fits.end(), recalled) > 1)
    fits.erase(std::remove_if(fits.begin(), fits.end(), recalled), fits.end());
  return fits;
}

void Chronicle::Add(AnalyzedArticle article, const std::vector<int>* only, std::set<std::string> outside) {
  const int ai = int(articles_.size());
  articles_.push_back(std::move(article));
  events_of_article_.emplace_back();
  outside_of_article_.push_back(std::move(outside));
  const auto& events = articles_[ai].extraction.events;
  // The most informative mentions choose first: dated, placed, specific.
  std::vector<int> order;
  if (only) order = *only;
  else
    for (size_t k = 0; k < events.size(); ++k) order.push_back(int(k));
  auto info = [&](const EventMention& m) {
    return (RangeOf(m.date).known() ? 4 : 0) + (!m.location.id.empty() && !m.location.inferred ? 2 : 0) +
           (types_.IsVague(FuseType(m)) ? 0 : 1);
  };
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return info(events[x]) > info(events[y]); });
  // Of the article's reports that fit an event, the best fit joins first: two reports of
  // one article that fit one event leave it to the one that fits it best (the shooting
  // "woensdag" in Belgrado, not the one "donderdag" beside it).
  std::vector<std::vector<std::pair<double, int>>> fits_of;
  for (int k : order) fits_of.push_back(Fits(ai, k));
  while (!order.empty()) {
    size_t pick = 0;
    double pick_score = 0;
    for (size_t i = 0; i < order.size(); ++i)
      for (const auto& fit : fits_of[i])
        if (fit.first > pick_score) { pick = i; pick_score = fit.first; }
    const int k = order[pick];
    auto fits = std::move(fits_of[pick]);
    order.erase(order.begin() + pick);
    fits_of.erase(fits_of.begin() + pick);
    const EventMention& m = events[k];
    int best = Choose(fits, !WindowOf(m, articles_[ai].article.published).known(), ai);
    // A report that fits two events that may be one joins them (reports of
    // one attack that came apart: one in the city, one in its country).
    std::sort(fits.begin(), fits.end(), std::greater<>());
    for (const auto& [score, c] : fits)
      if (best >= 0 && c != best && Mergeable(summaries_[best], summaries_[c])) Absorb(best, c);
    if (best < 0) {
      best = int(events_.size());
      events_.emplace_back();
      summaries_.emplace_back();
    }
    events_[best].mentions.push_back({ai, k});
    events_of_article_[ai].insert(best);
    event_of_[{ai, k}] = best;
    summaries_[best].articles.insert(ai);
    UpdateSummary(summaries_[best], m, articles_[ai].article.published);
    WidenPublished(best, ai);
    Index(best);
    // (Every fit may change: an event shares a story with those its article tells.)
    for (size_t i = 0; i < order.size(); ++i) fits_of[i] = Fits(ai, order[i]);
  }
}

}  // namespace kroniek

namespace kroniek {

void Chronicle::RebuildSummary(int e) {
  summaries_[e] = Summary();
  for (const auto& m : events_[e].mentions) {
    summaries_[e].articles.insert(m.article);
    UpdateSummary(summaries_[e], articles_[m.article].extraction.events[m.event], articles_[m.article].article.published);
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
