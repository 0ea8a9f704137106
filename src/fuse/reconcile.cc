// The merged view of each chronicle event: type, date, place, actors,
// relations, figure verdicts and disagreements.
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <sstream>

#include "fuse/fuse.h"

namespace kroniek {

namespace {

constexpr int kSameTimeDays = 1;  // reports within 24 h are "about the same time"

std::string Format(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// One report of a figure with what orders it.
struct Report {
  ReportRef ref;
  const Figure* figure;
  const Article* article;
  DayRange published;  // when the article appeared, as a range
  bool claim;
  int freshness;       // -1 provisional, 0 none, +1 update
};

std::string Describe(const Report& r) {
  std::string s = r.figure->value ? Format(*r.figure->value)
                  : r.figure->low ? Format(*r.figure->low) + ".." + Format(*r.figure->high) : "(no number)";
  if (r.figure->qualifier != "exact") s = r.figure->qualifier + " " + s;
  s += " (" + r.article->id;
  if (r.article->published.known()) s += ", " + r.article->published.value;
  if (!r.figure->according_to.empty()) s += ", according to " + r.figure->according_to[0].name;
  if (r.claim) s += ", a claim";
  if (r.freshness < 0) s += ", provisional";
  if (r.freshness > 0) s += ", an update";
  return s + ")";
}

// Whether a is known to come before b, and why (`toll`: the kind counts victims).
bool Before(const Report& a, const Report& b, bool toll, std::string* why) {
  if (a.published.known() && b.published.known() && a.published.hi + kSameTimeDays <= b.published.lo) {
    *why = "published later";
    return true;
  }
  if (a.freshness < b.freshness) {
    *why = a.freshness < 0 ? "the first report calls its count provisional" : "the later report says it updates the count";
    return true;
  }
  // Tolls only grow as victims are found: with overlapping dates, a larger
  // count that is not an upper bound is the later one.
  if (toll && a.figure->value && b.figure->value && *a.figure->value < *b.figure->value &&
      a.figure->qualifier != "at_most" && a.figure->qualifier != "up_to" && b.figure->qualifier != "at_most" &&
      b.figure->qualifier != "up_to" && !(a.published.known() && b.published.known() && b.published.hi + kSameTimeDays <= a.published.lo)) {
    *why = "tolls rise as victims are counted";
    return true;
  }
  return false;
}

FigureVerdict Decide(const std::string& kind, const std::string& group, bool toll, std::vector<Report> reports) {
  FigureVerdict v;
  v.kind = kind;
  v.group = group;
  // Time order: publication (the middle of its range), then freshness cues,
  // then (for tolls) the count, then the article.
  auto middle = [](const DayRange& r) { return r.known() ? (r.lo + r.hi) / 2 : 1 << 29; };
  std::stable_sort(reports.begin(), reports.end(), [&](const Report& a, const Report& b) {
    if (middle(a.published) != middle(b.published)) return middle(a.published) < middle(b.published);
    if (a.freshness != b.freshness) return a.freshness < b.freshness;
    if (toll && a.figure->value && b.figure->value && *a.figure->value != *b.figure->value)
      return *a.figure->value < *b.figure->value;
    return a.article->id < b.article->id;
  });
  for (const auto& r : reports) v.history.push_back(r.ref);

  std::vector<const Report*> numeric, independent, claims;
  for (const auto& r : reports)
    if (r.figure->value) {
      numeric.push_back(&r);
      (r.claim ? claims : independent).push_back(&r);
    }
  auto set_best = [&](const Report& r) {
    v.value = r.figure->value;
    v.low = r.figure->low;
    v.high = r.figure->high;
    v.qualifier = r.figure->qualifier;
  };
  if (numeric.empty()) {
    // Only vague reports ("tientallen", "ook burgerslachtoffers"): the latest stands.
    set_best(reports.back());
    v.verdict = "consistent";
    v.why = reports.size() == 1 ? "one report: " + Describe(reports.back())
                                : "no report gives a number; latest: " + Describe(reports.back());
    return v;
  }
  const auto& base = independent.empty() ? claims : independent;
  std::vector<double> values;
  for (const Report* r : base) values.push_back(*r->figure->value);
  bool all_same = std::all_of(values.begin(), values.end(), [&](double x) { return x == values[0]; });
  std::string why;
  if (all_same) {
    set_best(*base.back());
    v.verdict = "consistent";
    why = base.size() == 1 ? "one report: " + Describe(*base.back())
                           : std::to_string(base.size()) + " reports agree: " + Format(values[0]);
  } else {
    // Every change of value must be ordered in time to be an update.
    bool ordered = true;
    std::string reason;
    for (size_t i = 0; i + 1 < base.size() && ordered; ++i) {
      if (*base[i]->figure->value == *base[i + 1]->figure->value) continue;
      std::string w;
      ordered = Before(*base[i], *base[i + 1], toll, &w);
      if (ordered && reason.find(w) == std::string::npos) reason += (reason.empty() ? "" : "; ") + w;
    }
    std::string chain;
    for (const Report* r : base) chain += (chain.empty() ? "" : " -> ") + Describe(*r);
    if (ordered) {
      set_best(*base.back());
      v.verdict = "updated";
      why = chain + ": " + reason + "; best is the latest";
    } else {
      // Sources disagree at the same time: the most conservative count, as ACLED does.
      const Report* low = *std::min_element(base.begin(), base.end(), [](const Report* a, const Report* b) {
        return *a->figure->value < *b->figure->value;
      });
      set_best(*low);
      v.verdict = "contested";
      why = chain + ": reported about the same time; best is the most conservative";
    }
  }
  if (!independent.empty() && !claims.empty()) {
    bool differs = std::any_of(claims.begin(), claims.end(),
                               [&](const Report* c) { return *c->figure->value != *v.value; });
    if (differs) {
      v.verdict = "claim";
      std::string claimed;
      for (const Report* c : claims) claimed += (claimed.empty() ? "" : ", ") + Describe(*c);
      why = "a perpetrator's claim (" + claimed + ") against independent reports; " + why +
            "; a claim is never best while an independent figure exists";
    }
  }
  v.why = why;
  return v;
}

int FreshnessOf(const Figure& f) { return f.freshness == "provisional" ? -1 : f.freshness == "update" ? 1 : 0; }

}  // namespace

// The fused event's type: the most specific type its reports support. A
// report of a specific type counts 10, of a vague type 2, of a generic kind
// ("aanslag" alone) 1; a type also has the support of the reports of a type
// it refines (the "bombing" reports support the "suicide_bombing" another
// names) and of the generic kinds that may stand for it ("explosie" supports
// a bombing, not a shooting). Of two types with equal support the
// refinement wins, then the specific one. A generic kind that wins (every
// report is generic) gives the event its default type.
std::string Chronicle::FusedType(const ChronicleEvent& ev) const {
  std::map<std::string, int> votes;            // FuseType -> weight
  std::map<std::string, std::string> type_of;  // FuseType -> the type its reports have
  std::set<std::string> generic;
  for (const auto& m : ev.mentions) {
    const EventMention& em = articles_[m.article].extraction.events[m.event];
    const std::string& t = FuseType(em);
    votes[t] += !em.generic.empty() ? 1 : types_.IsVague(t) ? 2 : 10;
    type_of[t] = em.type;
    if (!em.generic.empty()) generic.insert(t);
  }
  auto support = [&](const std::string& type) {
    int n = votes[type];
    for (const auto& [other, v] : votes)
      if (other != type && (types_.Refines(type, other) || (generic.count(other) && types_.Score(other, type) > 0)))
        n += v;
    return n;
  };
  std::string best;
  int best_support = -1;
  for (const auto& [type, own] : votes) {
    const int n = support(type);
    const bool better = n > best_support ||
                        (n == best_support && (types_.Refines(type, best) ||
                                               (types_.IsVague(best) && !types_.IsVague(type) && !generic.count(type))));
    if (better) {
      best = type;
      best_support = n;
    }
  }
  return type_of[best];
}

void Chronicle::Reconcile() {
  for (size_t e = 0; e < events_.size(); ++e) {
    ChronicleEvent& ev = events_[e];
    std::sort(ev.mentions.begin(), ev.mentions.end());
    ev.type.clear();
    ev.date = Date();
    ev.location = Location();
    ev.actors.clear();
    ev.relations.clear();
    ev.figures.clear();
    ev.disagreements.clear();
    ev.status.clear();
    for (const auto& m : ev.mentions) {
      const EventMention& em = articles_[m.article].extraction.events[m.event];
      // Place: named beats inferred, a city beats a country.
      const Location& l = em.location;
      bool better = !l.id.empty() &&
                    (ev.location.id.empty() || (ev.location.inferred && !l.inferred) ||
                     (!l.inferred && ev.location.id == ev.location.country && l.id != l.country));
      if (better) {
        auto sites = ev.location.sites;
        ev.location = l;
        for (const auto& s : sites)
          if (std::find(ev.location.sites.begin(), ev.location.sites.end(), s) == ev.location.sites.end())
            ev.location.sites.push_back(s);
      } else {
        for (const auto& s : l.sites)
          if (std::find(ev.location.sites.begin(), ev.location.sites.end(), s) == ev.location.sites.end())
            ev.location.sites.push_back(s);
      }
      for (const auto& a : em.actors)
        if (std::none_of(ev.actors.begin(), ev.actors.end(),
                         [&](const ActorRole& x) { return x.role == a.role && x.id == a.id; }))
          ev.actors.push_back(a);
      if (ev.status.empty() || (ev.status != "occurred" && em.status == "occurred")) ev.status = em.status;
    }
    // A later report that withdraws the event decides its status.
    int latest = -1;
    for (const auto& m : ev.mentions) {
      const Article& a = articles_[m.article].article;
      int day = RangeOf(a.published).hi;
      const EventMention& em = articles_[m.article].extraction.events[m.event];
      if (em.status == "denied" && day > latest) { ev.status = "denied"; latest = day; }
      else if (em.status == "occurred" && day > latest && latest >= 0) { ev.status = "occurred"; latest = day; }
    }
    if (ev.mentions.empty()) continue;
    ev.type = FusedType(ev);
    ev.name = summaries_[e].name;
    ev.date = FusedDate(ev, Allowed(summaries_[e].window));
    if (!ev.location.sites.empty())
      ev.location.site = ev.location.name.empty() ? ev.location.sites[0] : ev.location.name + " " + ev.location.sites[0];
  }

  // Events in chronicle order: date (one known only by the days its reports allow
  // by the first of them; those with neither last, as a timeline ends with what it
  // cannot place), then type, then place, then first mention; events emptied by a
  // merge are dropped.
  std::vector<int> order;
  for (size_t k = 0; k < events_.size(); ++k)
    if (!events_[k].mentions.empty()) order.push_back(int(k));
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const auto& x = events_[a];
    const auto& y = events_[b];
    DayRange rx = RangeOf(x.date), ry = RangeOf(y.date);
    if (rx.known() != ry.known()) return rx.known();
    if (rx.lo != ry.lo) return rx.lo < ry.lo;
    if (x.type != y.type) return x.type < y.type;
    if (x.location.id != y.location.id) return x.location.id < y.location.id;
    const Article& ax = articles_[x.mentions[0].article].article;
    const Article& ay = articles_[y.mentions[0].article].article;
    if (ax.id != ay.id) return ax.id < ay.id;
    return x.mentions[0].event < y.mentions[0].event;
  });
  std::vector<ChronicleEvent> sorted;
  std::vector<int> new_index(events_.size(), -1);
  std::vector<Summary> summaries;
  for (size_t k = 0; k < order.size(); ++k) {
    new_index[order[k]] = int(k);
    sorted.push_back(std::move(events_[order[k]]));
    summaries.push_back(std::move(summaries_[order[k]]));
  }
  events_ = std::move(sorted);
  summaries_ = std::move(summaries);
  for (auto& [m, e] : event_of_) e = new_index[e];
  for (auto& events : events_of_article_) {
    std::set<int> renumbered;
    for (int e : events) renumbered.insert(new_index[e]);
    events = std::move(renumbered);
  }
  index_.clear();
  for (size_t e = 0; e < events_.size(); ++e) Index(int(e));

