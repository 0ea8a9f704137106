#include "analyze/gazetteer.h"

#include <algorithm>

#include "core/utf8.h"

namespace kroniek {

namespace {
constexpr size_t kMinCompoundModifier = 5;  // bytes: 'Taliban', not 'Iran'
constexpr size_t kMinCompoundHead = 4;

bool IsAcronym(const std::string& s) {
  int letters = 0, upper = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t c = NextCodePoint(s, i);
    if (IsLetter(c)) { ++letters; upper += IsUpper(c); }
  }
  return letters > 0 && letters <= 5 && upper * 2 > letters;
}

bool AllLetters(std::string_view s) {
  for (size_t i = 0; i < s.size();)
    if (!IsLetter(NextCodePoint(s, i))) return false;
  return !s.empty();
}
}  // namespace

void Gazetteer::Build(const KnowledgeBase& kb, const TokenizerRules& rules, std::unordered_set<std::string> common_words,
                      std::vector<std::string> compass_prefixes, std::vector<std::string> continents) {
  common_words_ = std::move(common_words);
  compass_prefixes_ = std::move(compass_prefixes);
  continents_ = std::move(continents);
  for (const KbName& kn : kb.names()) {
    Name n;
    std::vector<Token> toks;
    Tokenize(kn.surface, {0, uint32_t(kn.surface.size())}, rules, &toks);
    if (toks.empty()) continue;
    for (const auto& t : toks) {
      n.words.push_back(t.lower);
      n.surfaces.push_back(kn.surface.substr(t.span.begin, t.span.size()));
    }
    n.case_sensitive = IsAcronym(kn.surface);
    {
      size_t i = 0;
      n.lowercase_ok = !IsUpper(NextCodePoint(kn.surface, i));
    }
    n.entry = kb.Find(kn.id);
    n.plural = kn.plural;
    auto& list = by_first_[n.words[0]];
    // A later name for the same surface and id refines it (names.tsv after kb/).
    auto same = std::find_if(list.begin(), list.end(), [&](const Name& o) {
      return o.words == n.words && o.case_sensitive == n.case_sensitive;
    });
    if (same != list.end()) {
      if (same->entry == n.entry) {
        n.lowercase_ok |= same->lowercase_ok;  // 'Taliban' and 'taliban' both match
        n.plural |= same->plural;
        *same = n;
      }
      continue;
    }
    list.push_back(std::move(n));
  }
  for (auto& [first, list] : by_first_) {
    std::stable_sort(list.begin(), list.end(), [](const Name& a, const Name& b) { return a.words.size() > b.words.size(); });
    for (const Name& n : list)
      if (n.words.size() == 1 && !n.case_sensitive && n.words[0].size() >= kMinCompoundModifier && AllLetters(n.words[0]))
        single_.emplace(n.words[0], &n);
  }
}

bool Gazetteer::Matches(const Name& n, const std::string& text, const std::vector<Token>& tokens, int i, int last) const {
  if (i + int(n.words.size()) > last) return false;
  if (!n.lowercase_ok && !tokens[i].capitalized) return false;
  for (size_t k = 0; k < n.words.size(); ++k) {
    const Token& t = tokens[i + k];
    if (t.lower != n.words[k]) return false;
    if (n.case_sensitive && text.compare(t.span.begin, t.span.size(), n.surfaces[k]) != 0) return false;
  }
  return true;
}

Entity Gazetteer::MakeEntity(const Name& n, Span span, int first, int last) const {
  Entity e;
  e.span = span;
  e.first = first;
  e.last = last;
  e.id = n.entry->id;
  e.name = n.entry->name;
  e.type = n.entry->type;
  e.country = n.entry->country;
  e.parent = n.entry->parent;
  e.lat = n.entry->lat;
  e.lon = n.entry->lon;
  e.plural = n.plural;
  return e;
}

bool Gazetteer::NamesPlace(const std::string& word) const {
  auto it = by_first_.find(word);
  if (it == by_first_.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [](const Name& n) {
    return n.words.size() == 1 && (n.entry->type == EntityType::kPlace || n.entry->type == EntityType::kCountry);
  });
}

