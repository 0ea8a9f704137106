// Output of a chronicle (SCHEMA.md, "Chronicle"): JSON lines for machines, a
// text briefing for analysts.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "fuse/fuse.h"

namespace kroniek {

// One record per event, then one per article.
void WriteChronicleJsonl(const ChronicleResult& result, std::ostream& out);
// The briefing an analyst pastes: each event, its reports side by side,
// disagreements marked.
void WriteChronicleText(const ChronicleResult& result, std::ostream& out);
// An event's date as the briefing shows it: its day, month or year; else the days its
// reports allow together ("2024-05-03..2024-05-09?"); else "date unknown".
std::string DateText(const nlohmann::json& date);
// One event record ({"event": …}, as fused or as stored) in the briefing.
void WriteEventText(const nlohmann::json& record, std::ostream& out);

nlohmann::json ChronicleEventToJson(const Chronicle& c, int event);
nlohmann::json ChronicleArticleToJson(const ChronicleResult& result, int article);

}  // namespace kroniek
