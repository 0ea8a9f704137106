// The document model shared by every stage.
//
// An Article owns the raw input text; everything else points into it with byte
// offsets (Span). The invariant, checked by tests on every output:
//   article.text.substr(span.begin, span.end - span.begin) == surface.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/span.h"

namespace kroniek {

enum class ParagraphKind { kTitle, kLede, kBody, kHeading, kFactBox, kPullQuote, kDebris };

struct Paragraph {
  Span span;           // without the trailing newlines
  ParagraphKind kind;  // decided by ingest (title, lede) and analyze (the rest)
  std::string debris;  // for kDebris: caption | credit | related | paywall | social | timestamp
  bool aside = false;  // in a block of other stories under the text ("Ook in het nieuws"): their events are
                       // their own, and its places are not the article's
};

struct Article {
  std::string id;        // given, else the file's base name without extension
  std::string source;    // outlet name, if known
  std::string url;       // if known
  std::string title;     // copy of text[title_span] for convenience
  Span title_span;       // empty when there is no title
  std::string text;      // raw input, header line included; never modified
  std::string lang;      // ISO 639-1: given (lang_given), else set by the pipeline (detected or its default)
  bool lang_given = false;  // by the record's "lang" or --lang
  Date published;        // publication date with its precision and basis
  std::string extra_json;  // input fields kroniek does not use, as a JSON object ("" if none)
  std::vector<Paragraph> paragraphs;
  std::vector<Span> inline_stamps;  // a dateline opening a paragraph ("Rotterdam, 12 mei 2023 –"): no facts

  // Dated by itself (its record, header, dateline or metadata), not by fusion.
  bool HasOwnDate() const { return published.known() && published.basis != DateBasis::kInferred; }
};

}  // namespace kroniek
