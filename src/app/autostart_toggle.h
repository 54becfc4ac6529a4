#pragma once
// Start at login, for `autostart` and the settings panel's checkbox: the entry (core/files/autostart.h)
// points at the front binary beside the running program (the installed one, or the build folder's).

#include <filesystem>
#include <string>

#include "core/files/atomic_file.h"
#include "core/result.h"

namespace cut::app {

/// The program an autostart entry written now would start: the front binary; empty when this
/// program's own path cannot be found.
std::filesystem::path autostartProgram();

/// Whether an entry that starts `program` starts autostartProgram(): false when it starts another
/// (the program moved, or another copy wrote it), so the caller can offer to point it here.
bool startsThisProgram(const std::filesystem::path& program);

/// Whether `program` runs from a build folder (a CMakeCache.txt beside it) rather than an install.
bool runsFromBuildFolder(const std::filesystem::path& program);

/// Writes (`on`) or removes the entry at `place` (core::autostartPlace); the message says what
/// happened, for people.
core::Result<std::string, core::FileError> setAutostart(const std::filesystem::path& place, bool on);

}  // namespace cut::app
