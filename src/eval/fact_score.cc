#include "eval/fact_score.h"

#include <algorithm>
#include <fstream>
#include <functional>

#include "core/utf8.h"

namespace kroniek {

namespace {

using nlohmann::json;
using Matcher = std::function<bool(const json& gold, const json& system)>;
using Describe = std::function<std::string(const json&)>;

std::string Str(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || j[key].is_null()) return "";
  return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

// Whether `full` ends with the words `tail` ("jan peeters" ends with "peeters").
bool EndsWithWords(const std::string& full, const std::string& tail) {
  return full.size() > tail.size() && full.compare(full.size() - tail.size(), tail.size(), tail) == 0 &&
         full[full.size() - tail.size() - 1] == ' ';
}

bool SameNumber(const json& gold, const json& system) {
  if (gold.is_null()) return system.is_null();
  return system.is_number() && std::abs(system.get<double>() - gold.get<double>()) < 1e-9;
}

// A gold source or speaker against the system's {"id", "name"} (or null).
bool SameActor(const std::string& gold, const json& system) {
  if (gold.empty()) return system.is_null();
  if (system.is_null()) return false;
  std::string want = ToLower(gold), id = ToLower(Str(system, "id")), name = ToLower(Str(system, "name"));
  if (want == id || want == name) return true;
  // A more specific unnamed id: "unnamed:army" is "unnamed:Malian army" and
  // "unnamed:spokesperson of army".
  if (want.rfind("unnamed:", 0) == 0 && id.rfind("unnamed:", 0) == 0) {
    // Number is not the point: "unnamed:resident" is "unnamed:residents".
    auto singular = [](std::string s) { return s.size() > 1 && s.back() == 's' ? s.substr(0, s.size() - 1) : s; };
    std::string role = singular(want.substr(8)), more = singular(id.substr(8));
    if (role == more || more.rfind(role + " ", 0) == 0 || EndsWithWords(more, role)) return true;
  }
  auto strip = [](const std::string& s) { return s.rfind("person:", 0) == 0 ? s.substr(7) : s; };
  std::string person = strip(want), full = strip(id);
  return person == full || EndsWithWords(full, person);  // a surname
}

bool FigureCore(const json& g, const json& s) {
  if (Str(g, "kind") != Str(s, "kind")) return false;
  if (g.contains("value") && !SameNumber(g["value"], s["value"])) return false;
  for (const char* bound : {"low", "high"})
    if (g.contains(bound) && !SameNumber(g[bound], s[bound])) return false;
  return true;
}

bool FigureFull(const json& g, const json& s) {
  if (!FigureCore(g, s) || Str(g, "event") != Str(s, "event")) return false;
  // A vague plural ("tientallen") has no qualifier unless the gold gives one.
  bool vague = g.contains("value") && g["value"].is_null();
  std::string qualifier = g.contains("qualifier") ? Str(g, "qualifier") : vague ? "" : "exact";
  if (!qualifier.empty() && qualifier != Str(s, "qualifier")) return false;
  return SameActor(Str(g, "source"), s["according_to"]);
}

std::string DescribeFigure(const json& f) {
  std::string v = f.contains("value") && !f["value"].is_null() ? f["value"].dump()
                                                               : Str(f, "low") + ".." + Str(f, "high");
  std::string source = f.contains("according_to") ? (f["according_to"].is_null() ? "" : Str(f["according_to"], "id"))
                                                  : Str(f, "source");
  return Str(f, "event") + " " + Str(f, "kind") + " " + v + " " +
         (f.contains("qualifier") ? Str(f, "qualifier") : "exact") + (source.empty() ? "" : " (" + source + ")");
}

bool SamePlace(const json& g, const json& s) {
  if (Str(g, "type") != Str(s, "type") || Str(g, "country") != Str(s, "country")) return false;
  std::string place = ToLower(Str(g, "place"));
  return place.empty() || place == ToLower(Str(s, "id")) || place == ToLower(Str(s, "name"));
}

// Greedy one-to-one matching of gold items to system items, in gold order.
void Match(const std::string& id, const std::vector<json>& gold, const std::vector<json>& system, const Matcher& same,
           const Describe& describe, const std::string& what, FactCount* count, std::vector<std::string>* errors) {
  std::vector<bool> used(system.size(), false);
  count->gold += gold.size();
  count->system += system.size();
  for (const auto& g : gold) {
    size_t i = 0;
    while (i < system.size() && (used[i] || !same(g, system[i]))) ++i;
    if (i < system.size()) {
      used[i] = true;
      ++count->matched;
    } else {
      errors->push_back(id + ": missed " + what + " " + describe(g));
    }
  }
  for (size_t i = 0; i < system.size(); ++i)
    if (!used[i]) errors->push_back(id + ": spurious " + what + " " + describe(system[i]));
}

// The system's facts of one analyzed article, in the gold's shape.
struct SystemFacts {
  std::vector<json> figures, events, dates, places, quotes;
  std::string published;
};

SystemFacts FromAnalysis(const json& record) {
  SystemFacts out;
  for (const auto& e : record.value("events", json::array())) {
    std::string type = Str(e, "type"), date = e.contains("date") ? Str(e["date"], "value") : "";
    out.events.push_back({{"type", type}, {"date", date}});
    if (!date.empty()) out.dates.push_back({{"type", type}, {"date", date}});
    if (e.contains("location") && e["location"].is_object())
      out.places.push_back({{"type", type},
                            {"country", e["location"].value("country", json())},
                            {"id", e["location"].value("id", json())},
                            {"name", e["location"].value("name", json())}});
    for (auto f : e.value("figures", json::array())) {
      f["event"] = type;
      out.figures.push_back(f);
    }
  }
  for (const auto& q : record.value("quotes", json::array()))
    out.quotes.push_back({{"speaker", q.value("speaker", json())}, {"kind", q.value("kind", json())}});
  if (record.contains("article")) out.published = Str(record["article"]["published"], "value");
  return out;
}

}  // namespace

const FactCount& FactScores::Row(const std::string& name) const {
  static const FactCount empty;
  for (const auto& [n, c] : rows)
    if (n == name) return c;
  return empty;
}

Status ReadJsonLines(const std::string& path, std::vector<json>* out) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open");
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      out->push_back(json::parse(line));
    } catch (const json::exception& e) {
      return Status::Error(path + ":" + std::to_string(n) + ": not JSON (" + e.what() + ")");
    }
  }
  return Status();
}

