#include "analyze/debris.h"

#include <algorithm>
#include <cctype>

#include "core/resource_file.h"

namespace kroniek {

namespace {
constexpr size_t kMaxCreditBytes = 100;   // "Beeld EPA", "Foto: Jan Jansen / ANP"
constexpr size_t kMaxHeadingBytes = 80;   // "Meer uit Buitenland", "Lees ook"
constexpr size_t kMaxLinkBytes = 160;     // the story title under "Lees ook"
constexpr size_t kMaxCaptionBytes = 250;  // a photo's caption with its credit at the end
constexpr size_t kMaxCreditTail = 40;     // "© ap", "© Photo News"
constexpr size_t kMaxPostBytes = 600;     // an embedded post: its text and signature
constexpr size_t kMaxPostTail = 30;       // the post's date after its author's handle
constexpr size_t kMinMenuItems = 4;       // a site's menu: "• Voorpagina", "• Binnenland", …
constexpr size_t kMaxMenuLineWords = 5;   // "• Oorlog in het Midden-Oosten"
constexpr size_t kMinTeasers = 2;         // "- Brand in loods in Gent..", "- Nieuwe trainer voor…"

// Whether a line is a bullet item ("• …", "- …", "* …"), leading blanks aside.
bool Bullet(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  return line.rfind("\u2022 ", 0) == 0 || line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0;
}

// A site's menu opening a paragraph: short lines without a figure or a full stop, then
// at least kMinMenuItems bullet items ("Ga naar de inhoud", "  • Voorpagina",
// "  • Oorlog in Oekraïne"), up to the first line that is none. Returns where the menu
// ends (past its last line's newline, or the text's end), 0 if the paragraph opens with none.
size_t MenuEnd(const std::string& text) {
  size_t items = 0, menu_end = 0;
  for (size_t begin = 0; begin < text.size();) {
    const size_t end = std::min(text.find('\n', begin), text.size());
    std::string_view line(text.data() + begin, end - begin);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (!line.empty()) {
      const bool bullet = Bullet(line);
      size_t words = 0;
      for (size_t i = 0; i < line.size(); ++i) words += line[i] != ' ' && (i == 0 || line[i - 1] == ' ');
      // (A menu item may hold a number after its name, "• Formule 1"; a list of figures
      // opens with them: "• 12 doden".)
      const size_t text_at = bullet ? line.find(' ') + 1 : 0;
      const bool figure = bullet ? line[text_at] >= '0' && line[text_at] <= '9'
                                 : std::any_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (figure || words > kMaxMenuLineWords + bullet || line.back() == '.' || (items > 0 && !bullet)) break;
      items += bullet;
    }
    begin = menu_end = std::min(end + 1, text.size());
  }
  return items >= kMinMenuItems ? menu_end : 0;
}

// A bullet item of another story's title cut short: "- Brand in loods in Gent..",
// "- Minister wil hogere tarieven voor…".
bool CutTitle(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  const bool cut = (line.size() > 2 && line.substr(line.size() - 2) == "..") ||
                   (line.size() > 3 && line.substr(line.size() - 3) == "\u2026");
  return cut && Bullet(line) && line.find('\n') == std::string_view::npos;
}

// Other stories' titles listed at a page's foot: from the first title cut short on,
// every line a bullet item and at least kMinTeasers of them cut short. Returns where
// the list begins, or npos.
size_t TeaserListBegin(const std::string& text) {
  size_t begin_of_list = std::string::npos, teasers = 0;
  for (size_t begin = 0; begin < text.size();) {
    const size_t end = std::min(text.find('\n', begin), text.size());
    std::string_view line(text.data() + begin, end - begin);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      if (!Bullet(line)) begin_of_list = std::string::npos, teasers = 0;
      else if (CutTitle(line) && begin_of_list == std::string::npos) begin_of_list = begin;
      teasers += CutTitle(line) && begin_of_list != std::string::npos;
    }
    begin = end + 1;
  }
  return teasers >= kMinTeasers ? begin_of_list : std::string::npos;
}

// The same list one title a paragraph (a page without blank lines): a title cut short
// beside another, or a bullet item after such a pair.
bool TeaserOfARun(const Article& article, size_t p) {
  auto line = [&](size_t k) {
    return std::string_view(article.text).substr(article.paragraphs[k].span.begin, article.paragraphs[k].span.size());
  };
  auto cut = [&](size_t k) { return k < article.paragraphs.size() && CutTitle(line(k)); };
  auto paired = [&](size_t k) { return cut(k) && ((k > 0 && cut(k - 1)) || cut(k + 1)); };
  for (size_t k = p + 1; k-- > 0 && Bullet(line(k));)
    if (paired(k)) return true;
  return false;
}

// A caption that ends in its credit: "De ravage na de aanslag. © AP".
bool CreditedCaption(const std::string& text) {
  const size_t at = text.rfind("\u00a9");
  return at != std::string::npos && text.size() <= kMaxCaptionBytes && text.size() - at <= kMaxCreditTail;
}

}  // namespace

