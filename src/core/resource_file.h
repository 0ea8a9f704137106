// Reads the resource files of resources/<lang>/ and resources/kb/.
//
// Format: UTF-8, one record per line, fields separated by TABs. Lines starting
// with '#' are comments. Lines starting with '>' are examples that tests run:
//   > input<TAB>expected
// so every file carries its own specification (as Duckling and HeidelTime do).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace kroniek {

struct ResourceFile {
  struct Row {
    int line = 0;                     // 1-based line number, for error messages
    std::vector<std::string> fields;  // TAB-separated fields, trimmed
  };
  struct Example {
    int line = 0;
    std::string input;     // the text to analyze
    std::string expected;  // the expected rendering, in the file's own notation
  };
  std::string path;
  std::vector<Row> rows;
  std::vector<Example> examples;
};

// Loads path; rows with fewer than min_fields fields are an error naming the line.
Status LoadResourceFile(const std::string& path, size_t min_fields, ResourceFile* out);

// Splits "a|b|c" into its non-empty parts.
std::vector<std::string> SplitBar(const std::string& s);
// Splits a phrase on spaces into lower-case words.
std::vector<std::string> LowerWords(const std::string& phrase);
// Splits "a,b,c" into its non-empty parts.
std::vector<std::string> SplitComma(const std::string& s);
// Splits "a+b" into its non-empty parts.
std::vector<std::string> SplitPlus(const std::string& s);

}  // namespace kroniek
