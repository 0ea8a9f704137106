#include "extract/phrase_table.h"

#include <algorithm>

#include "core/resource_file.h"
#include "core/utf8.h"

namespace kroniek {

namespace {
constexpr int kMaxGap = 16;          // tokens between the parts of a separable verb
constexpr size_t kMinModifier = 3;   // bytes before a compound head: "bom|aanslag"


bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// A word of a phrase, or a hyphenated compound it heads ("buk-raket" for "raket").
bool SameOrHyphenHead(const std::string& token, const std::string& word) {
  if (token.size() <= word.size()) return token == word;
  return token.size() > word.size() + 1 && token[token.size() - word.size() - 1] == '-' && EndsWith(token, word);
}
std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}
}  // namespace

Status PhraseTable::Load(const std::string& path) {
  ResourceFile f;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(path, 1, &f));
  for (const auto& row : f.rows) {
    Row base;
    base.value = row.fields.size() > 1 ? row.fields[1] : "";
    for (size_t k = 2; k < row.fields.size(); ++k) {
      const std::string& opt = row.fields[k];
      size_t eq = opt.find('=');
      std::string key = opt.substr(0, eq), val = eq == std::string::npos ? "" : opt.substr(eq + 1);
      if (key == "head") base.head = true;
      else if (key == "prefix") base.prefix = true;
      else if (key == "requires") for (auto& w : SplitBar(val)) base.required.push_back(ToLower(w));
      else if (key == "excludes") for (auto& w : SplitBar(val)) base.excludes.push_back(ToLower(w));
      else if (key == "unless") for (auto& w : SplitBar(val)) base.unless.push_back(ToLower(w));
      else base.options[key] = val;
    }
    for (const std::string& form : SplitBar(row.fields[0])) {
      Row r = base;
      const std::string gap = "\u2026";  // …
      size_t start = 0;
      while (true) {
        size_t g = form.find(gap, start);
        auto words = LowerWords(form.substr(start, g == std::string::npos ? std::string::npos : g - start));
        if (words.empty()) return Status::Error(path + ":" + std::to_string(row.line) + ": empty part in '" + form + "'");
        r.parts.push_back(words);
        if (g == std::string::npos) break;
        start = g + gap.size();
      }
      int index = int(rows_.size());
      by_first_[r.parts[0][0]].push_back(index);
      if (r.parts.size() > 1 && r.parts[0].size() == 1) heads_by_last_part_[JoinWords(r.parts.back())].push_back(r.parts[0][0]);
      if ((r.head || r.prefix) && r.parts.size() == 1 && r.parts[0].size() == 1) compound_rows_.push_back(index);
      rows_.push_back(std::move(r));
    }
  }
  return Status();
}

bool PhraseTable::MatchParts(const Row& r, const std::vector<Token>& tokens, int i, int first, int last,
                             PhraseMatch* m) const {
  int pos = i;
  for (size_t p = 0; p < r.parts.size(); ++p) {
    const auto& words = r.parts[p];
    int start = pos;
    if (p > 0) {  // find the part within the gap window
      int found = -1;
      for (int k = pos; k < std::min(last, pos + kMaxGap); ++k) {
        bool ok = k + int(words.size()) <= last;
        for (size_t w = 0; ok && w < words.size(); ++w) ok = SameOrHyphenHead(tokens[k + w].lower, words[w]);
        if (ok) { found = k; break; }
      }
      if (found < 0) return false;
      if (p + 1 == r.parts.size() && GapHasOtherHead(words, tokens, pos, found)) return false;
      start = found;
    } else {
      if (start + int(words.size()) > last) return false;
      for (size_t w = 0; w < words.size(); ++w)
        if (!SameOrHyphenHead(tokens[start + w].lower, words[w])) return false;
    }
    pos = start + int(words.size());
    if (p == 0) m->last = pos;
  }
  m->first = i;
  m->end = pos;
  return true;
}

bool PhraseTable::GapHasOtherHead(const std::vector<std::string>& last_part, const std::vector<Token>& tokens, int from,
                                  int to) const {
  auto it = heads_by_last_part_.find(JoinWords(last_part));
  if (it == heads_by_last_part_.end()) return false;
  for (int k = from; k < to; ++k)
    if (std::find(it->second.begin(), it->second.end(), tokens[k].lower) != it->second.end()) return true;
  return false;
}

bool IsWordOrHead(const std::string& token, const std::string& word) {
  return token == word || (word.size() >= 5 && EndsWith(token, word));
}

namespace {

// Whether a token of the sentence of token `at` is one of `words` (of [first, last)
// when the tokens carry no sentence).
bool SentenceHas(const std::vector<Token>& tokens, int at, int first, int last, const std::vector<std::string>& words) {
  if (const int s = tokens[at].sentence; s >= 0) {
    first = at;
    while (first > 0 && tokens[first - 1].sentence == s) --first;
    last = at;
    while (last < int(tokens.size()) && tokens[last].sentence == s) ++last;
  }
  for (int k = first; k < last; ++k)
    for (const auto& w : words)
      if (IsWordOrHead(tokens[k].lower, w)) return true;
  return false;
}

}  // namespace

