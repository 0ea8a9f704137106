#include "store/analysis_codec.h"

#include <nlohmann/json.hpp>

#include "core/utf8.h"

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
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Article, id, source, url, title, title_span, lang, lang_given,
                                                published, extra_json, paragraphs, inline_stamps)

namespace {

using nlohmann::json;

// The analysis kept for an article without a date of its own, as flat arrays: a
// token as its gap after the one before, length, kind, case and sentence step; its
// case-folded form only where that is not the lower case of its text.
json AnalysisToJson(const Analysis& a, const std::string& text) {
  json tokens = json::array(), folded = json::array(), sentences = json::array(), quantities = json::array(),
       times = json::array();
  uint32_t end = 0;
  int sentence = -1;
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    const Token& t = a.tokens[i];
    for (int64_t x : {int64_t(t.span.begin) - end, int64_t(t.span.size()), int64_t(t.kind), int64_t(t.capitalized),
                      int64_t(t.sentence - sentence)})
      tokens.push_back(x);
    if (t.lower != ToLower(std::string_view(text).substr(t.span.begin, t.span.size())))
      folded.push_back({i, t.lower});
    end = t.span.end;
    sentence = t.sentence;
  }
  for (const Sentence& s : a.sentences)
    for (int64_t x : {int64_t(s.span.begin), int64_t(s.span.end), int64_t(s.first), int64_t(s.last), int64_t(s.paragraph)})
      sentences.push_back(x);
  for (const Quantity& q : a.quantities)
    quantities.push_back({q.span, q.first, q.last, q.number_token, q.value, q.low, q.high, q.qualifier, q.article_like});
  for (const TimeMention& t : a.times)
    times.push_back({t.date, t.first, t.last, t.relative_to_event, t.event_offset, t.same_period, t.anniversary});
  auto entities = [](const std::vector<Entity>& found) {
    json out = json::array();
    for (const Entity& e : found)
      out.push_back({e.span, e.first, e.last, e.id, e.name, int(e.type), e.country, e.lat, e.lon, e.parent, e.region,
                     e.population, e.plural, e.role, e.partial, e.anaphor, e.district});
    return out;
  };
  return {{"t", std::move(tokens)}, {"l", std::move(folded)}, {"s", std::move(sentences)},
          {"q", std::move(quantities)}, {"m", std::move(times)}, {"e", entities(a.entities)},
          {"d", entities(a.dateline_places)}};
}

std::vector<Entity> EntitiesFromJson(const json& found) {
  std::vector<Entity> out;
  for (const auto& a : found) {
    Entity e;
    a.at(0).get_to(e.span);
    a.at(1).get_to(e.first);
    a.at(2).get_to(e.last);
    a.at(3).get_to(e.id);
    a.at(4).get_to(e.name);
    e.type = EntityType(a.at(5).get<int>());
    a.at(6).get_to(e.country);
    a.at(7).get_to(e.lat);
    a.at(8).get_to(e.lon);
    a.at(9).get_to(e.parent);
    a.at(10).get_to(e.region);
    a.at(11).get_to(e.population);
    a.at(12).get_to(e.plural);
    a.at(13).get_to(e.role);
    a.at(14).get_to(e.partial);
    a.at(15).get_to(e.anaphor);
    a.at(16).get_to(e.district);
    out.push_back(std::move(e));
  }
  return out;
}

Analysis AnalysisFromJson(const json& j, const std::string& text) {
  Analysis a;
  const json& tokens = j.at("t");
  uint32_t end = 0;
  int sentence = -1;
  for (size_t i = 0; i + 4 < tokens.size(); i += 5) {
    Token t;
    t.span.begin = end + tokens[i].get<uint32_t>();
    t.span.end = end = t.span.begin + tokens[i + 1].get<uint32_t>();
    t.kind = TokenKind(tokens[i + 2].get<int>());
    t.capitalized = tokens[i + 3].get<int>() != 0;
    t.sentence = sentence += tokens[i + 4].get<int>();
    t.lower = ToLower(std::string_view(text).substr(t.span.begin, t.span.size()));
    a.tokens.push_back(std::move(t));
  }
  for (const auto& f : j.at("l")) a.tokens.at(f.at(0).get<size_t>()).lower = f.at(1).get<std::string>();
  const json& sentences = j.at("s");
  for (size_t i = 0; i + 4 < sentences.size(); i += 5)
    a.sentences.push_back({{sentences[i].get<uint32_t>(), sentences[i + 1].get<uint32_t>()}, sentences[i + 2].get<int>(),
                           sentences[i + 3].get<int>(), sentences[i + 4].get<int>()});
  for (const auto& x : j.at("q")) {
    Quantity q;
    x.at(0).get_to(q.span);
    x.at(1).get_to(q.first);
    x.at(2).get_to(q.last);
    x.at(3).get_to(q.number_token);
    x.at(4).get_to(q.value);
    x.at(5).get_to(q.low);
    x.at(6).get_to(q.high);
    x.at(7).get_to(q.qualifier);
    x.at(8).get_to(q.article_like);
    a.quantities.push_back(std::move(q));
  }
  for (const auto& x : j.at("m")) {
    TimeMention t;
    x.at(0).get_to(t.date);
    x.at(1).get_to(t.first);
    x.at(2).get_to(t.last);
    x.at(3).get_to(t.relative_to_event);
    x.at(4).get_to(t.event_offset);
    x.at(5).get_to(t.same_period);
    x.at(6).get_to(t.anniversary);
    a.times.push_back(std::move(t));
  }
  a.entities = EntitiesFromJson(j.at("e"));
  a.dateline_places = EntitiesFromJson(j.at("d"));
  return a;
}

}  // namespace

std::string EncodeAnalysis(const AnalyzedArticle& a) {
  json j{{"article", a.article}, {"extraction", a.extraction}};
  if (a.analysis) j["analysis"] = AnalysisToJson(*a.analysis, a.article.text);
  return j.dump();
}

Status DecodeAnalysis(const std::string& encoded, std::string text, AnalyzedArticle* out) {
  try {
    auto j = json::parse(encoded);
    j.at("article").get_to(out->article);
    j.at("extraction").get_to(out->extraction);
    out->analysis = j.contains("analysis")
                        ? std::make_shared<const Analysis>(AnalysisFromJson(j.at("analysis"), text))
                        : nullptr;
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
