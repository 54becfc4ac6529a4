#pragma once
// Process set-up for the programs that hold the session key in memory. One implementation file
// per OS (process_hardening_linux.cpp).

namespace cut::platform {

/// No core file, and no debugger attaching from other processes of the same user, so the key in
/// this process's memory cannot leak through a crash dump. Call first thing in main().
void disableCoreDumps();

}  // namespace cut::platform
