#include "analyze/analyze.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/resource_file.h"
#include "core/utf8.h"

namespace kroniek {

namespace {

const Span& SpanOf(const Quantity& q) { return q.span; }
const Span& SpanOf(const TimeMention& t) { return t.date.span; }

// The tokens time expressions take (the entity rules leave them alone).
std::vector<bool> TokensOf(const std::vector<TimeMention>& times, size_t tokens) {
  std::vector<bool> taken(tokens, false);
  for (const auto& t : times)
    for (int i = t.first; i < t.last; ++i) taken[i] = true;
  return taken;
}

bool Stamped(const Article& article, const Span& s) {
  return std::any_of(article.inline_stamps.begin(), article.inline_stamps.end(),
                     [&](const Span& stamp) { return stamp.contains(s); });
}

// A dateline opening a paragraph ("Rotterdam, 12 mei 2023 –", "AMSTERDAM (ANP) -") gives no
// facts: its numbers, dates and places (where it was written, not what happened) are dropped.
template <typename T>
void DropInlineStamps(const Article& article, std::vector<T>* found) {
  if (article.inline_stamps.empty()) return;
  found->erase(std::remove_if(found->begin(), found->end(), [&](const T& x) { return Stamped(article, SpanOf(x)); }),
               found->end());
}

void SetDatelinePlacesApart(const Article& article, Analysis* a) {
  auto stamped = [&](const Entity& e) { return Stamped(article, e.span); };
  for (const Entity& e : a->entities)
    if (stamped(e) && e.type == EntityType::kPlace) a->dateline_places.push_back(e);
  a->entities.erase(std::remove_if(a->entities.begin(), a->entities.end(), stamped), a->entities.end());
}

}  // namespace

Status Analyzer::Load(const std::string& dir, const Language& language) {
  language_ = &language;
  const std::string lang_dir = dir + "/" + language.code();
  ResourceFile abbreviations;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(lang_dir + "/abbreviations.tsv", 1, &abbreviations));
  for (const auto& r : abbreviations.rows) tokenizer_.abbreviations.insert(ToLower(r.fields[0]));
  KRONIEK_RETURN_IF_ERROR(numbers_.Load(lang_dir));
  KRONIEK_RETURN_IF_ERROR(times_.Load(lang_dir, language.words()));
  KRONIEK_RETURN_IF_ERROR(entity_rules_.Load(lang_dir, language.words()));
  KRONIEK_RETURN_IF_ERROR(stamps_.Load(lang_dir));
  KRONIEK_RETURN_IF_ERROR(debris_.Load(lang_dir));
  for (const auto& w : language.words().WordsOf("elision")) tokenizer_.elisions.insert(w);
  ResourceFile common_words;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(lang_dir + "/common_word_names.tsv", 1, &common_words));
  std::unordered_set<std::string> words;
  for (const auto& r : common_words.rows) words.insert(ToLower(r.fields[0]));
  KRONIEK_RETURN_IF_ERROR(places_.Load(dir + "/kb", lang_dir));
  gazetteer_.Build(language.kb(), tokenizer_, std::move(words), places_.compass_prefixes(),
                  places_.compass_continents());
  return Status();
}

std::string DetectLanguage(const std::string& text, bool* sure) {
  // CLD2 calls a hundred bytes of Dutch Norwegian or Italian now and then, reliably;
  // from 200 bytes of letters scored on, with 90% of the text in one language, it is
  // seldom wrong on prose.
  constexpr int kMinScoredBytes = 200;
  constexpr int kMinPercent = 90;
  CLD2::Language top[3];
  int percent[3];
  double scores[3];
  int scored_bytes = 0;
  bool reliable = false;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummary(text.data(), int(text.size()), true, nullptr, 0, top, percent,
                                                       scores, nullptr, &scored_bytes, &reliable);
  if (sure) *sure = reliable && scored_bytes >= kMinScoredBytes && top[0] == lang && percent[0] >= kMinPercent;
  return CLD2::LanguageCode(lang);
}

