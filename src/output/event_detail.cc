#include "output/event_detail.h"

#include <set>

#include "core/resource_file.h"

namespace kroniek {

using nlohmann::json;

json ChangeToJson(const Change& c) {
  return {{"seq", c.seq}, {"at", c.at}, {"event", c.event}, {"change", c.change}, {"detail", c.detail}};
}

Status EventDetail(const Store& store, const std::string& id, json* out) {
  json record;
  KRONIEK_RETURN_IF_ERROR(store.Event(id, &record));
  std::vector<Change> changes;
  KRONIEK_RETURN_IF_ERROR(store.ChangesOf(id, &changes));
  if (record.is_null()) {
    *out = nullptr;
    for (auto it = changes.rbegin(); it != changes.rend(); ++it)
      if (it->change == "merged" || it->change == "removed") {
        *out = {{"id", id}, {"gone", it->change}, {"detail", it->detail}};
        break;
      }
    return Status();
  }
  json articles = json::array();
  std::set<std::string> seen;
  for (const auto& m : record["event"]["mentions"]) {
    const std::string a = m.value("article", "");
    if (!seen.insert(a).second) continue;
    int64_t seq = 0;
    json r;
    KRONIEK_RETURN_IF_ERROR(store.Record(a, &seq, &r, true));
    if (r.is_null()) continue;
    articles.push_back({{"id", a}, {"source", r.value("source", json())}, {"url", r.value("url", json())},
                        {"title", r.value("title", json())}, {"published", r.value("published", json())}});
  }
  json history = json::array();
  for (const auto& c : changes) history.push_back(ChangeToJson(c));
  *out = record;
  (*out)["articles"] = articles;
  (*out)["changes"] = history;
  return Status();
}

ExportContext ExportContextOf(const Store& store, const std::string& resources) {
  ExportContext context;
  ResourceFile countries;
  if (LoadResourceFile(resources + "/kb/countries.tsv", 6, &countries).ok())
    for (const auto& r : countries.rows) context.country_names[r.fields[0]] = r.fields[5];
  context.outlet = [&store](const std::string& article) {
    int64_t seq = 0;
    json record;
    if (!store.Record(article, &seq, &record).ok() || record.is_null()) return std::string();
    return record.value("source", std::string());
  };
  return context;
}

}  // namespace kroniek