bool Gazetteer::FindCountryPart(const std::string& text, const Token& t, int i, Entity* out) const {
  for (const std::string& prefix : compass_prefixes_) {
    if (t.lower.size() <= prefix.size() || t.lower.compare(0, prefix.size(), prefix) != 0) continue;
    size_t tail = t.span.begin + prefix.size();
    if (!IsUpper(NextCodePoint(text, tail))) return false;
    const std::string name = t.lower.substr(prefix.size());
    auto it = by_first_.find(name);
    if (it == by_first_.end() || std::count(continents_.begin(), continents_.end(), name)) return false;
    for (const Name& n : it->second)
      if (n.words.size() == 1 && n.entry->type == EntityType::kCountry) {
        *out = MakeEntity(n, t.span, i, i + 1);
        return true;
      }
    return false;
  }
  return false;
}

bool Gazetteer::FindCompound(const std::string& text, const Token& t, int i, Entity* out) const {
  if (t.kind != TokenKind::kWord) return false;
  if (FindCountryPart(text, t, i, out)) return true;
  // Hyphenated: 'IS-strijders', 'VN-vluchtelingencommissaris', 'Taliban-regering'.
  size_t hyphen = t.lower.find('-');
  if (hyphen != std::string::npos && hyphen > 0) {
    std::string head = t.lower.substr(0, hyphen);
    // ('Amsterdam-Parijs': two places joined name a route, a train's or a flight's, not a place.)
    size_t tail = t.span.begin + hyphen + 1;
    if (NamesPlace(t.lower.substr(hyphen + 1)) && IsUpper(NextCodePoint(text, tail))) return false;
    auto it = by_first_.find(head);
    if (it != by_first_.end()) {
      for (const Name& n : it->second) {
        if (n.words.size() != 1) continue;
        if (n.case_sensitive && text.compare(t.span.begin, hyphen, n.surfaces[0]) != 0) continue;
        if (!n.lowercase_ok && !t.capitalized) continue;
        *out = MakeEntity(n, {t.span.begin, uint32_t(t.span.begin + hyphen)}, i, i + 1);
        out->partial = true;
        return true;
      }
    }
  }
  // Closed compounds: 'Talibanstrijders'.
  if (t.lower.size() < kMinCompoundModifier + kMinCompoundHead) return false;
  for (size_t len = std::min(t.lower.size() - kMinCompoundHead, size_t(40)); len >= kMinCompoundModifier; --len) {
    auto it = single_.find(t.lower.substr(0, len));
    if (it == single_.end()) continue;
    if (!it->second->lowercase_ok && !t.capitalized) return false;
    std::string_view head = std::string_view(t.lower).substr(len);
    if (!AllLetters(head)) return false;
    // "Amerika|anse" is a suffix, not a compound: a vowel-final name followed
    // by a vowel-initial rest is derivation.
    auto is_vowel = [](char c) { return std::string_view("aeiouy").find(c) != std::string_view::npos; };
    if (is_vowel(t.lower[len - 1]) && is_vowel(head[0])) return false;
    // The byte length of the modifier is the same in the surface (case mapping
    // of these letters keeps their length).
    *out = MakeEntity(*it->second, {t.span.begin, uint32_t(t.span.begin + len)}, i, i + 1);
    out->partial = true;
    return true;
  }
  return false;
}

void Gazetteer::Find(const std::string& text, const std::vector<Token>& tokens, int first, int last,
                     std::vector<Entity>* out) const {
  for (int i = first; i < last; ++i) {
    if (i == first && common_words_.count(tokens[i].lower)) continue;  // "Namen zelfmoordterroristen bekend"
    auto it = by_first_.find(tokens[i].lower);
    bool found = false;
    if (it != by_first_.end()) {
      for (const Name& n : it->second) {
        if (!Matches(n, text, tokens, i, last)) continue;
        int end = i + int(n.words.size());
        out->push_back(MakeEntity(n, {tokens[i].span.begin, tokens[end - 1].span.end}, i, end));
        i = end - 1;
        found = true;
        break;
      }
    }
    Entity e;
    if (!found && FindCompound(text, tokens[i], i, &e)) out->push_back(e);
  }
}

}  // namespace kroniek
