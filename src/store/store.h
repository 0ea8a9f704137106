// Stage 5 — store: articles in, the same articles out, kept in one SQLite file.
//
// In:  Articles from ingest.
// Out: each article stored once, however often it arrives: the same id, the
//      same url or the same normalised text (case and white space aside) is a
//      duplicate. Stored records read back as the JSON Lines records ingest
//      accepts, so re-analysis by a newer kroniek starts from the input.
// The schema is versioned (PRAGMA user_version) and migrated on open, each
// step in one transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/document.h"
#include "core/status.h"

struct sqlite3;

namespace kroniek {

class Store {
 public:
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();

  // Opens or creates the file and migrates it to the current schema.
  Status Open(const std::string& path);
  int schema_version() const { return version_; }

  enum class PutResult { kNew, kDuplicate };
  // Stores `article` unless it is a duplicate; committed when it returns ok.
  Status Put(const Article& article, PutResult* result);

  // Calls fn with each stored record in ingest order; with a text query (FTS5
  // syntax: words, "phrases", OR, NOT, prefix*), only the records that match.
  Status ForEach(const std::function<void(const nlohmann::json& record)>& fn, const std::string& text_query = "") const;
  Status Count(int64_t* n) const;

  // The JSON Lines record of an article (what Put stores).
  static nlohmann::json RecordOf(const Article& article);
  // 64-bit FNV-1a of the text lower-cased with white space collapsed.
  static std::string TextFingerprint(const std::string& text);

 private:
  Status Exec(const std::string& sql) const;
  Status Migrate();
  std::string path_;
  sqlite3* db_ = nullptr;
  int version_ = 0;
};

}  // namespace kroniek
