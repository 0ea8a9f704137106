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

}  // namespace kroniek
