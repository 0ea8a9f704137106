#include "ingest/inputs.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "core/fingerprint.h"
#include "core/json_depth.h"
#include "core/utf8.h"
#include "ingest/feed.h"

namespace kroniek {

namespace {

namespace fs = std::filesystem;


enum class Kind { kText, kJsonLines, kHtml };

std::string Lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

Kind KindOfName(std::string name) {
  name = Lower(name);
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson") || EndsWith(name, ".json")) return Kind::kJsonLines;
  if (EndsWith(name, ".html") || EndsWith(name, ".htm")) return Kind::kHtml;
  return Kind::kText;
}

Kind Sniff(const std::string& data) {
  size_t i = data.find_first_not_of(" \t\r\n");
  if (i == std::string::npos) return Kind::kText;
  if (data[i] == '{') return Kind::kJsonLines;
  if (data[i] == '<') return Kind::kHtml;
  return Kind::kText;
}

bool IsReadable(const fs::path& p) {
  std::string name = Lower(p.filename().string());
  if (!name.empty() && name[0] == '.') return false;
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  for (const char* ext : {".txt", ".jsonl", ".ndjson", ".json", ".html", ".htm"})
    if (EndsWith(name, ext)) return true;
  return false;
}

// A publication date from metadata: "2021-08-30", "2021-08", "2021-08-30T10:15:00Z".
std::optional<Civil> DateFromMetadata(const std::string& s) {
  for (size_t len : {size_t(10), size_t(7), size_t(4)})
    if (s.size() >= len)
      if (auto d = ParseIsoDate(s.substr(0, len)); d && (s.size() == len || len == 10)) return d;
  return std::nullopt;
}

void Emit(const std::string& name, Status st, Article a, const std::function<void(InputRecord&&)>& sink) {
  InputRecord r;
  r.name = name;
  r.status = std::move(st);
  r.article = std::move(a);
  sink(std::move(r));
}

// A JSON document of articles, a record or an array of them ("NAME[i]"): false when
// `data` parses as neither (then it may be JSON Lines). Too deep, it is refused whole.
bool ReadJsonDocument(const std::string& name, const std::string& data, const IngestOptions& opts,
                      const std::function<void(InputRecord&&)>& sink) {
  // One level more: the array around the records.
  if (JsonDepth(data, kMaxJsonDepth + 1) > kMaxJsonDepth + 1) {
    Emit(name, Status::Error(name + ": refused: JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"),
         Article(), sink);
    return true;
  }
  nlohmann::json doc = nlohmann::json::parse(data, nullptr, false);
  if (!doc.is_array() && !doc.is_object()) return false;
  if (doc.is_object()) {
    Article a;
    Status st = ArticleFromRecord(name, doc, opts, &a);
    Emit(name, std::move(st), std::move(a), sink);
    return true;
  }
  for (size_t i = 0; i < doc.size(); ++i) {
    const std::string record = name + "[" + std::to_string(i) + "]";
    Article a;
    Status st = ArticleFromRecord(record, doc[i], opts, &a);
    Emit(record, std::move(st), std::move(a), sink);
  }
  return true;
}

// JSON Lines: a record a line ("NAME:LINE"), blank lines skipped.
void ReadJsonLines(const std::string& name, const std::string& data, const IngestOptions& opts,
                   const std::function<void(InputRecord&&)>& sink) {
  size_t start = 0;
  int line_no = 0;
  while (start < data.size()) {
    size_t eol = data.find('\n', start);
    if (eol == std::string::npos) eol = data.size();
    std::string line = data.substr(start, eol - start);
    start = eol + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string record = name + ":" + std::to_string(line_no);
    Article a;
    Status st = ArticleFromJsonLine(record, line, opts, &a);
    Emit(record, std::move(st), std::move(a), sink);
  }
}

void ReadData(const std::string& name, const std::string& data, Kind kind, const IngestOptions& opts,
              const std::function<void(InputRecord&&)>& sink) {
  if (kind == Kind::kJsonLines) {
    // A .json file may be one document: a record, or an array of records.
    std::string plain = Lower(name);
    if (EndsWith(plain, ".gz")) plain.resize(plain.size() - 3);
    if (EndsWith(plain, ".json") && ReadJsonDocument(name, data, opts, sink)) return;
    return ReadJsonLines(name, data, opts, sink);
  }
  Article a;
  std::string id = name == "-" ? "stdin" : fs::path(name).stem().string();
  if (EndsWith(Lower(name), ".gz")) id = fs::path(id).stem().string();
  Status st = kind == Kind::kHtml ? ArticleFromHtml(id, data, opts, &a) : ArticleFromText(id, data, opts, &a);
  if (!st.ok()) {
    // Name the file, not only the id, in the reason.
    std::string reason = st.message().substr(st.message().find(':') == std::string::npos ? 0 : st.message().find(':') + 2);
    st = Status::Error(name + ": " + reason);
  }
  Emit(name, std::move(st), std::move(a), sink);
}

// `link` resolved against the feed's URL when it is relative.
std::string Resolve(const std::string& base, const std::string& link) {
  if (IsUrl(link)) return link;
  const size_t host_end = base.find('/', base.find("://") + 3);
  const std::string origin = base.substr(0, host_end);
  if (link.starts_with("//")) return base.substr(0, base.find("://") + 1) + link;
  if (link.starts_with("/")) return origin + link;
  return base.substr(0, base.rfind('/') + 1) + link;
}

// A fetched page or document, as its content type says (else as sniffed).
// From a feed, the item's date, title and the feed's name fill what the
// page lacks.
void ReadFetched(const std::string& url, const Fetched& page, const IngestOptions& opts, const Feed* feed,
                 const FeedItem* item, const std::function<void(InputRecord&&)>& sink) {
  const std::string& type = page.content_type;
  Kind kind = type.starts_with("text/html") || type.starts_with("application/xhtml") ? Kind::kHtml
              : type.find("json") != std::string::npos                                ? Kind::kJsonLines
              : type.starts_with("text/plain")                                        ? Kind::kText
                                                                                      : Sniff(page.body);
  if (kind == Kind::kJsonLines) return ReadData(url, page.body, kind, opts, sink);
  Article a;
  Status st = kind == Kind::kHtml ? ArticleFromHtml(url, page.body, opts, &a) : ArticleFromText(url, page.body, opts, &a);
  if (st.ok() && item && a.published.value.empty() && !item->published.empty()) {
    IngestOptions dated = opts;
    dated.published = ParseIsoDate(item->published);
    dated.published_basis = DateBasis::kMetadata;
    st = kind == Kind::kHtml ? ArticleFromHtml(url, page.body, dated, &a) : ArticleFromText(url, page.body, dated, &a);
  }
  if (st.ok()) {
    a.url = url;
    if (feed) a.source = feed->title;
    if (item && a.title.empty()) a.title = item->title;
  }
  Emit(url, std::move(st), std::move(a), sink);
}

// A URL: a page, a JSON Lines document, or a feed whose items are fetched
// one by one (a failed item is named; the others go on).
void ReadUrl(const std::string& url, const IngestOptions& opts, const std::function<void(InputRecord&&)>& sink) {
  Fetched page;
  const Validators* known = nullptr;
  if (opts.validators)
    if (auto it = opts.validators->find(url); it != opts.validators->end()) known = &it->second;
  if (Status st = Fetch(url, opts.fetch, &page, known); !st.ok()) return Emit(url, st, {}, sink);
  if (page.not_modified) return;  // nothing new since it was read
  if (opts.validators) (*opts.validators)[url] = page.validators;
  if (!LooksLikeFeed(page.body)) return ReadFetched(url, page, opts, nullptr, nullptr, sink);
  Feed feed;
  if (Status st = ParseFeed(url, page.body, &feed); !st.ok()) return Emit(url, st, {}, sink);
  if (int(feed.items.size()) > opts.max_feed_items) feed.items.resize(opts.max_feed_items);
  for (const auto& item : feed.items) {
    const std::string link = Resolve(page.url.empty() ? url : page.url, item.link);
    if (opts.known_url && opts.known_url(link)) {
      InputRecord r;
      r.name = link;
      r.known = true;
      sink(std::move(r));
      continue;
    }
    Fetched article;
    if (Status st = Fetch(link, opts.fetch, &article); !st.ok()) {
      Emit(link, st, {}, sink);
      continue;
    }
    ReadFetched(link, article, opts, &feed, &item, sink);
  }
}

// A gzipped JSON Lines file, record by record as it inflates: memory holds one
// record, however large the file; a record over the article limit is refused
// by its line number and the reading goes on.
void ReadGzipLines(const std::string& name, const std::string& data, const IngestOptions& opts,
                   const std::function<void(InputRecord&&)>& sink) {
  std::string line;
  int line_no = 0;
  bool too_long = false;
  auto finish = [&] {
    ++line_no;
    const std::string record = name + ":" + std::to_string(line_no);
    if (too_long) {
      Emit(record, Status::Error(record + ": refused: more than " + std::to_string(opts.max_bytes) + " bytes"), {}, sink);
    } else if (line.find_first_not_of(" \t\r") != std::string::npos) {
      Article a;
      Status st = ArticleFromJsonLine(record, line, opts, &a);
      Emit(record, std::move(st), std::move(a), sink);
    }
    line.clear();
    too_long = false;
  };
  Status st = GunzipChunks(name, data, [&](const char* p, size_t n) {
    for (const char* end = p + n; p < end;) {
      const char* eol = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)));
      const char* stop = eol ? eol : end;
      if (!too_long) line.append(p, size_t(stop - p));
      if (line.size() > opts.max_bytes) {
        too_long = true;
        line.clear();
      }
      p = stop;
      if (eol) {
        finish();
        ++p;
      }
    }
    return true;
  });
  if (!line.empty() || too_long) finish();
  if (!st.ok()) Emit(name, st, {}, sink);
}

