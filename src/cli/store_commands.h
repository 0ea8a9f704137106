// The store's commands: ingest, articles, events, event, changes, export,
// correct, reanalyze, check, serve. Each returns the process exit status.
#pragma once

#include <string>
#include <vector>

#include "serve/serve.h"
#include "store/store.h"

#include <functional>
#include <memory>

#include "pipeline/pipeline.h"

namespace kroniek::cli {

// The store at `db` / the loaded pipeline, or null after saying why on stderr.
// Opens the store at `db` (kCreate only for ingest); a message on stderr and null on failure.
std::unique_ptr<Store> OpenStore(const std::string& db, Store::Mode mode);
// A pipeline `for_store` keeps what the article view marks (Pipeline::KeepMarks).
std::unique_ptr<Pipeline> LoadPipeline(const std::string& resources, bool for_store = false);
// Whether the pipelines LoadPipeline loads keep vague plurals as figures (--vague-figures).
void KeepVagueFigures(bool keep);
// What a drive does with a record that is no article: names it on stderr and counts it.
std::function<Status(const Status&)> Refused(int* failed);

// With `every_seconds`, the inputs are read again that often until the
// process is stopped (feeds); items already stored are not fetched again.
int Ingest(const std::string& db, const std::vector<std::string>& inputs, const IngestOptions& options, int batch,
           int threads, int every_seconds, const std::string& resources);
int Articles(const std::string& db, const std::string& text_query);
int Events(const std::string& db, const EventQuery& query, const std::string& format);
// Every stored event in chronicle order: JSON lines or the text briefing.
int StoredChronicle(const std::string& db, const std::string& format);
int ShowEvent(const std::string& db, const std::string& id);
int Changes(const std::string& db, const std::string& since, int64_t after, int limit);
int Export(const std::string& db, const EventQuery& query, const std::string& format, const std::string& resources);
int Correct(const std::string& db, const Correction& correction, const std::string& resources);
int Reanalyze(const std::string& db, const std::string& resources);
int Check(const std::string& db);
// The token comes from `token_file` (first line) or $KRONIEK_TOKEN.
int Serve(ServeOptions options, const std::string& token_file);

}  // namespace kroniek::cli
