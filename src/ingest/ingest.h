// Stage 1 — ingest: bytes in, Article out.
//
// In:  a text file or stdin. A first line " date 2021-08[-30] Title…" is a
//      publication-date header whose remainder is the title; without it there is
//      no title and a first paragraph ending in a full stop is the lede.
// Out: Article with id, raw text (never modified), title span, published date
//      (basis header or cli) and paragraphs (title / lede / body).
// Errors: invalid UTF-8, binary or empty input -> Status naming the record.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/document.h"
#include "core/status.h"
#include "ingest/fetch.h"

namespace kroniek {

struct IngestOptions {
  std::optional<Civil> published;  // --published: overrides any header date
  std::string lang;                // --lang: the language of articles whose record gives none
  DateBasis published_basis = DateBasis::kCli;  // kInferred when fuse inferred it
  size_t max_bytes = 8u << 20;     // larger records are refused
  FetchOptions fetch;              // for URL and feed inputs
  int max_feed_items = 200;        // items read from one feed
  // True for a feed item's link that is stored already: it is not fetched
  // again (a feed polled every few minutes lists mostly known items).
  std::function<bool(const std::string& url)> known_url;
  // Validators of the URLs read before (by URL): a feed that has not changed
  // since is not read again. Kept by the caller across rounds.
  std::map<std::string, Validators>* validators = nullptr;
};

// Builds an Article from raw text; `id` names the record in errors.
Status ArticleFromText(std::string id, std::string text, const IngestOptions& opts, Article* out);

// Reads the first article of path ("-" = stdin, any kind ReadInputs reads);
// the id of a text file is its base name without extension.
Status ReadArticleFile(const std::string& path, const IngestOptions& opts, Article* out);

}  // namespace kroniek
