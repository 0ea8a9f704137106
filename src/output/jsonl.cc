#include "output/jsonl.h"

namespace kroniek {

using nlohmann::json;

json OptionalNumber(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

namespace {

const char* EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kPlace: return "place";
    case EntityType::kCountry: return "country";
    case EntityType::kSite: return "site";
    case EntityType::kArmedGroup: return "armed_group";
    case EntityType::kState: return "state";
    case EntityType::kMilitary: return "military";
    case EntityType::kGovernment: return "government";
    case EntityType::kAgency: return "agency";
    case EntityType::kOrganisation: return "organisation";
    case EntityType::kPerson: return "person";
    case EntityType::kGroupNoun: return "group";
  }
  return "other";
}

}  // namespace

json SourceToJson(const Source& s) {
  return {{"name", s.name}, {"id", s.id.empty() ? json(nullptr) : json(s.id)}, {"span", SpanToJson(s.span)}};
}

namespace {

json FigureToJson(const Figure& f) {
  json j = {{"kind", f.kind},
            {"group", f.group},
            {"value", OptionalNumber(f.value)},
            {"low", OptionalNumber(f.low)},
            {"high", OptionalNumber(f.high)},
            {"qualifier", f.qualifier},
            {"according_to", f.according_to.empty() ? json(nullptr) : SourceToJson(f.according_to[0])},
            {"part_of", f.part_of >= 0 ? json(f.part_of) : json(nullptr)},
            {"span", SpanToJson(f.span)},
            {"confidence", f.confidence}};
  if (f.according_to.size() > 1) {
    j["sources"] = json::array();
    for (const auto& s : f.according_to) j["sources"].push_back(SourceToJson(s));
  }
  if (!f.group_span.empty()) j["group_span"] = SpanToJson(f.group_span);
  if (f.claim) j["claim"] = true;
  if (!f.freshness.empty()) j["freshness"] = f.freshness;
  if (!f.signals.empty()) j["signals"] = f.signals;
  return j;
}

}  // namespace

json LocationToJson(const Location& l) {
  if (l.name.empty() && l.site.empty()) return nullptr;
  json j = {{"id", l.id.empty() ? json(nullptr) : json(l.id)},
            {"name", l.name.empty() ? json(nullptr) : json(l.name)},
            {"country", l.country.empty() ? json(nullptr) : json(l.country)},
            {"lat", OptionalNumber(l.lat)},
            {"lon", OptionalNumber(l.lon)},
            {"site", l.site.empty() ? json(nullptr) : json(l.site)},
            {"span", l.span.empty() ? json(nullptr) : SpanToJson(l.span)}};
  if (l.sites.size() > 1) j["sites"] = l.sites;
  if (l.inferred) j["inferred"] = true;
  return j;
}

json AcledOf(const FuseRules& types, const std::string& type) {
  const auto* acled = types.Acled(type);
  return acled ? json{{"event_type", acled->first}, {"sub_event_type", acled->second}} : json(nullptr);
}


json SpanToJson(const Span& s) { return json::array({s.begin, s.end}); }

json DateToJson(const Date& d) {
  return {{"value", d.known() ? json(d.value) : json(nullptr)},
          {"precision", PrecisionName(d.precision)},
          {"text", d.text.empty() ? json(nullptr) : json(d.text)},
          {"span", d.span.empty() ? json(nullptr) : SpanToJson(d.span)},
          {"from", d.from.empty() ? json(nullptr) : json(d.from)},
          {"to", d.to.empty() ? json(nullptr) : json(d.to)},
          {"basis", BasisName(d.basis)},
          {"approximate", d.approximate}};
}