void ReadOne(const std::string& input, const IngestOptions& opts, const std::function<void(InputRecord&&)>& sink) {
  if (IsUrl(input)) return ReadUrl(input, opts, sink);
  std::string data;
  if (input == "-") {
    data.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(input, std::ios::binary);
    if (!in) {
      Emit(input, Status::Error(input + ": cannot open"), {}, sink);
      return;
    }
    data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const bool gz = data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
                  static_cast<unsigned char>(data[1]) == 0x8b;
  if (gz && input != "-" && KindOfName(input) == Kind::kJsonLines && !EndsWith(Lower(input), ".json.gz"))
    return ReadGzipLines(input, data, opts, sink);
  if (gz) {
    // One document: never more than an article may be.
    std::string plain;
    if (Status st = Gunzip(input, data, opts.max_bytes, &plain); !st.ok()) {
      Emit(input, st, {}, sink);
      return;
    }
    data = std::move(plain);
  }
  Kind kind = input == "-" ? Sniff(data) : KindOfName(input);
  ReadData(input, data, kind, opts, sink);
}

}  // namespace

Status GunzipChunks(const std::string& name, const std::string& data,
                    const std::function<bool(const char*, size_t)>& chunk) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return Status::Error(name + ": refused: cannot start gzip");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = uInt(data.size());
  char buffer[1 << 16];
  int ret = Z_OK;
  while (ret != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof buffer;
    ret = inflate(&zs, Z_NO_FLUSH);
    if (ret != Z_OK && ret != Z_STREAM_END) {
      inflateEnd(&zs);
      return Status::Error(name + ": refused: broken gzip data");
    }
    if (!chunk(buffer, sizeof buffer - zs.avail_out)) {
      inflateEnd(&zs);
      return Status();  // the reader has what it wants
    }
    if (ret == Z_OK && zs.avail_in == 0 && zs.avail_out != 0) break;  // truncated
  }
  inflateEnd(&zs);
  if (ret != Z_STREAM_END) return Status::Error(name + ": refused: truncated gzip data");
  return Status();
}

