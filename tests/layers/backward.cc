// Compiled with the analyze stage's include folder: the driver's header lies
// above analyze in the pipeline, so this must not compile (ctest layers_*).
#include "pipeline/pipeline.h"
