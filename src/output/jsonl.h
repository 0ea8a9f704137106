// Output: the SCHEMA.md article record as JSON.
//
// In:  an article, its analysis (entities, times) and its extraction; the event
//      types' ACLED categories (FuseRules).
// Out: {"article", "events", "entities", "times", "quotes", "cleaned"}, spans as
//      byte offsets into the article's text.
#pragma once

#include <nlohmann/json.hpp>

#include "core/analysis.h"
#include "core/document.h"
#include "core/extraction.h"
#include "fuse/fuse.h"

namespace kroniek {

nlohmann::json SpanToJson(const Span& s);
nlohmann::json DateToJson(const Date& d);
nlohmann::json OptionalNumber(const std::optional<double>& v);
nlohmann::json SourceToJson(const Source& s);
nlohmann::json LocationToJson(const Location& l);
// {"event_type", "sub_event_type"} of ACLED for a kroniek type, or null.
nlohmann::json AcledOf(const FuseRules& types, const std::string& type);
// {"article":…, "events":…, "entities":…, "times":…, "quotes":…, "cleaned":…}
// (`types`: the ACLED categories of event types.)
nlohmann::json ArticleToJson(const Article& article, const Analysis& analysis, const Extraction& extraction,
                             const FuseRules& types);

}  // namespace kroniek
