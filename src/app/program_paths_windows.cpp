// On Windows there is one program, claude-usage-tracker.exe, running every command in-process: it
// is both what Claude Code runs for the status line and what a refresh starts.
#include "app/program_paths.h"
#include "platform/self_path.h"

namespace cut::app {

std::filesystem::path frontProgram() { return platform::ownPath(); }

std::filesystem::path fullProgram() { return platform::ownPath(); }

}  // namespace cut::app
