#include "ingest/feed.h"

#include <expat.h>

#include <cstdio>
#include <cstring>
#include <memory>

namespace kroniek {

namespace {

// The local name of an element ("dc:date" and ".../Atom date" are "date"):
// expat reports namespaced names as "URI|local".
std::string Local(const char* name) {
  const char* bar = std::strrchr(name, '|');
  const char* colon = std::strrchr(name, ':');
  const char* start = bar ? bar + 1 : colon ? colon + 1 : name;
  return start;
}

struct State {
  Feed* feed;
  XML_Parser parser;
  int depth = 0;
  int item_depth = -1;  // depth of the open <item>/<entry>, -1 outside
  std::string text;     // character data of the element being read
};

void Start(void* user, const char* name, const char** attrs) {
  auto* s = static_cast<State*>(user);
  ++s->depth;
  s->text.clear();
  const std::string local = Local(name);
  if (local == "item" || local == "entry") {
    s->feed->items.emplace_back();
    s->item_depth = s->depth;
    return;
  }
  if (local == "link" && s->item_depth > 0) {  // Atom: <link rel="alternate" href="…"/>
    std::string href, rel = "alternate";
    for (int i = 0; attrs[i]; i += 2) {
      if (std::strcmp(attrs[i], "href") == 0) href = attrs[i + 1];
      if (std::strcmp(attrs[i], "rel") == 0) rel = attrs[i + 1];
    }
    if (!href.empty() && rel == "alternate") s->feed->items.back().link = href;
  }
}

void End(void* user, const char* name) {
  auto* s = static_cast<State*>(user);
  const std::string local = Local(name);
  const bool in_item = s->item_depth > 0 && s->depth == s->item_depth + 1;
  const bool in_channel = s->item_depth < 0 && s->depth <= 3;  // rss/channel/title or feed/title
  auto trimmed = [&] {
    size_t b = s->text.find_first_not_of(" \t\r\n"), e = s->text.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s->text.substr(b, e - b + 1);
  };
  if (in_item) {
    FeedItem& item = s->feed->items.back();
    if (local == "link" && item.link.empty()) item.link = trimmed();
    else if (local == "guid" && item.link.empty() && trimmed().starts_with("http")) item.link = trimmed();
    else if (local == "title") item.title = trimmed();
    else if ((local == "pubDate" || local == "published" || local == "date" || local == "updated") &&
             item.published.empty())
      item.published = FeedDate(trimmed());
    else if ((local == "description" || local == "summary") && item.summary.empty()) item.summary = trimmed();
  } else if (in_channel && local == "title" && s->feed->title.empty()) {
    s->feed->title = trimmed();
  }
  if (s->depth == s->item_depth) s->item_depth = -1;
  --s->depth;
  s->text.clear();
}

void Characters(void* user, const char* data, int len) { static_cast<State*>(user)->text.append(data, len); }

// Refuses documents that declare entities (the "billion laughs").
void EntityDeclaration(void* user, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                       const XML_Char*, const XML_Char*) {
  XML_StopParser(static_cast<State*>(user)->parser, XML_FALSE);
}

}  // namespace

bool LooksLikeFeed(const std::string& body) {
  size_t i = 0;
  // Past the XML declaration, comments and processing instructions.
  while ((i = body.find('<', i)) != std::string::npos && i + 1 < body.size() &&
         (body[i + 1] == '?' || body[i + 1] == '!'))
    ++i;
  if (i == std::string::npos) return false;
  for (const char* root : {"<rss", "<feed", "<rdf:RDF", "<RDF"})
    if (body.compare(i, std::strlen(root), root) == 0) return true;
  return false;
}

Status ParseFeed(const std::string& name, const std::string& body, Feed* out) {
  *out = Feed();
  std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreateNS(nullptr, '|'), XML_ParserFree);
  if (!parser) return Status::Error(name + ": cannot start the XML parser");
  State state{out, parser.get()};
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), Start, End);
  XML_SetCharacterDataHandler(parser.get(), Characters);
  XML_SetEntityDeclHandler(parser.get(), EntityDeclaration);
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
  if (XML_Parse(parser.get(), body.data(), int(body.size()), XML_TRUE) == XML_STATUS_ERROR) {
    const XML_Error code = XML_GetErrorCode(parser.get());
    const std::string reason = code == XML_ERROR_ABORTED ? "declares entities" : XML_ErrorString(code);
    return Status::Error(name + ": refused: broken feed at line " +
                         std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " + reason);
  }
  std::erase_if(out->items, [](const FeedItem& item) { return item.link.empty(); });
  return Status();
}

std::string FeedDate(const std::string& text) {
  int y = 0, m = 0, d = 0;
  char month[4] = "";
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
  } else {
    // RFC 822 months are fixed English tokens of the protocol, not language.
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const char* p = std::strchr(text.c_str(), ',');
    p = p ? p + 1 : text.c_str();
    if (std::sscanf(p, "%d %3s %d", &d, month, &y) != 3) return "";
    m = 0;
    for (int i = 0; i < 12; ++i)
      if (std::strcmp(month, kMonths[i]) == 0) m = i + 1;
    if (y < 100) y += y < 50 ? 2000 : 1900;
    if (!m || d < 1 || d > 31) return "";
  }
  char out[11];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
  return out;
}

}  // namespace kroniek