Status Gunzip(const std::string& name, const std::string& data, size_t max_bytes, std::string* out) {
  out->clear();
  bool over = false;
  Status st = GunzipChunks(name, data, [&](const char* p, size_t n) {
    out->append(p, n);
    over = out->size() > max_bytes;
    return !over;  // stop inflating at the limit, before the bytes past it are made
  });
  if (over) return Status::Error(name + ": refused: gzip inflates beyond " + std::to_string(max_bytes) + " bytes");
  return st;
}

bool IsLanguageCode(const std::string& s) {
  return (s.size() == 2 || s.size() == 3) && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string LanguageOfTag(const std::string& tag) {
  std::string primary = ToLower(tag.substr(0, tag.find_first_of("-_")));
  return IsLanguageCode(primary) ? primary : "";
}

Status ArticleFromJsonLine(const std::string& name, const std::string& line, const IngestOptions& opts, Article* out) {
  if (!IsValidUtf8(line)) return Status::Error(name + ": refused: invalid UTF-8");
  if (JsonDepth(line) > kMaxJsonDepth)
    return Status::Error(name + ": refused: JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded()) return Status::Error(name + ": refused: broken JSON");
  return ArticleFromRecord(name, j, opts, out);
}

Status ArticleFromRecord(const std::string& name, const nlohmann::json& j, const IngestOptions& opts, Article* out) {
  if (!j.is_object()) return Status::Error(name + ": refused: a record must be a JSON object");
  if (!j.contains("text") || !j["text"].is_string()) return Status::Error(name + ": refused: no \"text\" string");
  auto str = [&](const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : ""; };
  std::string id = str("id");
  if (id.empty() && j.contains("id") && j["id"].is_number()) id = j["id"].dump();
  if (id.empty()) id = name;
  IngestOptions o = opts;
  if (!o.published) {
    if (auto d = DateFromMetadata(str("published"))) {
      o.published = *d;
      o.published_basis = DateBasis::kMetadata;
    }
  }
  // A "lang" that names no language ("Dutch", null) is kept as an extra field, as
  // before kroniek read it, and the language is detected.
  const std::string lang = j.contains("lang") && j["lang"].is_string() ? LanguageOfTag(j["lang"]) : "";
  if (!lang.empty()) o.lang = lang;
  Status st = ArticleFromText(id, j["text"].get<std::string>(), o, out);
  if (!st.ok()) return Status::Error(name + ": " + st.message().substr(id.size() + 2));
  out->url = str("url");
  out->source = str("source");
  if (!str("title").empty()) out->title = str("title");
  nlohmann::json extra = nlohmann::json::object();
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.key() != "id" && it.key() != "url" && it.key() != "source" && it.key() != "published" &&
        it.key() != "title" && it.key() != "text" && (it.key() != "lang" || lang.empty()))
      extra[it.key()] = it.value();
  if (!extra.empty()) out->extra_json = extra.dump();
  return Status();
}

void ReadUpload(const std::string& type, const std::string& body, const std::string& id,
                std::vector<InputRecord>* out) {
  auto keep = [&](InputRecord&& r) { out->push_back(std::move(r)); };
  if (type.starts_with("application/json")) {
    if (ReadJsonDocument("body", body, {}, keep)) return;
    Article a;
    Status st = ArticleFromJsonLine("body", body, {}, &a);  // the parse error, named
    return Emit("body", std::move(st), std::move(a), keep);
  }
  if (type.starts_with("application/x-ndjson") || type.starts_with("application/jsonl"))
    return ReadJsonLines("body", body, {}, keep);
  const std::string name = id.empty() ? "upload-" + TextFingerprint(body) : id;
  Article a;
  Status st = type.starts_with("text/html") ? ArticleFromHtml(name, body, {}, &a) : ArticleFromText(name, body, {}, &a);
  Emit(name, std::move(st), std::move(a), keep);
}

void ReadInputs(const std::vector<std::string>& inputs, const IngestOptions& opts,
                const std::function<void(InputRecord&&)>& sink) {
  for (const auto& input : inputs) {
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec) && IsReadable(it->path())) files.push_back(it->path());
      if (ec) Emit(input, Status::Error(input + ": cannot read the folder: " + ec.message()), {}, sink);
      std::sort(files.begin(), files.end());
      for (const auto& f : files) ReadOne(f.string(), opts, sink);
      continue;
    }
    ReadOne(input, opts, sink);
  }
}

}  // namespace kroniek
