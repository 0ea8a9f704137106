#include "store/analysis_codec.h"

#include <nlohmann/json.hpp>

namespace nlohmann {
template <typename T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& v) { j = v ? json(*v) : json(nullptr); }
  static void from_json(const json& j, std::optional<T>& v) {
    if (j.is_null()) v.reset();
    else v = j.get<T>();
  }
};
}  // namespace nlohmann

namespace kroniek {

// Short keys: the stored form is read back for every event a new article may join.
void to_json(nlohmann::json& j, const Span& s) { j = nlohmann::json::array({s.begin, s.end}); }
void from_json(const nlohmann::json& j, Span& s) {
  s.begin = j.at(0).get<uint32_t>();
  s.end = j.at(1).get<uint32_t>();
}

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Date, value, precision, text, span, from, to, basis, approximate,
                                                weekday, month, day, day_offset, reference)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Source, name, id, span)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Figure, kind, group, group_span, value, low, high, qualifier,
                                                according_to, part_of, span, confidence, from_fact_box, claim,
                                                freshness, in_title, reading, signals)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ActorRole, role, id, name, span)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Location, id, name, country, region, lat, lon, population, site, sites, span,
                                                inferred, approximate)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Relation, type, event)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Claim, by, channel, span)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Stance, actor, stance, toward, span)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(EventMention, type, generic, name, name_span, trigger, date, location, actors, figures,
                                                status, relations, claims, stances, evidence, confidence, signals,
                                                first_sentence, definite, after)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Quote, speaker, role, affiliation, span, kind)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Cleaned, kind, span)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Extraction, events, quotes, cleaned)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Paragraph, span, kind, debris)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Article, id, source, url, title, title_span, lang, published,
                                                extra_json, paragraphs)

std::string EncodeAnalysis(const AnalyzedArticle& a) {
  return nlohmann::json{{"article", a.article}, {"extraction", a.extraction}}.dump();
}

Status DecodeAnalysis(const std::string& encoded, std::string text, AnalyzedArticle* out) {
  try {
    auto j = nlohmann::json::parse(encoded);
    j.at("article").get_to(out->article);
    j.at("extraction").get_to(out->extraction);
  } catch (const std::exception& e) {
    return Status::Error(std::string("damaged analysis: ") + e.what());
  }
  out->article.text = std::move(text);
  return Status();
}

// Marks are written for every article ingested and read only to show one: just what the
// view shows of them, as arrays (an entity: begin, end, id, name, type, country, lat, lon,
// role, partial, anaphor; a time: its date's value, precision, text, begin, end, from, to,
// basis, approximate).
std::string EncodeMarks(const Analysis& analysis) {
  using nlohmann::json;
  json entities = json::array(), times = json::array();
  for (const Entity& e : analysis.entities)
    entities.push_back({e.span.begin, e.span.end, e.id, e.name, int(e.type), e.country, e.lat, e.lon, e.role,
                        e.partial, e.anaphor});
  for (const TimeMention& t : analysis.times) {
    const Date& d = t.date;
    times.push_back({d.value, int(d.precision), d.text, d.span.begin, d.span.end, d.from, d.to, int(d.basis),
                     d.approximate});
  }
  return json{{"e", std::move(entities)}, {"t", std::move(times)}}.dump();
}

Status DecodeMarks(const std::string& encoded, Analysis* out) {
  try {
    auto j = nlohmann::json::parse(encoded);
    for (const auto& a : j.at("e")) {
      Entity e;
      e.span = {a.at(0).get<uint32_t>(), a.at(1).get<uint32_t>()};
      a.at(2).get_to(e.id);
      a.at(3).get_to(e.name);
      e.type = EntityType(a.at(4).get<int>());
      a.at(5).get_to(e.country);
      a.at(6).get_to(e.lat);
      a.at(7).get_to(e.lon);
      a.at(8).get_to(e.role);
      a.at(9).get_to(e.partial);
      a.at(10).get_to(e.anaphor);
      out->entities.push_back(std::move(e));
    }
    for (const auto& a : j.at("t")) {
      TimeMention t;
      Date& d = t.date;
      a.at(0).get_to(d.value);
      d.precision = Precision(a.at(1).get<int>());
      a.at(2).get_to(d.text);
      d.span = {a.at(3).get<uint32_t>(), a.at(4).get<uint32_t>()};
      a.at(5).get_to(d.from);
      a.at(6).get_to(d.to);
      d.basis = DateBasis(a.at(7).get<int>());
      a.at(8).get_to(d.approximate);
      out->times.push_back(std::move(t));
    }
  } catch (const std::exception& e) {
    return Status::Error(std::string("damaged marks: ") + e.what());
  }
  return Status();
}

}  // namespace kroniek