void PhraseTable::MatchAt(const std::vector<Token>& tokens, int i, int first, int last,
                          std::vector<PhraseMatch>* out) const {
  auto accept = [&](const Row& r, PhraseMatch m) {
    if (!r.required.empty() && !SentenceHas(tokens, m.first, first, last, r.required)) return;
    if (!r.unless.empty() && SentenceHas(tokens, m.first, first, last, r.unless)) return;
    // (Back over a name or a comma, not: "bewoners in Gent de brand" is a fire.)
    for (int k = m.first - 1; k >= std::max(first, m.first - 3); --k) {
      if (std::find(r.excludes.begin(), r.excludes.end(), tokens[k].lower) != r.excludes.end()) return;
      if (tokens[k].capitalized || tokens[k].kind == TokenKind::kPunct) break;
    }
    out->push_back(std::move(m));
  };
  bool own_form = false;  // the word is a form of its own row ("uitgebrand"): never a compound of another
  if (auto it = by_first_.find(tokens[i].lower); it != by_first_.end()) {
    for (int index : it->second) {
      own_form = own_form || (rows_[index].parts.size() == 1 && rows_[index].parts[0].size() == 1);
      PhraseMatch m;
      m.row = index;
      if (MatchParts(rows_[index], tokens, i, first, last, &m)) accept(rows_[index], m);
    }
  }
  // A phrase of several parts may open with a hyphenated compound its first word heads
  // ("De buk-raket werd … afgevuurd"); one word alone is read by the compound rows below.
  if (const size_t hyphen = tokens[i].lower.rfind('-'); hyphen != std::string::npos && hyphen + 1 < tokens[i].lower.size())
    if (auto it = by_first_.find(tokens[i].lower.substr(hyphen + 1)); it != by_first_.end())
      for (int index : it->second) {
        PhraseMatch m;
        m.row = index;
        if (rows_[index].parts.size() > 1 && MatchParts(rows_[index], tokens, i, first, last, &m)) accept(rows_[index], m);
      }
  const std::string& w = tokens[i].lower;
  for (int index : compound_rows_) {
    if (own_form) break;
    const Row& r = rows_[index];
    const std::string& form = r.parts[0][0];
    PhraseMatch m{i, i + 1, i + 1, index, ""};
    if (r.head && EndsWith(w, form) && w.size() - form.size() >= kMinModifier) {
      m.modifier = w.substr(0, w.size() - form.size());
      if (!m.modifier.empty() && m.modifier.back() == '-') m.modifier.pop_back();
      accept(r, m);
    } else if (r.prefix && w.size() > form.size() && w.compare(0, form.size(), form) == 0) {
      accept(r, m);
    }
  }
}

std::vector<PhraseMatch> PhraseTable::FindAll(const std::vector<Token>& tokens, int first, int last) const {
  std::vector<PhraseMatch> out;
  for (int i = first; i < last; ++i) {
    std::vector<PhraseMatch> here;
    MatchAt(tokens, i, first, last, &here);
    if (here.empty()) continue;
    auto best = std::max_element(here.begin(), here.end(), [&](const PhraseMatch& a, const PhraseMatch& b) {
      // Longer first part wins; an exact form beats a compound reading.
      if (a.last - a.first != b.last - b.first) return a.last - a.first < b.last - b.first;
      return !a.modifier.empty() && b.modifier.empty();
    });
    out.push_back(*best);
    i = best->last - 1;
  }
  return out;
}

const PhraseTable::Row* PhraseTable::Lookup(const std::string& lower, std::string* modifier) const {
  if (auto it = by_first_.find(lower); it != by_first_.end())
    for (int index : it->second)
      if (rows_[index].parts.size() == 1 && rows_[index].parts[0].size() == 1) {
        if (modifier) modifier->clear();
        return &rows_[index];
      }
  for (int index : compound_rows_) {
    const Row& r = rows_[index];
    const std::string& form = r.parts[0][0];
    if (r.head && EndsWith(lower, form) && lower.size() - form.size() >= kMinModifier) {
      if (modifier) {
        *modifier = lower.substr(0, lower.size() - form.size());
        if (!modifier->empty() && modifier->back() == '-') modifier->pop_back();
      }
      return &r;
    }
    if (r.prefix && lower.size() > form.size() && lower.compare(0, form.size(), form) == 0) {
      if (modifier) modifier->clear();
      return &r;
    }
  }
  // "PKK-strijders", "VN-militairen": a hyphenated compound is its last part, modified.
  if (const size_t dash = lower.rfind('-'); dash != std::string::npos && dash > 0 && dash + 1 < lower.size())
    if (const Row* r = Lookup(lower.substr(dash + 1), nullptr)) {
      if (modifier) *modifier = lower.substr(0, dash);
      return r;
    }
  return nullptr;
}

}  // namespace kroniek
