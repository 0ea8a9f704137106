// What `kroniek event ID` and GET /api/events/ID show: the event's record,
// every article that reports it (outlet, title, url, publication date), its
// change history (the toll moving from 60 to 140) and the corrections made.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "output/export.h"
#include "store/store.h"

namespace kroniek {

// Null `out` when the id is unknown; an id merged away names where it went.
Status EventDetail(const Store& store, const std::string& id, nlohmann::json* out);

nlohmann::json ChangeToJson(const Change& c);

// What an export of this store needs: English country names (from
// resources/kb/countries.tsv) and each article's outlet. The store must
// outlive the context.
ExportContext ExportContextOf(const Store& store, const std::string& resources);

}  // namespace kroniek
