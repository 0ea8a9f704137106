// Entity mentions beyond the gazetteer: persons with their role words,
// descriptions that refer back to an actor ("de radicale militie"), and
// branches of a named group ("de lokale tak van Islamitische Staat").
//
// Data: resources/<lang>/actor_nouns.tsv, name_particles.tsv, portfolios.tsv,
//       place_cues.tsv (its place nouns); the language's WordTables.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "language/knowledge_base.h"
#include "language/words.h"
#include "core/analysis.h"
#include "core/document.h"
#include "core/status.h"

namespace kroniek {

class EntityRules {
 public:
  // `words` (the language's shared word tables) must outlive this.
  Status Load(const std::string& lang_dir, const WordTables& words);

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
  const WordTables* words_ = nullptr;
  std::unordered_map<std::string, std::string> actor_nouns_;  // lower -> class
  std::unordered_set<std::string> particles_, portfolios_, place_nouns_;
};

}  // namespace kroniek
