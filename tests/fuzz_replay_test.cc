// Every input the fuzzers found worth keeping (tests/fuzz_corpus/<target>/:
// crashers once fixed, and seeds) runs through its target again: none may
// crash. With ASan (scripts/fuzz.sh) memory errors show too; here, crashes and
// exceptions.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "targets.h"
#include "test_util.h"

namespace kroniek {
namespace {

namespace fs = std::filesystem;

TEST(FuzzCorpus, EveryTargetHasACorpusAndReplaysItWithoutCrashing) {
  const fs::path root = fs::path(testing::SourceDir()) / "tests" / "fuzz_corpus";
  int files = 0;
  for (const auto& target : fuzz::Targets()) {
    const fs::path dir = root / target.name;
    ASSERT_TRUE(fs::is_directory(dir)) << dir << ": no corpus for target " << target.name;
    int here = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      SCOPED_TRACE(entry.path().string());
      EXPECT_EQ(target.run(reinterpret_cast<const uint8_t*>(data.data()), data.size()), 0);
      ++here;
    }
    EXPECT_GT(here, 0) << target.name << ": an empty corpus";
    files += here;
  }
  EXPECT_GE(files, 7);
}

}  // namespace
}  // namespace kroniek
