// The stored chronicle: analyses, events, their keys and mentions, changes
// and corrections.
#include <sqlite3.h>

#include "core/date.h"
#include "store/analysis_codec.h"
#include "store/sqlite_statement.h"
#include "store/sqlite_store.h"

#ifndef KRONIEK_VERSION
#define KRONIEK_VERSION "dev"
#endif

namespace kroniek {

using nlohmann::json;

namespace {
constexpr size_t kAnalysisCacheSize = 8192;  // articles; emptied when full

// A stored JSON column read back; a damaged one is an error naming it, not an exception.
bool ParseStored(const std::string& text, json* out) {
  *out = json::parse(text, nullptr, false);
  return !out->is_discarded();
}

constexpr const char* kRebuild = ": damaged record (kroniek check lists every one)";
}  // namespace

Status SqliteStore::PutAnalysis(int64_t seq, const AnalyzedArticle& a) {
  // Marks not kept this time (a pipeline that keeps none) leave those stored before.
  Statement q(db_, statements_.get(),
              "INSERT INTO analyses(seq, kroniek, published, title, fused, marks) VALUES(?, ?, ?, ?, ?, ?) "
              "ON CONFLICT(seq) DO UPDATE SET kroniek = excluded.kroniek, published = excluded.published, "
              "title = excluded.title, fused = excluded.fused, marks = coalesce(excluded.marks, marks)");
  std::string encoded = EncodeAnalysis(a);
  q.Bind(1, seq);
  q.Bind(2, std::string(KRONIEK_VERSION));
  q.Bind(3, a.article.published.value);
  q.Bind(4, a.article.title);
  q.Bind(5, encoded);
  q.Bind(6, a.marks);  // null when not kept
  if (q.Step() != SQLITE_DONE) return Error("analysis of article " + std::to_string(seq));
  if (analysis_cache_.size() >= kAnalysisCacheSize) analysis_cache_.clear();
  analysis_cache_[seq] = {std::move(encoded), a};
  return Status();
}

Status SqliteStore::LoadAnalysis(int64_t seq, AnalyzedArticle* out) const {
  Statement q(db_, statements_.get(), "SELECT a.fused, r.id FROM analyses a JOIN articles r USING (seq) WHERE seq = ?");
  q.Bind(1, seq);
  if (q.Step() != SQLITE_ROW) return Error("analysis of article " + std::to_string(seq) + " missing");
  std::string encoded = q.Text(0);
  auto it = analysis_cache_.find(seq);
  if (it != analysis_cache_.end() && it->second.encoded == encoded) {
    *out = it->second.analyzed;
    return Status();
  }
  Statement text(db_, statements_.get(), "SELECT json_extract(record, '$.text') FROM articles WHERE seq = ?");
  text.Bind(1, seq);
  if (text.Step() != SQLITE_ROW) return Error("article " + std::to_string(seq) + " missing");
  Status st = DecodeAnalysis(encoded, text.Text(0), out);
  if (!st.ok()) return Status::Error(path_ + ": article '" + q.Text(1) + "': " + st.message());
  if (analysis_cache_.size() >= kAnalysisCacheSize) analysis_cache_.clear();
  analysis_cache_[seq] = {std::move(encoded), *out};
  return Status();
}

Status SqliteStore::Analysed(int64_t seq, bool* analysed) const {
  Statement q(db_, statements_.get(), "SELECT 1 FROM analyses WHERE seq = ?");
  q.Bind(1, seq);
  int rc = q.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("analysis of article " + std::to_string(seq));
  *analysed = rc == SQLITE_ROW;
  return Status();
}

Status SqliteStore::Marks(int64_t seq, std::string* out) const {
  Statement q(db_, statements_.get(), "SELECT marks FROM analyses WHERE seq = ?");
  q.Bind(1, seq);
  out->clear();
  int rc = q.Step();
  if (rc == SQLITE_ROW) *out = q.Text(0);
  else if (rc != SQLITE_DONE) return Error("marks of article " + std::to_string(seq));
  return Status();
}

Status SqliteStore::EventsWithKeys(const std::vector<std::string>& keys, std::set<std::string>* events) const {
  Statement q(db_, statements_.get(), "SELECT event FROM event_keys WHERE key = ?");
  for (const auto& key : keys) {
    q.Reset();
    q.Bind(1, key);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) events->insert(q.Text(0));
    if (rc != SQLITE_DONE) return Error("event keys");
  }
  return Status();
}

