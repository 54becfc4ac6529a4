#pragma once
// Process set-up shared by the binaries that hold the session key in memory.

#include <sys/prctl.h>
#include <sys/resource.h>

namespace cut::app {

/// No core file, and no ptrace by other processes of the same user, so the key in this process's
/// memory cannot leak through a crash dump. Call first thing in main().
inline void disableCoreDumps() {
  const rlimit none{0, 0};
  setrlimit(RLIMIT_CORE, &none);
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

}  // namespace cut::app