json ArticleToJson(const Article& article, const Analysis& analysis, const Extraction& x, const FuseRules& types) {
  json out;
  json published = DateToJson(article.published);
  out["article"] = {{"id", article.id},
                    {"source", article.source.empty() ? json(nullptr) : json(article.source)},
                    {"url", article.url.empty() ? json(nullptr) : json(article.url)},
                    {"title", article.title.empty() ? json(nullptr) : json(article.title)},
                    {"lang", article.lang},
                    {"published", {{"value", published["value"]},
                                   {"precision", published["precision"]},
                                   {"basis", article.published.known() ? published["basis"] : json(nullptr)}}}};
  if (!article.extra_json.empty()) out["article"]["extra"] = json::parse(article.extra_json, nullptr, false);
  json events = json::array();
  for (size_t k = 0; k < x.events.size(); ++k) {
    const EventMention& e = x.events[k];
    json actors = json::array();
    for (const auto& a : e.actors)
      actors.push_back({{"role", a.role}, {"id", a.id.empty() ? json(nullptr) : json(a.id)}, {"name", a.name},
                        {"span", SpanToJson(a.span)}});
    json figures = json::array();
    for (const auto& f : e.figures) figures.push_back(FigureToJson(f));
    json relations = json::array();
    for (const auto& r : e.relations) relations.push_back({{"type", r.type}, {"event", "e" + std::to_string(r.event + 1)}});
    json claims = json::array();
    for (const auto& c : e.claims)
      claims.push_back({{"by", SourceToJson(c.by)}, {"channel", c.channel.empty() ? json(nullptr) : json(c.channel)},
                        {"span", SpanToJson(c.span)}});
    json stances = json::array();
    for (const auto& s : e.stances)
      stances.push_back({{"actor", SourceToJson(s.actor)}, {"stance", s.stance}, {"toward", SourceToJson(s.toward)},
                         {"span", SpanToJson(s.span)}});
    json evidence = json::array();
    for (const auto& sp : e.evidence) evidence.push_back(SpanToJson(sp));
    events.push_back({{"id", "e" + std::to_string(k + 1)},
                      {"type", e.type},
                      {"generic", e.generic.empty() ? json(nullptr) : json(e.generic)},
                      {"name", e.name.empty() ? json(nullptr)
                                              : json{{"id", e.name},
                                                     {"text", article.text.substr(e.name_span.begin, e.name_span.size())},
                                                     {"span", SpanToJson(e.name_span)}}},
                      {"acled", AcledOf(types, e.type)},
                      {"trigger", SpanToJson(e.trigger)},
                      {"date", DateToJson(e.date)},
                      {"location", LocationToJson(e.location)},
                      {"actors", actors},
                      {"figures", figures},
                      {"status", e.status},
                      {"relations", relations},
                      {"claims", claims},
                      {"stances", stances},
                      {"evidence", evidence},
                      {"confidence", e.confidence}});
    if (!e.signals.empty()) events.back()["signals"] = e.signals;
  }
  out["events"] = events;
  json entities = json::array();
  for (const auto& e : analysis.entities) {
    json j = {{"id", e.id}, {"name", e.name}, {"type", EntityTypeName(e.type)}, {"span", SpanToJson(e.span)}};
    if (!e.country.empty()) j["country"] = e.country;
    if (e.lat) { j["lat"] = *e.lat; j["lon"] = *e.lon; }
    if (!e.role.empty()) j["role"] = e.role;
    if (e.partial) j["partial"] = true;
    if (e.anaphor) j["anaphor"] = true;
    entities.push_back(j);
  }
  out["entities"] = entities;
  json times = json::array();
  for (const auto& t : analysis.times) times.push_back(DateToJson(t.date));
  out["times"] = times;
  json quotes = json::array();
  for (const auto& q : x.quotes)
    quotes.push_back({{"speaker", {{"name", q.speaker.name.empty() ? json(nullptr) : json(q.speaker.name)},
                                   {"id", q.speaker.id.empty() ? json(nullptr) : json(q.speaker.id)},
                                   {"role", q.role.empty() ? json(nullptr) : json(q.role)},
                                   {"affiliation", q.affiliation.empty() ? json(nullptr) : json(q.affiliation)}}},
                      {"span", SpanToJson(q.span)},
                      {"kind", q.kind}});
  out["quotes"] = quotes;
  json cleaned = json::array();
  for (const auto& c : x.cleaned) cleaned.push_back({{"kind", c.kind}, {"span", SpanToJson(c.span)}});
  out["cleaned"] = cleaned;
  return out;
}

}  // namespace kroniek
