// One libFuzzer binary per target; KRONIEK_FUZZ_TARGET names it (CMake).
#include <cstdlib>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kroniek::fuzz::Target* target = kroniek::fuzz::Find(KRONIEK_FUZZ_TARGET);
  if (!target) std::abort();
  return target->run(data, size);
}