Status ScoreFacts(const std::vector<json>& gold, const std::vector<json>& system, FactScores* out) {
  std::map<std::string, SystemFacts> by_id;
  for (const auto& r : system) {
    if (!r.contains("article") || !r["article"].is_object()) continue;
    std::string id = Str(r["article"], "id");
    if (r.contains("events")) {
      by_id[id] = FromAnalysis(r);
    } else if (auto it = by_id.find(id); it != by_id.end()) {
      std::string inferred = Str(r["article"]["published"], "value");
      if (!inferred.empty()) it->second.published = inferred;
    }
  }
  FactCount figures, loose, events, dates, places, quotes, published;
  auto describe_event = [](const json& e) {
    return Str(e, "type") + " " + (Str(e, "date").empty() ? "undated" : Str(e, "date"));
  };
  auto describe_place = [](const json& p) {
    std::string name = Str(p, "place").empty() ? Str(p, "id") : Str(p, "place");
    return Str(p, "type") + " " + Str(p, "country") + (name.empty() ? "" : " " + name);
  };
  auto describe_quote = [](const json& q) {
    const json& s = q["speaker"];
    return (s.is_object() ? Str(s, "id") : Str(q, "speaker")) + " " + Str(q, "kind");
  };
  for (const auto& g : gold) {
    std::string id = Str(g, "id");
    if (id.empty()) return Status::Error("gold record without \"id\": " + g.dump().substr(0, 80));
    ++out->articles;
    const SystemFacts& s = by_id[id];
    auto list = [&](const char* key) { return g.value(key, json::array()).get<std::vector<json>>(); };
    std::vector<json> gold_events = list("events"), gold_dates, gold_places;
    for (const auto& e : gold_events) {
      if (!Str(e, "date").empty()) gold_dates.push_back(e);
      if (!Str(e, "country").empty()) gold_places.push_back(e);
    }
    auto& errs = out->errors;
    Match(id, list("figures"), s.figures, FigureFull, DescribeFigure, "figure", &figures, &errs);
    Match(id, list("figures"), s.figures, FigureCore, DescribeFigure, "figure (kind+value)", &loose, &errs);
    auto same_event = [](const json& a, const json& b) { return Str(a, "type") == Str(b, "type") && Str(a, "date") == Str(b, "date"); };
    Match(id, gold_events, s.events, same_event, describe_event, "event", &events, &errs);
    auto same_date = [](const json& a, const json& b) { return Str(a, "date") == Str(b, "date"); };
    Match(id, gold_dates, s.dates, same_date, describe_event, "event date", &dates, &errs);
    Match(id, gold_places, s.places, SamePlace, describe_place, "place", &places, &errs);
    auto same_quote = [](const json& a, const json& b) {
      return SameActor(Str(a, "speaker"), b["speaker"]) && (!a.contains("kind") || Str(a, "kind") == Str(b, "kind"));
    };
    Match(id, list("quotes"), s.quotes, same_quote, describe_quote, "quote", &quotes, &errs);
    std::vector<json> gold_pub, sys_pub;
    if (!Str(g, "published").empty()) gold_pub.push_back(Str(g, "published"));
    if (!s.published.empty()) sys_pub.push_back(s.published);
    Match(id, gold_pub, sys_pub, [](const json& a, const json& b) { return a == b; },
          [](const json& d) { return d.get<std::string>(); }, "publication date", &published, &errs);
  }
  out->rows = {{"figures", figures},         {"figures (kind+value)", loose}, {"events (type+date)", events},
               {"event dates", dates},       {"places", places},              {"quotes", quotes},
               {"publication dates", published}};
  return Status();
}

}  // namespace kroniek
