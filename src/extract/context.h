// Per-article working state of the extract stage: indexes from tokens to the
// analysis' mentions, and the readers of noun phrases and sources that the
// event, figure and quote steps share.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "language/language.h"
#include "extract/extract.h"
#include "extract/lexicon.h"

namespace kroniek {

struct SentenceSources {
  std::vector<Source> sources;  // who says what this sentence says (its first cue)
  bool claim = false;           // the reporting verb claims responsibility
  int cue = -1;                 // token of the cue (verb, 'volgens'), or -1
  // Every cue of the sentence; with several, each speaks for its own
  // comma-separated part ('Volgens de politie …, de organisatie spreekt van …').
  struct Part {
    std::vector<Source> sources;
    bool claim = false;
    int cue = -1;
    int segment = 0;
  };
  std::vector<Part> parts;
  bool names_previous = false;  // only says who told the sentence before ("Dat melden lokale bronnen")
  std::vector<int> segment;  // per token of the sentence: its comma-separated part
  std::vector<int> clause;   // per token of the sentence: its semicolon-separated clause
};

struct QuoteSpan {
  int open = -1, close = -1;  // the quote-mark tokens
  int quote = -1;             // index into Extraction::quotes, or -1 for a scare quote
};

struct Context {
  Context(const Article& a, const Analysis& an, const Language& language, const ExtractLexicon& lex);

  const Article& article;
  const Analysis& an;
  const Language& language;
  const ExtractLexicon& lex;
  std::vector<int> entity_at;    // token -> entity index, or -1
  std::vector<int> time_at;      // token -> time index, or -1
  std::vector<int> quantity_at;  // token -> quantity index (its number token), or -1
  std::vector<int> quote_at;     // token -> index into quote_spans when inside a quote, or -1
  std::vector<QuoteSpan> quote_spans;
  std::vector<SentenceSources> sentence_sources;  // per sentence
  std::vector<ParagraphKind> paragraph_kinds;      // ingest's kinds, refined (fact boxes)

  const std::vector<Token>& tokens() const { return an.tokens; }
  // Whether sentence si stands in a block of other stories under the text (Paragraph::aside).
  bool InAside(int si) const { return article.paragraphs[an.sentences[si].paragraph].aside; }
  std::string Text(Span s) const { return article.text.substr(s.begin, s.size()); }
  Span TokenSpan(int first, int last) const { return {an.tokens[first].span.begin, an.tokens[last - 1].span.end}; }
  bool IsActor(const Entity& e) const;
  bool WordIs(const std::string& lower, const std::string& cls) const { return language.words().WordIs(lower, cls); }
  // The sentence before sentence si that tells something, passing over one that only
  // names who told it ("… negen doden. Dat melden media. Onder de slachtoffers …"); -1 if none.
  int ToldBefore(int si) const {
    const int prev = si - 1;
    return prev >= 1 && sentence_sources[prev].names_previous ? prev - 1 : prev;
  }

  // A source phrase starting at token i ('de terreurgroep IS-K', 'een
  // woordvoerder", "Amerikaanse diplomaten", "de woordvoerder van het ziekenhuis").
  std::optional<Source> ReadSourceAfter(int i, int last) const;
  // Sources that end just before token `end` in [begin, end): coordinated
  // subjects ('De taliban en het Amerikaanse leger').
  std::vector<Source> ReadSourcesBefore(int begin, int end) const;
  // The actor a pronoun at token i refers to, by grammatical number.
  std::optional<Source> ResolvePronoun(int i) const;
  Source FromEntity(const Entity& e, Span span) const;
  // A country named as a doer or speaker is its state ("Israël zegt").
  std::optional<Source> StateSource(const Entity& country, Span span) const;
  // The actor at token k: an actor entity, or a country as its state.
  std::optional<Source> ActorAt(int k) const;
  // Who says what token i says: the cue of its part of the sentence, else the nearest.
  const std::vector<Source>& SourcesAt(int i) const;
  // Works out sentence_sources for every sentence.
  void FindSentenceSources();
};

}  // namespace kroniek
