// What GET /api/articles/ID shows: the article's record with its text, its
// analysis as stored (nothing is analysed again, so its spans are those the
// events were made from) and the events its mentions belong to.
//
// In:  a store, an article id, the event types' ACLED categories.
// Out: {"record", "analysis" (SCHEMA.md article; null for an article an older
//      kroniek stored and no ingest has analysed since; no entities or times
//      until `reanalyze` for one analysed before schema 5), "events"}.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "fuse/fuse.h"
#include "store/store.h"

namespace kroniek {

// Null `out` when the id is unknown.
Status ArticleDetail(const Store& store, const std::string& id, const FuseRules& types, nlohmann::json* out);

}  // namespace kroniek
