// Numbers in digits and words, vague plurals and qualifiers.
//
// Data: resources/<lang>/numbers.tsv (number words, formats) and
//       resources/<lang>/qualifiers.tsv (phrases before a number).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/analysis.h"
#include "core/document.h"
#include "core/status.h"

namespace kroniek {

// Larger digit strings (phone numbers, ids, a run of 300 digits) are not quantities.
inline constexpr double kLargestNumber = 1e12;

class NumberGrammar {
 public:
  Status Load(const std::string& lang_dir);

  // The value of one token's lower-case form: "122.000", "tweeëntwintig"; none above
  // kLargestNumber.
  std::optional<double> ParseToken(const std::string& lower) const;
  // The value of a fraction word ("half", "kwart"), which counts only with what follows it.
  std::optional<double> Fraction(const std::string& lower) const;
  // Finds every number phrase in tokens[first, last).
  void Find(const std::vector<Token>& tokens, int first, int last, std::vector<Quantity>* out) const;
  // Longest qualifier phrase ending just before token `end` (not before
  // lower_bound); returns its first token, or `end` when there is none.
  int QualifierBefore(const std::vector<Token>& tokens, int lower_bound, int end, std::string* qualifier) const;

 private:
  enum class Class { kUnit, kTen, kHundred, kMultiplier, kConnector, kVague, kZero, kNobody, kArticle, kApprox, kFraction };
  struct Word {
    Class cls;
    double value = 0;
    double high = 0;  // for vague words
  };
  std::optional<double> ParseDigits(const std::string& s) const;
  std::optional<double> ParseWord(const std::string& s) const;
  // "70-tal": a round count written in digits, or none.
  std::optional<double> RoundCount(const std::string& lower) const;
  std::unordered_map<std::string, Word> words_;
  std::vector<std::pair<std::vector<std::string>, std::string>> qualifiers_;  // phrase tokens -> qualifier
  std::vector<std::string> additives_;     // "nog" in "zeker nog twee": a qualifier may stand before it
  std::vector<std::string> intensifiers_;  // "vele" in "vele tientallen"
  std::vector<std::string> round_suffixes_;  // "-tal" in "70-tal"
  std::vector<std::vector<std::string>> idioms_;  // "in acht nemen": a number word that counts nothing
  // Whether token i belongs to one of idioms_.
  bool InIdiom(const std::vector<Token>& tokens, int i, int first, int last) const;
  std::vector<std::vector<std::string>> clock_cues_;  // "iets voor" in "om iets voor zeven": an hour follows
  // Whether token i, a number, is an hour after one of clock_cues_ ("kwart over negen").
  bool AfterClockCue(const std::vector<Token>& tokens, int i, int first, std::optional<double> value) const;
  char thousands_ = '.';
  char decimal_ = ',';
  size_t longest_word_ = 0;
};

}  // namespace kroniek
