// A byte range into an article's raw text.
#pragma once

#include <cstdint>

namespace kroniek {

struct Span {
  uint32_t begin = 0;  // first byte
  uint32_t end = 0;    // one past the last byte
  bool empty() const { return end <= begin; }
  uint32_t size() const { return end - begin; }
  bool contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool operator==(const Span&) const = default;
};

}  // namespace kroniek
