#include "platform/process_hardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace cut::platform {

void disableCoreDumps() {
  const rlimit none{0, 0};
  setrlimit(RLIMIT_CORE, &none);
  // Not dumpable also means no ptrace by the same user and /proc/PID/mem readable by root only.
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

}  // namespace cut::platform
