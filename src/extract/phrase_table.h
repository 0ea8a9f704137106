// A table of phrases from a resource file, matched over tokens.
//
// Row: phrase<TAB>value[<TAB>option…]. A phrase may list forms with '|'
// ("aanslag|aanslagen"), and may have gaps written '…' for Dutch separable
// verbs ("liet … weten", "eist … op"): the parts after a gap may come later in
// the same sentence, unless the gap holds another head that takes the same last
// part, which then owns it ("stak … dood" does not span "stak X in brand en
// schoot Y dood": "schoot … dood" is nearer). Options:
//   head         the last form also matches as the head of a compound
//                ("aanval" matches "raketaanvallen"; the rest is the modifier)
//   prefix       the form also matches as the first part of a compound
//   required=a|b one of these words must occur in the same sentence
//   excludes=a|b none of these words may occur within three tokens before (not
//                before a name or punctuation between)
//   unless=a|b   none of these words may occur in the same sentence (words of
//                five letters or more, like required ones, also as compound heads)
//   key=value    any other option, kept for the caller
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/analysis.h"
#include "core/document.h"
#include "core/status.h"

namespace kroniek {

// Whether `token` is `word`, or ends in it when the word has five letters or
// more (a compound's head: 'helikopter' in 'reddingshelikopter').
bool IsWordOrHead(const std::string& token, const std::string& word);

struct PhraseMatch {
  int first = 0;          // first token of the match
  int last = 0;           // one past the last token of the first part
  int end = 0;            // one past the last token of the whole match
  int row = 0;            // index into PhraseTable::rows()
  std::string modifier;   // for compound matches: the part before the head
};

class PhraseTable {
 public:
  struct Row {
    std::vector<std::vector<std::string>> parts;  // gap-separated parts, each a token list
    std::string value;
    std::map<std::string, std::string> options;
    bool head = false, prefix = false;
    std::vector<std::string> required, excludes, unless;
  };

  Status Load(const std::string& path);
  const std::vector<Row>& rows() const { return rows_; }
  // All matches that start at token i of the sentence [first, last).
  void MatchAt(const std::vector<Token>& tokens, int i, int first, int last, std::vector<PhraseMatch>* out) const;
  // All matches in the sentence, longest first at each position, non-overlapping.
  std::vector<PhraseMatch> FindAll(const std::vector<Token>& tokens, int first, int last) const;
  // True when a row's single-token form equals `lower` (or heads it, for head rows).
  const Row* Lookup(const std::string& lower, std::string* modifier = nullptr) const;

 private:
  bool MatchParts(const Row& r, const std::vector<Token>& tokens, int i, int first, int last, PhraseMatch* m) const;
  bool GapHasOtherHead(const std::vector<std::string>& last_part, const std::vector<Token>& tokens, int from,
                       int to) const;
  std::vector<Row> rows_;
  std::unordered_map<std::string, std::vector<int>> by_first_;  // first word -> rows
  std::vector<int> compound_rows_;                              // head / prefix rows
  // last part of a gapped form -> the one word before its first gap ("schoot … dood": schoot)
  std::unordered_map<std::string, std::vector<std::string>> heads_by_last_part_;
};

}  // namespace kroniek
