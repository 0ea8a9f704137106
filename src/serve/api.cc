#include "serve/api.h"

#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "core/json_depth.h"
#include "ingest/inputs.h"
#include "output/article_detail.h"
#include "output/event_detail.h"
#include "pipeline/store_driver.h"

namespace kroniek {

using nlohmann::json;

namespace {

constexpr int kDefaultPage = 50, kMaxPage = 1000;

void Reply(http::Response& res, int status, const json& body) {
  res.status = status;
  res.SetContent(body.dump(), "application/json");
}

void Fail(http::Response& res, int status, const std::string& message) {
  Reply(res, status, {{"error", message}});
}

// An integer parameter within [lo, hi]; `fallback` when absent.
bool IntParam(const http::Request& req, const char* name, int64_t lo, int64_t hi, int64_t fallback, int64_t* out,
              std::string* error) {
  if (!req.HasParam(name)) {
    *out = fallback;
    return true;
  }
  const std::string v = req.Param(name);
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), *out);
  if (ec != std::errc() || end != v.data() + v.size() || *out < lo || *out > hi) {
    *error = "parameter '" + std::string(name) + "': expected a whole number from " + std::to_string(lo) + " to " +
             std::to_string(hi) + ", got '" + v + "'";
    return false;
  }
  return true;
}

}  // namespace

bool EventQueryOf(const http::Request& req, EventQuery* q, std::string* error) {
  q->from = req.Param("from");
  q->to = req.Param("to");
  q->place = req.Param("place");
  q->actor = req.Param("actor");
  q->type = req.Param("type");
  q->text = req.Param("text");
  if (req.HasParam("min_killed")) {
    const std::string v = req.Param("min_killed");
    double d = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d) || d < 0) {  // nan, inf: no number
      *error = "parameter 'min_killed': expected a number of at least 0, got '" + v + "'";
      return false;
    }
    q->min_killed = d;
  }
  int64_t limit = 0, offset = 0;
  if (!IntParam(req, "limit", 1, kMaxPage, kDefaultPage, &limit, error) ||
      !IntParam(req, "offset", 0, INT32_MAX, 0, &offset, error))
    return false;
  q->limit = int(limit);
  q->offset = int(offset);
  return true;
}

Api::Api(const ServeOptions& options, const Pipeline& pipeline)
    : options_(options), pipeline_(pipeline), readers_(options.db) {}

std::string Api::Public(const Status& st) const {
  // An answer never shows where the store lies on the server.
  std::string m = st.message();
  for (size_t at; !options_.db.empty() && (at = m.find(options_.db)) != std::string::npos;)
    m.replace(at, options_.db.size(), "store");
  return m;
}

Status Api::Open() {
  if (options_.token.empty()) {
    std::shared_ptr<const Store> probe;  // fails early on a missing or unmigrated file
    return readers_.Acquire(&probe);
  }
  return Store::Open(options_.db, Store::Mode::kWrite, &writer_);
}

bool Api::QueryOf(const http::Request& req, EventQuery* q, std::string* error) const {
  if (!EventQueryOf(req, q, error)) return false;
  q->place_ids = pipeline_.PlaceIds(q->place);  // "Gent" is also the place ghent
  return true;
}

bool Api::Reader(http::Response& res, std::shared_ptr<const Store>* store) {
  if (auto st = readers_.Acquire(store); !st.ok()) {
    Fail(res, 503, Public(st));
    return false;
  }
  return true;
}

bool Api::Authorised(const http::Request& req, http::Response& res) const {
  if (options_.token.empty()) {
    Fail(res, 403, "this server is read-only: start it with a token to allow writes");
    return false;
  }
  const std::string given = req.Header("Authorization");
  const std::string expected = "Bearer " + options_.token;
  // Compared in time that does not depend on where they differ.
  unsigned char diff = given.size() != expected.size();
  for (size_t i = 0; i < expected.size(); ++i) diff |= (i < given.size() ? given[i] : 0) ^ expected[i];
  if (diff) {
    res.SetHeader("WWW-Authenticate", "Bearer");
    Fail(res, 401, "missing or wrong token (Authorization: Bearer …)");
    return false;
  }
  return true;
}

void Api::Health(const http::Request&, http::Response& res) {
  std::shared_ptr<const Store> store;
  if (!Reader(res, &store)) return;
  int64_t articles = 0;
  if (auto st = store->Count(&articles); !st.ok()) return Fail(res, 500, Public(st));
  Reply(res, 200, {{"ok", true}, {"kroniek", KRONIEK_VERSION}, {"schema", store->schema_version()},
                   {"articles", articles}, {"writable", !options_.token.empty()}});
}

