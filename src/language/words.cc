#include "language/words.h"

#include <algorithm>

#include "core/resource_file.h"
#include "core/utf8.h"
#include "core/word_classes.h"

namespace kroniek {

Status WordTables::Load(const std::string& dir) {
  ResourceFile roles, fw, demonyms;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/roles.tsv", 2, &roles));
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/function_words.tsv", 1, &fw));
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/demonyms.tsv", 3, &demonyms));
  for (const auto& r : roles.rows) roles_[ToLower(r.fields[0])] = r.fields[1];
  for (const auto& r : fw.rows)
    word_classes_[ToLower(r.fields[0])] = r.fields.size() > 1 ? SplitComma(r.fields[1]) : std::vector<std::string>{};
  for (std::string_view cls : kFunctionWordClasses)
    if (WordsOf(std::string(cls)).empty())
      return Status::Error(fw.path + ": no word of class '" + std::string(cls) +
                           "', which kroniek asks for (src/core/word_classes.h)");
  for (const auto& r : demonyms.rows) {
    for (const auto& form : SplitBar(r.fields[0])) {
      demonyms_[ToLower(form)] = r.fields[1];
      demonym_en_[ToLower(form)] = r.fields[2];
    }
  }
  return Status();
}

std::string WordTables::RoleOf(const std::string& lower) const {
  if (roles_.count(lower)) return lower;
  // Compound head: the longest role word that ends the token.
  for (size_t start = 1; start + 4 <= lower.size(); ++start) {
    if ((lower[start] & 0xC0) == 0x80) continue;  // not at a UTF-8 boundary
    if (roles_.count(lower.substr(start))) return lower;
  }
  return "";
}

bool WordTables::WordIs(const std::string& lower, const std::string& cls) const {
  auto it = word_classes_.find(lower);
  return it != word_classes_.end() && std::find(it->second.begin(), it->second.end(), cls) != it->second.end();
}

std::vector<std::string> WordTables::WordsOf(const std::string& cls) const {
  std::vector<std::string> out;
  for (const auto& [word, classes] : word_classes_)
    if (std::find(classes.begin(), classes.end(), cls) != classes.end()) out.push_back(word);
  return out;
}

std::string WordTables::RoleEnglish(const std::string& lower) const {
  if (auto it = roles_.find(lower); it != roles_.end()) return it->second;
  for (size_t start = 1; start + 4 <= lower.size(); ++start) {
    if ((lower[start] & 0xC0) == 0x80) continue;
    if (auto it = roles_.find(lower.substr(start)); it != roles_.end()) return it->second;
  }
  return "";
}

std::string WordTables::DemonymCountry(const std::string& lower) const {
  auto it = demonyms_.find(lower);
  return it == demonyms_.end() ? "" : it->second;
}

std::string WordTables::DemonymEnglish(const std::string& lower) const {
  auto it = demonym_en_.find(lower);
  return it == demonym_en_.end() ? "" : it->second;
}

}  // namespace kroniek
