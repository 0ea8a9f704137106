// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: the items a feed lists, to fetch
// one by one. Parsed with expat; no external entities or DTDs are loaded.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace kroniek {

struct FeedItem {
  std::string link;       // the article's URL
  std::string title;
  std::string published;  // YYYY-MM-DD when the feed gives a date, else ""
  std::string summary;    // description / summary, markup left as is
};

struct Feed {
  std::string title;  // the outlet, as the feed names itself
  std::vector<FeedItem> items;
};

// True when `body` is an RSS or Atom document (by its root element).
bool LooksLikeFeed(const std::string& body);
Status ParseFeed(const std::string& name, const std::string& body, Feed* out);

// "Tue, 10 Jun 2003 04:00:00 GMT" (RFC 822) or "2003-06-10T04:00:00Z"
// (RFC 3339) as "2003-06-10"; "" when neither.
std::string FeedDate(const std::string& text);

}  // namespace kroniek