void Analyzer::Analyze(Article& article, Analysis* a) const {
  *a = Analysis();
  debris_.SplitAtBlockHeadings(article);
  for (const auto& p : article.paragraphs) Tokenize(article.text, p.span, tokenizer_, &a->tokens);
  SplitSentences(article, tokenizer_, &a->tokens, &a->sentences);
  stamps_.Mark(article, times_);  // may date the article: before any time is resolved
  debris_.Mark(article, a->tokens);
  for (const auto& s : a->sentences) {
    if (article.paragraphs[s.paragraph].kind == ParagraphKind::kDebris) continue;  // no facts from debris
    numbers_.Find(a->tokens, s.first, s.last, &a->quantities);
    DropInlineStamps(article, &a->quantities);
    gazetteer_.Find(article.text, a->tokens, s.first, s.last, &a->entities);
  }
  SetDatelinePlacesApart(article, a);  // before the article's countries are counted from its names
  FindTimes(article, a);
  // GeoNames places prefer the countries the curated names already placed the article in.
  std::vector<std::string> countries;
  for (const auto& e : a->entities)
    if ((e.type == EntityType::kCountry || e.type == EntityType::kPlace) && !e.country.empty() &&
        std::find(countries.begin(), countries.end(), e.country) == countries.end())
      countries.push_back(e.country);
  std::vector<std::string> admitted;
  std::vector<int> datelines;  // tokens that open a dateline: the place it was written in
  for (const Span& stamp : article.inline_stamps) {
    auto at = std::lower_bound(a->tokens.begin(), a->tokens.end(), stamp.begin,
                               [](const Token& t, uint32_t begin) { return t.span.begin < begin; });
    if (at != a->tokens.end() && at->span.begin == stamp.begin) datelines.push_back(int(at - a->tokens.begin()));
  }
  std::sort(datelines.begin(), datelines.end());
  for (const auto& s : a->sentences)
    if (article.paragraphs[s.paragraph].kind != ParagraphKind::kDebris)
      places_.AdjectiveCountries(a->tokens, s.first, s.last, a->entities, &countries, &admitted);
  std::unordered_map<std::string, int> after_cues;
  std::unordered_set<std::string> recurring;
  for (const auto& s : a->sentences)
    if (article.paragraphs[s.paragraph].kind != ParagraphKind::kDebris)
      for (const auto& name : places_.NamesAfterCues(a->tokens, s.first, s.last))
        if (++after_cues[name] == 2) recurring.insert(name);
  for (const auto& s : a->sentences)
    if (article.paragraphs[s.paragraph].kind != ParagraphKind::kDebris)
      places_.Find(a->tokens, s.first, s.last, countries, admitted, datelines, recurring, language_->kb(), &a->entities);
  std::vector<bool> blocked = TokensOf(a->times, a->tokens.size());
  for (const auto& q : a->quantities)
    for (int i = q.first; i < q.last; ++i) blocked[i] = true;
  entity_rules_.Find(article, a->tokens, a->sentences, language_->kb(), blocked, &a->entities);
  places_.RegionsAfterTheirNoun(a->tokens, a->sentences, &a->entities);
  places_.DropPlacesInsideNames(a->tokens, a->sentences, &a->entities);
  SetDatelinePlacesApart(article, a);  // and the places found since
}

// Per sentence, as Analyze reads them: a stamped time is dropped before the next
// sentence's first one may join it ("12 mei" + "2023").
void Analyzer::FindTimes(const Article& article, Analysis* a) const {
  for (const auto& s : a->sentences) {
    if (article.paragraphs[s.paragraph].kind == ParagraphKind::kDebris) continue;
    times_.Find(article.text, a->tokens, s.first, s.last, numbers_, article.published, &a->times);
    DropInlineStamps(article, &a->times);
  }
  times_.InheritYears(a->tokens, a->sentences, &a->times);
}

// Times are the only part of an analysis the date changes, and the entity rules
// see them only as the tokens they take; so while those stay, the rest holds.
// ("oktober vorig jaar" is one expression once "vorig jaar" has a year, two before:
// the same tokens.)
bool Analyzer::Redate(const Article& article, Analysis* a) const {
  const std::vector<bool> taken = TokensOf(a->times, a->tokens.size());
  a->times.clear();
  FindTimes(article, a);
  return TokensOf(a->times, a->tokens.size()) == taken;
}

}  // namespace kroniek
