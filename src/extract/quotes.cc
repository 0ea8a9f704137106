// Quotes: direct (full), partial (inside reported speech) and pull quotes
// (a paragraph followed by its speaker's name and role, no marks).
#include "extract/quotes.h"

#include <algorithm>
#include <unordered_map>

#include "core/resource_file.h"
#include "core/utf8.h"

namespace kroniek {

Status QuoteRules::Load(const std::string& lang_dir) {
  ResourceFile f;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(lang_dir + "/quote_marks.tsv", 2, &f));
  for (const auto& r : f.rows) {
    if (r.fields[0] == "scare_max_words") scare_max_words_ = std::stoi(r.fields[1]);
    else pairs_.push_back({r.fields[0], r.fields[1]});
  }
  return Status();
}

bool QuoteRules::Closes(const std::string& open, const std::string& close) const {
  return std::any_of(pairs_.begin(), pairs_.end(), [&](const auto& p) { return p.first == open && p.second == close; });
}

bool QuoteRules::Opens(const std::string& mark) const {
  return std::any_of(pairs_.begin(), pairs_.end(), [&](const auto& p) { return p.first == mark; });
}

namespace {

// The speaker of a quote from the reporting clause right after it
// ("…', meldde X", "”, zegt de woordvoerder van het ziekenhuis").
std::optional<Source> SpeakerAfter(const Context& ctx, int close, int last) {
  const auto& toks = ctx.tokens();
  int k = close + 1;
  if (k < last && toks[k].lower == ",") ++k;
  if (k >= last) return std::nullopt;
  std::vector<PhraseMatch> here;
  ctx.lex.attribution.MatchAt(toks, k, k, last, &here);
  for (const auto& m : here) {
    const auto& row = ctx.lex.attribution.rows()[m.row];
    if (row.value != "verb" && row.value != "claim" && row.value != "after") continue;
    if (auto s = ctx.ReadSourceAfter(m.last, last)) return s;
    if (m.last < last && ctx.lex.pronouns.Lookup(toks[m.last].lower)) return ctx.ResolvePronoun(m.last);
  }
  return std::nullopt;
}

// "X zei: „…”" — the speaker before a colon.
std::optional<Source> SpeakerBefore(const Context& ctx, int open, int first) {
  const auto& toks = ctx.tokens();
  if (open - 1 <= first || toks[open - 1].lower != ":") return std::nullopt;
  auto found = ctx.ReadSourcesBefore(first, open - 1);
  for (int k = open - 2; k >= first && found.empty(); --k) {
    std::vector<PhraseMatch> here;
    ctx.lex.attribution.MatchAt(toks, k, first, open, &here);
    if (!here.empty()) found = ctx.ReadSourcesBefore(first, k);
  }
  if (found.empty()) return std::nullopt;
  return found.front();
}

// A named person keeps the role word found with the name (`roles`: the first
// role of each entity id); an unnamed one its head noun ("woordvoerder").
std::string RoleOfSource(const Context& ctx, const std::unordered_map<std::string, std::string>& roles,
                         const Source& s) {
  if (auto it = roles.find(s.id); it != roles.end()) return it->second;
  const auto& toks = ctx.tokens();
  auto t = std::lower_bound(toks.begin(), toks.end(), s.span.begin,
                            [](const Token& x, uint32_t at) { return x.span.begin < at; });
  for (; t != toks.end() && t->span.end <= s.span.end; ++t) {
    std::string role = ctx.language.words().RoleOf(t->lower);
    if (!role.empty()) return role;
  }
  return "";
}

}  // namespace

void QuoteRules::Pair(Context& ctx) const {
  const auto& toks = ctx.tokens();
  // The quote marks of each paragraph, in one pass (tokens come in text order).
  const auto& paragraphs = ctx.article.paragraphs;
  std::vector<std::vector<int>> marks_of(paragraphs.size());
  size_t p = 0;
  for (int i = 0; i < int(toks.size()); ++i) {
    if (toks[i].kind != TokenKind::kQuote) continue;
    while (p < paragraphs.size() && paragraphs[p].span.end < toks[i].span.end) ++p;
    if (p < paragraphs.size() && paragraphs[p].span.contains(toks[i].span)) marks_of[p].push_back(i);
  }
  for (p = 0; p < paragraphs.size(); ++p) {
    if (ctx.paragraph_kinds[p] == ParagraphKind::kDebris) continue;
    const std::vector<int>& marks = marks_of[p];
    for (size_t m = 0; m < marks.size(); ++m) {
      int open = marks[m];
      const std::string open_mark = ctx.Text(toks[open].span);
      bool at_word_start = open + 1 < int(toks.size()) && toks[open + 1].span.begin == toks[open].span.end;
      if (!Opens(open_mark) || !at_word_start) continue;
      size_t n = m + 1;
      for (; n < marks.size(); ++n) {
        int c = marks[n];
        bool after_word = toks[c].span.begin == toks[c - 1].span.end;
        if (after_word && Closes(open_mark, ctx.Text(toks[c].span))) break;
      }
      if (n >= marks.size() || marks[n] == open + 1) continue;
      int qi = int(ctx.quote_spans.size());
      ctx.quote_spans.push_back({open, marks[n], -1});
      for (int k = open; k <= marks[n]; ++k) ctx.quote_at[k] = qi;
      m = n;
    }
  }
}

