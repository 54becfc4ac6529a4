// A child for the Windows platform tests: `sleep MS` lives that long (to hold an inherited lock);
// `crash` raises an access violation after disableCoreDumps(), to show how a crash ends.
#include <windows.h>

#include <cstdlib>
#include <cstring>

#include "platform/process_hardening.h"

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "sleep") == 0) {
    Sleep(static_cast<DWORD>(std::atoi(argv[2])));
    return 0;
  }
  if (argc == 2 && std::strcmp(argv[1], "crash") == 0) {
    cut::platform::disableCoreDumps();
    // What reading through a null pointer raises, without the undefined behaviour the compiler
    // would rightly refuse.
    RaiseException(EXCEPTION_ACCESS_VIOLATION, EXCEPTION_NONCONTINUABLE, 0, nullptr);
    return 1;
  }
  return 2;
}