  for (size_t e = 0; e < events_.size(); ++e) {
    ChronicleEvent& ev = events_[e];
    // Relations between mentions become relations between events.
    for (const auto& m : ev.mentions) {
      const EventMention& em = articles_[m.article].extraction.events[m.event];
      for (const auto& r : em.relations) {
        int other = EventOf({m.article, r.event});
        if (other < 0 || other == int(e)) continue;
        std::pair<std::string, int> rel{r.type, other};
        if (std::find(ev.relations.begin(), ev.relations.end(), rel) == ev.relations.end()) ev.relations.push_back(rel);
      }
    }
    // Figures: reports per (kind, group).
    std::map<std::tuple<std::string, std::string, bool>, std::vector<Report>> by_key;
    for (const auto& m : ev.mentions) {
      const AnalyzedArticle& aa = articles_[m.article];
      const EventMention& em = aa.extraction.events[m.event];
      for (size_t f = 0; f < em.figures.size(); ++f) {
        const Figure& fig = em.figures[f];
        if (Excluded({m, int(f)})) continue;  // rejected by a person
        Report r{{m, int(f)}, &fig, &aa.article, RangeOf(aa.article.published), fig.claim, FreshnessOf(fig)};
        // A sub-group ("van wie twee ernstig") is never compared with a total.
        bool part = fig.part_of >= 0;
        by_key[{fig.kind, part ? fig.group : types_.TotalGroup(fig.group), part}].push_back(r);
      }
    }
    for (auto& [key, reports] : by_key) {
      ev.figures.push_back(Decide(std::get<0>(key), std::get<1>(key), types_.IsToll(std::get<0>(key)), std::move(reports)));
      ev.figures.back().part = std::get<2>(key);
      if (ev.status == "denied") {
        // A later report withdrew the event: its figures no longer stand.
        FigureVerdict& v = ev.figures.back();
        v.verdict = "retracted";
        v.why = "a later report withdraws the event; before that: " + v.why;
      }
    }
    FindDisagreements(int(e));
  }
}

