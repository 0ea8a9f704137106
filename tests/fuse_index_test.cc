// Where a report looks for the events it may join (Chronicle::LookupKeys): a report
// that may recall an event long before its article looks it up by its distinctive count
// at any time; one its own weekday or day of a month bounds looks only near its days.
#include <gtest/gtest.h>

#include <algorithm>

#include "fuse/fuse.h"
#include "test_util.h"

namespace kroniek {
namespace {

// The count keys ("…|f|…": an event with that count at that place, at any time) the
// text's only report looks up.
std::vector<std::string> CountKeys(const std::string& text, const std::string& published) {
  const AnalyzedArticle aa = AnalyseArticle(testing::SharedPipeline(), testing::MakeArticle(text, published));
  EXPECT_EQ(aa.extraction.events.size(), 1u) << text;
  if (aa.extraction.events.empty()) return {};
  const Chronicle chronicle(testing::SharedPipeline().types());
  std::vector<std::string> keys = chronicle.LookupKeys(aa.extraction.events[0], aa.article.published);
  keys.erase(std::remove_if(keys.begin(), keys.end(), [](const std::string& k) { return k.find("|f|") == std::string::npos; }),
             keys.end());
  return keys;
}

TEST(LookupKeys, AReportWithoutTimeLooksUpItsCountAtAnyTime) {
  const auto keys = CountKeys("Bij een treinongeluk bij Hasselt zijn vijftien passagiers gewond geraakt.", "2025-03");
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_NE(keys[0].find("injured=15"), std::string::npos) << keys[0];
  EXPECT_NE(keys[0].find("@hasselt"), std::string::npos) << keys[0];
}

// ("dinsdag" under a March header is a Tuesday of March: an event years before is none
// it may join, so the count finds nothing more.)
TEST(LookupKeys, AReportItsWeekdayBoundsLooksUpNoCountAtAnyTime) {
  EXPECT_TRUE(CountKeys("Bij een treinongeluk bij Hasselt zijn dinsdag vijftien passagiers gewond geraakt.", "2025-03")
                  .empty());
  EXPECT_TRUE(CountKeys("Bij een treinongeluk bij Hasselt zijn dinsdag vijftien passagiers gewond geraakt.", "").empty());
}

TEST(LookupKeys, AReportItsDayOfAMonthBoundsLooksUpNoCountAtAnyTime) {
  EXPECT_TRUE(CountKeys("Bij een treinongeluk bij Hasselt zijn op 4 maart vijftien passagiers gewond geraakt.", "")
                  .empty());
}

}  // namespace
}  // namespace kroniek
