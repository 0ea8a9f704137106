// Shared fixtures: one loaded pipeline for all tests, paths to data.
#pragma once

#include <cstdlib>
#include <string>
#include <vector>

#include "pipeline/driver.h"

namespace kroniek::testing {

inline std::string SourceDir() { return KRONIEK_SOURCE_DIR; }
inline std::string ResourceDir() { return SourceDir() + "/resources"; }
inline std::string SharedDir() {
  if (const char* env = std::getenv("KRONIEK_SHARED"); env && *env) return env;
  return KRONIEK_SHARED_DIR;
}
inline bool InCI() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

const Pipeline& SharedPipeline();

// The SCHEMA.md record of `a` as the shared pipeline reads it; throws when the
// article's language has no resources (a Dutch test sentence taken for another language).
nlohmann::json AnalyzeToJson(Article& a);

// Analyses `text` as an article published on `published` (may be empty).
Article MakeArticle(const std::string& text, const std::string& published = "");

// The events (their "event" records) of a new store the articles were added to, `batch`
// at a time in their order; the store is a temporary file, removed after.
std::vector<nlohmann::json> StoredEvents(const std::vector<Article>& articles, size_t batch = 1);

// Formats a number as the resource examples do: "60", "1.5", "1500000".
std::string FormatNumber(double v);

}  // namespace kroniek::testing
