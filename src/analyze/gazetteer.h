// Finds knowledge-base names in token sequences: longest match first,
// acronyms case-sensitively, compound modifiers too ('Talibanstrijders',
// "IS-strijders" -> the Taliban / IS, marked partial). A name written with a
// capital in the data matches only capitalised text: "Namen" the city, not
// "namen" the verb.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "language/knowledge_base.h"
#include "analyze/tokenizer.h"
#include "core/analysis.h"
#include "core/document.h"

namespace kroniek {

class Gazetteer {
 public:
  // `common_words`: names that are also words of the language ("Namen"): at the
  // start of a sentence they are the word. `compass_prefixes` ("zuid-"): before a
  // country's name, a part of it that lies in that country ("Zuid-Italië"), but for the
  // `continents` such a prefix makes of a name ("Zuid-Amerika").
  void Build(const KnowledgeBase& kb, const TokenizerRules& rules, std::unordered_set<std::string> common_words,
             std::vector<std::string> compass_prefixes = {}, std::vector<std::string> continents = {});
  void Find(const std::string& text, const std::vector<Token>& tokens, int first, int last,
            std::vector<Entity>* out) const;

 private:
  struct Name {
    std::vector<std::string> words;     // lower-case tokens
    std::vector<std::string> surfaces;  // original tokens, for case-sensitive names
    bool case_sensitive = false;
    bool lowercase_ok = false;  // written lower-case in the data ('taliban'): may match lower-case text
    const KbEntry* entry = nullptr;
    bool plural = false;
  };
  bool Matches(const Name& n, const std::string& text, const std::vector<Token>& tokens, int i, int last) const;
  Entity MakeEntity(const Name& n, Span span, int first, int last) const;
  // Whether a single-word name of a place or country is `word` (lower-case).
  bool NamesPlace(const std::string& word) const;
  // A compound whose first part is a single-word name.
  bool FindCompound(const std::string& text, const Token& t, int i, Entity* out) const;

  // 'Zuid-Italië': a country's name after a compass prefix, the country.
  bool FindCountryPart(const std::string& text, const Token& t, int i, Entity* out) const;

  std::unordered_set<std::string> common_words_;
  std::vector<std::string> compass_prefixes_, continents_;
  std::unordered_map<std::string, std::vector<Name>> by_first_;  // first word -> names, longest first
  std::unordered_map<std::string, const Name*> single_;           // single-word names for compounds
};

}  // namespace kroniek
