// How deep a JSON text nests, read without recursion: input records are
// refused past kMaxJsonDepth before a parser (or a copy of what it built)
// recurses through them.
#pragma once

#include <string_view>

namespace kroniek {

inline constexpr int kMaxJsonDepth = 64;  // arrays and objects inside one another

// The deepest nesting of arrays and objects in `text` (strings skipped); stops
// counting once past `limit`, so the cost is one pass at most.
inline int JsonDepth(std::string_view text, int limit = kMaxJsonDepth) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace kroniek
