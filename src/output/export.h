// Exports of stored events for other tools: JSON Lines (the chronicle
// records), CSV with ACLED's column names where they apply (pandas, an
// ACLED-style workflow), and a GeoJSON FeatureCollection (QGIS).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace kroniek {

struct ExportContext {
  std::map<std::string, std::string> country_names;  // ISO alpha-2 -> English name
  // The outlet of an article id ("" when unknown).
  std::function<std::string(const std::string& article)> outlet;
};

// One writer per format: Begin once, Add per event record ({"event": …}), End once.
class EventExporter {
 public:
  virtual ~EventExporter() = default;
  virtual void Begin(std::ostream& out) = 0;
  virtual void Add(const nlohmann::json& record, std::ostream& out) = 0;
  virtual void End(std::ostream& out) = 0;
};

// "jsonl", "csv" or "geojson"; null for another name.
std::unique_ptr<EventExporter> MakeExporter(const std::string& format, const ExportContext& context);

// CSV quoting (RFC 4180): a field with a comma, quote or line break is quoted.
std::string CsvField(const std::string& s);

}  // namespace kroniek
