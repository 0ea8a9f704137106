// Quotes with their speakers (resources/<lang>/quote_marks.tsv).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "extract/context.h"

namespace kroniek {

class QuoteRules {
 public:
  Status Load(const std::string& lang_dir);
  // Pairs quotation marks into ctx.quote_spans / ctx.quote_at.
  void Pair(Context& ctx) const;
  // Decides each paired span: a quote with its speaker (out->quotes), or a
  // scare quote (left with quote -1). Needs ctx.sentence_sources.
  void Classify(Context& ctx, Extraction* out) const;
  // Pull quotes: a paragraph followed by "Name Role" and no marks.
  void FindPullQuotes(const Context& ctx, Extraction* out) const;

 private:
  bool Opens(const std::string& mark) const;
  bool Closes(const std::string& open, const std::string& close) const;
  std::vector<std::pair<std::string, std::string>> pairs_;
  int scare_max_words_ = 3;
};

}  // namespace kroniek
