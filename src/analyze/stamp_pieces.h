// The pieces a stamp is read in, shared by the stamp rules' files (stamps.cc,
// stamp_openings.cc): not part of the analyzer's interface.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "analyze/stamps.h"

namespace kroniek::stamp_pieces {

constexpr size_t kMaxStampBytes = 120;  // "dinsdag, 14. mei 2024 - 9:12 Update: 14-05-2024 11:05"
constexpr size_t kMaxCreditWords = 4;       // "Bron: Belga", "Bron: AFP, Reuters"
constexpr size_t kMaxDatelinePlaceWords = 3;    // "Den Haag", "Sint-Niklaas", "NOS Nieuws"

// The words (lower case) and numbers of `s`, with their offsets; `time_separators` may stand
// inside a number ("13u54").
std::vector<StampPiece> StampPieces(const std::string& s, const std::unordered_set<std::string>& time_separators);
// Splits "23-03-2016" into its digit fields.
std::vector<std::string> Fields(const std::string& number);
// Whether fields are a time of day ("9:12").
bool IsTime(const std::vector<std::string>& f);

}  // namespace kroniek::stamp_pieces
