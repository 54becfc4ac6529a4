#pragma once
// Giving freed heap back to the OS. One implementation file per OS (heap_linux.cpp: glibc's
// malloc_trim; heap_windows.cpp: the C runtime's _heapmin).

namespace cut::platform {

/// Returns memory freed so far to the OS where the allocator keeps it otherwise. For a long-lived
/// process after a burst of start-up allocations; never needed for correctness.
void releaseFreedHeap();

}  // namespace cut::platform
