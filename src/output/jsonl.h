// Output: the SCHEMA.md article record as JSON.
#pragma once

#include <nlohmann/json.hpp>

#include "analyze/analyze.h"
#include "extract/extract.h"

namespace kroniek {

nlohmann::json SpanToJson(const Span& s);
nlohmann::json DateToJson(const Date& d);
// {"article":…, "events":…, "entities":…, "times":…, "quotes":…, "cleaned":…}
nlohmann::json ArticleToJson(const Article& article, const Analysis& analysis, const Extraction& extraction);

}  // namespace kroniek
