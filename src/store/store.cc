#include "store/store.h"

#include "core/fingerprint.h"
#include "store/sqlite_store.h"

namespace kroniek {

Status Store::Open(const std::string& url, Mode mode, std::unique_ptr<Store>* out) {
  std::string path = url;
  if (path.starts_with("sqlite:")) path = path.substr(7);
  else if (size_t scheme = path.find("://"); scheme != std::string::npos)
    return Status::Error(url + ": no store of kind '" + path.substr(0, scheme) + "' (sqlite:PATH or a path)");
  auto store = std::make_unique<SqliteStore>();
  KRONIEK_RETURN_IF_ERROR(store->Open(path, mode));
  *out = std::move(store);
  return Status();
}

nlohmann::json Store::RecordOf(const Article& a) {
  nlohmann::json r = a.extra_json.empty() ? nlohmann::json::object() : nlohmann::json::parse(a.extra_json);
  r["id"] = a.id;
  if (!a.url.empty()) r["url"] = a.url;
  if (!a.source.empty()) r["source"] = a.source;
  // A date given beside the text is kept; a header date in the text is found again.
  const bool given = a.published.basis == DateBasis::kMetadata || a.published.basis == DateBasis::kCli;
  if (a.published.known() && given) r["published"] = a.published.value;
  if (a.lang_given) r["lang"] = a.lang;
  if (!a.title.empty() && a.title_span.empty()) r["title"] = a.title;  // a title inside the text is found again
  r["text"] = a.text;
  return r;
}

std::string Store::DistinctId(const Article& a) { return a.id + "_" + TextFingerprint(a.text).substr(0, 8); }

}  // namespace kroniek
