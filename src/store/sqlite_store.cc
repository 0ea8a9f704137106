#include "store/sqlite_store.h"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <cstdio>
#include <thread>
#include <vector>

#include "core/fingerprint.h"
#include "core/utf8.h"
#include "store/sqlite_statement.h"

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
    // Analyses and the chronicle fused from them; articles stored before
    // are analyzed by the next ingest (they have no analysis row).
    R"sql(
    CREATE TABLE analyses (
      seq INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
      kroniek TEXT NOT NULL,
      published TEXT,
      title TEXT,
      fused TEXT NOT NULL);
    CREATE TABLE events (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      date TEXT,
      day_lo INTEGER,
      day_hi INTEGER,
      country TEXT,
      place TEXT,
      place_name TEXT,
      killed REAL,
      injured REAL,
      articles INTEGER NOT NULL,
      record TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
    CREATE INDEX events_day ON events(day_lo);
    CREATE INDEX events_country ON events(country);
    CREATE INDEX events_place ON events(place);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_killed ON events(killed);
    CREATE TABLE event_actors (
      event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
      role TEXT NOT NULL, actor TEXT, name TEXT);
    CREATE INDEX event_actors_event ON event_actors(event);
    CREATE INDEX event_actors_actor ON event_actors(actor);
    CREATE TABLE event_keys (
      key TEXT NOT NULL,
      event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
      PRIMARY KEY (key, event)) WITHOUT ROWID;
    CREATE INDEX event_keys_event ON event_keys(event);
    CREATE TABLE mentions (
      seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
      mention INTEGER NOT NULL,
      trigger INTEGER NOT NULL,
      event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
      PRIMARY KEY (seq, mention)) WITHOUT ROWID;
    CREATE INDEX mentions_event ON mentions(event);
    CREATE TABLE changes (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      event TEXT NOT NULL,
      change TEXT NOT NULL,
      detail TEXT NOT NULL);
    CREATE INDEX changes_at ON changes(at);
    CREATE INDEX changes_event ON changes(event);
    CREATE TABLE corrections (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      who TEXT NOT NULL,
      why TEXT NOT NULL,
      action TEXT NOT NULL,
      args TEXT NOT NULL);
    CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO counters VALUES ('event', 0);
    )sql",
    // 4: events by date interval (an R*Tree), so a date window does not scan
    // every event that began before it; events in chronicle order (an index),
    // so a common search word fills a page without sorting every match.
    R"sql(
    CREATE VIRTUAL TABLE events_days USING rtree(id, lo, hi);
    INSERT INTO events_days SELECT rowid, day_lo, day_hi FROM events WHERE day_lo IS NOT NULL;
    CREATE TRIGGER events_days_insert AFTER INSERT ON events WHEN new.day_lo IS NOT NULL BEGIN
      INSERT INTO events_days VALUES (new.rowid, new.day_lo, new.day_hi);
    END;
    CREATE TRIGGER events_days_delete AFTER DELETE ON events BEGIN
      DELETE FROM events_days WHERE id = old.rowid;
    END;
    CREATE INDEX events_order ON events(coalesce(day_lo, 1000000000), type, id);
    CREATE TRIGGER events_days_update AFTER UPDATE OF day_lo, day_hi ON events BEGIN
      DELETE FROM events_days WHERE id = old.rowid;
      INSERT INTO events_days SELECT new.rowid, new.day_lo, new.day_hi WHERE new.day_lo IS NOT NULL;
    END;
    )sql",
    // 5: what the article view marks besides the extraction (entities, times), as
    // analysed, so that showing an article analyses nothing (null: analysed before).
    R"sql(
    ALTER TABLE analyses ADD COLUMN marks TEXT;
    )sql",
};

}  // namespace

SqliteStore::SqliteStore() : statements_(std::make_unique<StatementCache>()) {}

SqliteStore::~SqliteStore() {
  statements_->Clear();
  sqlite3_close(db_);
}

bool SqliteStore::Readable() const {
  sqlite3_stmt* st = nullptr;
  const bool ok = sqlite3_prepare_v2(db_, "SELECT count(*) FROM sqlite_master", -1, &st, nullptr) == SQLITE_OK &&
                  sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  return ok;
}

Status SqliteStore::Error(const std::string& what) const {
  return Status::Error(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

Status SqliteStore::Exec(const std::string& sql) const {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) == SQLITE_OK) return Status();
  std::string message = path_ + ": " + (err ? err : sqlite3_errmsg(db_));
  sqlite3_free(err);
  return Status::Error(message);
}

