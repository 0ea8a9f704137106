#include "analyze/stamps.h"
#include "analyze/stamp_pieces.h"

#include <algorithm>
#include <cstring>
#include <tuple>

#include <cctype>
#include <cstdlib>

#include "analyze/debris.h"
#include "core/resource_file.h"
#include "core/utf8.h"

namespace kroniek {

namespace stamp_pieces {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Letters: ASCII letters and any non-ASCII code point outside the punctuation
// blocks ("•", "–", "·"), so "geüpdatet" is one word.
size_t LetterBytes(const std::string& s, size_t i) {
  unsigned char c = s[i];
  if (c < 0x80) return IsAsciiLetter(char(c)) || (c == '\'' && i > 0 && IsAsciiLetter(s[i - 1])) ? 1 : 0;
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xB7) return 0;  // ·
  if (c == 0xE2) return 0;  // U+2000..U+2FFF: general punctuation, arrows, symbols
  return i + n <= s.size() ? n : 0;
}

}  // namespace

namespace {

// Two to six capitals and nothing else ("ANP", "PAP", "HINA").
bool AllCapitals(const std::string& word) {
  return word.size() >= 2 && word.size() <= 6 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::vector<StampPiece> StampPieces(const std::string& s, const std::unordered_set<std::string>& time_separators) {
  std::vector<StampPiece> out;
  size_t i = 0;
  while (i < s.size()) {
    if (IsDigit(s[i])) {
      size_t j = i;
      while (j < s.size()) {
        if (IsDigit(s[j])) { ++j; continue; }
        // An inner separator stands between digits: "3/06/17", "8:49", "13u54".
        bool sep = s[j] == '/' || s[j] == '.' || s[j] == '-' || s[j] == ':' ||
                   time_separators.count(std::string(1, char(std::tolower(static_cast<unsigned char>(s[j])))));
        if (sep && j + 1 < s.size() && IsDigit(s[j + 1]) && IsDigit(s[j - 1])) { ++j; continue; }
        break;
      }
      out.push_back({s.substr(i, j - i), true, false, i});
      i = j;
    } else if (size_t n = LetterBytes(s, i); n > 0) {
      size_t j = i;
      while (j < s.size() && (n = LetterBytes(s, j)) > 0) j += n;
      out.push_back({ToLower(s.substr(i, j - i)), false, IsAsciiLetter(s[i]) && s[i] <= 'Z', i});
      out.back().agency = i > 0 && s[i - 1] == '(' && j < s.size() && s[j] == ')' && AllCapitals(s.substr(i, j - i));
      i = j;
    } else {
      // Punctuation and spaces separate pieces; skip a whole UTF-8 sequence ("•").
      unsigned char c = s[i];
      i += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    }
  }
  return out;
}

// Splits "23-03-2016" into its digit fields.
std::vector<std::string> Fields(const std::string& number) {
  std::vector<std::string> out(1);
  for (char c : number) {
    if (IsDigit(c)) out.back() += c;
    else out.emplace_back();
  }
  return out;
}

bool IsTime(const std::vector<std::string>& f) {
  if (f.size() != 2 || f[0].size() > 2 || f[1].size() != 2) return false;
  return std::atoi(f[0].c_str()) < 24 && std::atoi(f[1].c_str()) < 60;
}

}  // namespace stamp_pieces

using namespace stamp_pieces;

namespace {

constexpr size_t kDatelineParagraphs = 5;   // a dateline dates the article only near its top
constexpr size_t kMaxBylineWords = 8;       // "Door Anna de Vries en Piet Jansen"
constexpr size_t kMaxTrailingStampPieces = 8;    // "… 30 mei 2018", "… woensdag 23 maart 2016 - 8:49"
constexpr size_t kMaxTitleWords = 16;            // a headline: "Zeker 80 doden bij terreuraanslag in Nice"

int FullYear(const std::string& digits) {
  int y = std::atoi(digits.c_str());
  if (digits.size() == 2) return y < 70 ? 2000 + y : 1900 + y;
  return digits.size() == 4 ? y : 0;
}

bool ValidDay(const Civil& c) {
  return c.month >= 1 && c.month <= 12 && c.day >= 1 && (c.year == 0 || c.day <= DaysInMonth(c.year, c.month));
}

// The zero dates of publishing systems (SQL Server's and Excel's 1 January 1900, Unix's
// 1 January 1970): a stamp showing one was never filled in ("1 januari 1900, 00.19 uur ·
// Aangepast 4 januari 2015"), and no page appeared then.
bool ZeroDate(const Civil& c) { return c.month == 1 && c.day == 1 && (c.year == 1900 || c.year == 1970); }

}  // namespace

Status StampRules::Load(const std::string& dir) {
  ResourceFile f;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/stamps.tsv", 2, &f));
  for (const auto& r : f.rows) {
    const std::string& cls = r.fields[1];
    for (const auto& form : SplitBar(r.fields[0])) {
      const std::string w = ToLower(form);
      if (cls == "filler") fillers_.insert(w);
      else if (cls == "time_separator") time_separators_.insert(w);
      else if (cls == "credit") credits_.insert(w);
      else if (cls == "byline") bylines_.push_back(LowerWords(w));
      else if (cls == "byline_word") byline_words_.insert(w);
      else if (cls == "numeric_order") numeric_order_ = w;
      else if (cls == "month" && r.fields.size() > 2) months_[w] = std::atoi(r.fields[2].c_str());
      else return Status::Error(f.path + ":" + std::to_string(r.line) + ": unknown class '" + cls + "'");
    }
  }
  if (numeric_order_ != "dmy" && numeric_order_ != "mdy" && numeric_order_ != "ymd")
    return Status::Error(f.path + ": numeric_order must be dmy, mdy or ymd");
  return Status();
}

bool StampRules::DateOf(const std::vector<std::string>& f, Civil* out) const {
  if (f.size() != 3) return false;
  const std::string order = f[0].size() == 4 ? "ymd" : numeric_order_;  // ISO dates in any language
  Civil c;
  for (size_t k = 0; k < 3; ++k) {
    int v = std::atoi(f[k].c_str());
    if (order[k] == 'y') c.year = FullYear(f[k]);
    else if (order[k] == 'm') c.month = v;
    else c.day = v;
  }
  if (c.year == 0 || !ValidDay(c)) return false;
  *out = c;
  return true;
}

bool StampRules::IsByline(const std::vector<std::string>& words, const std::vector<bool>& capitalized) const {
  for (const auto& opener : bylines_) {
    if (words.size() <= opener.size() || words.size() > opener.size() + kMaxBylineWords) continue;
    bool match = true;
    for (size_t k = 0; k < opener.size() && match; ++k) match = words[k] == opener[k];
    for (size_t k = opener.size(); k < words.size() && match; ++k)
      match = capitalized[k] || byline_words_.count(words[k]);
    if (match) return true;
  }
  return false;
}

std::string StampRules::Classify(const std::string& text, const TimeGrammar& times, Civil* day) const {
  if (text.size() > kMaxStampBytes) return "";
  const std::vector<StampPiece> pieces = StampPieces(text, time_separators_);
  std::vector<std::string> words;
  std::vector<bool> capitalized;
  bool numbers = false;
  for (const auto& p : pieces) {
    numbers |= p.number;
    if (!p.number) { words.push_back(p.text); capitalized.push_back(p.capitalized); }
  }
  if (!numbers) return IsByline(words, capitalized) ? "byline" : "";
  // (A paragraph closed by a full stop is a sentence: "Op 3 mei om 12.33 uur beefde de aarde.")
  const size_t last = text.find_last_not_of(" \t\n");
  const bool glued = last == std::string::npos || text[last] != '.';
  std::string kind = ClassifyFrom(pieces, BylineEnd(pieces), times, day, glued);
  if (kind.empty()) {
    // "KATHMANDU, 5 mei 2024", "NOS Nieuws • dinsdag 7 september 2021, 11:02", "Bron: AFP | 17
    // juli 2019": a place, an outlet or a credit before the stamp.
    size_t from = 0;
    while (from < pieces.size() && from < kMaxDatelinePlaceWords && !pieces[from].number &&
           (pieces[from].capitalized || credits_.count(pieces[from].text)))
      ++from;
    if (from > 0) kind = ClassifyFrom(pieces, from, times, day, glued);
  }
  return kind;
}

size_t StampRules::BylineEnd(const std::vector<StampPiece>& pieces) const {
  // "Door ANP - 15-10-2016, 12:09": a byline may open a dateline.
  for (const auto& opener : bylines_) {
    size_t k = 0;
    while (k < opener.size() && k < pieces.size() && !pieces[k].number && pieces[k].text == opener[k]) ++k;
    if (k < opener.size()) continue;
    while (k < pieces.size() && !pieces[k].number && (pieces[k].capitalized || byline_words_.count(pieces[k].text))) ++k;
    return k;
  }
  return 0;
}

int StampRules::MonthNamed(const std::string& word, const TimeGrammar& times) const {
  const int month = times.MonthOf(word);
  if (month > 0) return month;
  const auto it = months_.find(word);
  return it == months_.end() ? 0 : it->second;
}

std::string StampRules::ClassifyFrom(const std::vector<StampPiece>& pieces, size_t from, const TimeGrammar& times,
                                     Civil* day, bool glued) const {
  int dates = 0, clock_times = 0;
  // The day and month of a date that pieces[*k] and pieces[*k + 1] name, and the year
  // after them if written; *k ends on the date's last piece.
  auto day_of_month = [&](const std::string& digits, int month, size_t* k, Civil* c) {
    c->day = std::atoi(digits.c_str());
    c->month = month;
    *k += 1;
    if (*k + 1 < pieces.size() && pieces[*k + 1].number && pieces[*k + 1].text.size() == 4) {
      c->year = FullYear(pieces[*k + 1].text);
      *k += 1;
    }
    return ValidDay(*c);
  };
  auto take = [&](const Civil& c) {
    if (!ZeroDate(c) && dates++ == 0) *day = c;
  };
  for (size_t k = from; k < pieces.size(); ++k) {
    const StampPiece& p = pieces[k];
    Civil c;
    // A date and a time of day make a stamp, whatever the page glued after them
    // ("14 feb 2024 om 07:10Update: 3 weken geleden", "02-03-2019 11:17 | Binnenland").
    if (dates > 0 && clock_times > 0 && !fillers_.count(p.text) && !time_separators_.count(p.text)) {
      if (!glued) return "";
      break;
    }
    if (p.number) {
      std::vector<std::string> f = Fields(p.text);
      if (DateOf(f, &c)) {
        take(c);
        continue;
      }
      if (IsTime(f)) { ++clock_times; continue; }
      // "23 maart [2016]": a day before a month name, a year after it.
      const int month = k + 1 < pieces.size() && !pieces[k + 1].number ? MonthNamed(pieces[k + 1].text, times) : 0;
      if (f.size() != 1 || f[0].size() > 2 || month == 0 || !day_of_month(f[0], month, &k, &c)) return "";
      take(c);
      continue;
    }
    // "June 14, 2017": a month name before its day (the year after).
    if (int month = MonthNamed(p.text, times);
        month > 0 && k + 1 < pieces.size() && pieces[k + 1].number && pieces[k + 1].text.size() <= 2) {
      if (!day_of_month(pieces[k + 1].text, month, &k, &c)) return "";
      take(c);
      continue;
    }
    if (credits_.count(p.text)) {
      if (pieces.size() - k - 1 > kMaxCreditWords) return "";
      break;
    }
    if (!p.agency && !fillers_.count(p.text) && !time_separators_.count(p.text) && times.WeekdayOf(p.text) < 0)
      return "";
  }
  return dates > 0 ? "dateline" : clock_times > 0 ? "timestamp" : "";
}

size_t StampRules::TrailingDate(const std::string& title, const TimeGrammar& times, Civil* day) const {
  // "Dodental na explosie in haven opgelopen 12 juni 2024": a title
  // whose last words are its stamp.
  const std::vector<StampPiece> pieces = StampPieces(title, time_separators_);
  const size_t n = pieces.size();
  for (size_t k = n > kMaxTrailingStampPieces ? n - kMaxTrailingStampPieces : 1; k < n; ++k)
    if (ClassifyFrom(pieces, k, times, day) == "dateline") return pieces[k].begin;
  return 0;
}

void StampRules::Mark(Article& article, const TimeGrammar& times) const {
  // A stamp is never the whole article: one paragraph may only open with a dateline.
  const bool several = article.paragraphs.size() >= 2;
  bool dated = false;
  // ("4 april 2023: Een personentrein …", "Zondag 11 januari\nOm 04.20 uur zakt …", "Woensdag 10
  // september, 22.40 uur - Volgens …": paragraphs that open with dates are a list of events, a
  // timeline, not a page's dateline.)
  // (A live blog's stamped entries go back in time from its latest, whose day is the page's.)
  std::vector<Civil> openings;
  std::vector<bool> opens(article.paragraphs.size(), false);
  int date_openings = 0;
  for (size_t p = 0; p < article.paragraphs.size(); ++p) {
    const Paragraph& para = article.paragraphs[p];
    if (para.kind == ParagraphKind::kDebris) continue;
    const std::string text = article.text.substr(para.span.begin, para.span.size());
    Civil c;
    const bool date_opening = DateOpening(text, times, &c) > 0;
    opens[p] = date_opening || OpensWithDate(text, times, &c);
    if (date_opening) ++date_openings;
    else if (opens[p]) openings.push_back(c);
  }
  auto after = [](const Civil& a, const Civil& b) {
    return std::tie(a.year, a.month, a.day) > std::tie(b.year, b.month, b.day);
  };
  const bool timeline = date_openings >= 2 ||
                        (openings.size() >= 2 && !std::is_sorted(openings.begin(), openings.end(), after));
  for (size_t p = 0; p < article.paragraphs.size(); ++p) {
    Paragraph& para = article.paragraphs[p];
    if (para.kind == ParagraphKind::kDebris) continue;
    Civil day;
    const std::string text = article.text.substr(para.span.begin, para.span.size());
    // (A paragraph of several lines is read line by line: a stamp may open it, a sentence follow.)
    const bool lines = text.find('\n') != std::string::npos;
    const bool listed = timeline && opens[p];
    std::string kind = lines || !several ? "" : Classify(text, times, &day);
    if (!kind.empty()) {
      para.kind = ParagraphKind::kDebris;
      para.debris = kind;
    } else if (listed) {
      // a dated entry of a timeline: its date is its events'
    } else if (several && p < kDatelineParagraphs && lines && MarkLines(article, p, times, &day)) {
      kind = "dateline";
    } else if (size_t stamp = several && para.kind == ParagraphKind::kTitle ? TrailingDate(text, times, &day) : 0) {
      kind = "dateline";  // the title stays; its stamp dates the article and nothing in it
      article.inline_stamps.push_back({para.span.begin + uint32_t(stamp), para.span.end});
    } else if (p < kDatelineParagraphs) {  // (a page may open with its dateline: "DOHA (ANP) - …")
      if (size_t n = dated ? 0 : InlineDateline(text, times, &day)) {
        article.inline_stamps.push_back({para.span.begin, para.span.begin + uint32_t(n)});
        kind = "dateline";
      } else if (size_t opening = OpeningStamp(text, times, &day, &kind)) {
        article.inline_stamps.push_back({para.span.begin, para.span.begin + uint32_t(opening)});
      } else if (size_t date = DateOpening(text, times, &day)) {
        article.inline_stamps.push_back({para.span.begin, para.span.begin + uint32_t(date)});
        kind = "dateline";
      } else if (size_t place = PlaceDateline(text)) {
        article.inline_stamps.push_back({para.span.begin, para.span.begin + uint32_t(place)});
      }
    }
    if (p < kDatelineParagraphs)
      if (const auto [from, to] = CreditAndCount(text); to > from)
        article.inline_stamps.push_back({para.span.begin + uint32_t(from), para.span.begin + uint32_t(to)});
    if (kind != "dateline" || dated || p >= kDatelineParagraphs) continue;
    dated = true;
    Date(article, day);
  }
  if (!several) return;
  if (!dated) DateFromPosts(article, times);
  MarkTitle(article);
}

void StampRules::DateFromPosts(Article& article, const TimeGrammar& times) const {
  // "… — Name (@handle) June 14, 2017": a page embeds posts of its day or before; the
  // latest one dates a page its header dates to the month only.
  const std::optional<Civil> known = article.published.civil();
  if (!known || known->month == 0 || known->day != 0) return;
  std::optional<Civil> latest;
  for (const Paragraph& para : article.paragraphs) {
    const std::string text = article.text.substr(para.span.begin, para.span.size());
    const size_t signed_at = EmbeddedPostSignatureEnd(text);
    if (signed_at == std::string::npos) continue;
    Civil day;
    if (Classify(text.substr(signed_at), times, &day) != "dateline" || day.day == 0 ||
        day.year != known->year || day.month != known->month)
      continue;
    if (!latest || latest->ToString() < day.ToString()) latest = day;
  }
  if (latest) Date(article, *latest);
}

bool StampRules::OpensWithDate(const std::string& paragraph, const TimeGrammar& times, Civil* day) const {
  if (DateOpening(paragraph, times, day) || (InlineDateline(paragraph, times, day) && day->day != 0)) return true;
  const size_t eol = paragraph.find('\n');
  return eol != std::string::npos && Classify(paragraph.substr(0, eol), times, day) == "dateline" && day->day != 0;
}

bool StampRules::MarkLines(Article& article, size_t p, const TimeGrammar& times, Civil* day) const {
  // A stamp on a line of its own inside the page's first blocks ("Dodental stijgt\n14 mei
  // 2024, 09:12"; "Raketten treffen Mykolajiv\nMYKOLAJIV, 18 februari (ANP) - Bij …").
  const Span span = article.paragraphs[p].span;
  bool dated = false;
  uint32_t begin = span.begin;
  while (begin < span.end) {
    uint32_t end = begin;
    while (end < span.end && article.text[end] != '\n') ++end;
    const std::string line = article.text.substr(begin, end - begin);
    Civil c;
    const std::string kind = Classify(line, times, &c);
    size_t opening = 0;
    if (!kind.empty()) {
      article.inline_stamps.push_back({begin, end});
    } else if (begin > span.begin && (opening = InlineDateline(line, times, &c)) > 0) {
      article.inline_stamps.push_back({begin, begin + uint32_t(opening)});
    } else if (const size_t place = begin > span.begin ? PlaceDateline(line) : 0) {
      article.inline_stamps.push_back({begin, begin + uint32_t(place)});
    }
    if (!dated && (kind == "dateline" || opening > 0)) {
      *day = c;
      dated = true;
    }
    begin = end + 1;
  }
  return dated;
}

namespace {

size_t Words(const std::string& text) {
  auto space = [&](size_t i) { return std::isspace(static_cast<unsigned char>(text[i])) != 0; };
  size_t words = 0;
  for (size_t i = 0; i < text.size(); ++i) words += !space(i) && (i == 0 || space(i - 1));
  return words;
}

// Whether every line of the text from byte `from` to `to` is an inline stamp.
bool LinesStamped(const Article& article, uint32_t from, uint32_t to) {
  while (from < to) {
    uint32_t end = from;
    while (end < to && article.text[end] != '\n') ++end;
    const Span line{from, end};
    if (std::none_of(article.inline_stamps.begin(), article.inline_stamps.end(),
                     [&](const Span& stamp) { return stamp.contains(line); }))
      return false;
    from = end + 1;
  }
  return true;
}

}  // namespace

void StampRules::MarkTitle(Article& article) const {
  // A page without a header line: its first line after the stamps, short and
  // without a closing full stop, is its headline; the lines after it in its block
  // may be stamps ("Dodental stijgt naar elf\n14 mei 2024, 09:12").
  for (const auto& para : article.paragraphs)
    if (para.kind == ParagraphKind::kTitle) return;
  for (size_t p = 0; p + 1 < article.paragraphs.size(); ++p) {
    Paragraph& para = article.paragraphs[p];
    if (para.kind == ParagraphKind::kDebris) continue;
    std::string text = article.text.substr(para.span.begin, para.span.size());
    const size_t eol = text.find('\n');
    if (eol != std::string::npos && LinesStamped(article, para.span.begin + uint32_t(eol) + 1, para.span.end))
      text.resize(eol);
    const size_t words = Words(text);
    if (para.kind == ParagraphKind::kBody && words >= 2 && words <= kMaxTitleWords && text.back() != '.' &&
        text.back() != ':' && text.find('\n') == std::string::npos) {
      para.kind = ParagraphKind::kTitle;
      article.title_span = {para.span.begin, para.span.begin + uint32_t(text.size())};
      article.title = text;
    }
    return;
  }
}

void StampRules::Date(Article& article, Civil day) const {
  // The dateline must agree with what the article knows: its year and month.
  std::optional<Civil> known = article.published.civil();
  if (day.year == 0) {
    // ("Bijgewerkt: 21 november", on a page with no date: the day and month of its publication,
    // whose year the reports of its events may tell.)
    if (!known) {
      article.published.month = day.month;
      article.published.day = day.day;
      return;
    }
    day.year = known->year;
  }
  if (known && (known->year != day.year || (known->month != 0 && known->month != day.month) ||
                (known->day != 0 && known->day != day.day)))
    return;
  article.published.value = day.ToString();
  article.published.precision = Precision::kDay;
  if (!known) article.published.basis = DateBasis::kHeader;
}

}  // namespace kroniek
