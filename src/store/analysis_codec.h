// An analyzed article as stored: everything fusion needs (the article's
// metadata, paragraphs and extraction), without the text, which the store
// keeps once in the article's record. Reading it back costs a JSON parse, not
// a second analysis.
#pragma once

#include <string>

#include "core/analysis.h"
#include "core/chronicle.h"
#include "core/status.h"

namespace kroniek {

// The stored form of `a` (its text left out), with the analysis it keeps when
// it has no date of its own: read back, it is dated again without a second analysis.
std::string EncodeAnalysis(const AnalyzedArticle& a);
// Rebuilds an analyzed article from its stored form and its text.
Status DecodeAnalysis(const std::string& encoded, std::string text, AnalyzedArticle* out);

// The entities and times of an analysis (AnalyzedArticle::marks), and back.
std::string EncodeMarks(const Analysis& analysis);
Status DecodeMarks(const std::string& encoded, Analysis* out);

}  // namespace kroniek