Status SqliteStore::Open(const std::string& path, Mode mode) {
  path_ = path;
  const bool read_only = mode == Mode::kRead;
  if (mode != Mode::kCreate && !std::filesystem::exists(path))
    return Status::Error(path + ": no such store (kroniek ingest --db creates one)");
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK)
    return Status::Error(path + ": cannot open store: " + sqlite3_errmsg(db_));
  sqlite3_busy_timeout(db_, 60000);  // another ingest on the same file waits its turn
  if (read_only) {
    if (!Readable()) {
      // On a read-only filesystem SQLite cannot make the WAL index beside the
      // file: read it as the immutable snapshot it is there.
      statements_->Clear();
      sqlite3_close(db_);
      db_ = nullptr;
      std::string uri = "file:";
      for (char c : path) uri += c == '?' ? std::string("%3f") : c == '#' ? std::string("%23") : std::string(1, c);
      if (sqlite3_open_v2((uri + "?immutable=1").c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) !=
              SQLITE_OK ||
          !Readable())
        return Error("not a kroniek store");
    }
    Statement q(db_, statements_.get(), "PRAGMA user_version");
    if (!q.ok() || q.Step() != SQLITE_ROW) return Error("not a kroniek store");
    version_ = int(q.Int(0));
    if (version_ != int(kMigrations.size()))
      return Status::Error(path_ + ": store schema version " + std::to_string(version_) + ", this kroniek reads " +
                           std::to_string(kMigrations.size()) + " (open it once for writing to migrate)");
    return Exec("PRAGMA foreign_keys=ON;");
  }
  // Two processes opening a new file at once can get SQLITE_BUSY from the
  // switch to WAL without the busy handler being asked: try again a while.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    Status st = Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
    if (st.ok()) st = Migrate();
    const int code = sqlite3_errcode(db_);
    if (st.ok() || (code != SQLITE_BUSY && code != SQLITE_LOCKED) || std::chrono::steady_clock::now() > deadline)
      return st;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

Status SqliteStore::Migrate() {
  KRONIEK_RETURN_IF_ERROR(Begin());
  Statement q(db_, statements_.get(), "PRAGMA user_version");
  version_ = q.Step() == SQLITE_ROW ? int(q.Int(0)) : 0;
  if (version_ > int(kMigrations.size())) {
    Rollback();
    return Status::Error(path_ + ": store schema version " + std::to_string(version_) +
                         " is newer than this kroniek knows (" + std::to_string(kMigrations.size()) + ")");
  }
  for (; version_ < int(kMigrations.size()); ++version_) {
    Status st = Exec(kMigrations[version_]);
    if (st.ok()) st = Exec("PRAGMA user_version = " + std::to_string(version_ + 1));
    if (!st.ok()) {
      Rollback();
      return Status::Error(st.message() + " (migrating to schema version " + std::to_string(version_ + 1) + ")");
    }
  }
  return Commit();
}

Status SqliteStore::LimitPages(int extra) {
  Statement q(db_, statements_.get(), "PRAGMA page_count");
  if (q.Step() != SQLITE_ROW) return Error("page count");
  return Exec("PRAGMA max_page_count = " + std::to_string(q.Int(0) + extra));
}

Status SqliteStore::Begin() { return Exec("BEGIN IMMEDIATE"); }
Status SqliteStore::Commit() { return Exec("COMMIT"); }
void SqliteStore::Rollback() {
  if (!sqlite3_get_autocommit(db_)) Exec("ROLLBACK");
}

Status SqliteStore::Check(std::vector<std::string>* problems) const {
  Statement integrity(db_, statements_.get(), "PRAGMA integrity_check");
  while (integrity.Step() == SQLITE_ROW)
    if (integrity.Text(0) != "ok") problems->push_back("sqlite: " + integrity.Text(0));
  // Kroniek's own invariants: every event has mentions, every mention an
  // analyzed article, every analyzed article's mentions an event.
  const std::vector<std::pair<const char*, const char*>> checks = {
      {"events without mentions", "SELECT id FROM events WHERE id NOT IN (SELECT event FROM mentions)"},
      {"events missing from the date index",
       "SELECT id FROM events WHERE day_lo IS NOT NULL AND rowid NOT IN (SELECT id FROM events_days)"},
      {"date index entries of no event", "SELECT id FROM events_days WHERE id NOT IN (SELECT rowid FROM events)"},
      {"mentions of a missing event", "SELECT seq FROM mentions WHERE event NOT IN (SELECT id FROM events)"},
      {"mentions of an unanalyzed article", "SELECT seq FROM mentions WHERE seq NOT IN (SELECT seq FROM analyses)"},
      {"analyses of a missing article", "SELECT seq FROM analyses WHERE seq NOT IN (SELECT seq FROM articles)"},
      {"articles missing from the text index", "SELECT seq FROM articles WHERE seq NOT IN (SELECT rowid FROM articles_fts)"},
      {"events with a damaged record", "SELECT id FROM events WHERE json_valid(record) = 0"},
  };
  for (const auto& [what, sql] : checks) {
    Statement q(db_, sql);
    if (!q.ok()) return Error(what);
    int n = 0;
    std::string first;
    while (q.Step() == SQLITE_ROW)
      if (n++ == 0) first = q.Text(0);
    if (n) problems->push_back(std::string(what) + ": " + std::to_string(n) + " (first: " + first + ")");
  }
  return Status();
}

Status SqliteStore::Known(const Article& a, bool* known) const {
  Statement q(db_, statements_.get(), "SELECT 1 FROM articles WHERE url = ?1 OR fingerprint = ?2 LIMIT 1");
  q.Bind(1, a.url);
  q.Bind(2, TextFingerprint(a.text));
  int rc = q.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("article '" + a.id + "'");
  *known = rc == SQLITE_ROW;
  return Status();
}

