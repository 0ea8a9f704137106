// The main text of an HTML page, by Gumbo (Debian's libgumbo, an HTML5 parser).
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "ingest/inputs.h"

namespace kroniek {

namespace {

constexpr int kMaxDepth = 400;            // deeper nesting is hostile, not news
constexpr int kMaxElements = 100000;      // a long news page has a few thousand
constexpr int kMaxAttributes = 1000;      // on one element

// What the page is made of, read before the parser runs (whose cost grows
// faster than the page on hostile nesting): the deepest nesting of elements
// that need an end tag, the number of elements, the most attributes on one.
struct Shape {
  int depth = 0, elements = 0, attributes = 0;
};

bool LowerStartsWith(std::string_view s, size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(s[at + k])) != word[k]) return false;
  return true;
}

// Elements whose end tag is optional or absent: they never deepen the count.
bool OpenEnded(std::string_view name) {
  static const char* const kNames[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                       "source", "track", "wbr", "param", "p", "li", "dt", "dd", "tr", "td", "th",
                                       "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp",
                                       "html", "head", "body"};
  for (const char* n : kNames)
    if (name == n) return true;
  return false;
}

// Stops early once a limit is passed: one pass over the page at most.
Shape ShapeOf(std::string_view html) {
  Shape shape;
  int depth = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size(); i = html.find('<', i + 1)) {
    if (html.compare(i, 4, "<!--") == 0) {  // a comment
      i = html.find("-->", i + 4);
      if (i == std::string_view::npos) break;
      continue;
    }
    const bool end_tag = html[i + 1] == '/';
    size_t n = i + (end_tag ? 2 : 1);
    if (n >= html.size() || !std::isalpha(static_cast<unsigned char>(html[n]))) continue;  // "<!doctype", "< 5"
    size_t name_end = n;
    while (name_end < html.size() && (std::isalnum(static_cast<unsigned char>(html[name_end])) || html[name_end] == '-'))
      ++name_end;
    std::string name(html.substr(n, name_end - n));
    for (auto& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    // The rest of the tag: attributes, outside quotes.
    int attributes = 0;
    char quote = 0;
    bool in_word = false, self_closing = false;
    size_t k = name_end;
    for (; k < html.size(); ++k) {
      const char c = html[k];
      if (quote) { if (c == quote) quote = 0; continue; }
      if (c == '"' || c == '\'') { quote = c; continue; }
      if (c == '>') break;
      const bool space = std::isspace(static_cast<unsigned char>(c)) || c == '/';
      if (!space && !in_word && (k == 0 || html[k - 1] != '=')) ++attributes;
      in_word = !space && c != '=';
      self_closing = c == '/';
    }
    i = k;
    if (end_tag) {
      if (!OpenEnded(name) && depth > 0) --depth;
      continue;
    }
    ++shape.elements;
    shape.attributes = std::max(shape.attributes, attributes);
    if (!self_closing && !OpenEnded(name)) shape.depth = std::max(shape.depth, ++depth);
    if (shape.depth > kMaxDepth || shape.elements > kMaxElements || shape.attributes > kMaxAttributes) break;
    if (name == "script" || name == "style" || name == "textarea" || name == "title") {  // raw text up to its end tag
      size_t close = i;
      while ((close = html.find("</", close)) != std::string_view::npos && !LowerStartsWith(html, close + 2, name))
        close += 2;
      if (close == std::string_view::npos) break;
      i = close - 1;
    }
  }
  return shape;
}

// Subtrees that are never the article's text.
bool Skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
      return true;
    default:
      return false;
  }
}

const char* Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

// Text of a subtree with whitespace collapsed; false when nested too deep.
bool TextOf(const GumboNode* root, std::string* out) {
  struct Item { const GumboNode* node; int depth; };
  std::vector<Item> stack{{root, 0}};
  while (!stack.empty()) {
    auto [n, depth] = stack.back();
    stack.pop_back();
    if (depth > kMaxDepth) return false;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
      for (const char* c = n->v.text.text; *c; ++c) {
        bool space = *c == ' ' || *c == '\n' || *c == '\t' || *c == '\r';
        if (space) {
          if (!out->empty() && out->back() != ' ') out->push_back(' ');
        } else {
          out->push_back(*c);
        }
      }
    } else if (n->type == GUMBO_NODE_ELEMENT && !Skipped(n->v.element.tag)) {
      if (n->v.element.tag == GUMBO_TAG_BR && !out->empty() && out->back() != ' ') out->push_back(' ');
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(kids.data[i]), depth + 1});
    }
  }
  while (!out->empty() && out->back() == ' ') out->pop_back();
  return true;
}

struct Page {
  std::string title, og_title, h1, published;
  const GumboNode* main = nullptr;  // <article>, else <main>, else <body>
  int main_rank = 0;
  bool too_deep = false;
};

