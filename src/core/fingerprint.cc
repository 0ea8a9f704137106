#include "core/fingerprint.h"

#include <cstdint>
#include <cstdio>

#include "core/utf8.h"

namespace kroniek {

std::string TextFingerprint(const std::string& text) {
  uint64_t h = 1469598103934665603ull;
  bool space = false;
  for (char c : ToLower(text)) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space) h = (h ^ uint8_t(' ')) * 1099511628211ull;
    space = false;
    h = (h ^ uint8_t(c)) * 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace kroniek
