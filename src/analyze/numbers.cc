#include "analyze/numbers.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/resource_file.h"
#include "core/utf8.h"

namespace kroniek {

Status NumberGrammar::Load(const std::string& lang_dir) {
  ResourceFile numbers;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(lang_dir + "/numbers.tsv", 2, &numbers));
  static const std::unordered_map<std::string, Class> kClasses = {
      {"unit", Class::kUnit},       {"ten", Class::kTen},     {"hundred", Class::kHundred},
      {"multiplier", Class::kMultiplier}, {"connector", Class::kConnector}, {"vague", Class::kVague},
      {"zero", Class::kZero},       {"nobody", Class::kNobody},       {"article", Class::kArticle},
      {"approx", Class::kApprox},   {"fraction", Class::kFraction}};
  for (const auto& row : numbers.rows) {
    const auto& f = row.fields;
    if (f[0] == "format") {
      if (f.size() < 3 || f[2].size() != 1)
        return Status::Error(numbers.path + ":" + std::to_string(row.line) + ": format needs a one-character value");
      (f[1] == "thousands" ? thousands_ : decimal_) = f[2][0];
      continue;
    }
    if (f[1] == "intensifier") { intensifiers_.push_back(ToLower(f[0])); continue; }
    if (f[1] == "additive") { additives_.push_back(ToLower(f[0])); continue; }
    if (f[1] == "round_suffix") { round_suffixes_.push_back(ToLower(f[0])); continue; }
    if (f[1] == "idiom") {
      for (const auto& form : SplitBar(f[0])) idioms_.push_back(LowerWords(form));
      continue;
    }
    if (f[1] == "clock") {
      for (const auto& form : SplitBar(f[0])) clock_cues_.push_back(LowerWords(form));
      continue;
    }
    auto cls = kClasses.find(f[1]);
    if (cls == kClasses.end())
      return Status::Error(numbers.path + ":" + std::to_string(row.line) + ": unknown class '" + f[1] + "'");
    Word w{cls->second};
    if (f.size() > 2) w.value = std::stod(f[2]);
    if (f.size() > 3) w.high = std::stod(f[3]);
    words_[ToLower(f[0])] = w;
    longest_word_ = std::max(longest_word_, f[0].size());
  }
  ResourceFile quals;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(lang_dir + "/qualifiers.tsv", 2, &quals));
  for (const auto& row : quals.rows) qualifiers_.push_back({LowerWords(row.fields[0]), row.fields[1]});
  // Longest phrases first, so "meer dan" wins over "dan".
  std::stable_sort(qualifiers_.begin(), qualifiers_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return Status();
}

std::optional<double> NumberGrammar::ParseDigits(const std::string& s) const {
  if (s.empty() || s[0] < '0' || s[0] > '9') return std::nullopt;
  // Thousands groups: 1.500.000 (each group exactly three digits).
  std::string digits;
  bool grouped = s.find(thousands_) != std::string::npos;
  if (grouped) {
    size_t start = 0;
    bool first = true;
    while (start <= s.size()) {
      size_t sep = s.find(thousands_, start);
      std::string group = s.substr(start, sep == std::string::npos ? std::string::npos : sep - start);
      if (group.find(decimal_) != std::string::npos && sep == std::string::npos) {
        size_t d = group.find(decimal_);
        if (d != 3) { grouped = false; break; }
      } else if ((first && (group.empty() || group.size() > 3)) || (!first && group.size() != 3)) {
        grouped = false;
        break;
      }
      digits += group;
      first = false;
      if (sep == std::string::npos) break;
      start = sep + 1;
    }
  }
  if (!grouped) digits = s;
  std::string normal;
  for (char c : digits) {
    if (c >= '0' && c <= '9') normal += c;
    else if (c == decimal_ || (!grouped && c == thousands_)) normal += '.';
    else return std::nullopt;
  }
  if (std::count(normal.begin(), normal.end(), '.') > 1) return std::nullopt;
  double value = 0;
  auto [end, error] = std::from_chars(normal.data(), normal.data() + normal.size(), value);
  if (error != std::errc() || end != normal.data() + normal.size() || value > kLargestNumber) return std::nullopt;
  return value;
}

