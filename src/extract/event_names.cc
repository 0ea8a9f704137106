// Events' own names: "storm Eunice", "vlucht MH17" (resources/<lang>/event_names.tsv).
#include <algorithm>
#include <cstdlib>

#include "core/resource_file.h"
#include "core/utf8.h"
#include "extract/events.h"

namespace kroniek {

namespace {

struct NameMention {
  int sentence = 0;
  Span span;
  std::string key;
  std::vector<std::string> types;
};

bool UpperOrDigits(std::string_view s, int* letters, int* digits) {
  for (size_t i = 0; i < s.size();) {
    const char32_t c = NextCodePoint(s, i);
    if (IsDigit(c)) ++*digits;
    else if (IsUpper(c)) ++*letters;
    else return false;
  }
  return !s.empty();
}

// A flight's code: an airline's two signs and up to four digits ("MH17", "7C2216").
// A bare one (told without its cue) takes two letters and no hyphen, so that
// aircraft types ("A320", "UH-60") are no names.
bool IsCode(const std::string& s, bool bare) {
  if (s.size() < 3 || s.size() > 6) return false;
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const bool airline = bare ? upper(s[0]) && upper(s[1])
                            : (upper(s[0]) || upper(s[1])) && (upper(s[0]) || digit(s[0])) &&
                                  (upper(s[1]) || digit(s[1]));
  if (!airline) return false;
  for (size_t i = 2; i < s.size(); ++i)
    if (!digit(s[i])) return false;
  return true;
}

// The code that starts at token k ("MH17", "MH17-ramp", "JT-610", "ET 302"):
// its signs joined, or "" when there is none; *span: where the text gives it.
std::string CodeAt(const Context& ctx, int k, int last, bool bare, Span* span) {
  const auto& toks = ctx.tokens();
  const std::string surface = ctx.Text(toks[k].span);
  std::string code;
  size_t start = 0, used = 0;
  while (true) {  // hyphen-joined parts, up to a word in lower case ("-ramp")
    const size_t hyphen = surface.find('-', start);
    const std::string part = surface.substr(start, hyphen == std::string::npos ? std::string::npos : hyphen - start);
    int letters = 0, digits = 0;
    if (!UpperOrDigits(part, &letters, &digits) || (bare && !code.empty())) break;
    code += part;
    used = start + part.size();
    if (hyphen == std::string::npos) break;
    start = hyphen + 1;
  }
  *span = {toks[k].span.begin, uint32_t(toks[k].span.begin + used)};
  if (!bare && k + 1 < last && toks[k + 1].kind == TokenKind::kNumber && used == surface.size() && code.size() <= 2) {
    code += ctx.Text(toks[k + 1].span);  // "ET 302"
    *span = ctx.TokenSpan(k, k + 2);
  }
  return IsCode(code, bare) ? code : "";
}

// A name at token k: a capitalised word that is not a place ("storm Eunice"), also set off
// by a comma ("de volgende orkaan, José, …").
std::string NameAt(const Context& ctx, int k) {
  const auto& toks = ctx.tokens();
  if (toks[k].lower == "," && k + 1 < int(toks.size()) && toks[k + 1].sentence == toks[k].sentence) ++k;
  const Token& t = toks[k];
  if (t.kind != TokenKind::kWord || !t.capitalized) return "";
  const int e = ctx.entity_at[k];
  if (e >= 0 && ctx.an.entities[e].type != EntityType::kPerson) return "";
  return ctx.Text(t.span);
}

// The name a cue match tells after it ("storm Eunice", "vlucht ET 302"), or "" (*span: where).
std::string NameAfterCue(const Context& ctx, const PhraseMatch& m, int last, Span* span) {
  if (m.end >= last) return "";
  *span = ctx.tokens()[m.end].span;
  return ctx.lex.event_names.rows()[m.row].options.at("shape") == "code" ? CodeAt(ctx, m.end, last, false, span)
                                                                        : NameAt(ctx, m.end);
}

std::vector<NameMention> FindNames(const Context& ctx) {
  std::vector<NameMention> out;
  const auto& toks = ctx.tokens();
  const auto& rows = ctx.lex.event_names.rows();
  for (size_t si = 0; si < ctx.an.sentences.size(); ++si) {
    const Sentence& s = ctx.an.sentences[si];
    if (ctx.paragraph_kinds[s.paragraph] == ParagraphKind::kDebris) continue;
    for (const PhraseMatch& m : ctx.lex.event_names.FindAll(toks, s.first, s.last)) {
      Span span;
      const std::string name = NameAfterCue(ctx, m, s.last, &span);
      if (!name.empty()) out.push_back({int(si), span, FoldAccents(name), SplitBar(rows[m.row].value)});
    }
    for (const auto& row : rows) {  // codes told without their cue ("de ramp met de MH17")
      if (!row.options.count("bare")) continue;
      for (int k = s.first; k < s.last; ++k) {
        if (!toks[k].capitalized) continue;  // (a bare code opens with two capitals: no copy of other words)
        Span span;
        const std::string code = CodeAt(ctx, k, s.last, true, &span);
        if (!code.empty()) out.push_back({int(si), span, FoldAccents(code), SplitBar(row.value)});
      }
    }
  }
  return out;
}

int SentenceAt(const Context& ctx, uint32_t at) {
  const auto& toks = ctx.tokens();
  auto it = std::upper_bound(toks.begin(), toks.end(), at, [](uint32_t a, const Token& t) { return a < t.span.begin; });
  return it == toks.begin() ? 0 : (it - 1)->sentence;
}

}  // namespace

std::string OwnNameAt(const Context& ctx, int first, int sentence_last) {
  std::vector<PhraseMatch> cues;
  ctx.lex.event_names.MatchAt(ctx.tokens(), first, first, sentence_last, &cues);
  for (const PhraseMatch& m : cues) {
    Span span;
    if (const std::string name = NameAfterCue(ctx, m, sentence_last, &span); !name.empty()) return FoldAccents(name);
  }
  return "";
}

// An event takes the name told in one of its sentences (the one nearest its
// trigger), else, undated, the one name the article gives events of its type.
void NameEvents(const Context& ctx, Extraction* out) {
  const std::vector<NameMention> names = FindNames(ctx);
  if (names.empty()) return;
  for (EventMention& e : out->events) {
    auto fits = [&](const NameMention& n) { return std::count(n.types.begin(), n.types.end(), e.type) > 0; };
    std::vector<int> sentences{SentenceAt(ctx, e.trigger.begin)};
    for (const Span& s : e.evidence) sentences.push_back(SentenceAt(ctx, s.begin));
    const NameMention* best = nullptr;
    for (const auto& n : names) {
      if (!fits(n) || std::find(sentences.begin(), sentences.end(), n.sentence) == sentences.end()) continue;
      auto distance = [&](const NameMention& x) { return std::labs(long(x.span.begin) - long(e.trigger.begin)); };
      if (!best || distance(n) < distance(*best)) best = &n;
    }
    if (!best && !e.date.known()) {  // (an event dated apart is another: "de crash van 2010")
      for (const auto& n : names) {
        if (!fits(n)) continue;
        if (best && best->key != n.key) {
          best = nullptr;  // two names: which one is this event's the text does not say
          break;
        }
        if (!best) best = &n;
      }
    }
    if (!best) continue;
    e.name = best->key;
    e.name_span = best->span;
  }
}

}  // namespace kroniek
