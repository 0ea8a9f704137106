#include "analyze/tokenizer.h"

#include "core/utf8.h"

namespace kroniek {

namespace {

bool IsQuoteMark(char32_t c) {
  switch (c) {
    case U'"': case U'\'': case U'\u201C': case U'\u201D': case U'\u201E': case U'\u2018':
    case U'\u2019': case U'\u201A': case U'\u00AB': case U'\u00BB': case U'\u2039': case U'\u203A':
      return true;
    default:
      return false;
  }
}
bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019'; }
bool IsHyphen(char32_t c) { return c == U'-' || c == U'\u2010' || c == U'\u2011'; }
bool IsWordChar(char32_t c) { return IsLetter(c) || IsDigit(c); }

char32_t PeekAt(const std::string& text, size_t i, size_t end) {
  if (i >= end) return 0;
  return NextCodePoint(text, i);
}

void Finish(const std::string& text, Token& t) {
  std::string_view surface(text.data() + t.span.begin, t.span.size());
  t.lower = ToLower(surface);
  // A typographic apostrophe reads as the plain one: "zo’n", "auto’s", "’s nachts".
  for (size_t at; (at = t.lower.find("\u2019")) != std::string::npos;) t.lower.replace(at, 3, "'");
  size_t i = 0;
  char32_t first = NextCodePoint(surface, i);
  t.capitalized = IsUpper(first);
}

// A word ending at `dot` followed by '.': returns the end of the longest
// abbreviation ("o.a.", "bv.") or initial ("J.") starting at start, else dot.
size_t AbbreviationEnd(const std::string& text, size_t start, size_t dot, size_t end, const TokenizerRules& rules) {
  size_t best = dot;
  size_t pos = dot;
  while (pos < end && text[pos] == '.') {
    std::string candidate = ToLower(std::string_view(text.data() + start, pos + 1 - start));
    if (rules.abbreviations.count(candidate)) best = pos + 1;
    size_t m = pos + 1;
    while (m < end && IsLetter(PeekAt(text, m, end))) NextCodePoint(text, m);
    if (m == pos + 1) break;
    pos = m;
  }
  if (best == dot) {
    size_t i = start;
    char32_t first = NextCodePoint(text, i);
    if (i == dot && IsUpper(first)) best = dot + 1;  // an initial
  }
  return best;
}

// An apostrophe that starts an elided word ("'s avonds"): its end, else i.
size_t ElisionEnd(const std::string& text, size_t start, size_t i, size_t end, const TokenizerRules& rules) {
  size_t k = start;
  if (!IsApostrophe(NextCodePoint(text, k))) return i;
  size_t m = k;
  while (m < end && IsLetter(PeekAt(text, m, end))) NextCodePoint(text, m);
  if (m == k || (m < end && IsWordChar(PeekAt(text, m, end)))) return i;
  return rules.elisions.count(ToLower(std::string_view(text.data() + start, m - start))) ? m : i;
}

}  // namespace

void Tokenize(const std::string& text, Span span, const TokenizerRules& rules, std::vector<Token>* out) {
  size_t i = span.begin;
  const size_t end = span.end;
  while (i < end) {
    size_t start = i;
    char32_t c = NextCodePoint(text, i);
    if (IsSpace(c)) continue;
    Token t;
    t.span.begin = uint32_t(start);
    if (IsWordChar(c)) {
      bool digits_only = IsDigit(c);
      size_t j = i;
      while (j < end) {
        size_t k = j;
        char32_t d = NextCodePoint(text, k);
        if (IsWordChar(d)) { digits_only &= IsDigit(d); j = k; continue; }
        char32_t after = PeekAt(text, k, end);
        // Joiners inside a word: IS-K, zo'n, 122.000, 1,5, 2021-08-30.
        bool join = false;
        if (IsHyphen(d) && IsWordChar(after)) join = true;
        if (IsApostrophe(d) && IsLetter(after) && !digits_only) {
          // zo'n, auto's, baby's: at most three letters after the apostrophe; a name goes on
          // with a capital (L'Aquila, N'Djamena, Côte d'Ivoire).
          size_t m = k;
          int letters = 0;
          while (m < end && IsLetter(PeekAt(text, m, end))) { NextCodePoint(text, m); ++letters; }
          join = letters <= 3 || IsUpper(after);
        }
        if ((d == U'.' || d == U',') && digits_only && IsDigit(after)) join = true;
        if (!join) break;
        j = k;
      }
      if (j < end && text[j] == '.') j = AbbreviationEnd(text, start, j, end, rules);
      i = j;
      t.kind = digits_only ? TokenKind::kNumber : TokenKind::kWord;
    } else if (size_t e = ElisionEnd(text, start, i, end, rules); e > i) {
      i = e;  // 's, 't: elided articles ("'s avonds")
      t.kind = TokenKind::kWord;
    } else if (IsQuoteMark(c)) {
      t.kind = TokenKind::kQuote;
    } else {
      t.kind = TokenKind::kPunct;
      // "..." stays one token.
      while (c == U'.' && i < end && text[i] == '.') ++i;
    }
    t.span.end = uint32_t(i);
    Finish(text, t);
    out->push_back(std::move(t));
  }
}

void SplitSentences(const Article& article, const TokenizerRules& rules, std::vector<Token>* tokens,
                    std::vector<Sentence>* sentences) {
  auto& toks = *tokens;
  size_t p = 0;
  int start = 0;
  auto close = [&](int last) {
    if (last <= start) return;
    Sentence s;
    s.first = start;
    s.last = last;
    s.span = {toks[start].span.begin, toks[last - 1].span.end};
    while (p + 1 < article.paragraphs.size() && article.paragraphs[p].span.end <= toks[start].span.begin) ++p;
    s.paragraph = int(p);
    for (int k = start; k < last; ++k) toks[k].sentence = int(sentences->size());
    sentences->push_back(s);
    start = last;
  };
  size_t para = 0;
  for (int i = 0; i < int(toks.size()); ++i) {
    while (para < article.paragraphs.size() && article.paragraphs[para].span.end <= toks[i].span.begin) {
      close(i);  // paragraph boundary
      ++para;
    }
    const std::string& w = toks[i].lower;
    bool terminal = w == "." || w == "!" || w == "?" || w == "...";
    if (!terminal) continue;
    int last = i + 1;
    // Closing quotes and brackets after the full stop belong to this sentence.
    while (last < int(toks.size()) && (toks[last].kind == TokenKind::kQuote || toks[last].lower == ")") &&
           toks[last].span.begin == toks[last - 1].span.end)
      ++last;
    if (last >= int(toks.size())) break;
    const Token& next = toks[last];
    bool starts_new = next.capitalized || next.kind == TokenKind::kNumber || next.kind == TokenKind::kQuote ||
                      rules.elisions.count(next.lower) > 0;
    if (starts_new) { close(last); i = last - 1; }
  }
  close(int(toks.size()));
}

}  // namespace kroniek
