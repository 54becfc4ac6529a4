#pragma once
// The two programs sit side by side: `claude-usage-tracker` (the small static front) and
// `claude-usage-tracker-full` (everything else). Each finds the other from its own path.

#include <filesystem>

namespace cut::app {

/// What Claude Code should run for its status line: the front beside the running program (this
/// program itself when it is the front, or when the front is missing). Empty when the running
/// program's path is unknown.
std::filesystem::path frontProgram();

/// The full program beside the running one (this program itself when it is the full program).
/// Empty when the running program's path is unknown.
std::filesystem::path fullProgram();

}  // namespace cut::app
