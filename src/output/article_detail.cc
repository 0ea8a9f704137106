#include "output/article_detail.h"

#include "output/jsonl.h"
#include "store/analysis_codec.h"

namespace kroniek {

using nlohmann::json;

Status ArticleDetail(const Store& store, const std::string& id, const FuseRules& types, json* out) {
  *out = nullptr;
  int64_t seq = 0;
  json record;
  KRONIEK_RETURN_IF_ERROR(store.Record(id, &seq, &record, true));
  if (record.is_null()) return Status();
  bool analysed = false;
  AnalyzedArticle stored;
  Analysis marked;
  std::string marks;
  KRONIEK_RETURN_IF_ERROR(store.Analysed(seq, &analysed));
  if (analysed) KRONIEK_RETURN_IF_ERROR(store.LoadAnalysis(seq, &stored));
  KRONIEK_RETURN_IF_ERROR(store.Marks(seq, &marks));
  if (!marks.empty()) KRONIEK_RETURN_IF_ERROR(DecodeMarks(marks, &marked));
  std::vector<StoredMention> mentions;
  KRONIEK_RETURN_IF_ERROR(store.MentionsOfArticle(id, &mentions));
  json events = json::array();
  for (const auto& m : mentions) events.push_back({{"mention", m.mention}, {"trigger", m.trigger}, {"event", m.event}});
  json analysis = analysed ? ArticleToJson(stored.article, marked, stored.extraction, types) : json(nullptr);
  *out = {{"record", std::move(record)}, {"analysis", std::move(analysis)}, {"events", std::move(events)}};
  return Status();
}

}  // namespace kroniek
