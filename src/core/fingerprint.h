// An article text's fingerprint: the same text with other case or white space
// gives the same one. The store keeps one article per fingerprint, and an id
// taken twice is told apart by it.
#pragma once

#include <string>

namespace kroniek {

// 64-bit FNV-1a of the text lower-cased with white space collapsed, as 16 hex digits.
std::string TextFingerprint(const std::string& text);

}  // namespace kroniek
