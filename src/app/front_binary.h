#pragma once
// Which program Claude Code should run for its status line: the small front binary
// (launcher_main.cpp), also when asked from the full program (the widget's install button).

#include <filesystem>

namespace cut::app {

/// The absolute path of `claude-usage-tracker` beside the running program: this program itself,
/// or, when running as `claude-usage-tracker-full`, the front binary next to it if there is one.
/// Empty when /proc/self/exe cannot be read.
std::filesystem::path frontBinary();

}  // namespace cut::app
