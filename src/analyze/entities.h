// Entity mentions beyond the gazetteer: persons with their role words,
// descriptions that refer back to an actor ("de radicale militie"), and
// branches of a named group ("de lokale tak van Islamitische Staat").
//
// Data: resources/<lang>/roles.tsv, actor_nouns.tsv, function_words.tsv,
//       name_particles.tsv, demonyms.tsv, portfolios.tsv,
//       place_cues.tsv (its place nouns).
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyze/knowledge_base.h"
#include "core/analysis.h"
#include "core/document.h"
#include "core/status.h"

namespace kroniek {

class EntityRules {
 public:
  Status Load(const std::string& lang_dir);

  // Role word of a token ("generaal", or the head of "VN-vluchtelingencommissaris"); "" if none.
  std::string RoleOf(const std::string& lower) const;
  // English for a role word or compound ("vn-vluchtelingencommissaris" -> "commissioner").
  std::string RoleEnglish(const std::string& lower) const;
  // ISO country of a nationality adjective ("amerikaanse" -> "US"); "" if none.
  std::string DemonymCountry(const std::string& lower) const;
  // English adjective of a nationality adjective ("britse" -> "British"); "" if none.
  std::string DemonymEnglish(const std::string& lower) const;
  bool IsFunctionWord(const std::string& lower) const { return word_classes_.count(lower) > 0; }
  // A function word's class (function_words.tsv): "determiner", "genitive", …
  bool WordIs(const std::string& lower, const std::string& cls) const;
  // Words of a class, for stages that keep their own sets (the tokenizer's elisions).
  std::vector<std::string> WordsOf(const std::string& cls) const;

  // Adds persons and resolved descriptions to `entities` (sorted by position).
  // `blocked[i]` marks tokens already used by times or numbers.
  void Find(const Article& article, const std::vector<Token>& tokens, const std::vector<Sentence>& sentences,
            const KnowledgeBase& kb, const std::vector<bool>& blocked, std::vector<Entity>* entities) const;

 private:
  // The entity a description ("de groep") at token `det` of sentence `s` refers to, of class `cls`.
  const Entity* Antecedent(const std::vector<Entity>& all, const std::vector<Sentence>& sentences, const Sentence& s,
                           int det, const std::string& cls) const;
  void FindPersons(const Article& article, const std::vector<Token>& tokens, const Sentence& s,
                   const std::vector<int>& owner, std::vector<Entity>* found,
                   std::unordered_map<std::string, Entity>* known_surnames) const;
  std::unordered_map<std::string, std::string> roles_;        // lower -> English
  std::unordered_map<std::string, std::string> actor_nouns_;  // lower -> class
  std::unordered_map<std::string, std::vector<std::string>> word_classes_;  // function word -> classes
  std::unordered_set<std::string> particles_, portfolios_, place_nouns_;
  std::unordered_map<std::string, std::string> demonyms_;     // lower adjective -> ISO
  std::unordered_map<std::string, std::string> demonym_en_;   // lower adjective -> English adjective
};

}  // namespace kroniek
