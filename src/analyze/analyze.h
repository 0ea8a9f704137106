// Stage 2 — analyze: Article in, Analysis out.
//
// In:  an Article (raw text, paragraphs, publication date).
// Out: language, tokens and sentences with byte offsets, number phrases,
//      time expressions resolved against the publication date (again, for a
//      date found later, by Redate), and entity
//      mentions linked to the knowledge base (places, actors, persons).
// All language knowledge comes from resources/<lang>/ and resources/kb/.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "analyze/debris.h"
#include "analyze/entities.h"
#include "analyze/gazetteer.h"
#include "language/language.h"
#include "analyze/numbers.h"
#include "analyze/place_index.h"
#include "analyze/stamps.h"
#include "analyze/times.h"
#include "analyze/tokenizer.h"
#include "core/analysis.h"
#include "core/document.h"
#include "core/status.h"

namespace kroniek {

// Everything one language needs for analysis; immutable after Load, so one
// instance serves all threads.
class Analyzer {
 public:
  // Reads the grammar of `language` from resources_dir/<its code>/; `language`
  // (the words and knowledge base it shares with extract) must outlive this.
  Status Load(const std::string& resources_dir, const Language& language);
  // Fills analysis, reading the article in this analyzer's language.
  void Analyze(Article& article, Analysis* analysis) const;
  // Resolves the time expressions of `analysis` (Analyze's, of this `article`)
  // again against article.published, a date found since (inferred from other
  // reports of its events), without reading the text again. True when the
  // expressions take the tokens they took (they may join or part: "oktober" +
  // "vorig jaar"): then `analysis` is what Analyze gives for that date; else
  // the article must be analysed again. (Datelines are not read again: a date
  // to the day, as fusion infers, changes nothing they give.)
  bool Redate(const Article& article, Analysis* analysis) const;

  const NumberGrammar& numbers() const { return numbers_; }
  const TimeGrammar& times() const { return times_; }
  const EntityRules& entity_rules() const { return entity_rules_; }
  const TokenizerRules& tokenizer_rules() const { return tokenizer_; }
  const PlaceIndex& places() const { return places_; }

 private:
  void FindTimes(const Article& article, Analysis* analysis) const;

  const Language* language_ = nullptr;
  TokenizerRules tokenizer_;
  NumberGrammar numbers_;
  TimeGrammar times_;
  Gazetteer gazetteer_;
  PlaceIndex places_;
  EntityRules entity_rules_;
  StampRules stamps_;
  DebrisRules debris_;
};

// Language of a text by CLD2 ("nl", "en", … or "un" when unknown); `sure` (if
// given) says whether to trust it: CLD2 finds it reliable, on at least 200
// bytes of letters scored, with 90% of the text in that language (short texts
// never are).
std::string DetectLanguage(const std::string& text, bool* sure = nullptr);

}  // namespace kroniek