Status SqliteStore::MentionsOf(const std::set<std::string>& events, std::vector<StoredMention>* out) const {
  Statement q(db_, statements_.get(), "SELECT a.id, m.seq, m.mention, m.trigger, m.event FROM mentions m JOIN articles a USING (seq) "
                   "WHERE m.event = ?");
  for (const auto& e : events) {
    q.Reset();
    q.Bind(1, e);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) out->push_back({q.Text(0), q.Int(1), int(q.Int(2)), uint32_t(q.Int(3)), e});
    if (rc != SQLITE_DONE) return Error("mentions of " + e);
  }
  return Status();
}

Status SqliteStore::MentionsOfArticle(const std::string& article_id, std::vector<StoredMention>* out) const {
  Statement q(db_, statements_.get(), "SELECT a.id, m.seq, m.mention, m.trigger, m.event FROM mentions m JOIN articles a USING (seq) "
                   "WHERE a.id = ? ORDER BY m.mention");
  q.Bind(1, article_id);
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out->push_back({q.Text(0), q.Int(1), int(q.Int(2)), uint32_t(q.Int(3)), q.Text(4)});
  return rc == SQLITE_DONE ? Status() : Error("mentions of article '" + article_id + "'");
}

Status SqliteStore::EventOfMention(int64_t seq, int mention, std::string* event) const {
  Statement q(db_, statements_.get(), "SELECT event FROM mentions WHERE seq = ? AND mention = ?");
  q.Bind(1, seq);
  q.Bind(2, int64_t(mention));
  int rc = q.Step();
  *event = rc == SQLITE_ROW ? q.Text(0) : "";
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? Status() : Error("mention");
}

Status SqliteStore::EventsOfArticle(int64_t seq, std::set<std::string>* events) const {
  Statement q(db_, statements_.get(), "SELECT DISTINCT event FROM mentions WHERE seq = ?");
  q.Bind(1, seq);
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) events->insert(q.Text(0));
  return rc == SQLITE_DONE ? Status() : Error("events of article " + std::to_string(seq));
}

Status SqliteStore::NewEventId(std::string* id) {
  Statement q(db_, statements_.get(), "UPDATE counters SET value = value + 1 WHERE name = 'event' RETURNING value");
  if (q.Step() != SQLITE_ROW) return Error("event counter");
  *id = "ev" + std::to_string(q.Int(0));
  return Status();
}

bool SqliteStore::Unchanged(const StoredEvent& e, const std::string& record) const {
  Statement stored(db_, statements_.get(), "SELECT record FROM events WHERE id = ?");
  stored.Bind(1, e.id);
  if (stored.Step() != SQLITE_ROW || stored.Text(0) != record) return false;
  Statement keys(db_, statements_.get(), "SELECT key FROM event_keys WHERE event = ? ORDER BY key");
  keys.Bind(1, e.id);
  std::vector<std::string> stored_keys;
  while (keys.Step() == SQLITE_ROW) stored_keys.push_back(keys.Text(0));
  std::vector<std::string> fresh_keys = e.keys;
  std::sort(fresh_keys.begin(), fresh_keys.end());
  fresh_keys.erase(std::unique(fresh_keys.begin(), fresh_keys.end()), fresh_keys.end());
  if (stored_keys != fresh_keys) return false;
  Statement mentions(db_, statements_.get(), "SELECT seq, mention, trigger FROM mentions WHERE event = ? ORDER BY seq, mention");
  mentions.Bind(1, e.id);
  std::vector<std::tuple<int64_t, int, uint32_t>> stored_mentions, fresh_mentions;
  while (mentions.Step() == SQLITE_ROW)
    stored_mentions.emplace_back(mentions.Int(0), int(mentions.Int(1)), uint32_t(mentions.Int(2)));
  for (size_t i = 0; i < e.mentions.size(); ++i)
    fresh_mentions.emplace_back(e.mentions[i].first, e.mentions[i].second, e.triggers[i]);
  std::sort(fresh_mentions.begin(), fresh_mentions.end());
  return stored_mentions == fresh_mentions;
}

