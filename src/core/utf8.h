// Small UTF-8 helpers; case mapping is ICU's.
#pragma once

#include <string>
#include <string_view>

namespace kroniek {

// Decodes the code point at s[i] and advances i; invalid bytes yield U+FFFD.
char32_t NextCodePoint(std::string_view s, size_t& i);
// Full Unicode lower-casing (ASCII fast path).
std::string ToLower(std::string_view s);
// Lower case without accents ("Ciarán" -> "ciaran"): the letters of a name as
// writers who drop its accents spell it.
std::string FoldAccents(std::string_view s);
bool IsLetter(char32_t c);
bool IsUpper(char32_t c);
bool IsDigit(char32_t c);
bool IsSpace(char32_t c);
// True when s is valid UTF-8.
bool IsValidUtf8(std::string_view s);

}  // namespace kroniek
