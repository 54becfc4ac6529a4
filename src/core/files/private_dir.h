#pragma once
// Our config and state folders are trusted only when nobody else could have put anything in them,
// as ssh treats ~/.ssh. A folder under /tmp made first by another user (XDG_STATE_HOME or
// --state-dir in a shared place) would otherwise hand us their statusline-previous.json, which
// uninstall-statusline copies into Claude Code's settings, where Claude Code runs it as a command.
// Every reader and writer of those folders (settings, the usage cache, Claude Code's saved status
// line, the widget's lock) checks here first.

#include <cstddef>
#include <filesystem>
#include <string>

#include "core/files/atomic_file.h"
#include "core/result.h"

namespace cut::core {

/// Refuses, with a sentence for a person naming the folder, the owner and what to do:
/// - `dir` when it is not a folder, is owned by anyone but this user (the effective uid), or is
///   writable by its group or others;
/// - any folder above it owned by anyone but this user or root, or writable by others without the
///   sticky bit (a /tmp-like folder where others cannot rename our entries is fine).
/// A missing `dir` passes: whoever creates it is then us (0700), and it is checked again on use.
Result<Done, FileError> checkPrivateDir(const std::filesystem::path& dir);

/// readFile for a file in a private folder: a symlink at `path` is refused rather than followed
/// (O_NOFOLLOW), and so is a file owned by another user. `missing` is set as readFile does.
Result<std::string, ReadError> readPrivateFile(const std::filesystem::path& path, std::size_t maxBytes);

}  // namespace cut::core
