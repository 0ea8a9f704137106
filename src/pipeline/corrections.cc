#include "pipeline/corrections.h"

#include <algorithm>

namespace kroniek {

using nlohmann::json;

namespace {

const std::set<std::string> kActions = {"merge", "split", "relink", "set_figure", "reject_figure"};

json Anchor(const StoredMention& m) { return json::array({m.article, m.trigger}); }

// "e3" (as outputs name an article's mentions) -> 2.
int MentionIndex(const json& j) {
  std::string s = j.is_string() ? j.get<std::string>() : "";
  if (s.size() < 2 || s[0] != 'e') return -1;
  try {
    return std::stoi(s.substr(1)) - 1;
  } catch (...) {
    return -1;
  }
}

Status AnchorsOfEvent(const FuseIndex& index, const std::string& id, json* anchors) {
  std::vector<StoredMention> ms;
  KRONIEK_RETURN_IF_ERROR(index.MentionsOf({id}, &ms));
  if (ms.empty()) return Status::Error("no event '" + id + "'");
  for (const auto& m : ms) anchors->push_back(Anchor(m));
  return Status();
}

// The article's mention named by `ref` ({"article", "event": "eN"}) in the index.
Status FindMention(const FuseIndex& index, const json& ref, StoredMention* out) {
  if (!ref.is_object() || !ref.contains("article") || !ref["article"].is_string())
    return Status::Error("a mention is {\"article\": ID, \"event\": \"eN\"}");
  std::vector<StoredMention> ms;
  KRONIEK_RETURN_IF_ERROR(index.MentionsOfArticle(ref["article"], &ms));
  int k = MentionIndex(ref.value("event", json()));
  for (const auto& m : ms)
    if (m.mention == k) {
      *out = m;
      return Status();
    }
  return Status::Error("no mention " + ref.dump() + " in the store");
}

std::string Text(const json& args, const char* key) {
  return args.contains(key) && args[key].is_string() ? args[key].get<std::string>() : "";
}

// The chronicle's mention an anchor [article id, trigger offset] names, or {-1, -1}.
MentionRef Resolve(const Chronicle& c, const json& anchor) {
  if (!anchor.is_array() || anchor.size() != 2) return {-1, -1};
  const std::string article = anchor[0].get<std::string>();
  const uint32_t trigger = anchor[1].get<uint32_t>();
  for (size_t a = 0; a < c.articles().size(); ++a) {
    if (c.articles()[a].article.id != article) continue;
    const auto& events = c.articles()[a].extraction.events;
    for (size_t k = 0; k < events.size(); ++k) {
      bool hit = events[k].trigger.begin == trigger;
      for (const auto& e : events[k].evidence) hit |= e.begin <= trigger && trigger < e.end;
      if (hit && c.EventOf({int(a), int(k)}) >= 0) return {int(a), int(k)};
    }
  }
  return {-1, -1};
}

std::vector<int> EventsOfAnchors(const Chronicle& c, const json& anchors) {
  std::vector<int> out;
  if (!anchors.is_array()) return out;
  for (const auto& a : anchors) {
    MentionRef m = Resolve(c, a);
    int e = m.article < 0 ? -1 : c.EventOf(m);
    if (e >= 0 && std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  }
  return out;
}

}  // namespace

Status AnchorCorrection(const FuseIndex& index, Correction* c, std::set<std::string>* events) {
  if (!kActions.count(c->action)) return Status::Error("unknown correction '" + c->action + "' (merge, split, relink, set_figure, reject_figure)");
  if (c->who.empty()) return Status::Error("a correction needs who makes it");
  if (c->why.empty()) return Status::Error("a correction needs why");
  json& a = c->args;
  if (!a.is_object()) return Status::Error("correction arguments must be an object");
  json anchors = json::array();
  if (c->action == "merge") {
    if (!a.contains("events") || !a["events"].is_array() || a["events"].size() < 2)
      return Status::Error("merge needs \"events\": [ID, ID, …]");
    for (const auto& id : a["events"]) {
      if (!id.is_string()) return Status::Error("event ids are strings");
      KRONIEK_RETURN_IF_ERROR(AnchorsOfEvent(index, id, &anchors));
      events->insert(id.get<std::string>());
    }
  } else if (c->action == "split" || c->action == "relink") {
    const std::string id = Text(a, c->action == "split" ? "event" : "to");
    if (id.empty()) return Status::Error(c->action == "split" ? "split needs \"event\": ID" : "relink needs \"to\": ID");
    json target = json::array();
    KRONIEK_RETURN_IF_ERROR(AnchorsOfEvent(index, id, &target));
    events->insert(id);
    json refs = c->action == "split" ? a.value("mentions", json()) : json::array({a.value("mention", json())});
    if (!refs.is_array() || refs.empty()) return Status::Error(c->action + " needs the mention(s) to move");
    for (const auto& ref : refs) {
      StoredMention m;
      KRONIEK_RETURN_IF_ERROR(FindMention(index, ref, &m));
      if (c->action == "split" && m.event != id)
        return Status::Error("mention " + ref.dump() + " is not in event '" + id + "'");
      anchors.push_back(Anchor(m));
      events->insert(m.event);
    }
    if (c->action == "relink") a["target"] = target;
  } else {  // set_figure, reject_figure
    const std::string id = Text(a, "event");
    if (id.empty()) return Status::Error(c->action + " needs \"event\": ID");
    if (Text(a, "kind").empty()) return Status::Error(c->action + " needs the figure's \"kind\"");
    if (c->action == "set_figure" && !a.contains("value")) return Status::Error("set_figure needs \"value\"");
    if (c->action == "reject_figure" && (Text(a, "article").empty() || !a.contains("span")))
      return Status::Error("reject_figure needs the report's \"article\" and \"span\"");
    json record;
    KRONIEK_RETURN_IF_ERROR(index.Event(id, &record));
    if (record.is_null()) return Status::Error("no event '" + id + "'");
    KRONIEK_RETURN_IF_ERROR(AnchorsOfEvent(index, id, &anchors));
    events->insert(id);
  }
  a["anchors"] = anchors;
  return Status();
}

Status EventsOfCorrection(const FuseIndex& index, const Correction& c, std::set<std::string>* events) {
  std::vector<json> anchors;
  for (const char* key : {"anchors", "target"})
    if (c.args.contains(key))
      for (const auto& a : c.args[key]) anchors.push_back(a);
  for (const auto& a : anchors) {
    std::vector<StoredMention> ms;
    KRONIEK_RETURN_IF_ERROR(index.MentionsOfArticle(a[0].get<std::string>(), &ms));
    for (const auto& m : ms)
      if (m.trigger == a[1].get<uint32_t>()) events->insert(m.event);
  }
  return Status();
}

void ApplyCorrections(const std::vector<Correction>& corrections, Chronicle* c) {
  for (const auto& corr : corrections) {
    const json& a = corr.args;
    if (corr.action == "merge") {
      auto events = EventsOfAnchors(*c, a["anchors"]);
      // Merging shifts later indices: merge into the lowest, from the highest down.
      std::sort(events.begin(), events.end());
      for (size_t k = events.size(); k-- > 1;) c->Merge(events[0], events[k]);
    } else if (corr.action == "split") {
      int split = -1;
      for (const auto& anchor : a["anchors"]) {
        MentionRef m = Resolve(*c, anchor);
        if (m.article < 0) continue;
        if (split < 0) {
          c->Move(m, -1);
          split = c->EventOf(m);
        } else {
          c->Move(m, split);
          split = c->EventOf(m);
        }
      }
    } else if (corr.action == "relink") {
      auto targets = EventsOfAnchors(*c, a["target"]);
      MentionRef m = Resolve(*c, a["anchors"][0]);
      if (m.article >= 0 && !targets.empty()) c->Move(m, targets[0]);
    } else if (corr.action == "reject_figure") {
      for (size_t ai = 0; ai < c->articles().size(); ++ai) {
        if (c->articles()[ai].article.id != a["article"].get<std::string>()) continue;
        const auto& events = c->articles()[ai].extraction.events;
        for (size_t k = 0; k < events.size(); ++k)
          for (size_t f = 0; f < events[k].figures.size(); ++f)
            if (events[k].figures[f].span.begin == a["span"][0].get<uint32_t>() && events[k].figures[f].kind == a["kind"])
              c->Exclude({{int(ai), int(k)}, int(f)});
      }
    }
  }
}

void AnnotateCorrections(const std::vector<Correction>& corrections, const Chronicle& c, int event, json* record) {
  json& ev = (*record)["event"];
  json audit = json::array();
  for (const auto& corr : corrections) {
    auto events = EventsOfAnchors(c, corr.args["anchors"]);
    if (std::find(events.begin(), events.end(), event) == events.end()) continue;
    json args = corr.args;
    args.erase("anchors");
    args.erase("target");
    audit.push_back({{"seq", corr.seq}, {"at", corr.at}, {"who", corr.who}, {"why", corr.why}, {"action", corr.action},
                     {"args", args}});
    if (corr.action != "set_figure") continue;
    const std::string kind = corr.args["kind"], group = corr.args.value("group", "");
    const json best = {{"value", corr.args["value"]}, {"qualifier", corr.args.value("qualifier", "exact")}};
    const json by = {{"seq", corr.seq}, {"who", corr.who}, {"why", corr.why}};
    bool found = false;
    for (auto& f : ev["figures"]) {
      if (f["kind"] != kind || (!group.empty() && f["group"] != group) || f["part_of_total"] == true) continue;
      f["machine_best"] = f["best"];
      f["best"] = best;
      f["corrected"] = by;
      found = true;
      break;
    }
    if (!found)
      ev["figures"].push_back({{"kind", kind}, {"group", group.empty() ? "people" : group}, {"part_of_total", false},
                               {"verdict", "consistent"}, {"best", best}, {"why", "set by " + corr.who + ": " + corr.why},
                               {"history", json::array()}, {"corrected", by}});
  }
  if (!audit.empty()) ev["corrections"] = audit;
}

}  // namespace kroniek
