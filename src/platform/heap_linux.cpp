#include <malloc.h>

#include "platform/heap.h"

namespace cut::platform {

void releaseFreedHeap() { malloc_trim(0); }

}  // namespace cut::platform
