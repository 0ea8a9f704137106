// A store's fusion of the neighbourhood new articles touch (StoreDriver::Refuse): the
// stored events their mentions may join, fused again with them, written in their place.
#include "pipeline/store_driver.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "ingest/inputs.h"
#include "output/chronicle_out.h"
#include "pipeline/corrections.h"

namespace kroniek {

using nlohmann::json;

namespace {

// Rounds of one fusion: the neighbourhood may grow along a chain of reports 15 times (a
// bound on the cost of one batch: a chain of generated weekly stories, one article at a
// time, needed eight rounds at most).
constexpr int kMaxReachRounds = 16;

// Totals for queries and ACLED's `fatalities`, from the record's figures
// (corrections included): the best total of the whole event ("people" when
// reported, else the largest group); sub-groups are never added, retracted
// figures never count.
json Totals(const json& figures) {
  json totals = json::object();
  for (const char* kind : {"killed", "injured"}) {
    std::optional<double> people, largest;
    for (const auto& f : figures) {
      if (f["kind"] != kind || f.value("part_of_total", false) || f["verdict"] == "retracted") continue;
      const json& best = f["best"];
      const json& v = best["value"].is_number() ? best["value"] : best.contains("low") ? best["low"] : json();
      if (!v.is_number()) continue;
      if (f["group"] == "people") people = v.get<double>();
      if (!largest || v.get<double>() > *largest) largest = v.get<double>();
    }
    if (auto v = people ? people : largest) totals[kind] = *v == std::floor(*v) ? json(int64_t(*v)) : json(*v);
  }
  return totals;
}

std::string FigureKey(const json& f) {
  return f.value("kind", "") + "|" + f.value("group", "") + "|" + (f.value("part_of_total", false) ? "part" : "total");
}

// "new" for an event never seen, "figure" for each best figure that moved.
Status LogChanges(FuseIndex& index, const std::string& id, const json* before, const json& after) {
  const json& ev = after["event"];
  if (!before) {
    return index.AddChange(id, "new", {{"type", ev["type"]}, {"date", ev["date"]["value"]},
                                       {"place", ev["location"].is_object() ? ev["location"]["name"] : json()},
                                       {"totals", ev["totals"]}});
  }
  std::map<std::string, json> old;
  for (const auto& f : (*before)["event"]["figures"]) old[FigureKey(f)] = f["best"];
  for (const auto& f : ev["figures"]) {
    auto it = old.find(FigureKey(f));
    json from = it == old.end() ? json() : it->second;
    if (from == f["best"]) continue;
    KRONIEK_RETURN_IF_ERROR(index.AddChange(id, "figure", {{"kind", f["kind"]}, {"group", f["group"]},
                                                           {"part_of_total", f["part_of_total"]}, {"from", from},
                                                           {"to", f["best"]}, {"verdict", f["verdict"]}}));
  }
  return Status();
}

}  // namespace

// What one fusion of a neighbourhood works on, phase by phase (Refuse).
struct StoreDriver::Neighbourhood {
  std::vector<std::pair<int64_t, AnalyzedArticle>> fresh;  // analyzed now: they take part whole
  std::set<int64_t> fresh_seqs;
  std::set<std::string> touched;       // the stored events fused again
  std::vector<Correction> corrections;
  std::vector<StoredMention> old;      // the touched events' mentions
  std::map<int64_t, AnalyzedArticle> loaded;
  // What the rounds of one fusion read (Refuse): stored analyses, and those read again
  // as they came (AsItCame).
  std::map<int64_t, AnalyzedArticle>*read = nullptr, *undated = nullptr;
  std::set<int64_t> redo;              // stored articles without a date of their own: read again
  std::map<std::string, json> before;  // the touched events' records
  // (article id, trigger offset) -> event: the offset, not the mention's
  // number, names a mention across re-analyses.
  std::map<std::pair<std::string, uint32_t>, std::string> old_event;
  std::map<std::string, int64_t> seq_of;  // article id -> seq
  ChronicleResult result;                 // the neighbourhood fused again
  std::vector<std::string> ids;           // each fused event's id
  std::set<std::string> kept;             // the stored ids that carry over
};

Status StoreDriver::Refuse(std::vector<std::pair<int64_t, AnalyzedArticle>> fresh, std::set<std::string> touched) {
  // The neighbourhood grows while the events fusion changed may join stored ones
  // beyond it (a chain of reports breaks where all its links say, whatever came first).
  Neighbourhood n;
  std::map<int64_t, AnalyzedArticle> read, undated;
  for (int round = 1;; ++round) {
    n = Neighbourhood();
    n.read = &read;
    n.undated = &undated;
    n.fresh = fresh;
    n.touched = touched;
    KRONIEK_RETURN_IF_ERROR(Gather(n));
    KRONIEK_RETURN_IF_ERROR(FuseAgain(n));
    std::set<std::string> more;
    if (round < kMaxReachRounds) KRONIEK_RETURN_IF_ERROR(Reach(n, &more));
    if (more.empty()) break;
    touched.insert(more.begin(), more.end());
  }
  KRONIEK_RETURN_IF_ERROR(CarryIds(n));
  std::vector<StoredEvent> records;
  KRONIEK_RETURN_IF_ERROR(Records(n, &records));
  return Write(n, records);
}

// The stored events the new mentions may join, the events corrections tie to
// them, and the stored articles without a date of their own among their reports.
Status StoreDriver::Gather(Neighbourhood& n) {
  Chronicle probe(pipeline_.types());
  std::vector<std::string> keys;
  for (const auto& [seq, aa] : n.fresh)
    for (const auto& m : aa.extraction.events)
      for (auto& k : probe.NeighbourhoodKeys(m, aa.article.published)) keys.push_back(std::move(k));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  KRONIEK_RETURN_IF_ERROR(index_.EventsWithKeys(keys, &n.touched));
  KRONIEK_RETURN_IF_ERROR(index_.Corrections(&n.corrections));
  for (const auto& c : n.corrections) {
    std::set<std::string> tied;
    KRONIEK_RETURN_IF_ERROR(EventsOfCorrection(index_, c, &tied));
    if (std::any_of(tied.begin(), tied.end(), [&](const std::string& e) { return n.touched.count(e); }))
      n.touched.insert(tied.begin(), tied.end());
  }
  // Stored articles without a date of their own take part whole and are read
  // again, so that the new articles can date them (their other events join the
  // neighbourhood for that), and look up what they may join as they came.
  for (const auto& [seq, aa] : n.fresh) n.fresh_seqs.insert(seq);
  for (bool grew = true; grew;) {
    grew = false;
    n.old.clear();
    KRONIEK_RETURN_IF_ERROR(index_.MentionsOf(n.touched, &n.old));
    std::vector<std::string> more_keys;  // what the articles read again may join as they came
    for (const auto& m : n.old) {
      if (n.loaded.count(m.seq) || n.fresh_seqs.count(m.seq)) continue;
      auto r = n.read->find(m.seq);
      if (r == n.read->end()) {
        AnalyzedArticle stored;
        KRONIEK_RETURN_IF_ERROR(index_.LoadAnalysis(m.seq, &stored));
        r = n.read->emplace(m.seq, std::move(stored)).first;
      }
      n.loaded[m.seq] = r->second;
      if (n.loaded[m.seq].article.HasOwnDate()) continue;
      n.redo.insert(m.seq);
      const size_t size = n.touched.size();
      KRONIEK_RETURN_IF_ERROR(index_.EventsOfArticle(m.seq, &n.touched));
      grew |= n.touched.size() > size;
      const AnalyzedArticle* came = nullptr;
      KRONIEK_RETURN_IF_ERROR(AsItCame(n, m.seq, &came));
      for (const auto& e : came->extraction.events)
        for (auto& k : probe.NeighbourhoodKeys(e, came->article.published)) more_keys.push_back(std::move(k));
    }
    if (!more_keys.empty()) {
      std::sort(more_keys.begin(), more_keys.end());
      more_keys.erase(std::unique(more_keys.begin(), more_keys.end()), more_keys.end());
      const size_t size = n.touched.size();
      KRONIEK_RETURN_IF_ERROR(index_.EventsWithKeys(more_keys, &n.touched));
      grew |= n.touched.size() > size;
    }
  }
  for (const auto& id : n.touched) KRONIEK_RETURN_IF_ERROR(index_.Event(id, &n.before[id]));
  return Status();
}

// A stored article read as it came, without the date fusion gave it (once a fusion:
// n.undated keeps it).
Status StoreDriver::AsItCame(Neighbourhood& n, int64_t seq, const AnalyzedArticle** out) {
  auto done = n.undated->find(seq);
  if (done == n.undated->end()) {
    AnalyzedArticle aa = n.loaded.at(seq);
    if (aa.analysis) {
      pipeline_.Redate(aa, Date());
    } else {  // stored without its analysis (by an earlier kroniek): analysed again
      int64_t same = 0;
      json record;
      Article again;
      KRONIEK_RETURN_IF_ERROR(index_.Record(aa.article.id, &same, &record));
      KRONIEK_RETURN_IF_ERROR(ArticleFromRecord(index_.path() + ":" + aa.article.id, record, {}, &again));
      aa = AnalyseArticle(pipeline_, std::move(again));
    }
    done = n.undated->emplace(seq, std::move(aa)).first;
  }
  *out = &done->second;
  return Status();
}

// The neighbourhood's mentions fused with the new articles; the new analyses stored.
Status StoreDriver::FuseAgain(Neighbourhood& n) {
  std::map<int64_t, std::vector<int>> only;
  for (const auto& m : n.old) {
    n.old_event[{m.article, m.trigger}] = m.event;
    n.seq_of[m.article] = m.seq;
    if (!n.fresh_seqs.count(m.seq)) only[m.seq].push_back(m.mention);  // else analyzed again: it takes part whole
  }
  std::vector<FuseInput> inputs;
  for (auto& [seq, mentions] : only) {
    AnalyzedArticle& aa = n.loaded[seq];
    if (n.redo.count(seq)) {
      const AnalyzedArticle* came = nullptr;
      KRONIEK_RETURN_IF_ERROR(AsItCame(n, seq, &came));
      n.fresh.emplace_back(seq, *came);
      continue;
    }
    std::sort(mentions.begin(), mentions.end());
    // (The events of its reports outside the neighbourhood: with them, two articles still
    // tell one story, as when all is fused at once.)
    std::set<std::string> outside;
    KRONIEK_RETURN_IF_ERROR(index_.EventsOfArticle(seq, &outside));
    for (const auto& id : n.touched) outside.erase(id);
    inputs.push_back({std::move(aa), mentions, std::move(outside)});
  }
  std::set<std::string> fresh_ids;
  for (auto& [seq, aa] : n.fresh) {
    n.seq_of[aa.article.id] = seq;
    fresh_ids.insert(aa.article.id);
    inputs.push_back({std::move(aa), std::nullopt, {}});
  }
  n.result = FuseAnalyzed(pipeline_, std::move(inputs), [&](Chronicle& c) { ApplyCorrections(n.corrections, &c); },
                          threads_);
  // The new analyses, with an inferred publication date where one was found.
  for (const auto& aa : n.result.chronicle->articles())
    if (fresh_ids.count(aa.article.id))
      KRONIEK_RETURN_IF_ERROR(index_.PutAnalysis(n.seq_of[aa.article.id], aa));
  return Status();
}

// The stored events outside the neighbourhood that an event it changed may now
// join: where a chain of reports breaks depends on every link.
Status StoreDriver::Reach(const Neighbourhood& n, std::set<std::string>* more) {
  std::map<std::string, std::set<std::pair<std::string, uint32_t>>> stored;  // event -> its mentions
  for (const auto& m : n.old) stored[m.event].insert({m.article, m.trigger});
  const Chronicle& c = *n.result.chronicle;
  std::vector<std::string> keys;
  for (const auto& event : c.events()) {
    std::set<std::pair<std::string, uint32_t>> mentions;
    std::set<std::string> olds;  // the stored events of its mentions ("": a new one)
    for (const auto& m : event.mentions) {
      const auto& aa = c.articles()[m.article];
      const std::pair<std::string, uint32_t> mention{aa.article.id, aa.extraction.events[m.event].trigger.begin};
      mentions.insert(mention);
      auto it = n.old_event.find(mention);
      olds.insert(it == n.old_event.end() ? "" : it->second);
    }
    if (olds.size() == 1 && !olds.begin()->empty() && stored[*olds.begin()] == mentions) continue;  // as stored
    for (const auto& m : event.mentions) {
      const auto& aa = c.articles()[m.article];
      for (auto& k : c.NeighbourhoodKeys(aa.extraction.events[m.event], aa.article.published)) keys.push_back(std::move(k));
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::set<std::string> reached;
  KRONIEK_RETURN_IF_ERROR(index_.EventsWithKeys(keys, &reached));
  for (const auto& id : reached)
    if (!n.touched.count(id)) more->insert(id);
  return Status();
}

// Ids carry over: the largest share of an old event's mentions keeps its id.
Status StoreDriver::CarryIds(Neighbourhood& n) {
  const Chronicle& c = *n.result.chronicle;
  const auto& events = c.events();
  std::vector<std::tuple<int, std::string, int>> votes;  // (-count, old id, event)
  for (size_t e = 0; e < events.size(); ++e) {
    std::map<std::string, int> count;
    for (const auto& m : events[e].mentions) {
      const auto& aa = c.articles()[m.article];
      auto it = n.old_event.find({aa.article.id, aa.extraction.events[m.event].trigger.begin});
      if (it != n.old_event.end()) ++count[it->second];
    }
    for (const auto& [id, share] : count) votes.emplace_back(-share, id, int(e));
  }
  std::sort(votes.begin(), votes.end());
  n.ids.assign(events.size(), "");
  for (const auto& [share, id, e] : votes)
    if (n.ids[e].empty() && !n.kept.count(id)) {
      n.ids[e] = id;
      n.kept.insert(id);
    }
  for (auto& id : n.ids)
    if (id.empty()) KRONIEK_RETURN_IF_ERROR(index_.NewEventId(&id));
  return Status();
}

// The fused events' records, with relations by id (also to events outside the neighbourhood).
Status StoreDriver::Records(Neighbourhood& n, std::vector<StoredEvent>* out) {
  const Chronicle& c = *n.result.chronicle;
  const auto& events = c.events();
  for (size_t e = 0; e < events.size(); ++e) {
    const ChronicleEvent& ev = events[e];
    StoredEvent s;
    s.id = n.ids[e];
    s.record = ChronicleEventToJson(c, int(e));
    json& r = s.record["event"];
    r["id"] = s.id;
    json relations = json::array();
    auto relate = [&](const std::string& type, const std::string& other) {
      json rel = {{"type", type}, {"event", other}};
      if (other != s.id && std::find(relations.begin(), relations.end(), rel) == relations.end()) relations.push_back(rel);
    };
    for (const auto& [type, other] : ev.relations) relate(type, n.ids[other]);
    for (const auto& m : ev.mentions) {
      const auto& aa = c.articles()[m.article];
      for (const auto& rel : aa.extraction.events[m.event].relations) {
        if (c.EventOf({m.article, rel.event}) >= 0) continue;
        std::string other;
        KRONIEK_RETURN_IF_ERROR(index_.EventOfMention(n.seq_of[aa.article.id], rel.event, &other));
        if (!other.empty() && !n.touched.count(other)) relate(rel.type, other);
      }
      s.mentions.emplace_back(n.seq_of[aa.article.id], m.event);
      s.triggers.push_back(aa.extraction.events[m.event].trigger.begin);
    }
    r["relations"] = relations;
    AnnotateCorrections(n.corrections, c, int(e), &s.record);
    r["totals"] = Totals(r["figures"]);
    s.days = RangeOf(ev.date);
    s.keys = c.IndexKeys(int(e));
    out->push_back(std::move(s));
  }
  return Status();
}

// Writes the records in place of the touched events, and logs what changed.
Status StoreDriver::Write(const Neighbourhood& n, const std::vector<StoredEvent>& records) {
  const Chronicle& c = *n.result.chronicle;
  const auto& events = c.events();
  KRONIEK_RETURN_IF_ERROR(index_.ReplaceEvents(n.touched, records));
  for (const auto& s : records) {
    auto it = n.before.find(s.id);
    const json* prior = it != n.before.end() && !it->second.is_null() ? &it->second : nullptr;
    KRONIEK_RETURN_IF_ERROR(LogChanges(index_, s.id, prior, s.record));
  }
  for (const auto& id : n.touched) {
    if (n.kept.count(id)) continue;
    // Where did its mentions go?
    std::map<std::string, int> into;
    for (const auto& m : n.old)
      if (m.event == id)
        for (size_t e = 0; e < events.size(); ++e)
          for (const auto& mm : events[e].mentions)
            if (c.articles()[mm.article].article.id == m.article &&
                c.articles()[mm.article].extraction.events[mm.event].trigger.begin == m.trigger)
              ++into[n.ids[e]];
    auto best = std::max_element(into.begin(), into.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
    if (best == into.end()) KRONIEK_RETURN_IF_ERROR(index_.AddChange(id, "removed", json::object()));
    else KRONIEK_RETURN_IF_ERROR(index_.AddChange(id, "merged", {{"into", best->first}}));
  }
  return Status();
}

}  // namespace kroniek
