// Number parsing at its limits: nothing throws, huge digit runs are not quantities.
#include "analyze/numbers.h"

#include <string>

#include <gtest/gtest.h>

#include "test_util.h"

namespace kroniek {
namespace {

const NumberGrammar& Dutch() {
  static const NumberGrammar* grammar = [] {
    auto* g = new NumberGrammar;
    Status st = g->Load(testing::ResourceDir() + "/nl");
    EXPECT_TRUE(st.ok()) << st.message();
    return g;
  }();
  return *grammar;
}

TEST(Numbers, DigitsUpToTheLimit) {
  EXPECT_EQ(Dutch().ParseToken("1.500.000"), 1500000);
  EXPECT_EQ(Dutch().ParseToken("2,5"), 2.5);
  EXPECT_EQ(Dutch().ParseToken("1000000000000"), kLargestNumber);  // 10^12 still counts
  EXPECT_EQ(Dutch().ParseToken("1000000000001"), std::nullopt);    // one above does not
}

TEST(Numbers, HugeDigitRunsAreNotNumbersAndNeverThrow) {
  EXPECT_EQ(Dutch().ParseToken(std::string(400, '9')), std::nullopt);  // beyond double's range
  EXPECT_EQ(Dutch().ParseToken("1" + std::string(330, '0') + ",5"), std::nullopt);
}

TEST(Numbers, AnArticleWithAHugeNumberStillYieldsItsFigures) {
  Article a = testing::MakeArticle("Bij de aanslag vielen 12 doden. Het kenmerk is " + std::string(320, '7') + ".",
                                   "2022-03-01");
  nlohmann::json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 1u) << out.dump();
  ASSERT_EQ(out["events"][0]["figures"].size(), 1u) << out.dump();
  EXPECT_EQ(out["events"][0]["figures"][0]["value"], 12);
}

}  // namespace
}  // namespace kroniek
