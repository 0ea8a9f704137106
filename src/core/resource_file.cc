#include "core/resource_file.h"

#include <fstream>

#include "core/utf8.h"

namespace kroniek {

namespace {
std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \r");
  return s.substr(b, e - b + 1);
}
std::vector<std::string> SplitTabs(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = s.find('\t', start);
    out.push_back(Trim(s.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}
}  // namespace

namespace {
std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t bar = s.find(sep, start);
    if (bar == std::string::npos) bar = s.size();
    std::string part = Trim(s.substr(start, bar - start));
    if (!part.empty()) out.push_back(part);
    start = bar + 1;
  }
  return out;
}
}  // namespace

std::vector<std::string> SplitBar(const std::string& s) { return Split(s, '|'); }

std::vector<std::string> LowerWords(const std::string& phrase) {
  std::vector<std::string> out;
  for (const auto& w : Split(phrase, ' ')) out.push_back(ToLower(w));
  return out;
}
std::vector<std::string> SplitComma(const std::string& s) { return Split(s, ','); }
std::vector<std::string> SplitPlus(const std::string& s) { return Split(s, '+'); }

Status LoadResourceFile(const std::string& path, size_t min_fields, ResourceFile* out) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open resource file");
  out->path = path;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!IsValidUtf8(line)) return Status::Error(path + ":" + std::to_string(n) + ": invalid UTF-8");
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '>') {
      auto fields = SplitTabs(line.substr(1));
      if (fields.size() != 2)
        return Status::Error(path + ":" + std::to_string(n) + ": an example needs 'input<TAB>expected'");
      out->examples.push_back({n, fields[0], fields[1]});
      continue;
    }
    auto fields = SplitTabs(line);
    if (fields.empty()) continue;
    if (fields.size() < min_fields)
      return Status::Error(path + ":" + std::to_string(n) + ": expected at least " +
                           std::to_string(min_fields) + " TAB-separated fields");
    out->rows.push_back({n, std::move(fields)});
  }
  return Status();
}

}  // namespace kroniek
