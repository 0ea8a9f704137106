// Compiled with the analyze stage's include folder: core lies below analyze,
// so this compiles (ctest layers_*).
#include "analyze/analyze.h"
#include "core/analysis.h"
