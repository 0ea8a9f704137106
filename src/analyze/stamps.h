// Page stamps at the top of an article: datelines ("woensdag 23 maart 2016 - 8:49",
// "3/06/17 - 13u54", "12 feb 2022, 07:15"), live-blog stamps ("17u00", "Update
// 18.04") and bylines ("Door: redactie").
//
// A stamp is a short paragraph among the first ones (or the header's title) that
// holds nothing but its date, times, the stamp words of resources/<lang>/stamps.tsv
// and punctuation. Stamps become debris (kinds dateline, timestamp, byline) so their
// dates never date an event; a dateline's first date gives the publication day
// when it agrees with what the article already knows (the ` date` header's year and
// month, or nothing), with basis "header".
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyze/times.h"
#include "core/analysis.h"
#include "core/document.h"
#include "core/status.h"

namespace kroniek {

// A piece of a paragraph as stamps read it.
struct StampPiece {
  std::string text;  // a word (lower case) or a number with its inner separators ("3/06/17", "13u54")
  bool number = false;
  bool capitalized = false;
  size_t begin = 0;  // byte offset in the text it was cut from
  bool agency = false;  // capitals alone in brackets, a news agency's credit ("(ANP)", "(PAP)")
};

class StampRules {
 public:
  Status Load(const std::string& lang_dir);
  // Marks the stamp paragraphs of `article` and sets its publication day from the
  // first dateline that agrees with it. Month and weekday names come from `times`.
  // A page without a header line gets its headline: the first line after the
  // stamps, short and without a closing full stop.
  void Mark(Article& article, const TimeGrammar& times) const;

  // What one paragraph is: "dateline", "timestamp", "byline" or "" (not a stamp);
  // for a dateline, `day` gets its first date (year 0 when the stamp has none).
  std::string Classify(const std::string& paragraph, const TimeGrammar& times, Civil* day) const;
  // A dateline opening a paragraph ("Rotterdam, 12 mei 2023 – …", "ANTWERPEN
  // 14/06/2022 - …"): its length through the dash, and its first date in *day; 0 if none.
  size_t InlineDateline(const std::string& paragraph, const TimeGrammar& times, Civil* day) const;
  // A dateline of a place alone, in capitals, opening a paragraph ("AMSTERDAM - …",
  // "BRUSSEL (ANP) - …"): its length through the dash, or 0. It dates nothing.
  size_t PlaceDateline(const std::string& paragraph) const;
  // A stamp opening a line that goes on with a title, through its last time of day ("NOS
  // Nieuws • vandaag, 09:25 • Aangepast vandaag, 13:48 Twee doden bij brand"): its length,
  // its kind in *kind and its first date in *day; 0 if none.
  size_t OpeningStamp(const std::string& paragraph, const TimeGrammar& times, Civil* day, std::string* kind) const;
  // A day of a month, perhaps with its year or after a weekday, opening a paragraph before a
  // capital ("29 september 2018 Door de vloedgolf …", "28 juni De minister …"): its length
  // and the day in *day; 0 if none. A page's dateline when one paragraph alone opens so.
  size_t DateOpening(const std::string& paragraph, const TimeGrammar& times, Civil* day) const;
  // Whether a paragraph opens with a day (in *day): a date opening, an inline dateline or a line
  // of its own ("Zondag 11 januari\nOm 04.20 uur …"). Such paragraphs going forward in time
  // make a timeline, whose days are its entries', not the page's.
  bool OpensWithDate(const std::string& paragraph, const TimeGrammar& times, Civil* day) const;
  // A credit and the count a page shows after it ("Bron: Belga 5 Bij een schietpartij …"):
  // its span in the paragraph, begin and end; {0, 0} if none.
  std::pair<size_t, size_t> CreditAndCount(const std::string& paragraph) const;
  // A title that ends in its stamp ("… 30 mei 2018"): the stamp's byte offset in the title
  // and its first date in *day; 0 if none.
  size_t TrailingDate(const std::string& title, const TimeGrammar& times, Civil* day) const;

 private:
  void MarkTitle(Article& article) const;
  // The stamps on lines of their own in paragraph p (recorded as inline stamps); true
  // and the first dateline's day in *day when one dates the article.
  bool MarkLines(Article& article, size_t p, const TimeGrammar& times, Civil* day) const;
  // Sets the publication day of a page dated to the month from the latest embedded post
  // of that month ("— Name (@handle) 14 juni 2017").
  void DateFromPosts(Article& article, const TimeGrammar& times) const;
  // Sets the publication day from a dateline's day when it agrees with the article.
  void Date(Article& article, Civil day) const;
  // Where a byline opening the pieces ends ("Door ANP - 15-10-2016"), or 0.
  size_t BylineEnd(const std::vector<StampPiece>& pieces) const;
  // What pieces[from…] are, as Classify.
  // `glued`: whether words may follow a date and a time ("02-03-2019 11:17 | Binnenland").
  std::string ClassifyFrom(const std::vector<StampPiece>& pieces, size_t from, const TimeGrammar& times, Civil* day,
                           bool glued = true) const;
  bool DateOf(const std::vector<std::string>& digits, Civil* out) const;
  // The month a word names in the language or in a stamp ("juni", "June"), or 0.
  int MonthNamed(const std::string& word, const TimeGrammar& times) const;
  bool IsByline(const std::vector<std::string>& words, const std::vector<bool>& capitalized) const;

  std::unordered_set<std::string> fillers_, time_separators_, credits_, byline_words_;
  std::vector<std::vector<std::string>> bylines_;
  std::unordered_map<std::string, int> months_;  // month names only stamps use ("17 March 2025" on a Dutch page)
  std::string numeric_order_ = "dmy";
};

}  // namespace kroniek
