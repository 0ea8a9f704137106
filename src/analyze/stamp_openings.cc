// The stamps a paragraph may open with: a dateline before a dash ("DOHA (ANP) - …"), a
// stamp before a title ("NOS Nieuws • vandaag, 09:25 Twee doden …"), a date before a
// capital, a credit with a counter, a place in capitals.
#include <cstring>

#include "analyze/stamp_pieces.h"
#include "analyze/stamps.h"
#include "core/utf8.h"

namespace kroniek {

namespace {

constexpr size_t kMaxDateOpeningPieces = 4;  // "dinsdag 4 juni 2019"
constexpr size_t kMaxInlineDatelineBytes = 60;  // "ANTWERPEN 14/06/2022 -", "Rotterdam, 12 mei 2023 –"

}  // namespace

using namespace stamp_pieces;

size_t StampRules::InlineDateline(const std::string& text, const TimeGrammar& times, Civil* day) const {
  size_t dash = std::string::npos, width = 0;
  for (const char* d : {" \u2013 ", " - ", " \u2014 "}) {
    const size_t at = text.find(d);
    if (at != std::string::npos && at < dash) { dash = at; width = std::strlen(d); }
  }
  if (dash == std::string::npos || dash > kMaxInlineDatelineBytes) return 0;
  const std::vector<StampPiece> pieces = StampPieces(text.substr(0, dash), time_separators_);
  size_t from = 0;  // the place it was written in
  while (from < pieces.size() && from < kMaxDatelinePlaceWords && !pieces[from].number && pieces[from].capitalized) ++from;
  Civil c;
  if (ClassifyFrom(pieces, from, times, &c) != "dateline") return 0;
  *day = c;
  return dash + width;
}

size_t StampRules::OpeningStamp(const std::string& text, const TimeGrammar& times, Civil* day,
                                std::string* kind) const {
  const std::vector<StampPiece> pieces = StampPieces(text.substr(0, kMaxStampBytes), time_separators_);
  for (size_t k = pieces.size(); k-- > 0;) {
    if (!pieces[k].number || !IsTime(Fields(pieces[k].text))) continue;
    // (What follows is a title: a capital or a number, not the rest of a sentence.)
    if (k + 1 >= pieces.size() || !(pieces[k + 1].capitalized || pieces[k + 1].number)) return 0;
    const size_t end = pieces[k].begin + pieces[k].text.size();
    *kind = Classify(text.substr(0, end), times, day);
    return kind->empty() ? 0 : end;
  }
  return 0;
}

size_t StampRules::DateOpening(const std::string& text, const TimeGrammar& times, Civil* day) const {
  const std::vector<StampPiece> pieces = StampPieces(text.substr(0, kMaxStampBytes), time_separators_);
  const size_t first = !pieces.empty() && !pieces[0].number && times.WeekdayOf(pieces[0].text) >= 0 ? 1 : 0;
  if (first >= pieces.size() || !pieces[first].number) return 0;  // the day opens it
  size_t last = pieces.size();  // the date's last piece: its month or its year
  for (size_t k = first; k < pieces.size() && k < kMaxDateOpeningPieces; ++k) {
    const bool month = !pieces[k].number && MonthNamed(pieces[k].text, times) > 0;
    const bool year = pieces[k].number && pieces[k].text.size() == 4 && last < pieces.size() && last + 1 == k;
    if (month || year) last = k;
  }
  if (last >= pieces.size() || last + 1 >= pieces.size() || !pieces[last + 1].capitalized) return 0;
  const size_t end = pieces[last].begin + pieces[last].text.size();
  return Classify(text.substr(0, end), times, day) == "dateline" && day->day > 0 ? end : 0;
}

std::pair<size_t, size_t> StampRules::CreditAndCount(const std::string& text) const {
  // (A page's counter of reactions, glued between its credit and the lede: "Bron: ANP 2 Meerdere
  // mensen …" counts no one.)
  const std::vector<StampPiece> pieces = StampPieces(text.substr(0, kMaxStampBytes), time_separators_);
  for (size_t k = 0; k < pieces.size(); ++k) {
    if (pieces[k].number || !credits_.count(pieces[k].text)) continue;
    size_t n = k + 1;
    while (n < pieces.size() && n - k <= kMaxCreditWords && !pieces[n].number) ++n;
    if (n == k + 1 || n >= pieces.size() || n - k > kMaxCreditWords + 1 || n + 1 >= pieces.size() ||
        !pieces[n + 1].capitalized)
      return {0, 0};
    return {pieces[k].begin, pieces[n].begin + pieces[n].text.size()};
  }
  return {0, 0};
}

size_t StampRules::PlaceDateline(const std::string& text) const {
  // Its end: a dash, or a full stop after the agency ("SANTIAGO (ANP). Bij …").
  size_t dash = std::string::npos, width = 0;
  for (const char* d : {" - ", " \u2013 ", " \u2014 ", "). "}) {
    const size_t at = text.find(d);
    if (at != std::string::npos && at < dash) { dash = at + (d[0] == ')'); width = std::strlen(d) - (d[0] == ')'); }
  }
  if (dash == std::string::npos || dash > kMaxInlineDatelineBytes) return 0;
  const std::string head = text.substr(0, dash);
  const size_t paren = head.find(" (");
  // The place: up to three words of capitals ("DEN HAAG", "SINT-NIKLAAS").
  const std::string place = head.substr(0, paren);
  size_t letters = 0, words = 1;
  for (size_t i = 0; i < place.size();) {
    const char32_t c = NextCodePoint(place, i);
    if (c == ' ') ++words;
    else if (IsLetter(c) && IsUpper(c)) ++letters;
    else if (c != '-' && c != '\'' && c != '.') return 0;
  }
  if (letters < 3 || words > kMaxDatelinePlaceWords) return 0;
  // After it, only an agency in brackets ("(ANP)").
  if (paren != std::string::npos) {
    if (head.back() != ')') return 0;
    for (const auto& p : StampPieces(head.substr(paren), time_separators_))
      if (p.number || !(p.agency || fillers_.count(p.text))) return 0;
  } else if (text.compare(dash, 2, ". ") == 0) {
    return 0;  // a full stop ends a dateline only after its agency
  }
  return dash + width;
}

}  // namespace kroniek
