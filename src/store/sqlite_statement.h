// A prepared SQLite statement that finalises itself, with the few binding and
// reading helpers the store uses.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <unordered_map>

namespace kroniek {

// Prepared statements kept for reuse on one connection, by the address of
// their SQL text (a literal): preparing costs more than most queries do.
// One in use is not handed out twice; the caller then prepares its own.
class StatementCache {
 public:
  StatementCache() = default;
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  ~StatementCache() { Clear(); }
  // Finalises every kept statement (before the connection closes).
  void Clear() {
    for (auto& [sql, entry] : entries_) sqlite3_finalize(entry.st);
    entries_.clear();
  }

 private:
  friend class Statement;
  struct Entry {
    sqlite3_stmt* st = nullptr;
    bool busy = false;
  };
  std::unordered_map<const char*, Entry> entries_;
};

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { ok_ = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) == SQLITE_OK; }
  // A statement from `cache` for a literal `sql`, given back when done.
  Statement(sqlite3* db, StatementCache* cache, const char* sql) {
    auto& entry = cache->entries_[sql];
    if (!entry.st && sqlite3_prepare_v2(db, sql, -1, &entry.st, nullptr) != SQLITE_OK) {
      sqlite3_finalize(entry.st);
      entry.st = nullptr;
      return;
    }
    if (entry.busy) {
      ok_ = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) == SQLITE_OK;
      return;
    }
    entry.busy = true;
    entry_ = &entry;
    st_ = entry.st;
    ok_ = true;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() {
    if (!entry_) {
      sqlite3_finalize(st_);
      return;
    }
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
    entry_->busy = false;
  }

  bool ok() const { return ok_; }
  sqlite3_stmt* get() const { return st_; }
  // Binds text (NULL for an empty string), a number, or a possibly missing number.
  void Bind(int i, const std::string& s) {
    if (s.empty()) sqlite3_bind_null(st_, i);
    else sqlite3_bind_text(st_, i, s.data(), int(s.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(st_, i, v); }
  void BindReal(int i, const double* v) {
    if (v) sqlite3_bind_double(st_, i, *v);
    else sqlite3_bind_null(st_, i);
  }
  int Step() { return sqlite3_step(st_); }
  void Reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  std::string Text(int col) const {
    const unsigned char* t = sqlite3_column_text(st_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(st_, col)) : std::string();
  }
  int64_t Int(int col) const { return sqlite3_column_int64(st_, col); }

 private:
  sqlite3_stmt* st_ = nullptr;
  StatementCache::Entry* entry_ = nullptr;  // when borrowed from a cache
  bool ok_ = false;
};

}  // namespace kroniek