void QuoteRules::Classify(Context& ctx, Extraction* out) const {
  const auto& toks = ctx.tokens();
  const auto& sentences = ctx.an.sentences;
  std::optional<Source> last_speaker;
  int last_speaker_sentence = -100;
  std::unordered_map<std::string, std::string> roles;
  for (const auto& e : ctx.an.entities)
    if (!e.role.empty()) roles.emplace(e.id, e.role);
  for (QuoteSpan& qs : ctx.quote_spans) {
    const int open = qs.open, close = qs.close;
    int words = 0;
    for (int k = open + 1; k < close; ++k) words += toks[k].kind == TokenKind::kWord || toks[k].kind == TokenKind::kNumber;
    const int si = toks[open].sentence;
    const Sentence& s = sentences[si];
    const int clause_last = sentences[toks[close].sentence].last;
    Quote q;
    q.span = {toks[open + 1].span.begin, toks[close - 1].span.end};
    // The speaker: the reporting clause after the quote, a colon clause
    // before it, a reporting verb earlier in the sentence ("sprak van
    // „…”"); a whole quote may also continue the previous speaker.
    std::optional<Source> speaker = SpeakerAfter(ctx, close, clause_last);
    if (!speaker) speaker = SpeakerBefore(ctx, open, s.first);
    const auto& ss = ctx.sentence_sources[si];
    if (!speaker && !ss.sources.empty() && ss.cue >= 0 && ss.cue < open) speaker = ctx.SourcesAt(open).front();
    const bool whole = open == s.first || toks[open - 1].lower == ":";
    if (words <= scare_max_words_ && !(whole && speaker)) {
      if (!speaker) continue;  // a scare quote: not a quote
      q.kind = "partial";
    } else {
      q.kind = whole ? "full" : "partial";
      if (!speaker && last_speaker && si - last_speaker_sentence <= 2) speaker = last_speaker;
      if (!speaker && si > 0 && !ctx.sentence_sources[si - 1].sources.empty())
        speaker = ctx.sentence_sources[si - 1].sources.front();
    }
    if (speaker && speaker->id.rfind("unnamed:", 0) == 0 && speaker->id.find(" of ") == std::string::npos) {
      // "zei een woordvoerder": the spokesperson of the organisation just cited.
      for (int k = si - 1; k >= std::max(0, si - 2); --k)
        for (const auto& src : ctx.sentence_sources[k].sources)
          if (src.id.rfind("unnamed:", 0) != 0 && src.id.rfind("person:", 0) != 0 && speaker->id.find(" of ") == std::string::npos) {
            q.affiliation = src.id;
            k = -1;
            break;
          }
    }
    if (speaker) {
      q.speaker = *speaker;
      q.role = RoleOfSource(ctx, roles, *speaker);
      last_speaker = speaker;
      last_speaker_sentence = toks[close].sentence;
    }
    qs.quote = int(out->quotes.size());
    out->quotes.push_back(q);
  }
}

void QuoteRules::FindPullQuotes(const Context& ctx, Extraction* out) const {
  // A paragraph without quote marks whose last sentence is only a person's
  // name with a role word: the rest of the paragraph is that person's quote.
  const auto& toks = ctx.tokens();
  const auto& sentences = ctx.an.sentences;
  for (size_t si = 1; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    if (sentences[si - 1].paragraph != s.paragraph) continue;
    if (si + 1 < sentences.size() && sentences[si + 1].paragraph == s.paragraph) continue;
    int e = ctx.entity_at[s.first];
    if (e < 0) continue;
    const Entity& person = ctx.an.entities[e];
    if (person.type != EntityType::kPerson || person.role.empty()) continue;
    bool only_name = true;
    for (int k = person.last; k < s.last; ++k)
      only_name &= ctx.language.words().RoleOf(toks[k].lower) == person.role || ctx.entity_at[k] >= 0;
    if (!only_name || toks[s.last - 1].kind == TokenKind::kPunct) continue;
    int first_sentence = int(si) - 1;
    while (first_sentence > 0 && sentences[first_sentence - 1].paragraph == s.paragraph) --first_sentence;
    bool marked = false;
    for (int k = sentences[first_sentence].first; k < s.first; ++k) marked |= toks[k].kind == TokenKind::kQuote;
    if (marked) continue;
    Quote q;
    q.kind = "pull";
    q.span = {sentences[first_sentence].span.begin, sentences[si - 1].span.end};
    q.speaker = ctx.FromEntity(person, person.span);
    q.speaker.name = person.name;
    q.role = ctx.Text(ctx.TokenSpan(person.last, s.last));
    out->quotes.push_back(q);
  }
}

}  // namespace kroniek