std::optional<double> NumberGrammar::RoundCount(const std::string& lower) const {
  for (const auto& suffix : round_suffixes_)
    if (lower.size() > suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0)
      return ParseDigits(lower.substr(0, lower.size() - suffix.size()));
  return std::nullopt;
}

std::optional<double> NumberGrammar::ParseWord(const std::string& s) const {
  // Segment into number morphemes (longest first), then evaluate:
  // [unit [connector ten] | ten | teen] [hundred ...] [multiplier ...].
  std::vector<const Word*> parts;
  size_t i = 0;
  while (i < s.size()) {
    const Word* found = nullptr;
    size_t len = std::min(longest_word_, s.size() - i);
    for (; len > 0; --len) {
      auto it = words_.find(s.substr(i, len));
      if (it != words_.end() && it->second.cls != Class::kVague && it->second.cls != Class::kZero &&
          it->second.cls != Class::kNobody && it->second.cls != Class::kApprox) {
        found = &it->second;
        break;
      }
    }
    if (!found) return std::nullopt;
    parts.push_back(found);
    i += len;
  }
  double total = 0, group = 0, small = 0;
  Class prev = Class::kConnector;
  bool any = false;
  for (size_t k = 0; k < parts.size(); ++k) {
    const Word& w = *parts[k];
    // Inside a compound the article form is the unit: "eenentwintig".
    Class cls = w.cls == Class::kArticle ? Class::kUnit : w.cls;
    switch (cls) {
      case Class::kUnit:
        if (any && (prev == Class::kUnit || prev == Class::kTen)) return std::nullopt;
        small += w.value;
        break;
      case Class::kTen:
        if (prev == Class::kTen) return std::nullopt;
        if (prev == Class::kUnit && k > 0) return std::nullopt;  // units need the connector
        small += w.value;
        break;
      case Class::kConnector:
        if (prev != Class::kUnit || k + 1 >= parts.size()) return std::nullopt;
        // (A fraction closes the word: "tweeënhalf" is 2.5.)
        if (parts[k + 1]->cls != Class::kTen && !(parts[k + 1]->cls == Class::kFraction && k + 2 == parts.size()))
          return std::nullopt;
        break;
      case Class::kFraction:  // (alone, "half" is no number: Find reads it before a multiplier)
        if (k == 0 || prev != Class::kConnector) return std::nullopt;
        small += w.value;
        break;
      case Class::kHundred:
        group += (small == 0 ? 1 : small) * w.value;
        small = 0;
        break;
      case Class::kMultiplier:
        total += (group + small == 0 ? 1 : group + small) * w.value;
        group = small = 0;
        break;
      default:
        return std::nullopt;
    }
    prev = cls;
    any = true;
  }
  return total + group + small;
}

