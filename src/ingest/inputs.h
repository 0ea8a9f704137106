// Inputs beyond one text file: folders, stdin, gzip, JSON Lines records and
// HTML pages. Every record becomes an Article or a refusal that names the
// record and the reason; the rest of the batch goes on.
//
//   *.txt (or anything else)  one article (header line " date …" allowed)
//   *.jsonl, *.ndjson, *.json one article per line: {"id", "url", "source",
//                             "published", "title", "text", …}; unknown
//                             fields are kept (Article::extra_json); a
//                             .json file may also be one record or an
//                             array of them
//   *.html, *.htm             the page's main text (gumbo); navigation,
//                             scripts and asides dropped; title and date
//                             from the page's metadata
//   *.gz                      any of these, gzip-compressed
//   a folder                  every such file below it, in path order
//   -                         stdin, its kind sniffed from the first byte
//   http://…, https://…       fetched (fetch.h): a page, a JSON Lines
//                             document, or an RSS/Atom feed whose items are
//                             fetched one by one (id and url: the item's
//                             link; outlet: the feed's title; the item's
//                             date and title when the page has none)
// For JSON Lines and HTML, spans point into the article text kroniek built
// (the record's "text", or the page's paragraphs joined by blank lines).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/document.h"
#include "core/status.h"
#include "ingest/ingest.h"

namespace kroniek {

struct InputRecord {
  std::string name;  // path, or path:line for a JSON Lines record
  Status status;     // not ok: the record is refused, with the reason
  Article article;   // when ok
  bool known = false;  // a feed item skipped because IngestOptions::known_url knows it
};

// The articles of an upload (an HTTP body), by its content type: a JSON record or an
// array of them (application/json), JSON Lines (application/x-ndjson,
// application/jsonl), an HTML page (text/html) or plain text (a " date …" header
// allowed), the last two with id `id` or "upload-<text fingerprint>".
void ReadUpload(const std::string& content_type, const std::string& body, const std::string& id,
                std::vector<InputRecord>* out);

// Reads every input and calls `sink` once per record, in a stable order.
void ReadInputs(const std::vector<std::string>& inputs, const IngestOptions& opts,
                const std::function<void(InputRecord&&)>& sink);

// The pieces, for tests and other front ends:
Status ArticleFromJsonLine(const std::string& name, const std::string& line, const IngestOptions& opts, Article* out);
// The same for a record parsed already (a stored one, an element of a JSON document).
Status ArticleFromRecord(const std::string& name, const nlohmann::json& record, const IngestOptions& opts, Article* out);

// An ISO 639 code: two or three lower-case letters ("nl", "en", "fry").
bool IsLanguageCode(const std::string& s);
// The language of a record's "lang" tag ("nl", "nl-BE" and "NL_be": nl), or "" when it names none.
std::string LanguageOfTag(const std::string& tag);
Status ArticleFromHtml(const std::string& name, const std::string& html, const IngestOptions& opts, Article* out);
// Inflates gzip data; refuses more than max_bytes of output, stopping there.
Status Gunzip(const std::string& name, const std::string& data, size_t max_bytes, std::string* out);
// Inflates gzip data piece by piece (64 KiB at most) into `chunk`, which
// returns false to stop early: memory never holds more than one piece.
Status GunzipChunks(const std::string& name, const std::string& data,
                    const std::function<bool(const char*, size_t)>& chunk);

}  // namespace kroniek
