// Debris that keeps its provenance: captions, photo credits, "Lees ook" and
// "Meer uit …" blocks, paywall notices, embedded posts and live-blog time
// stamps are marked (Paragraph::kind = kDebris), not deleted, and their
// facts never join the article's events. Data: resources/<lang>/debris.tsv.
#pragma once

#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/document.h"
#include "core/status.h"

namespace kroniek {

// Where the signature of an embedded post ends ("… https://t.co/x — Name (@handle)"),
// past its handle, when `text` is one; std::string::npos otherwise. A date may follow.
size_t EmbeddedPostSignatureEnd(const std::string& text);

class DebrisRules {
 public:
  Status Load(const std::string& lang_dir);
  // Splits a paragraph at a line that heads a block of other stories ("Meer uit
  // Buitenland" on a line of its own, in a page that puts each paragraph on one line),
  // so that Mark can mark that block. Before tokenizing.
  void SplitAtBlockHeadings(Article& article) const;
  // Marks the debris paragraphs of `article`; tokens are the article's.
  void Mark(Article& article, const std::vector<Token>& tokens) const;

 private:
  struct Rule {
    std::vector<std::string> words;  // the phrase that opens the paragraph
    std::string kind;
    std::string scope;  // paragraph | next | rest
  };
  std::vector<Rule> rules_;
};

}  // namespace kroniek
