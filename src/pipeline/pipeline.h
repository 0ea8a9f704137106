// The driver: the only code that knows the order of the stages.
//   ingest -> analyze -> extract -> output
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "analyze/analyze.h"
#include "core/status.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

namespace kroniek {

// Default resources folder: $KRONIEK_RESOURCES, else the build's resource dir.
std::string DefaultResourceDir();

class Pipeline {
 public:
  Status Load(const std::string& resources_dir, const std::string& lang = "nl");
  // Analyses one article; thread-safe (const, no shared scratch).
  void Run(Article& article, Analysis* analysis, Extraction* extraction) const;
  // Convenience: the SCHEMA.md article record.
  nlohmann::json RunToJson(Article& article) const;

  const Analyzer& analyzer() const { return analyzer_; }

 private:
  Analyzer analyzer_;
  Extractor extractor_;
};

}  // namespace kroniek
