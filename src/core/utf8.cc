#include "core/utf8.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace kroniek {

char32_t NextCodePoint(std::string_view s, size_t& i) {
  UChar32 c;
  int32_t pos = int32_t(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, int32_t(s.size()), c);
  i = size_t(pos);
  return c < 0 ? U'\uFFFD' : char32_t(c);
}

std::string ToLower(std::string_view s) {
  bool ascii = true;
  for (unsigned char c : s) ascii &= c < 0x80;
  if (ascii) {
    std::string out(s);
    for (char& c : out) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
  }
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), int32_t(s.size())))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

std::string FoldAccents(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), int32_t(s.size())));
  icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(text, status) : text;
  if (U_FAILURE(status)) decomposed = text;
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  bare.toLower(icu::Locale::getRoot()).toUTF8String(out);
  return out;
}

bool IsLetter(char32_t c) { return u_isalpha(UChar32(c)); }
bool IsUpper(char32_t c) { return u_isupper(UChar32(c)); }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsSpace(char32_t c) { return u_isUWhiteSpace(UChar32(c)); }

bool IsValidUtf8(std::string_view s) {
  int32_t i = 0, n = int32_t(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace kroniek