void Api::ListEvents(const http::Request& req, http::Response& res) {
  EventQuery q;
  std::string error;
  if (!QueryOf(req, &q, &error)) return Fail(res, 400, error);
  std::shared_ptr<const Store> store;
  if (!Reader(res, &store)) return;
  std::vector<json> events;
  if (auto st = store->Events(q, &events); !st.ok()) return Fail(res, 400, Public(st));
  const bool more = int(events.size()) == q.limit;
  Reply(res, 200, {{"events", events}, {"offset", q.offset}, {"limit", q.limit},
                   {"next_offset", more ? json(q.offset + q.limit) : json()}});
}

void Api::GetEvent(const http::Request& req, http::Response& res) {
  std::shared_ptr<const Store> store;
  if (!Reader(res, &store)) return;
  const std::string id = req.matches[1];
  json detail;
  if (auto st = EventDetail(*store, id, &detail); !st.ok()) return Fail(res, 500, Public(st));
  if (detail.is_null()) return Fail(res, 404, "no event '" + id + "'");
  Reply(res, detail.contains("gone") ? 410 : 200, detail);
}

void Api::ListArticles(const http::Request& req, http::Response& res) {
  int64_t limit = 0, offset = 0;
  std::string error;
  if (!IntParam(req, "limit", 1, kMaxPage, kDefaultPage, &limit, &error) ||
      !IntParam(req, "offset", 0, INT32_MAX, 0, &offset, &error))
    return Fail(res, 400, error);
  std::shared_ptr<const Store> store;
  if (!Reader(res, &store)) return;
  json articles = json::array();
  auto st = store->ForEach([&](const json& record) {
    json row = record;
    row.erase("text");
    articles.push_back(std::move(row));
  }, req.Param("text"), int(limit), int(offset));
  if (!st.ok()) return Fail(res, 400, Public(st));
  const bool more = int64_t(articles.size()) == limit;
  Reply(res, 200, {{"articles", articles}, {"offset", offset}, {"limit", limit},
                   {"next_offset", more ? json(offset + limit) : json()}});
}

void Api::GetArticle(const http::Request& req, http::Response& res) {
  std::shared_ptr<const Store> store;
  if (!Reader(res, &store)) return;
  const std::string id = req.matches[1];
  json detail;
  if (auto st = ArticleDetail(*store, id, pipeline_.types(), &detail); !st.ok()) return Fail(res, 500, Public(st));
  if (detail.is_null()) return Fail(res, 404, "no article '" + id + "'");
  Reply(res, 200, detail);
}

void Api::ListChanges(const http::Request& req, http::Response& res) {
  int64_t after = 0, limit = 0;
  std::string error;
  if (!IntParam(req, "after", 0, INT64_MAX, 0, &after, &error) ||
      !IntParam(req, "limit", 1, kMaxPage, kMaxPage, &limit, &error))
    return Fail(res, 400, error);
  std::shared_ptr<const Store> store;
  if (!Reader(res, &store)) return;
  std::vector<Change> changes;
  if (auto st = store->Changes(req.Param("since"), after, int(limit), &changes); !st.ok())
    return Fail(res, 400, Public(st));
  json out = json::array();
  for (const auto& c : changes) out.push_back(ChangeToJson(c));
  // The cursor to ask with next time: the last change seen.
  Reply(res, 200, {{"changes", out}, {"next_after", changes.empty() ? after : changes.back().seq}});
}

// Streamed a page of events at a time, so a large store is not held in memory.
void Api::Export(const http::Request& req, http::Response& res) {
  static const std::map<std::string, std::string> kTypes = {
      {"jsonl", "application/x-ndjson"}, {"csv", "text/csv; charset=utf-8"}, {"geojson", "application/geo+json"}};
  const std::string format = req.HasParam("format") ? req.Param("format") : "jsonl";
  auto type = kTypes.find(format);
  if (type == kTypes.end()) return Fail(res, 400, "parameter 'format': expected jsonl, csv or geojson, got '" + format + "'");
  EventQuery q;
  std::string error;
  if (!QueryOf(req, &q, &error)) return Fail(res, 400, error);
  std::shared_ptr<const Store> store;
  if (!Reader(res, &store)) return;
  {  // a bad filter is a 400 before the stream starts
    EventQuery probe = q;
    probe.limit = 1;
    std::vector<json> events;
    if (auto st = store->Events(probe, &events); !st.ok()) return Fail(res, 400, Public(st));
  }
  auto exporter = std::shared_ptr<EventExporter>(MakeExporter(format, ExportContextOf(*store, options_.resources)));
  res.SetHeader("Content-Disposition", "attachment; filename=\"kroniek-events." + format + "\"");
  auto page = std::make_shared<EventQuery>(q);
  page->limit = kMaxPage;
  page->offset = -1;  // not begun
  res.SetStream(type->second, [store, exporter, page](std::string* chunk, bool* done) {
    std::ostringstream out;
    if (page->offset < 0) {
      exporter->Begin(out);
      page->offset = 0;
    }
    std::vector<json> events;
    if (!store->Events(*page, &events).ok()) return false;  // the client sees a cut stream
    for (const auto& r : events) exporter->Add(r, out);
    page->offset += page->limit;
    *done = int(events.size()) < page->limit;
    if (*done) exporter->End(out);
    *chunk = out.str();
    return true;
  });
}