Status SqliteStore::ReplaceEvents(const std::set<std::string>& old, const std::vector<StoredEvent>& fresh) {
  // An event fused again to the same record, keys and mentions is left as it
  // is (most of a neighbourhood does not change).
  std::set<std::string> unchanged;
  std::vector<std::string> records(fresh.size());
  for (size_t i = 0; i < fresh.size(); ++i) {
    records[i] = fresh[i].record.dump();
    if (old.count(fresh[i].id) && Unchanged(fresh[i], records[i])) unchanged.insert(fresh[i].id);
  }
  // Events that keep their id keep their creation time.
  std::map<std::string, std::string> created;
  {
    Statement when(db_, statements_.get(), "SELECT created_at FROM events WHERE id = ?");
    Statement drop(db_, statements_.get(), "DELETE FROM events WHERE id = ?");  // keys, actors and mentions cascade
    for (const auto& id : old) {
      if (unchanged.count(id)) continue;
      when.Reset();
      when.Bind(1, id);
      if (when.Step() == SQLITE_ROW) created[id] = when.Text(0);
      drop.Reset();
      drop.Bind(1, id);
      if (drop.Step() != SQLITE_DONE) return Error("event " + id);
    }
  }
  Statement ins(db_, statements_.get(),
                "INSERT INTO events(id, type, date, day_lo, day_hi, country, place, place_name, killed, injured, "
                "articles, record, created_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?, "
                "coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
  Statement key(db_, statements_.get(), "INSERT OR IGNORE INTO event_keys(key, event) VALUES(?, ?)");
  Statement actor(db_, statements_.get(), "INSERT INTO event_actors(event, role, actor, name) VALUES(?, ?, ?, ?)");
  Statement mention(db_, statements_.get(), "INSERT INTO mentions(seq, mention, trigger, event) VALUES(?, ?, ?, ?)");
  for (size_t i = 0; i < fresh.size(); ++i) {
    const StoredEvent& e = fresh[i];
    if (unchanged.count(e.id)) continue;
    const json& ev = e.record.at("event");
    const json& loc = ev.at("location");
    auto text = [](const json& j, const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : ""; };
    auto number = [](const json& j, const char* k, double* v) -> const double* {
      if (!j.contains(k) || !j[k].is_number()) return nullptr;
      *v = j[k].get<double>();
      return v;
    };
    double killed = 0, injured = 0;
    ins.Reset();
    ins.Bind(1, e.id);
    ins.Bind(2, text(ev, "type"));
    ins.Bind(3, ev.at("date").is_object() ? text(ev["date"], "value") : "");
    if (e.days.known()) {
      ins.Bind(4, int64_t(e.days.lo));
      ins.Bind(5, int64_t(e.days.hi));
    }
    ins.Bind(6, loc.is_object() ? text(loc, "country") : "");
    ins.Bind(7, loc.is_object() ? text(loc, "id") : "");
    ins.Bind(8, loc.is_object() ? text(loc, "name") : "");
    ins.BindReal(9, number(ev.at("totals"), "killed", &killed));
    ins.BindReal(10, number(ev.at("totals"), "injured", &injured));
    std::set<std::string> articles;
    for (const auto& m : ev.at("mentions")) articles.insert(m.value("article", ""));
    ins.Bind(11, int64_t(articles.size()));
    ins.Bind(12, records[i]);
    auto c = created.find(e.id);
    if (c != created.end()) ins.Bind(13, c->second);
    if (ins.Step() != SQLITE_DONE) return Error("event " + e.id);
    for (const auto& k : e.keys) {
      key.Reset();
      key.Bind(1, k);
      key.Bind(2, e.id);
      if (key.Step() != SQLITE_DONE) return Error("keys of event " + e.id);
    }
    for (const auto& a : ev.at("actors")) {
      actor.Reset();
      actor.Bind(1, e.id);
      actor.Bind(2, text(a, "role"));
      actor.Bind(3, text(a, "id"));
      actor.Bind(4, text(a, "name"));
      if (actor.Step() != SQLITE_DONE) return Error("actors of event " + e.id);
    }
    for (size_t k = 0; k < e.mentions.size(); ++k) {
      mention.Reset();
      mention.Bind(1, e.mentions[k].first);
      mention.Bind(2, int64_t(e.mentions[k].second));
      mention.Bind(3, int64_t(e.triggers[k]));
      mention.Bind(4, e.id);
      if (mention.Step() != SQLITE_DONE) return Error("mentions of event " + e.id);
    }
  }
  return Status();
}

Status SqliteStore::TextHits(const std::string& query, int64_t* hits) const {
  KRONIEK_RETURN_IF_ERROR(Exec("CREATE TEMP TABLE IF NOT EXISTS text_hits(seq INTEGER PRIMARY KEY); DELETE FROM temp.text_hits;"));
  Statement fill(db_, statements_.get(), "INSERT INTO temp.text_hits SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?");
  fill.Bind(1, query);
  if (fill.Step() != SQLITE_DONE) return Error("search '" + query + "'");
  *hits = sqlite3_changes(db_);
  return Status();
}

Status SqliteStore::Events(const EventQuery& q, std::vector<json>* out) const {
  // Filters and order pick the rowids of one page; only those records are read.
  std::string sql = "SELECT e.rowid FROM events e WHERE 1";
  std::vector<std::string> args;
  auto day = [](const std::string& d, bool hi, std::string* out) {
    auto c = ParseIsoDate(d);
    if (!c) return false;
    Date date;
    date.value = c->ToString();
    date.precision = c->precision();
    DayRange r = RangeOf(date);
    *out = std::to_string(hi ? r.hi : r.lo);
    return true;
  };
  std::string lo, hi;
  if (!q.from.empty() && !day(q.from, false, &lo)) return Status::Error("from '" + q.from + "': expected YYYY[-MM[-DD]]");
  if (!q.to.empty() && !day(q.to, true, &hi)) return Status::Error("to '" + q.to + "': expected YYYY[-MM[-DD]]");
  if (!lo.empty() || !hi.empty()) {  // date ranges that overlap the window
    sql += " AND e.rowid IN (SELECT id FROM events_days WHERE hi >= CAST(? AS INTEGER) AND lo <= CAST(? AS INTEGER))";
    args.push_back(lo.empty() ? "-100000000" : lo);
    args.push_back(hi.empty() ? "100000000" : hi);
  }
  if (!q.place.empty()) {
    sql += " AND (e.place = ? OR e.country = upper(?) OR e.place_name LIKE ?";
    args.insert(args.end(), {q.place, q.place, q.place});
    for (const auto& id : q.place_ids) {
      sql += " OR e.place = ? OR e.country = ?";
      args.insert(args.end(), {id, id});
    }
    sql += ")";
  }
  if (!q.actor.empty()) {
    sql += " AND e.id IN (SELECT event FROM event_actors WHERE actor = ? OR name LIKE ?)";
    args.insert(args.end(), {q.actor, "%" + q.actor + "%"});
  }
  if (!q.type.empty()) {
    sql += " AND e.type = ?";
    args.push_back(q.type);
  }
  if (q.min_killed) {
    sql += " AND e.killed >= CAST(? AS REAL)";
    args.push_back(std::to_string(*q.min_killed));
  }
  // Text: the matching articles go to a temporary table first. Few of them:
  // their events are looked up. Many: events are walked in chronicle order
  // (the events_order index) until a page is full, each checked against them.
  std::string order = "e.day_lo NULLS LAST, e.type, e.id";
  if (!q.text.empty()) {
    int64_t hits = 0;
    KRONIEK_RETURN_IF_ERROR(TextHits(q.text, &hits));
    if (hits <= text_lookup_limit_) {
      sql += " AND e.id IN (SELECT m.event FROM mentions m JOIN temp.text_hits h ON h.seq = m.seq)";
    } else {
      sql += " AND EXISTS (SELECT 1 FROM mentions m JOIN temp.text_hits h ON h.seq = m.seq WHERE m.event = e.id)";
      order = "coalesce(e.day_lo, 1000000000), e.type, e.id";  // the same order, as the index has it
    }
  }
  sql = "SELECT id, record FROM events WHERE rowid IN (" + sql + " ORDER BY " + order +
        " LIMIT ? OFFSET ?) ORDER BY day_lo NULLS LAST, type, id";
  Statement st(db_, sql.c_str());
  if (!st.ok()) return Error("events query");
  for (size_t i = 0; i < args.size(); ++i) st.Bind(int(i + 1), args[i]);
  st.Bind(int(args.size() + 1), int64_t(q.limit));
  st.Bind(int(args.size() + 2), int64_t(q.offset));
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    json record;
    if (!ParseStored(st.Text(1), &record)) return Status::Error(path_ + ": event " + st.Text(0) + kRebuild);
    out->push_back(std::move(record));
  }
  if (rc == SQLITE_DONE) return Status();
  return Error(q.text.empty() ? "events query" : "search '" + q.text + "'");
}

