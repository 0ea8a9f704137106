// The word classes the code asks a language folder for are declared in one
// place (core/word_classes.h): every class the sources name is there, every one
// there is named, and a folder that lacks one is refused at load by name.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/word_classes.h"
#include "test_util.h"

namespace kroniek {
namespace {

namespace fs = std::filesystem;

// The string literals among the arguments of every call to one of `functions` in src/.
std::set<std::string> ClassesNamedBy(const std::set<std::string>& functions) {
  std::set<std::string> found;
  const std::regex call(R"(\b([A-Za-z]+)\()");
  const std::regex literal(R"RX("([a-z_]+)")RX");
  for (const auto& entry : fs::recursive_directory_iterator(testing::SourceDir() + "/src")) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (auto m = std::sregex_iterator(s.begin(), s.end(), call); m != std::sregex_iterator(); ++m) {
      if (!functions.count((*m)[1])) continue;
      size_t end = size_t(m->position() + m->length());
      for (int depth = 1; depth > 0 && end < s.size(); ++end) depth += s[end] == '(' ? 1 : s[end] == ')' ? -1 : 0;
      const std::string args = s.substr(size_t(m->position() + m->length()), end - size_t(m->position() + m->length()));
      for (auto l = std::sregex_iterator(args.begin(), args.end(), literal); l != std::sregex_iterator(); ++l)
        found.insert((*l)[1]);
    }
  }
  return found;
}

template <size_t N>
std::set<std::string> Declared(const std::array<std::string_view, N>& classes) {
  return std::set<std::string>(classes.begin(), classes.end());
}

TEST(WordClasses, TheCodeNamesExactlyTheDeclaredClasses) {
  EXPECT_EQ(ClassesNamedBy({"WordIs", "WordsOf", "ClauseHasClass"}), Declared(kFunctionWordClasses));
  EXPECT_EQ(ClassesNamedBy({"ClauseIs", "ClauseHas", "PartHas"}), Declared(kClauseClasses));
}

// A copy of the Dutch folder with one class renamed away in one file.
Status LoadWithout(const std::string& file, const std::string& cls) {
  const fs::path dir = fs::temp_directory_path() / ("kroniek_classes_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::create_directory_symlink(testing::ResourceDir() + "/kb", dir / "kb");
  fs::copy(testing::ResourceDir() + "/nl", dir / "nl");
  std::ifstream in(dir / "nl" / file);
  std::stringstream text;
  text << in.rdbuf();
  in.close();
  const std::string renamed = std::regex_replace(text.str(), std::regex("\\b" + cls + "\\b"), cls + "_gone");
  std::ofstream(dir / "nl" / file) << renamed;
  Pipeline p;
  Status st = p.Load(dir.string());
  fs::remove_all(dir);
  return st;
}

TEST(WordClasses, AFolderWithoutOneIsRefusedByName) {
  Status fw = LoadWithout("function_words.tsv", "genitive");
  EXPECT_NE(fw.message().find("function_words.tsv: no word of class 'genitive'"), std::string::npos) << fw.message();
  Status clause = LoadWithout("clause.tsv", "hindrance");
  EXPECT_NE(clause.message().find("clause.tsv: no word of class 'hindrance'"), std::string::npos) << clause.message();
}

}  // namespace
}  // namespace kroniek
