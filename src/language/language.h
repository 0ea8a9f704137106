// A language: what analyze and extract both read of resources/<lang>/, loaded
// once and immutable after Load; a layer of the model below both stages, as
// core/ is. Each stage keeps its own grammar beside it (Analyzer, Extractor:
// loaded from the same folder).
//
// In:  the resources folder and a language code (a folder of it).
// Out: the knowledge base with this language's names for its actors and places
//      (resources/kb/ and <lang>/names.tsv), and the shared word tables
//      (function words by class, role words, nationality adjectives).
#pragma once

#include <string>

#include "core/status.h"
#include "language/knowledge_base.h"
#include "language/words.h"

namespace kroniek {

class Language {
 public:
  Language() = default;
  Language(const Language&) = delete;  // the stages keep a reference to it
  Language& operator=(const Language&) = delete;

  Status Load(const std::string& resources_dir, const std::string& code);

  const std::string& code() const { return code_; }
  const KnowledgeBase& kb() const { return kb_; }
  const WordTables& words() const { return words_; }

 private:
  std::string code_;
  KnowledgeBase kb_;
  WordTables words_;
};

}  // namespace kroniek
