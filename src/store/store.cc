#include "store/store.h"

#include <sqlite3.h>

#include <cstdio>
#include <vector>

#include "core/utf8.h"

namespace kroniek {

namespace {

// Schema steps; step k takes the file from user_version k to k+1. Never edit
// a released step: add one.
const std::vector<const char*> kMigrations = {
    R"sql(
    CREATE TABLE articles (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      url TEXT,
      fingerprint TEXT NOT NULL UNIQUE,
      record TEXT NOT NULL,
      ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
    CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
    )sql",
    // Full-text search over title and text; accents and case folded ('Kaboel' ~ 'kaboel').
    R"sql(
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO articles_fts(rowid, title, text)
      SELECT seq, json_extract(record, '$.title'), json_extract(record, '$.text') FROM articles;
    )sql",
};

// Binds text, or NULL for an empty string.
void BindText(sqlite3_stmt* st, int i, const std::string& s) {
  if (s.empty()) sqlite3_bind_null(st, i);
  else sqlite3_bind_text(st, i, s.data(), int(s.size()), SQLITE_TRANSIENT);
}

struct Statement {
  sqlite3_stmt* st = nullptr;
  ~Statement() { sqlite3_finalize(st); }
};

}  // namespace

Store::~Store() { sqlite3_close(db_); }

Status Store::Exec(const std::string& sql) const {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) == SQLITE_OK) return Status();
  std::string message = path_ + ": " + (err ? err : sqlite3_errmsg(db_));
  sqlite3_free(err);
  return Status::Error(message);
}

Status Store::Open(const std::string& path) {
  path_ = path;
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    return Status::Error(path + ": cannot open store: " + sqlite3_errmsg(db_));
  sqlite3_busy_timeout(db_, 10000);  // another ingest on the same file waits its turn
  KRONIEK_RETURN_IF_ERROR(Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"));
  return Migrate();
}

Status Store::Migrate() {
  KRONIEK_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Statement q;
  sqlite3_prepare_v2(db_, "PRAGMA user_version", -1, &q.st, nullptr);
  version_ = sqlite3_step(q.st) == SQLITE_ROW ? sqlite3_column_int(q.st, 0) : 0;
  if (version_ > int(kMigrations.size())) {
    Exec("ROLLBACK");
    return Status::Error(path_ + ": store schema version " + std::to_string(version_) +
                         " is newer than this kroniek knows (" + std::to_string(kMigrations.size()) + ")");
  }
  for (; version_ < int(kMigrations.size()); ++version_) {
    Status st = Exec(kMigrations[version_]);
    if (st.ok()) st = Exec("PRAGMA user_version = " + std::to_string(version_ + 1));
    if (!st.ok()) {
      Exec("ROLLBACK");
      return Status::Error(st.message() + " (migrating to schema version " + std::to_string(version_ + 1) + ")");
    }
  }
  return Exec("COMMIT");
}

nlohmann::json Store::RecordOf(const Article& a) {
  nlohmann::json r = a.extra_json.empty() ? nlohmann::json::object() : nlohmann::json::parse(a.extra_json);
  r["id"] = a.id;
  if (!a.url.empty()) r["url"] = a.url;
  if (!a.source.empty()) r["source"] = a.source;
  // A date given beside the text is kept; a header date in the text is found again.
  const bool given = a.published.basis == DateBasis::kMetadata || a.published.basis == DateBasis::kCli;
  if (a.published.known() && given) r["published"] = a.published.value;
  if (!a.title.empty() && a.title_span.empty()) r["title"] = a.title;  // a title inside the text is found again
  r["text"] = a.text;
  return r;
}

std::string Store::TextFingerprint(const std::string& text) {
  uint64_t h = 1469598103934665603ull;
  bool space = false;
  for (char c : ToLower(text)) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space) h = (h ^ uint8_t(' ')) * 1099511628211ull;
    space = false;
    h = (h ^ uint8_t(c)) * 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

Status Store::Put(const Article& a, PutResult* result) {
  auto fail = [&] {
    Status st = Status::Error(path_ + ": article '" + a.id + "' not stored: " + sqlite3_errmsg(db_));
    Exec("ROLLBACK");
    return st;
  };
  KRONIEK_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Statement ins, fts;
  const char* sql = "INSERT INTO articles(id, url, fingerprint, record) VALUES(?, ?, ?, ?) ON CONFLICT DO NOTHING";
  if (sqlite3_prepare_v2(db_, sql, -1, &ins.st, nullptr) != SQLITE_OK) return fail();
  BindText(ins.st, 1, a.id);
  BindText(ins.st, 2, a.url);
  BindText(ins.st, 3, TextFingerprint(a.text));
  BindText(ins.st, 4, RecordOf(a).dump());
  if (sqlite3_step(ins.st) != SQLITE_DONE) return fail();
  *result = sqlite3_changes(db_) > 0 ? PutResult::kNew : PutResult::kDuplicate;
  if (*result == PutResult::kNew) {
    const char* index = "INSERT INTO articles_fts(rowid, title, text) VALUES(last_insert_rowid(), ?, ?)";
    if (sqlite3_prepare_v2(db_, index, -1, &fts.st, nullptr) != SQLITE_OK) return fail();
    BindText(fts.st, 1, a.title);
    BindText(fts.st, 2, a.text);
    if (sqlite3_step(fts.st) != SQLITE_DONE) return fail();
  }
  return Exec("COMMIT");
}

Status Store::ForEach(const std::function<void(const nlohmann::json&)>& fn, const std::string& text_query) const {
  Statement q;
  const char* sql = text_query.empty() ? "SELECT id, record FROM articles ORDER BY seq"
                                       : "SELECT a.id, a.record FROM articles a JOIN articles_fts f ON f.rowid = a.seq "
                                         "WHERE articles_fts MATCH ? ORDER BY a.seq";
  if (sqlite3_prepare_v2(db_, sql, -1, &q.st, nullptr) != SQLITE_OK)
    return Status::Error(path_ + ": " + sqlite3_errmsg(db_));
  if (!text_query.empty()) BindText(q.st, 1, text_query);
  int rc;
  while ((rc = sqlite3_step(q.st)) == SQLITE_ROW) {
    const char* id = reinterpret_cast<const char*>(sqlite3_column_text(q.st, 0));
    const char* text = reinterpret_cast<const char*>(sqlite3_column_text(q.st, 1));
    auto record = nlohmann::json::parse(text ? text : "", nullptr, false);
    if (record.is_discarded()) return Status::Error(path_ + ": article '" + std::string(id ? id : "") + "': damaged record");
    fn(record);
  }
  if (rc == SQLITE_DONE) return Status();
  std::string why = sqlite3_errmsg(db_);
  return Status::Error(path_ + ": " + (text_query.empty() ? why : "search '" + text_query + "': " + why));
}

Status Store::Count(int64_t* n) const {
  Statement q;
  sqlite3_prepare_v2(db_, "SELECT count(*) FROM articles", -1, &q.st, nullptr);
  if (sqlite3_step(q.st) != SQLITE_ROW) return Status::Error(path_ + ": " + sqlite3_errmsg(db_));
  *n = sqlite3_column_int64(q.st, 0);
  return Status();
}

}  // namespace kroniek