void Survey(const GumboNode* root, Page* page) {
  struct Item { const GumboNode* node; int depth; };
  std::vector<Item> stack{{root, 0}};
  while (!stack.empty()) {
    auto [n, depth] = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (depth > kMaxDepth) { page->too_deep = true; return; }
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_TITLE && page->title.empty()) TextOf(n, &page->title);
    if (tag == GUMBO_TAG_META) {
      const char* property = Attr(n, "property");
      if (!property) property = Attr(n, "name");
      const char* content = Attr(n, "content");
      if (property && content) {
        if (!std::strcmp(property, "og:title")) page->og_title = content;
        if (!std::strcmp(property, "article:published_time") || !std::strcmp(property, "date") ||
            !std::strcmp(property, "pubdate"))
          if (page->published.empty()) page->published = content;
      }
    }
    if (tag == GUMBO_TAG_TIME && page->published.empty())
      if (const char* dt = Attr(n, "datetime")) page->published = dt;
    int rank = tag == GUMBO_TAG_ARTICLE ? 3 : tag == GUMBO_TAG_MAIN ? 2 : tag == GUMBO_TAG_BODY ? 1 : 0;
    if (rank > page->main_rank) { page->main = n; page->main_rank = rank; }
    if (tag == GUMBO_TAG_H1 && page->h1.empty()) TextOf(n, &page->h1);
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(kids.data[i]), depth + 1});
  }
}

// The paragraphs of the main container, in document order.
bool Paragraphs(const GumboNode* root, std::vector<std::string>* out) {
  struct Item { const GumboNode* node; int depth; };
  std::vector<Item> stack{{root, 0}};
  while (!stack.empty()) {
    auto [n, depth] = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT || Skipped(n->v.element.tag)) continue;
    if (depth > kMaxDepth) return false;
    GumboTag tag = n->v.element.tag;
    if (IsBlock(tag) && tag != GUMBO_TAG_H1) {
      // A block with blocks inside (a quote of several paragraphs) is read by its parts.
      bool nested = false;
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = 0; i < kids.length && !nested; ++i) {
        const GumboNode* k = static_cast<const GumboNode*>(kids.data[i]);
        nested = k->type == GUMBO_NODE_ELEMENT && IsBlock(k->v.element.tag);
      }
      if (!nested) {
        std::string text;
        if (!TextOf(n, &text)) return false;
        if (!text.empty()) out->push_back(text);
        continue;
      }
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(kids.data[i]), depth + 1});
  }
  return true;
}

}  // namespace

Status ArticleFromHtml(const std::string& name, const std::string& html, const IngestOptions& opts, Article* out) {
  if (html.size() > opts.max_bytes)
    return Status::Error(name + ": refused: " + std::to_string(html.size()) + " bytes exceeds the limit of " +
                         std::to_string(opts.max_bytes));
  if (html.find('\0') != std::string::npos) return Status::Error(name + ": refused: binary content");
  if (!IsValidUtf8(html)) return Status::Error(name + ": refused: invalid UTF-8");
  const Shape shape = ShapeOf(html);
  if (shape.depth > kMaxDepth)
    return Status::Error(name + ": refused: HTML nested deeper than " + std::to_string(kMaxDepth) + " elements");
  if (shape.elements > kMaxElements)
    return Status::Error(name + ": refused: HTML of more than " + std::to_string(kMaxElements) + " elements");
  if (shape.attributes > kMaxAttributes)
    return Status::Error(name + ": refused: an HTML element with more than " + std::to_string(kMaxAttributes) +
                         " attributes");
  GumboOutput* doc = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  Page page;
  Survey(doc->root, &page);
  std::vector<std::string> paragraphs;
  bool ok = !page.too_deep && page.main && Paragraphs(page.main, &paragraphs);
  if (ok && paragraphs.empty()) {
    std::string all;
    ok = TextOf(page.main, &all);
    if (!all.empty()) paragraphs.push_back(all);
  }
  gumbo_destroy_output(&kGumboDefaultOptions, doc);
  if (!ok) return Status::Error(name + ": refused: HTML nested deeper than " + std::to_string(kMaxDepth) + " elements");
  std::string text;
  for (const auto& p : paragraphs) text += (text.empty() ? "" : "\n\n") + p;
  if (text.empty()) return Status::Error(name + ": refused: no text in the page");
  IngestOptions o = opts;
  if (!o.published && !page.published.empty())
    if (auto d = ParseIsoDate(page.published.substr(0, std::min<size_t>(10, page.published.size())))) {
      o.published = *d;
      o.published_basis = DateBasis::kMetadata;
    }
  Status st = ArticleFromText(name, std::move(text), o, out);
  if (!st.ok()) return st;
  out->title = !page.h1.empty() ? page.h1 : !page.og_title.empty() ? page.og_title : page.title;
  return Status();
}

}  // namespace kroniek