void Api::PostArticles(const http::Request& req, http::Response& res) {
  if (!Authorised(req, res)) return;
  std::vector<InputRecord> records;
  ReadUpload(req.Header("Content-Type"), req.body, req.HasParam("id") ? req.Param("id") : "", &records);
  IngestCounts counts;
  std::vector<std::string> errors;
  std::vector<Article> batch;
  json articles = json::array();
  std::lock_guard<std::mutex> lock(write_mu_);
  for (auto& r : records) {
    if (!r.status.ok()) {
      errors.push_back(r.status.message());
      ++counts.failed;
      continue;
    }
    batch.push_back(std::move(r.article));
  }
  std::vector<std::string> notes;
  if (auto st = GiveDistinctIds(*writer_, &batch, &notes); !st.ok()) return Fail(res, 500, Public(st));
  for (const auto& a : batch) {
    bool known = false;
    if (auto st = writer_->Known(a, &known); !st.ok()) return Fail(res, 500, Public(st));
    articles.push_back({{"id", a.id}, {"status", known ? "duplicate" : "new"}});
  }
  StoreDriver driver(pipeline_, *writer_);
  if (auto st = driver.AddBatch(std::move(batch), &counts, &errors, &notes); !st.ok()) return Fail(res, 500, Public(st));
  for (auto& a : articles) {
    std::vector<StoredMention> mentions;
    if (!writer_->MentionsOfArticle(a["id"], &mentions).ok()) continue;
    std::set<std::string> events;
    for (const auto& m : mentions) events.insert(m.event);
    a["events"] = events;
  }
  json body = {{"new", counts.added}, {"duplicate", counts.duplicates}, {"failed", counts.failed},
               {"unsupported", counts.unsupported},
               {"articles", articles}, {"errors", errors}, {"notes", notes}};
  Reply(res, counts.failed && !counts.added && !counts.duplicates ? 422 : 200, body);
}

void Api::PostCorrection(const http::Request& req, http::Response& res) {
  if (!Authorised(req, res)) return;
  if (JsonDepth(req.body) > kMaxJsonDepth)
    return Fail(res, 400, "body: JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  json body = json::parse(req.body, nullptr, false);
  if (!body.is_object()) return Fail(res, 400, "body: expected a JSON object {action, who, why, args}");
  Correction c;
  for (auto [field, target] : {std::pair{"action", &c.action}, {"who", &c.who}, {"why", &c.why}}) {
    if (!body.contains(field) || !body[field].is_string() || body[field].get<std::string>().empty())
      return Fail(res, 400, std::string("body: '") + field + "' must be a non-empty string");
    *target = body[field];
  }
  c.args = body.value("args", json::object());
  std::lock_guard<std::mutex> lock(write_mu_);
  StoreDriver driver(pipeline_, *writer_);
  json result;
  if (auto st = driver.Correct(c, &result); !st.ok()) return Fail(res, 422, "correction refused: " + Public(st));
  Reply(res, 200, result);
}

void Api::Register(http::Router& router) {
  auto route = [this](void (Api::*handler)(const http::Request&, http::Response&)) {
    return [this, handler](const http::Request& req, http::Response& res) { (this->*handler)(req, res); };
  };
  router.Get("/api/health", route(&Api::Health));
  router.Get("/api/events", route(&Api::ListEvents));
  router.Get(R"(/api/events/([A-Za-z0-9_.-]+))", route(&Api::GetEvent));
  router.Get("/api/articles", route(&Api::ListArticles));
  router.Get(R"(/api/articles/(.+))", route(&Api::GetArticle));  // ids may be URLs
  router.Get("/api/changes", route(&Api::ListChanges));
  router.Get("/api/export", route(&Api::Export));
  router.Post("/api/articles", route(&Api::PostArticles));
  router.Post("/api/corrections", route(&Api::PostCorrection));
}

}  // namespace kroniek
