#include "store/analysis_codec.h"

#include <tuple>

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
                                                weekday, week, month, day, day_offset, reference)
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
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Paragraph, span, kind, debris, aside)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Article, id, source, url, title, title_span, lang, lang_given,
                                                published, extra_json, paragraphs, inline_stamps)

namespace {

using nlohmann::json;

// A record as a JSON array of its fields in a fixed order, and back: `fields(x)`
// ties them (the order is the stored form's).
template <typename Tuple>
json ToRow(const Tuple& fields) {
  return std::apply([](const auto&... f) { return json::array({json(f)...}); }, fields);
}
template <typename Tuple>
void FromRow(const json& row, Tuple fields) {
  std::apply([&](auto&... f) {
    size_t i = 0;
    // (A field added since a row was stored keeps its default.)
    ((i < row.size() ? (void)row.at(i++).get_to(f) : (void)0), ...);
  }, fields);
}

template <typename E> auto EntityFields(E& e) {
  return std::tie(e.span, e.first, e.last, e.id, e.name, e.type, e.country, e.lat, e.lon, e.parent, e.region,
                  e.population, e.plural, e.role, e.partial, e.anaphor, e.district);
}
template <typename Q> auto QuantityFields(Q& q) {
  return std::tie(q.span, q.first, q.last, q.number_token, q.value, q.low, q.high, q.qualifier, q.article_like);
}
template <typename T> auto TimeFields(T& t) {
  return std::tie(t.date, t.first, t.last, t.relative_to_event, t.event_offset, t.same_period, t.anniversary,
                  t.after_named);
}

// Each record of `found` a row; and back.
template <typename T, typename Fields>
json Rows(const std::vector<T>& found, Fields fields) {
  json out = json::array();
  for (const T& x : found) out.push_back(ToRow(fields(x)));
  return out;
}
template <typename T, typename Fields>
std::vector<T> FromRows(const json& rows, Fields fields) {
  std::vector<T> out(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) FromRow(rows[i], fields(out[i]));
  return out;
}

// The analysis kept for an article without a date of its own, as flat arrays: a
// token as its gap after the one before, length, kind, case and sentence step; its
// case-folded form only where that is not the lower case of its text.
json AnalysisToJson(const Analysis& a, const std::string& text) {
  json tokens = json::array(), folded = json::array(), sentences = json::array();
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
  auto entity = [](const Entity& e) { return EntityFields(e); };
  return {{"t", std::move(tokens)},
          {"l", std::move(folded)},
          {"s", std::move(sentences)},
          {"q", Rows(a.quantities, [](const Quantity& q) { return QuantityFields(q); })},
          {"m", Rows(a.times, [](const TimeMention& t) { return TimeFields(t); })},
          {"e", Rows(a.entities, entity)},
          {"d", Rows(a.dateline_places, entity)}};
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
  auto entity = [](Entity& e) { return EntityFields(e); };
  a.quantities = FromRows<Quantity>(j.at("q"), [](Quantity& q) { return QuantityFields(q); });
  a.times = FromRows<TimeMention>(j.at("m"), [](TimeMention& t) { return TimeFields(t); });
  a.entities = FromRows<Entity>(j.at("e"), entity);
  a.dateline_places = FromRows<Entity>(j.at("d"), entity);
  return a;
}

// What the article view shows of an entity and of a time (EncodeMarks).
template <typename E> auto EntityMarkFields(E& e) {
  return std::tie(e.span.begin, e.span.end, e.id, e.name, e.type, e.country, e.lat, e.lon, e.role, e.partial,
                  e.anaphor);
}
template <typename T> auto TimeMarkFields(T& t) {
  auto& d = t.date;
  return std::tie(d.value, d.precision, d.text, d.span.begin, d.span.end, d.from, d.to, d.basis, d.approximate);
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
  return json{{"e", Rows(analysis.entities, [](const Entity& e) { return EntityMarkFields(e); })},
              {"t", Rows(analysis.times, [](const TimeMention& t) { return TimeMarkFields(t); })}}
      .dump();
}

Status DecodeMarks(const std::string& encoded, Analysis* out) {
  try {
    auto j = json::parse(encoded);
    out->entities = FromRows<Entity>(j.at("e"), [](Entity& e) { return EntityMarkFields(e); });
    out->times = FromRows<TimeMention>(j.at("t"), [](TimeMention& t) { return TimeMarkFields(t); });
  } catch (const std::exception& e) {
    return Status::Error(std::string("damaged marks: ") + e.what());
  }
  return Status();
}

}  // namespace kroniek