Status SqliteStore::ForEachEvent(EventQuery q, const std::function<void(const json&)>& fn) const {
  q.limit = 1000;
  for (q.offset = 0;; q.offset += q.limit) {
    std::vector<json> events;
    KRONIEK_RETURN_IF_ERROR(Events(q, &events));
    for (const auto& r : events) fn(r);
    if (int(events.size()) < q.limit) return Status();
  }
}

Status SqliteStore::Event(const std::string& id, json* record) const {
  Statement q(db_, statements_.get(), "SELECT record FROM events WHERE id = ?");
  q.Bind(1, id);
  int rc = q.Step();
  if (rc == SQLITE_ROW) {
    if (!ParseStored(q.Text(0), record)) return Status::Error(path_ + ": event " + id + kRebuild);
  } else if (rc == SQLITE_DONE) {
    *record = nullptr;
  }
  else return Error("event " + id);
  return Status();
}

Status SqliteStore::AddChange(const std::string& event, const std::string& change, const json& detail) {
  Statement q(db_, statements_.get(), "INSERT INTO changes(event, change, detail) VALUES(?, ?, ?)");
  q.Bind(1, event);
  q.Bind(2, change);
  q.Bind(3, detail.dump());
  return q.Step() == SQLITE_DONE ? Status() : Error("change of " + event);
}