size_t EmbeddedPostSignatureEnd(const std::string& text) {
  if (text.size() > kMaxPostBytes) return std::string::npos;
  const size_t at = text.rfind("(@");
  if (at == std::string::npos) return std::string::npos;
  const size_t close = text.find(')', at);
  if (close == std::string::npos || close == at + 2 || text.size() - close > kMaxPostTail) return std::string::npos;
  const bool handle = std::all_of(text.begin() + at + 2, text.begin() + close,
                                  [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
  return handle ? close + 1 : std::string::npos;
}

Status DebrisRules::Load(const std::string& dir) {
  ResourceFile f;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/debris.tsv", 3, &f));
  for (const auto& r : f.rows) rules_.push_back({LowerWords(r.fields[0]), r.fields[1], r.fields[2]});
  std::stable_sort(rules_.begin(), rules_.end(), [](const Rule& a, const Rule& b) { return a.words.size() > b.words.size(); });
  return Status();
}

void DebrisRules::SplitAtBlockHeadings(Article& article) const {
  std::vector<Paragraph> out;
  for (const Paragraph& para : article.paragraphs) {
    uint32_t from = para.span.begin;
    // A menu glued to what follows it: the menu apart.
    if (const size_t menu = para.kind == ParagraphKind::kTitle ? 0 : MenuEnd(article.text.substr(from, para.span.size()));
        menu > 0 && menu < para.span.size()) {
      out.push_back({Span{from, from + uint32_t(menu) - 1}, ParagraphKind::kBody, {}});
      from += uint32_t(menu);
    }
    // Other stories' titles under the text: apart.
    if (const size_t list = para.kind == ParagraphKind::kTitle ? std::string::npos
                                                               : TeaserListBegin(article.text.substr(from, para.span.end - from));
        list != std::string::npos && list > 0) {
      out.push_back({Span{from, from + uint32_t(list) - 1}, from == para.span.begin ? para.kind : ParagraphKind::kBody, {}});
      from += uint32_t(list);
    }
    for (size_t eol = article.text.find('\n', from); para.kind != ParagraphKind::kTitle && eol < para.span.end;
         eol = article.text.find('\n', eol + 1)) {
      const uint32_t line = uint32_t(eol) + 1;
      const size_t line_end = std::min<size_t>(article.text.find('\n', line), para.span.end);
      const std::string heading = article.text.substr(line, line_end - line);
      if (heading.size() > kMaxHeadingBytes || line_end >= para.span.end) continue;
      const auto words = LowerWords(heading);
      const bool heads_block = std::any_of(rules_.begin(), rules_.end(), [&](const Rule& r) {
        return (r.scope == "rest" || r.scope == "aside") && words.size() >= r.words.size() &&
               std::equal(r.words.begin(), r.words.end(), words.begin());
      });
      if (!heads_block) continue;
      out.push_back({Span{from, uint32_t(eol)}, para.kind, {}});
      out.push_back({Span{line, uint32_t(line_end)}, ParagraphKind::kBody, {}});
      from = uint32_t(line_end) + 1;
    }
    out.push_back({Span{from, para.span.end}, from == para.span.begin ? para.kind : ParagraphKind::kBody, {}});
  }
  article.paragraphs = std::move(out);
}

void DebrisRules::Mark(Article& article, const std::vector<Token>& tokens) const {
  auto& paras = article.paragraphs;
  size_t t = 0;
  for (size_t p = 0; p < paras.size(); ++p) {
    Paragraph& para = paras[p];
    while (t < tokens.size() && tokens[t].span.begin < para.span.begin) ++t;
    if (para.kind == ParagraphKind::kTitle || para.kind == ParagraphKind::kDebris) continue;
    const std::string text = article.text.substr(para.span.begin, para.span.size());
    auto mark = [&](size_t k, const std::string& kind) {
      paras[k].kind = ParagraphKind::kDebris;
      paras[k].debris = kind;
    };
    if (text.rfind("\u00a9", 0) == 0 && text.size() <= kMaxCreditBytes) { mark(p, "credit"); continue; }
    if (EmbeddedPostSignatureEnd(text) != std::string::npos) { mark(p, "social"); continue; }
    if (MenuEnd(text) == text.size()) { mark(p, "navigation"); continue; }
    if (TeaserListBegin(text) == 0 || TeaserOfARun(article, p)) { mark(p, "related"); continue; }
    if (CreditedCaption(text)) { mark(p, "caption"); continue; }
    for (const Rule& rule : rules_) {
      bool match = t + rule.words.size() <= tokens.size();
      for (size_t w = 0; match && w < rule.words.size(); ++w)
        match = tokens[t + w].lower == rule.words[w] && para.span.contains(tokens[t + w].span);
      if (!match) continue;
      size_t limit = rule.scope == "paragraph" ? kMaxCreditBytes : kMaxHeadingBytes;
      if (rule.scope == "next" && text.size() > kMaxLinkBytes) continue;
      if (rule.scope != "next" && text.size() > limit) continue;
      mark(p, rule.kind);
      if (rule.scope == "next" && p + 1 < paras.size() && paras[p + 1].span.size() <= kMaxLinkBytes &&
          text.size() <= kMaxHeadingBytes)
        mark(p + 1, rule.kind);
      if (rule.scope == "rest")
        for (size_t k = p + 1; k < paras.size(); ++k) mark(k, rule.kind);
      if (rule.scope == "aside")
        for (size_t k = p + 1; k < paras.size(); ++k) paras[k].aside = true;
      break;
    }
  }
}

}  // namespace kroniek
