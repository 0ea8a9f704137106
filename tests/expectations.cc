#include "expectations.h"

#include "core/resource_file.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <vector>

namespace kroniek::testing {

namespace {

using nlohmann::json;
using Attrs = std::map<std::string, std::string>;

std::string Str(const json& j) { return j.is_null() ? "null" : j.is_string() ? j.get<std::string>() : j.dump(); }

bool NumberIs(const json& j, const std::string& want) {
  if (want == "null") return j.is_null();
  return j.is_number() && j.get<double>() == std::stod(want);
}

bool EventMatches(const json& ev, const json& events, const Attrs& a) {
  for (const auto& [key, want] : a) {
    if (key == "type" && ev["type"] != want) return false;
    if (key == "generic" && Str(ev.value("generic", json())) != want) return false;
    if (key == "date" && Str(ev["date"]["value"]) != want) return false;
    if (key == "from" && Str(ev["date"]["from"]) != want) return false;
    if (key == "precision" && ev["date"]["precision"] != want) return false;
    if (key == "status" && ev["status"] != want) return false;
    if (key == "name" && (ev["name"].is_null() ? want != "null" : Str(ev["name"]["id"]) != want)) return false;
    // An event placed nowhere has no location: "place=null" asks for that.
    const json& loc = ev["location"];
    if (key == "place" && (loc.is_null() ? want != "null" : Str(loc["id"]) != want)) return false;
    if (key == "country" && (loc.is_null() ? want != "null" : Str(loc["country"]) != want)) return false;
    if (key == "site" && (loc.is_null() ? want != "null" : Str(loc["site"]) != want)) return false;
    if (key == "sites") {
      if (ev["location"].is_null()) return false;
      json sites = ev["location"].contains("sites") ? ev["location"]["sites"] : json::array();
      for (const auto& s : SplitComma(want))
        if (std::find(sites.begin(), sites.end(), s) == sites.end()) return false;
    }
    if (key == "perpetrator" || key == "claimed_by" || key == "target" || key == "responder" || key == "victim") {
      bool found = false;
      for (const auto& actor : ev["actors"]) found |= actor["role"] == key && actor["id"] == want;
      if (!found) return false;
    }
    if (key == "channel") {
      bool found = false;
      for (const auto& c : ev["claims"]) found |= Str(c["channel"]) == want;
      if (!found) return false;
    }
    if (key == "relation") {
      auto colon = want.find(':');
      bool found = false;
      for (const auto& r : ev["relations"])
        for (const auto& other : events)
          found |= r["type"] == want.substr(0, colon) && other["id"] == r["event"] && other["type"] == want.substr(colon + 1);
      if (!found) return false;
    }
  }
  return true;
}

bool FigureMatches(const json& f, const json& ev, const Attrs& a) {
  for (const auto& [key, want] : a) {
    if (key == "event" && ev["type"] != want) return false;
    if (key == "kind" && f["kind"] != want) return false;
    if (key == "value" && !NumberIs(f["value"], want)) return false;
    if (key == "low" && !NumberIs(f["low"], want)) return false;
    if (key == "high" && !NumberIs(f["high"], want)) return false;
    if (key == "qualifier" && f["qualifier"] != want) return false;
    if (key == "group" && f["group"] != want) return false;
    if (key == "source" && (want == "null" ? !f["according_to"].is_null()
                                            : (f["according_to"].is_null() || f["according_to"]["id"] != want)))
      return false;
    if (key == "sources") {
      json all = f.contains("sources") ? f["sources"] : json::array({f["according_to"]});
      for (const auto& id : SplitComma(want)) {
        bool found = false;
        for (const auto& s : all) found |= !s.is_null() && s["id"] == id;
        if (!found) return false;
      }
    }
    if (key == "claim" && (f.value("claim", false) != (want == "true"))) return false;
    if (key == "freshness" && f.value("freshness", std::string("none")) != want) return false;
    if (key == "confidence_at_least" && f["confidence"].get<double>() < std::stod(want)) return false;
    if (key == "part_of_kind") {
      if (f["part_of"].is_null()) return want == "null";  // "part_of_kind=null": a figure of its own
      if (ev["figures"][f["part_of"].get<int>()]["kind"] != want) return false;
    }
  }
  return true;
}


// The keys each verb reads; any other key is a typo in the expectation.
const std::map<std::string, std::set<std::string>>& KnownKeys() {
  static const std::map<std::string, std::set<std::string>> keys = {
      {"event",
       {"type", "generic", "name", "date", "from", "precision", "status", "place", "country", "site", "sites", "perpetrator",
        "claimed_by", "target", "responder", "victim", "channel", "relation", "count"}},
      {"figure",
       {"event", "kind", "value", "low", "high", "qualifier", "group", "source", "sources", "claim", "freshness",
        "confidence_at_least", "part_of_kind", "count"}},
      {"quote", {"kind", "speaker", "affiliation", "text"}},
      {"stance", {"actor", "stance", "toward", "event"}},
      {"entity", {"id", "type", "role", "text"}},
      {"cleaned", {"kind", "text"}},
      {"published", {"value", "precision", "basis"}},
      {"time", {"value", "precision", "text"}},
  };
  return keys;
}

std::string Surface(const Article& a, const json& span) {
  size_t b = span[0].get<size_t>(), e = span[1].get<size_t>();
  return a.text.substr(b, e - b);
}

}  // namespace

bool ParseExpectation(const std::string& line, Expectation* e) {
  std::istringstream words(line);
  if (!(words >> e->verb)) return false;
  std::string rest;
  std::getline(words, rest);
  size_t i = 0;
  while (i < rest.size()) {
    while (i < rest.size() && rest[i] == ' ') ++i;
    if (i >= rest.size()) break;
    size_t eq = rest.find('=', i);
    if (eq == std::string::npos) break;
    std::string key = rest.substr(i, eq - i), value;
    i = eq + 1;
    if (i < rest.size() && rest[i] == '"') {
      size_t close = rest.find('"', i + 1);
      value = rest.substr(i + 1, close - i - 1);
      i = close == std::string::npos ? rest.size() : close + 1;
    } else {
      size_t sp = rest.find(' ', i);
      value = rest.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
      i = sp == std::string::npos ? rest.size() : sp;
    }
    e->attrs[key] = value;
  }
  return true;
}

std::string Check(const Expectation& e, const json& out, const Article& article) {
  const json& events = out["events"];
  const bool negative = e.verb.rfind("no-", 0) == 0;
  const std::string verb = negative ? e.verb.substr(3) : e.verb;
  auto known = KnownKeys().find(verb);
  if (known == KnownKeys().end()) return "unknown expectation '" + e.verb + "'";
  for (const auto& [key, want] : e.attrs)
    if (!known->second.count(key)) return "unknown key '" + key + "' for '" + e.verb + "'";
  int matches = 0;
  std::string shown;
  if (verb == "event") {
    Attrs attrs = e.attrs;
    attrs.erase("count");
    for (const auto& ev : events) matches += EventMatches(ev, events, attrs);
    shown = events.dump(1);
    // count=N: exactly N events (of all), besides one matching the other attributes.
    if (!negative && e.attrs.count("count") && int(events.size()) != std::stoi(e.attrs.at("count")))
      return "expected " + e.attrs.at("count") + " events, found " + std::to_string(events.size()) + "\n" + shown;
  } else if (verb == "figure") {
    Attrs attrs = e.attrs;
    attrs.erase("count");
    for (const auto& ev : events)
      for (const auto& f : ev["figures"]) matches += FigureMatches(f, ev, attrs);
    shown = events.dump(1);
    if (!negative && e.attrs.count("count"))
      return matches == std::stoi(e.attrs.at("count")) ? "" : "expected " + e.attrs.at("count") + " matching figures, found " +
                                                                  std::to_string(matches) + "\n" + shown;
  } else if (verb == "quote") {
    for (const auto& q : out["quotes"]) {
      bool ok = true;
      for (const auto& [key, want] : e.attrs) {
        if (key == "kind") ok &= q["kind"] == want;
        if (key == "speaker") ok &= Str(q["speaker"]["id"]) == want;
        if (key == "affiliation") ok &= Str(q["speaker"]["affiliation"]) == want;
        if (key == "text") ok &= Surface(article, q["span"]).find(want) != std::string::npos;
      }
      matches += ok;
    }
    shown = out["quotes"].dump(1);
  } else if (verb == "stance") {
    for (const auto& ev : events)
      for (const auto& s : ev["stances"]) {
        bool ok = true;
        for (const auto& [key, want] : e.attrs) {
          if (key == "actor") ok &= s["actor"]["id"] == want;
          if (key == "stance") ok &= s["stance"] == want;
          if (key == "toward") ok &= s["toward"]["id"] == want;
          if (key == "event") ok &= ev["type"] == want;
        }
        matches += ok;
      }
    shown = events.dump(1);
  } else if (verb == "entity") {
    for (const auto& en : out["entities"]) {
      bool ok = true;
      for (const auto& [key, want] : e.attrs) {
        if (key == "id") ok &= en["id"] == want;
        if (key == "type") ok &= en["type"] == want;
        if (key == "role") ok &= en.contains("role") && en["role"] == want;
        if (key == "text") ok &= Surface(article, en["span"]) == want;
      }
      matches += ok;
    }
    shown = out["entities"].dump(1);
  } else if (verb == "cleaned") {
    for (const auto& c : out["cleaned"])
      matches += c["kind"] == e.attrs.at("kind") &&
                 (!e.attrs.count("text") || Surface(article, c["span"]).find(e.attrs.at("text")) != std::string::npos);
    shown = out["cleaned"].dump(1);
  } else if (verb == "published") {
    const json& p = out["article"]["published"];
    bool ok = true;
    for (const auto& [key, want] : e.attrs) {
      if (key == "value") ok &= Str(p["value"]) == want;
      if (key == "precision") ok &= p["precision"] == want;
      if (key == "basis") ok &= p["basis"] == want;
    }
    matches += ok;
    shown = p.dump();
  } else if (verb == "time") {
    for (const auto& t : out["times"]) {
      bool ok = true;
      for (const auto& [key, want] : e.attrs) {
        if (key == "value") ok &= Str(t["value"]) == want;
        if (key == "precision") ok &= t["precision"] == want;
        if (key == "text") ok &= Str(t["text"]) == want;
      }
      matches += ok;
    }
    shown = out["times"].dump(1);
  }
  if (negative) return matches == 0 ? "" : "expected no match\n" + shown;
  return matches > 0 ? "" : "no match\n" + shown;
}

}  // namespace kroniek::testing