namespace {

// Whether `s` is `min_len` to three digits only ("10", "000").
bool IsDigitGroup(const std::string& s, size_t min_len) {
  return s.size() >= min_len && s.size() <= 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<double> NumberGrammar::ParseToken(const std::string& lower) const {
  if (auto d = ParseDigits(lower)) return d;
  auto it = words_.find(lower);
  if (it != words_.end()) {
    if (it->second.cls == Class::kVague) return std::nullopt;
    if (it->second.cls == Class::kZero || it->second.cls == Class::kNobody || it->second.cls == Class::kArticle ||
        it->second.cls == Class::kApprox)
      return it->second.value;
  }
  if (auto round = RoundCount(lower)) return round;
  return ParseWord(lower);
}

int NumberGrammar::QualifierBefore(const std::vector<Token>& tokens, int lower_bound, int end,
                                   std::string* qualifier) const {
  for (const auto& [phrase, q] : qualifiers_) {
    int n = int(phrase.size());
    if (end - n < lower_bound) continue;
    bool match = true;
    for (int k = 0; k < n && match; ++k) match = tokens[end - n + k].lower == phrase[k];
    if (match) { *qualifier = q; return end - n; }
  }
  return end;
}

namespace {

// Digits joined by a colon to digits, no space between ("14:01", "0:58"): a clock
// time or a video's length, never a count.
bool InClockTime(const std::vector<Token>& tokens, int i, int first, int last) {
  auto digits = [&](int k) {
    return k >= first && k < last && !tokens[k].lower.empty() &&
           std::all_of(tokens[k].lower.begin(), tokens[k].lower.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto joined = [&](int a) { return tokens[a].span.end == tokens[a + 1].span.begin; };
  auto colon = [&](int k) { return k >= first && k < last && tokens[k].lower == ":"; };
  if (!digits(i)) return false;
  return (colon(i + 1) && digits(i + 2) && joined(i) && joined(i + 1)) ||
         (colon(i - 1) && digits(i - 2) && joined(i - 2) && joined(i - 1));
}

// Whether the words of `phrase` stand at tokens[start…].
bool PhraseAt(const std::vector<Token>& tokens, int start, const std::vector<std::string>& phrase) {
  for (size_t k = 0; k < phrase.size(); ++k)
    if (tokens[start + int(k)].lower != phrase[k]) return false;
  return true;
}

}  // namespace

bool NumberGrammar::InIdiom(const std::vector<Token>& tokens, int i, int first, int last) const {
  for (const auto& idiom : idioms_) {
    const int n = int(idiom.size());
    for (int start = std::max(first, i - n + 1); start <= i && start + n <= last; ++start)
      if (PhraseAt(tokens, start, idiom)) return true;
  }
  return false;
}

bool NumberGrammar::AfterClockCue(const std::vector<Token>& tokens, int i, int first,
                                  std::optional<double> value) const {
  constexpr double kLastHour = 24;
  if (!value || *value < 1 || *value > kLastHour || *value != double(int(*value))) return false;
  for (const auto& cue : clock_cues_)
    if (i - int(cue.size()) >= first && PhraseAt(tokens, i - int(cue.size()), cue)) return true;
  return false;
}

std::optional<double> NumberGrammar::Fraction(const std::string& lower) const {
  auto it = words_.find(lower);
  if (it == words_.end() || it->second.cls != Class::kFraction) return std::nullopt;
  return it->second.value;
}

void NumberGrammar::Find(const std::vector<Token>& tokens, int first, int last, std::vector<Quantity>* out) const {
  for (int i = first; i < last; ++i) {
    const Token& t = tokens[i];
    if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kQuote) continue;
    if (InClockTime(tokens, i, first, last)) continue;
    Quantity q;
    q.number_token = i;
    auto it = words_.find(t.lower);
    auto is_approx = [&](int k) {
      auto w = k < last ? words_.find(tokens[k].lower) : words_.end();
      return (w != words_.end() && w->second.cls == Class::kApprox) || (k < last && RoundCount(tokens[k].lower));
    };
    // "een tiental": the article belongs to the round count after it.
    if (it != words_.end() && it->second.cls == Class::kArticle && is_approx(i + 1)) continue;
    // "een half miljoen": a fraction counts only before a multiplier, and the article is its.
    auto multiplier_at = [&](int k) {
      auto m = k < last ? words_.find(tokens[k].lower) : words_.end();
      return m != words_.end() && m->second.cls == Class::kMultiplier ? m->second.value : 0.0;
    };
    auto fraction_at = [&](int k) {
      auto f = k < last ? words_.find(tokens[k].lower) : words_.end();
      return f != words_.end() && f->second.cls == Class::kFraction && multiplier_at(k + 1) > 0;
    };
    if (it != words_.end() && it->second.cls == Class::kArticle && fraction_at(i + 1)) continue;
    if (it != words_.end() && it->second.cls == Class::kFraction) {
      if (!fraction_at(i)) continue;
      q.value = it->second.value * multiplier_at(i + 1);
      ++i;
    } else if (it != words_.end() && it->second.cls == Class::kVague) {
      q.low = it->second.value;
      q.high = it->second.high;
      q.qualifier = "about";
    } else if (auto v = ParseToken(t.lower)) {
      q.value = *v;
      if ((it != words_.end() && it->second.cls == Class::kApprox) || RoundCount(t.lower)) q.qualifier = "about";
      q.article_like = it != words_.end() && (it->second.cls == Class::kArticle || it->second.cls == Class::kZero);
      // "geen enkele passagier": a zero takes the vague word after it.
      if (it != words_.end() && it->second.cls == Class::kZero && i + 1 < last) {
        auto next = words_.find(tokens[i + 1].lower);
        if (next != words_.end() && next->second.cls == Class::kVague) ++i;
      }
      // "10 000": thousands set off by a space (one to three digits, then groups of three).
      while (!q.article_like && i + 1 < last && IsDigitGroup(tokens[i].lower, 1) && IsDigitGroup(tokens[i + 1].lower, 3) &&
             tokens[i].span.end + 1 == tokens[i + 1].span.begin && *q.value < 1e12) {
        q.value = *q.value * 1000 + *ParseDigits(tokens[i + 1].lower);
        ++i;
      }
      // "twee en een half miljoen": the number, and a fraction, of the multiplier after them.
      bool with_fraction = false;
      const auto connector = i + 1 < last ? words_.find(tokens[i + 1].lower) : words_.end();
      if (!q.article_like && connector != words_.end() && connector->second.cls == Class::kConnector) {
        auto article = i + 2 < last ? words_.find(tokens[i + 2].lower) : words_.end();
        const int f = i + 2 + (article != words_.end() && article->second.cls == Class::kArticle ? 1 : 0);
        if ((with_fraction = fraction_at(f))) {
          q.value = (*q.value + words_.at(tokens[f].lower).value) * multiplier_at(f + 1);
          i = f + 1;
        }
      }
      // "1,5 miljoen", "122 duizend"
      if (!with_fraction && i + 1 < last) {
        auto m = words_.find(tokens[i + 1].lower);
        if (m != words_.end() && m->second.cls == Class::kMultiplier && !q.article_like) {
          q.value = *q.value * m->second.value;
          ++i;
        }
      }
    } else {
      continue;
    }
    if (InIdiom(tokens, q.number_token, first, last)) continue;  // only words read as numbers are looked up
    if (AfterClockCue(tokens, q.number_token, first, q.value)) continue;
    int begin = q.number_token;
    const bool fraction = it != words_.end() && it->second.cls == Class::kFraction;
    if ((is_approx(i) || fraction) && begin > first) {
      auto a = words_.find(tokens[begin - 1].lower);
      if (a != words_.end() && a->second.cls == Class::kArticle) --begin;
    }
    // Stacked qualifiers: 'zeker in ieder geval twee'; the one nearest the number wins,
    // except "possibly", which marks the whole phrase as uncertain.
    std::string nearest;
    bool possibly = false;
    while (true) {
      std::string qual;
      int b = QualifierBefore(tokens, first, begin, &qual);
      // "in ieder geval nog twee": a qualifier before "nog".
      if (b == begin && begin > first &&
          std::find(additives_.begin(), additives_.end(), tokens[begin - 1].lower) != additives_.end()) {
        b = QualifierBefore(tokens, first, begin - 1, &qual);
        if (b == begin - 1) b = begin;
      }
      if (b == begin) break;
      if (nearest.empty()) nearest = qual;
      possibly |= qual == "possibly";
      begin = b;
    }
    // "nog twee": more of them, one phrase with its number ("nog niemand" is "not yet").
    if (begin > first && !(q.value && *q.value == 0) &&
        std::find(additives_.begin(), additives_.end(), tokens[begin - 1].lower) != additives_.end())
      --begin;
    if (begin > first && !intensifiers_.empty() && q.low &&
        std::find(intensifiers_.begin(), intensifiers_.end(), tokens[begin - 1].lower) != intensifiers_.end())
      --begin;  // "vele tientallen" stays vague
    // "Minstens zijn 15 mensen omgekomen": a qualifier that opens the sentence (or its quote),
    // its verb between.
    const int opens = first + (tokens[first].kind == TokenKind::kQuote ? 1 : 0);
    if (nearest.empty() && begin == opens + 2 && tokens[opens + 1].kind == TokenKind::kWord &&
        !tokens[opens + 1].capitalized && words_.find(tokens[opens + 1].lower) == words_.end()) {
      std::string qual;
      if (QualifierBefore(tokens, opens, opens + 1, &qual) == opens) nearest = qual;
    }
    if (!nearest.empty()) q.qualifier = possibly ? "possibly" : nearest;
    q.first = begin;
    q.last = i + 1;
    q.span = {tokens[begin].span.begin, tokens[i].span.end};
    out->push_back(q);
  }
}

}  // namespace kroniek