namespace {

Status ReadChanges(Statement& q, std::vector<Change>* out) {
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    json detail;
    if (!ParseStored(q.Text(4), &detail)) return Status::Error("change " + std::to_string(q.Int(0)) + ": damaged record");
    out->push_back({q.Int(0), q.Text(1), q.Text(2), q.Text(3), std::move(detail)});
  }
  return rc == SQLITE_DONE ? Status() : Status::Error("changes");
}

}  // namespace

Status SqliteStore::Changes(const std::string& since, int64_t after, int limit, std::vector<Change>* out) const {
  Statement q(db_, statements_.get(), "SELECT seq, at, event, change, detail FROM changes WHERE at >= ? AND seq > ? ORDER BY seq LIMIT ?");
  q.Bind(1, since.empty() ? std::string("0") : since);
  q.Bind(2, after);
  q.Bind(3, int64_t(limit));
  Status st = ReadChanges(q, out);
  return st.ok() ? st : Status::Error(path_ + ": " + st.message());
}

Status SqliteStore::ChangesOf(const std::string& event, std::vector<Change>* out) const {
  Statement q(db_, statements_.get(), "SELECT seq, at, event, change, detail FROM changes WHERE event = ? ORDER BY seq");
  q.Bind(1, event);
  Status st = ReadChanges(q, out);
  return st.ok() ? st : Status::Error(path_ + ": " + st.message() + " (changes of " + event + ")");
}

Status SqliteStore::AddCorrection(const Correction& c, int64_t* seq) {
  Statement q(db_, statements_.get(), "INSERT INTO corrections(who, why, action, args) VALUES(?, ?, ?, ?)");
  q.Bind(1, c.who);
  q.Bind(2, c.why);
  q.Bind(3, c.action);
  q.Bind(4, c.args.dump());
  if (q.Step() != SQLITE_DONE) return Error("correction");
  *seq = sqlite3_last_insert_rowid(db_);
  return Status();
}

Status SqliteStore::Corrections(std::vector<Correction>* out) const {
  Statement q(db_, statements_.get(), "SELECT seq, at, who, why, action, args FROM corrections ORDER BY seq");
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    json args;
    if (!ParseStored(q.Text(5), &args))
      return Status::Error(path_ + ": correction " + std::to_string(q.Int(0)) + ": damaged record");
    out->push_back({q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), std::move(args)});
  }
  return rc == SQLITE_DONE ? Status() : Error("corrections");
}

}  // namespace kroniek
