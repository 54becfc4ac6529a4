#include <malloc.h>

#include "platform/heap.h"

namespace cut::platform {

// The C runtime's heap releases whole free segments; the process heap decommits on its own.
void releaseFreedHeap() { _heapmin(); }

}  // namespace cut::platform
