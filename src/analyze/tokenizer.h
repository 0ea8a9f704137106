// Tokens and sentences with byte offsets into the raw text.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "core/analysis.h"
#include "core/document.h"

namespace kroniek {

struct TokenizerRules {
  std::unordered_set<std::string> abbreviations;  // lower-case, with their dots: "o.a."
  std::unordered_set<std::string> elisions;       // apostrophe words: "'s", "'t"
};

// Tokenizes text[span]; tokens keep offsets into text.
void Tokenize(const std::string& text, Span span, const TokenizerRules& rules, std::vector<Token>* out);

// Splits each paragraph's tokens into sentences; sets Token::sentence.
void SplitSentences(const Article& article, const TokenizerRules& rules, std::vector<Token>* tokens,
                    std::vector<Sentence>* sentences);

}  // namespace kroniek