void Chronicle::FindDisagreements(int e) {
  ChronicleEvent& ev = events_[e];
  if (ev.mentions.size() < 2) return;
  auto add = [&](const std::string& field, const std::string& why, auto value_of) {
    Disagreement d;
    d.field = field;
    std::set<std::string> distinct;
    for (const auto& m : ev.mentions) {
      std::string v = value_of(articles_[m.article].extraction.events[m.event]);
      if (v.empty()) continue;
      d.values.push_back({m, v});
      distinct.insert(v);
    }
    if (distinct.size() < 2) return;
    d.why = why;
    ev.disagreements.push_back(d);
  };
  add("site", "the reports place it at different sites", [](const EventMention& m) {
    std::vector<std::string> sites = m.location.sites;
    std::sort(sites.begin(), sites.end());
    std::string s;
    for (const auto& x : sites) s += (s.empty() ? "" : "+") + x;
    return s;
  });
  add("status", "a report withdraws or denies what another reported", [](const EventMention& m) {
    return m.status == "occurred" || m.status == "denied" ? m.status : std::string();
  });
  add("date", "the reports give different days", [](const EventMention& m) {
    return m.date.precision == Precision::kDay ? m.date.value : std::string();
  });
  // (Days that differ are that disagreement already; weekdays that no day fits are this one.)
  if (std::none_of(ev.disagreements.begin(), ev.disagreements.end(), [](const Disagreement& d) { return d.field == "date"; }))
    if (auto d = DaysDisagree(ev, Allowed(summaries_[e].window))) ev.disagreements.push_back(*d);
  add("type", "the reports name the event differently", [&](const EventMention& m) {
    return types_.IsVague(m.type) || !m.generic.empty() ? std::string() : m.type;
  });
  // Perpetrators: two reports disagree when they share none.
  std::vector<std::pair<MentionRef, std::set<std::string>>> doers;
  for (const auto& m : ev.mentions) {
    std::set<std::string> ids;
    for (const auto& a : articles_[m.article].extraction.events[m.event].actors)
      if (a.role == "perpetrator" || a.role == "claimed_by") ids.insert(a.id);
    if (!ids.empty()) doers.push_back({m, ids});
  }
  for (size_t i = 0; i < doers.size(); ++i)
    for (size_t j = i + 1; j < doers.size(); ++j) {
      std::vector<std::string> shared;
      std::set_intersection(doers[i].second.begin(), doers[i].second.end(), doers[j].second.begin(),
                            doers[j].second.end(), std::back_inserter(shared));
      if (!shared.empty()) continue;
      Disagreement d;
      d.field = "perpetrator";
      d.why = "the reports name different perpetrators";
      for (const auto& [m, ids] : {doers[i], doers[j]}) {
        std::string s;
        for (const auto& id : ids) s += (s.empty() ? "" : "+") + id;
        d.values.push_back({m, s});
      }
      ev.disagreements.push_back(d);
      return;
    }
}

}  // namespace kroniek
