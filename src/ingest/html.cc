// The main text of an HTML page, by Gumbo (Debian's libgumbo, an HTML5 parser).
#include <gumbo.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "ingest/inputs.h"

namespace kroniek {

namespace {

constexpr int kMaxDepth = 400;  // deeper nesting is hostile, not news

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
