#include "ingest/ingest.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "core/utf8.h"
#include "ingest/inputs.h"

namespace kroniek {

namespace {

bool IsBlank(std::string_view line) {
  for (char c : line) if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

// Trims spaces at both ends of [b, e) within text.
Span TrimSpan(const std::string& text, uint32_t b, uint32_t e) {
  while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
  return {b, e};
}

// Parses " date YYYY-MM[-DD] title" on the first line; returns the end of the line.
bool ParseHeader(const std::string& text, Civil* date, Span* title, uint32_t* line_end) {
  size_t eol = text.find('\n');
  if (eol == std::string::npos) eol = text.size();
  size_t i = 0;
  while (i < eol && text[i] == ' ') ++i;
  if (text.compare(i, 5, "date ") != 0) return false;
  i += 5;
  size_t j = i;
  while (j < eol && text[j] != ' ') ++j;
  auto parsed = ParseIsoDate(std::string_view(text).substr(i, j - i));
  if (!parsed) return false;
  *date = *parsed;
  *title = TrimSpan(text, uint32_t(j), uint32_t(eol));
  *line_end = uint32_t(eol);
  return true;
}

bool HasBlankLine(const std::string& text, uint32_t start) {
  for (size_t pos = start; pos <= text.size();) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    if (eol < text.size() && IsBlank(std::string_view(text.data() + pos, eol - pos))) return true;
    pos = eol + 1;
  }
  return false;
}

// A line that goes on with the sentence the previous one left open: a hard wrap,
// not a new paragraph ("... bij een aanslag in de\nhoofdstad ...").
bool ContinuesLine(const std::string& text, uint32_t prev_end, uint32_t pos) {
  uint32_t e = TrimSpan(text, 0, prev_end).end;
  if (e == 0) return false;
  const char last = text[e - 1];
  if (last == '.' || last == '!' || last == '?' || last == ':') return false;
  size_t i = pos;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i >= text.size()) return false;
  const char32_t c = NextCodePoint(text, i);
  return IsLetter(c) && !IsUpper(c);
}

// Paragraphs end at blank lines. A page without any blank line puts one paragraph on
// each line (titles, datelines and bylines each on their own), hard wraps aside.
void SplitParagraphs(const std::string& text, uint32_t start, std::vector<Paragraph>* out) {
  const bool lines_are_paragraphs = !HasBlankLine(text, start);
  uint32_t pos = start;
  uint32_t para_begin = UINT32_MAX, para_end = 0;
  auto close = [&] {
    if (para_begin != UINT32_MAX) out->push_back({TrimSpan(text, para_begin, para_end), ParagraphKind::kBody, ""});
    para_begin = UINT32_MAX;
  };
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view line(text.data() + pos, eol - pos);
    if (IsBlank(line)) {
      close();
    } else {
      if (lines_are_paragraphs && para_begin != UINT32_MAX && !ContinuesLine(text, para_end, pos)) close();
      if (para_begin == UINT32_MAX) para_begin = pos;
      para_end = uint32_t(eol);
    }
    pos = uint32_t(eol) + 1;
  }
  close();
}

bool LooksBinary(const std::string& text) {
  size_t controls = 0;
  for (unsigned char c : text) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') ++controls;
  }
  return controls * 100 > text.size();
}

// Why the text cannot be an article, or "" when it can.
std::string RefusalReason(const std::string& text, const IngestOptions& opts) {
  if (text.size() > opts.max_bytes)
    return std::to_string(text.size()) + " bytes exceeds the limit of " + std::to_string(opts.max_bytes);
  if (LooksBinary(text)) return "binary content";
  if (!IsValidUtf8(text)) return "invalid UTF-8";
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return "empty article";
  return "";
}

}  // namespace

Status ArticleFromText(std::string id, std::string text, const IngestOptions& opts, Article* out) {
  std::string reason = RefusalReason(text, opts);
  if (!reason.empty()) return Status::Error(id + ": refused: " + reason);
  *out = Article();
  out->id = std::move(id);
  out->text = std::move(text);
  const std::string& t = out->text;

  Civil header_date;
  uint32_t body_start = 0;
  if (ParseHeader(t, &header_date, &out->title_span, &body_start)) {
    out->published.value = header_date.ToString();
    out->published.precision = header_date.precision();
    out->published.basis = DateBasis::kHeader;
    if (!out->title_span.empty()) {
      out->title = t.substr(out->title_span.begin, out->title_span.size());
      out->paragraphs.push_back({out->title_span, ParagraphKind::kTitle, ""});
    }
  }
  SplitParagraphs(t, body_start, &out->paragraphs);
  if (out->title_span.empty()) {
    for (auto& p : out->paragraphs) {
      if (p.kind != ParagraphKind::kBody) continue;
      if (t[p.span.end - 1] == '.') p.kind = ParagraphKind::kLede;
      break;
    }
  }
  if (!opts.lang.empty()) {
    out->lang = opts.lang;
    out->lang_given = true;
  }
  if (opts.published) out->published = DateOf(*opts.published, opts.published_basis);
  return Status();
}

Status ReadArticleFile(const std::string& path, const IngestOptions& opts, Article* out) {
  Status result = Status::Error(path + ": no article");
  ReadInputs({path}, opts, [&](InputRecord&& r) {
    if (!result.ok() && result.message() == path + ": no article") {
      result = r.status;
      if (r.status.ok()) *out = std::move(r.article);
    }
  });
  return result;
}

}  // namespace kroniek
