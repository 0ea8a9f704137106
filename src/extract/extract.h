// Stage 3 — extract: Article + Analysis in, Extraction out.
//
// In:  the analyzed article (tokens, sentences, numbers, times, entities).
// Out: every event the article mentions (type, date, place, actors by role,
//      figures with qualifier and source, status, relations, claims, stances),
//      quotes with their speakers, and debris spans ("cleaned").
// Stateless and per article; all words and patterns come from resources/<lang>/,
// language-neutral tables (event types, figure kinds, generic types) from resources/kb/.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "language/language.h"
#include "core/analysis.h"
#include "core/document.h"
#include "core/extraction.h"
#include "core/status.h"

namespace kroniek {

class ExtractorImpl;

class Extractor {
 public:
  Extractor();
  ~Extractor();
  Status Load(const std::string& resources_dir, const std::string& lang);
  void Extract(const Article& article, const Analysis& analysis, const Language& language, Extraction* out) const;
  // Vague plurals ("tientallen gewonden": no value, low..high) are figures only when
  // kept (off by default: GOLD_GUIDE counts figures with a number in the text).
  void KeepVagueFigures(bool keep) { keep_vague_ = keep; }

 private:
  std::unique_ptr<ExtractorImpl> impl_;
  bool keep_vague_ = false;
};

}  // namespace kroniek
