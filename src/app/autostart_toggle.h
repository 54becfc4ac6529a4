#pragma once
// Start at login, for `autostart` and the settings panel's checkbox: the XDG autostart entry points
// at the front binary beside the running program (the installed one, or the build folder's).

#include <filesystem>
#include <string>

#include "core/files/atomic_file.h"
#include "core/result.h"

namespace cut::app {

/// The program an autostart entry written now would start: the front binary; empty when
/// /proc/self/exe cannot be read.
std::filesystem::path autostartProgram();

/// Whether `program` runs from a build folder (a CMakeCache.txt beside it) rather than an install.
bool runsFromBuildFolder(const std::filesystem::path& program);

/// Writes (`on`) or removes the entry in `autostartDir`; the message says what happened, for people.
core::Result<std::string, core::FileError> setAutostart(const std::filesystem::path& autostartDir, bool on);

}  // namespace cut::app
