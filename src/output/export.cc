#include "output/export.h"

#include <memory>
#include <set>
#include <sstream>

namespace kroniek {

using nlohmann::json;

namespace {

std::string Str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

std::string Num(const json& j) {
  if (!j.is_number()) return "";
  std::ostringstream s;
  s << j.get<double>();
  return s.str();
}

// ACLED's time_precision: 1 a day, 2 a week or a few days, 3 a month or more.
std::string TimePrecision(const json& date) {
  const std::string p = Str(date, "precision");
  if (p == "day") return Str(date, "from").empty() ? "1" : "2";
  if (p == "month" || p == "year") return "3";
  return "";
}

// ACLED's geo_precision: 1 the town itself, 3 only the country (or region) known.
std::string GeoPrecision(const json& loc) {
  if (!loc.is_object() || Str(loc, "id").empty()) return "";
  if (Str(loc, "id") == Str(loc, "country")) return "3";
  return loc.value("inferred", false) ? "2" : "1";
}

std::string Actor(const json& ev, std::initializer_list<const char*> roles) {
  for (const char* role : roles)
    for (const auto& a : ev["actors"])
      if (Str(a, "role") == role) return Str(a, "name");
  return "";
}

std::string ValueText(const json& best) {
  std::string v = best["value"].is_number() ? Num(best["value"])
                  : best.contains("low") ? Num(best["low"]) + "-" + Num(best["high"])
                                         : "?";
  std::string q = Str(best, "qualifier");
  return q.empty() || q == "exact" ? v : q + " " + v;
}

// "killed 140 (updated; 2 reports); injured …": what an analyst reads first.
std::string Notes(const json& ev) {
  std::string notes;
  for (const auto& f : ev["figures"]) {
    if (!notes.empty()) notes += "; ";
    notes += Str(f, "kind") + " " + ValueText(f["best"]) + " " + Str(f, "group");
    if (f.value("part_of_total", false)) notes += " (part of the total)";
    notes += " [" + Str(f, "verdict") + ", " + std::to_string(f["history"].size()) + " reports]";
  }
  return notes;
}

class JsonlExporter : public EventExporter {
 public:
  void Begin(std::ostream&) override {}
  void Add(const json& r, std::ostream& out) override { out << r.dump() << "\n"; }
  void End(std::ostream&) override {}
};

class CsvExporter : public EventExporter {
 public:
  explicit CsvExporter(const ExportContext& c) : c_(c) {}
  void Begin(std::ostream& out) override {
    out << "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,iso,country,"
           "location,latitude,longitude,geo_precision,source,notes,fatalities,"
           "kroniek_type,kroniek_status,injured,articles,date_basis\r\n";
  }
  void Add(const json& r, std::ostream& out) override {
    const json& ev = r["event"];
    const json& date = ev["date"];
    const json& loc = ev["location"];
    const std::string value = Str(date, "value");
    const std::string iso = Str(loc, "country");
    auto name = c_.country_names.find(iso);
    std::set<std::string> outlets, articles;
    for (const auto& m : ev["mentions"]) {
      articles.insert(Str(m, "article"));
      std::string o = c_.outlet ? c_.outlet(Str(m, "article")) : "";
      if (!o.empty()) outlets.insert(o);
    }
    std::string sources;
    for (const auto& o : outlets) sources += (sources.empty() ? "" : "; ") + o;
    const json& acled = ev["acled"];
    const json& totals = ev.value("totals", json::object());
    std::vector<std::string> row = {
        Str(ev, "id"),
        value.size() == 10 ? value : "",
        value.size() >= 4 ? value.substr(0, 4) : "",
        TimePrecision(date),
        Str(acled, "event_type"),
        Str(acled, "sub_event_type"),
        Actor(ev, {"perpetrator", "claimed_by", "suspected"}),
        Actor(ev, {"target", "victim"}),
        iso,
        name == c_.country_names.end() ? iso : name->second,
        Str(loc, "name"),
        loc.is_object() ? Num(loc["lat"]) : "",
        loc.is_object() ? Num(loc["lon"]) : "",
        GeoPrecision(loc),
        sources,
        Notes(ev),
        totals.contains("killed") ? Num(totals["killed"]) : "0",
        Str(ev, "type"),
        Str(ev, "status"),
        totals.contains("injured") ? Num(totals["injured"]) : "",
        std::to_string(articles.size()),
        Str(date, "basis"),
    };
    for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << CsvField(row[i]);
    out << "\r\n";
  }
  void End(std::ostream&) override {}

 private:
  const ExportContext c_;  // a copy: callers may pass a temporary
};

class GeoJsonExporter : public EventExporter {
 public:
  void Begin(std::ostream& out) override { out << "{\"type\":\"FeatureCollection\",\"features\":[\n"; }
  void Add(const json& r, std::ostream& out) override {
    const json& ev = r["event"];
    const json& loc = ev["location"];
    json geometry = nullptr;  // an event without coordinates is a feature without geometry
    if (loc.is_object() && loc["lat"].is_number() && loc["lon"].is_number())
      geometry = {{"type", "Point"}, {"coordinates", {loc["lon"], loc["lat"]}}};
    const json& totals = ev.value("totals", json::object());
    json properties = {{"id", ev["id"]},
                       {"type", ev["type"]},
                       {"event_type", ev["acled"].is_object() ? ev["acled"]["event_type"] : json()},
                       {"date", ev["date"]["value"]},
                       {"date_precision", ev["date"]["precision"]},
                       {"place", loc.is_object() ? loc["name"] : json()},
                       {"country", loc.is_object() ? loc["country"] : json()},
                       {"killed", totals.value("killed", json())},
                       {"injured", totals.value("injured", json())},
                       {"status", ev["status"]},
                       {"articles", ev["mentions"].size()},
                       {"notes", Notes(ev)}};
    out << (first_ ? "" : ",\n") << json{{"type", "Feature"}, {"id", ev["id"]}, {"geometry", geometry}, {"properties", properties}}.dump();
    first_ = false;
  }
  void End(std::ostream& out) override { out << "\n]}\n"; }

 private:
  bool first_ = true;
};

}  // namespace

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + "\"";
}

std::unique_ptr<EventExporter> MakeExporter(const std::string& format, const ExportContext& context) {
  if (format == "jsonl") return std::make_unique<JsonlExporter>();
  if (format == "csv") return std::make_unique<CsvExporter>(context);
  if (format == "geojson") return std::make_unique<GeoJsonExporter>();
  return nullptr;
}

}  // namespace kroniek