Status SqliteStore::IdTaken(const std::string& id, bool* taken) const {
  Statement q(db_, statements_.get(), "SELECT 1 FROM articles WHERE id = ?1 LIMIT 1");
  q.Bind(1, id);
  int rc = q.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("article '" + id + "'");
  *taken = rc == SQLITE_ROW;
  return Status();
}

Status SqliteStore::Insert(const Article& a, PutResult* result, int64_t* seq) {
  Statement ins(db_, statements_.get(), "INSERT INTO articles(id, url, fingerprint, record) VALUES(?, ?, ?, ?) ON CONFLICT DO NOTHING");
  ins.Bind(1, a.id);
  ins.Bind(2, a.url);
  ins.Bind(3, TextFingerprint(a.text));
  ins.Bind(4, RecordOf(a).dump());
  if (ins.Step() != SQLITE_DONE) return Error("article '" + a.id + "' not stored");
  *result = sqlite3_changes(db_) > 0 ? PutResult::kNew : PutResult::kDuplicate;
  if (*result == PutResult::kDuplicate) return Status();
  *seq = sqlite3_last_insert_rowid(db_);
  Statement fts(db_, statements_.get(), "INSERT INTO articles_fts(rowid, title, text) VALUES(?, ?, ?)");
  fts.Bind(1, *seq);
  fts.Bind(2, a.title);
  fts.Bind(3, a.text);
  if (fts.Step() != SQLITE_DONE) return Error("article '" + a.id + "' not indexed");
  return Status();
}

Status SqliteStore::Put(const Article& a, PutResult* result) {
  KRONIEK_RETURN_IF_ERROR(Begin());
  int64_t seq = 0;
  Status st = Insert(a, result, &seq);
  if (st.ok()) st = Commit();
  if (!st.ok()) Rollback();
  return st;
}

Status SqliteStore::ForEach(const std::function<void(const nlohmann::json&)>& fn, const std::string& text_query, int limit,
                      int offset) const {
  const char* sql = text_query.empty() ? "SELECT id, record FROM articles ORDER BY seq LIMIT ? OFFSET ?"
                                       : "SELECT a.id, a.record FROM articles a JOIN articles_fts f ON f.rowid = a.seq "
                                         "WHERE articles_fts MATCH ? ORDER BY a.seq LIMIT ? OFFSET ?";
  Statement q(db_, sql);
  if (!q.ok()) return Error("articles");
  int next = 1;
  if (!text_query.empty()) q.Bind(next++, text_query);
  q.Bind(next++, int64_t(limit));
  q.Bind(next, int64_t(offset));
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    auto record = nlohmann::json::parse(q.Text(1), nullptr, false);
    if (record.is_discarded()) return Status::Error(path_ + ": article '" + q.Text(0) + "': damaged record");
    fn(record);
  }
  if (rc == SQLITE_DONE) return Status();
  return Error(text_query.empty() ? "articles" : "search '" + text_query + "'");
}

Status SqliteStore::Count(int64_t* n) const {
  Statement q(db_, statements_.get(), "SELECT count(*) FROM articles");
  if (q.Step() != SQLITE_ROW) return Error("count");
  *n = q.Int(0);
  return Status();
}

Status SqliteStore::Records(bool unanalysed_only, std::vector<std::pair<int64_t, nlohmann::json>>* out) const {
  Statement q(db_, unanalysed_only
                       ? "SELECT seq, record FROM articles WHERE seq NOT IN (SELECT seq FROM analyses) ORDER BY seq"
                       : "SELECT seq, record FROM articles ORDER BY seq");
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    auto record = nlohmann::json::parse(q.Text(1), nullptr, false);
    if (record.is_discarded()) return Status::Error(path_ + ": article " + std::to_string(q.Int(0)) + ": damaged record");
    out->emplace_back(q.Int(0), std::move(record));
  }
  return rc == SQLITE_DONE ? Status() : Error("articles");
}

Status SqliteStore::Record(const std::string& id, int64_t* seq, nlohmann::json* record, bool analyzed) const {
  // What analysis found (a date or title in the text) fills in what the record lacks.
  Statement q(db_, statements_.get(), "SELECT r.seq, r.record, a.published, a.title FROM articles r LEFT JOIN analyses a USING (seq) "
                   "WHERE r.id = ?");
  q.Bind(1, id);
  int rc = q.Step();
  if (rc == SQLITE_DONE) {
    *record = nullptr;
    return Status();
  }
  if (rc != SQLITE_ROW) return Error("article '" + id + "'");
  *seq = q.Int(0);
  *record = nlohmann::json::parse(q.Text(1), nullptr, false);
  if (record->is_discarded()) return Status::Error(path_ + ": article '" + id + "': damaged record");
  if (!analyzed) return Status();
  if (!record->contains("published") && !q.Text(2).empty()) (*record)["published"] = q.Text(2);
  if (!record->contains("title") && !q.Text(3).empty()) (*record)["title"] = q.Text(3);
  return Status();
}

}  // namespace kroniek
