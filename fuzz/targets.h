// Fuzz targets (RE2's way): each takes arbitrary bytes and must neither crash
// nor hang, whatever they are. libFuzzer drives them in the opt-in fuzz build
// (scripts/fuzz.sh, clang with ASan and UBSan); the normal test run replays
// every file of tests/fuzz_corpus/<name>/ through them, so a crasher found
// once stays fixed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kroniek::fuzz {

struct Target {
  std::string name;  // also the folder of its corpus
  int (*run)(const uint8_t* data, size_t size);
};

// Every target: analyze (the whole text analyzer and extractor), numbers,
// times, jsonl, html, feed, gzip, request (an /api/events query string).
const std::vector<Target>& Targets();

// The target called `name`, or null.
const Target* Find(const std::string& name);

}  // namespace kroniek::fuzz
