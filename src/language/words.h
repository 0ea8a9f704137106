// The words of a language that analysis and extraction both ask about:
// function words by class (each class the code asks for must have a word:
// core/word_classes.h), role words with their English, nationality adjectives
// with their country and English. Immutable after Load.
//
// Data: resources/<lang>/function_words.tsv, roles.tsv, demonyms.tsv.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace kroniek {

class WordTables {
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

 private:
  std::unordered_map<std::string, std::string> roles_;                      // lower -> English
  std::unordered_map<std::string, std::vector<std::string>> word_classes_;  // function word -> classes
  std::unordered_map<std::string, std::string> demonyms_;                   // lower adjective -> ISO
  std::unordered_map<std::string, std::string> demonym_en_;                 // lower adjective -> English adjective
};

}  // namespace kroniek
