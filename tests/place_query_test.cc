// A place typed into a query is read as the analyzer reads it in text, so
// Dutch names find the places kroniek stores by id.
#include <gtest/gtest.h>

#include <algorithm>

#include "test_util.h"

namespace kroniek {
namespace {

bool Has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The names themselves are examples in resources/nl/query_frames.tsv.
TEST(PlaceIds, OneNameOnOneLine) {
  const Pipeline& p = testing::SharedPipeline();
  EXPECT_TRUE(Has(p.PlaceIds("Gent"), "ghent"));
  EXPECT_TRUE(p.PlaceIds("").empty());
  EXPECT_TRUE(p.PlaceIds("Gent.\nHet gebeurde in Keulen").empty()) << "one name, one line";
}

}  // namespace
}  // namespace kroniek
