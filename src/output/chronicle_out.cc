#include "output/chronicle_out.h"

#include <iomanip>
#include <set>
#include <sstream>

#include "output/jsonl.h"

namespace kroniek {

using nlohmann::json;

namespace {

// A string field of a record, or the fallback.
std::string Str(const json& j, const char* key, const std::string& fallback = "") {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : fallback;
}

std::string EventId(int e) { return "c" + std::to_string(e + 1); }
std::string MentionId(int event) { return "e" + std::to_string(event + 1); }

const Figure& FigureOf(const Chronicle& c, const ReportRef& r) {
  return c.articles()[r.mention.article].extraction.events[r.mention.event].figures[r.figure];
}

std::string Number(const std::optional<double>& v) {
  if (!v) return "?";
  std::ostringstream s;
  s << *v;
  return s.str();
}

std::string ValueText(const std::optional<double>& value, const std::optional<double>& low,
                      const std::optional<double>& high, const std::string& qualifier) {
  std::string v = value ? Number(value) : low ? Number(low) + "-" + Number(high) : "(no number)";
  static const std::map<std::string, std::string> kWords = {
      {"at_least", "at least "}, {"at_most", "at most "}, {"about", "about "}, {"more_than", "more than "},
      {"up_to", "up to "},       {"possibly", "possibly "}};
  auto it = kWords.find(qualifier);
  return (it == kWords.end() ? "" : it->second) + v;
}

}  // namespace

json ChronicleEventToJson(const Chronicle& c, int e) {
  const ChronicleEvent& ev = c.events()[e];
  json actors = json::array();
  for (const auto& a : ev.actors)
    actors.push_back({{"role", a.role}, {"id", a.id.empty() ? json(nullptr) : json(a.id)}, {"name", a.name}});
  json figures = json::array();
  for (const auto& f : ev.figures) {
    json history = json::array();
    for (const auto& r : f.history) {
      const Figure& fig = FigureOf(c, r);
      const Article& a = c.articles()[r.mention.article].article;
      json report = {{"article", a.id},
                     {"published", a.published.known() ? json(a.published.value) : json(nullptr)},
                     {"value", OptionalNumber(fig.value)},
                     {"qualifier", fig.qualifier},
                     {"according_to", fig.according_to.empty() ? json(nullptr) : SourceToJson(fig.according_to[0])},
                     {"span", SpanToJson(fig.span)},
                     {"event", MentionId(r.mention.event)}};
      if (fig.low) { report["low"] = *fig.low; report["high"] = *fig.high; }
      if (fig.claim) report["claim"] = true;
      if (!fig.freshness.empty()) report["freshness"] = fig.freshness;
      history.push_back(report);
    }
    json best = {{"value", OptionalNumber(f.value)}, {"qualifier", f.qualifier}};
    if (f.low) { best["low"] = *f.low; best["high"] = *f.high; }
    figures.push_back({{"kind", f.kind}, {"group", f.group}, {"part_of_total", f.part}, {"verdict", f.verdict},
                       {"best", best}, {"why", f.why}, {"history", history}});
  }
  json disagreements = json::array();
  for (const auto& d : ev.disagreements) {
    json values = json::array();
    for (const auto& [m, v] : d.values)
      values.push_back({{"article", c.articles()[m.article].article.id}, {"event", MentionId(m.event)}, {"value", v}});
    disagreements.push_back({{"field", d.field}, {"values", values}, {"why", d.why}});
  }
  json relations = json::array();
  for (const auto& [type, other] : ev.relations) relations.push_back({{"type", type}, {"event", EventId(other)}});
  json mentions = json::array();
  for (const auto& m : ev.mentions)
    mentions.push_back({{"article", c.articles()[m.article].article.id}, {"event", MentionId(m.event)}});
  return {{"event", {{"id", EventId(e)},
                     {"type", ev.type},
                     {"name", ev.name.empty() ? json(nullptr) : json(ev.name)},
                     {"acled", AcledOf(c.rules(), ev.type)},
                     {"date", DateToJson(ev.date)},
                     {"location", LocationToJson(ev.location)},
                     {"actors", actors},
                     {"status", ev.status},
                     {"figures", figures},
                     {"disagreements", disagreements},
                     {"relations", relations},
                     {"mentions", mentions}}}};
}

json ChronicleArticleToJson(const ChronicleResult& result, int i) {
  const Article& a = result.chronicle->articles()[i].article;
  json published = {{"value", a.published.known() ? json(a.published.value) : json(nullptr)},
                    {"precision", PrecisionName(a.published.precision)},
                    {"basis", a.published.known() ? json(BasisName(a.published.basis)) : json(nullptr)},
                    {"from", nullptr},
                    {"to", nullptr},
                    {"candidates", json::array()},
                    {"why", nullptr}};
  auto it = result.publication.find(a.id);
  if (it != result.publication.end()) {
    // (The days the texts leave, for an article no day was chosen for.)
    if (!it->second.from.empty() && !a.published.civil().value_or(Civil{}).day) {
      published["from"] = it->second.from;
      published["to"] = it->second.to;
    }
    published["candidates"] = it->second.candidates;
    published["why"] = it->second.why;
  }
  return {{"article", {{"id", a.id}, {"published", published}}}};
}

void WriteChronicleJsonl(const ChronicleResult& result, std::ostream& out) {
  const Chronicle& c = *result.chronicle;
  for (size_t e = 0; e < c.events().size(); ++e) out << ChronicleEventToJson(c, int(e)).dump() << "\n";
  // Articles in id order, whatever order they were fused in.
  std::vector<int> order(c.articles().size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = int(i);
  std::sort(order.begin(), order.end(),
            [&](int x, int y) { return c.articles()[x].article.id < c.articles()[y].article.id; });
  for (int i : order) out << ChronicleArticleToJson(result, i).dump() << "\n";
}

std::string DateText(const json& date) {
  if (!Str(date, "value").empty()) return Str(date, "value");
  if (!Str(date, "from").empty()) return Str(date, "from") + ".." + Str(date, "to") + "?";
  return "date unknown";
}

void WriteEventText(const json& record, std::ostream& out) {
  auto number = [](const json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_number() ? std::optional<double>(j[key].get<double>())
                                                                   : std::nullopt;
  };
  auto value = [&](const json& v) {
    return ValueText(number(v, "value"), number(v, "low"), number(v, "high"), Str(v, "qualifier"));
  };
  const json& ev = record.at("event");
  out << Str(ev, "id") << "  " << DateText(ev["date"]) << "  " << Str(ev, "type");
  if (!Str(ev["location"], "name").empty()) out << " in " << Str(ev["location"], "name");
  if (!Str(ev["location"], "site").empty()) out << " (" << Str(ev["location"], "site") << ")";
  if (Str(ev, "status", "occurred") != "occurred") out << "  [" << Str(ev, "status") << "]";
  out << "\n";
  for (const auto& a : ev.value("actors", json::array())) out << "    " << Str(a, "role") << ": " << Str(a, "name") << "\n";
  for (const auto& r : ev.value("relations", json::array())) out << "    " << Str(r, "type") << " " << Str(r, "event") << "\n";
  for (const auto& f : ev.value("figures", json::array())) {
    out << "    " << Str(f, "kind") << " (" << Str(f, "group") << (f.value("part_of_total", false) ? ", part of the total" : "")
        << "): " << value(f["best"]) << "  [" << Str(f, "verdict") << "]";
    if (f.contains("corrected")) out << "  corrected by " << Str(f["corrected"], "who");
    out << "\n";
    for (const auto& r : f.value("history", json::array())) {
      out << "      " << std::left << std::setw(14) << value(r) << " " << Str(r, "article") << " ("
          << Str(r, "published", "undated") << ")";
      if (!Str(r["according_to"], "name").empty()) out << " according to " << Str(r["according_to"], "name");
      if (r.value("claim", false)) out << " [claim]";
      out << "\n";
    }
    out << "      why: " << Str(f, "why") << "\n";
  }
  for (const auto& d : ev.value("disagreements", json::array())) {
    out << "    ! " << Str(d, "field") << ":";
    for (const auto& v : d.value("values", json::array()))
      out << " " << Str(v, "article") << "=" << (v["value"].is_string() ? v["value"].get<std::string>() : v["value"].dump());
    out << " (" << Str(d, "why") << ")\n";
  }
  for (const auto& c : ev.value("corrections", json::array()))
    out << "    corrected: " << Str(c, "action") << " by " << Str(c, "who") << " (" << Str(c, "why") << ")\n";
  out << "    sources:";
  std::set<std::string> seen;
  for (const auto& m : ev.value("mentions", json::array()))
    if (seen.insert(Str(m, "article")).second) out << " " << Str(m, "article");
  out << "\n\n";
}

void WriteChronicleText(const ChronicleResult& result, std::ostream& out) {
  const Chronicle& c = *result.chronicle;
  for (size_t e = 0; e < c.events().size(); ++e) WriteEventText(ChronicleEventToJson(c, int(e)), out);
  for (const auto& [id, p] : result.publication)
    if (p.inferred) out << "publication date of " << id << " inferred: " << p.value << " (" << p.why << ")\n";
}

}  // namespace kroniek
