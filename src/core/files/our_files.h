#pragma once
// Which files on disk this program wrote, for `forget`: only names it writes, only regular files,
// so a settings or state folder moved onto a shared folder (--config-dir ~) loses nothing else.

#include <filesystem>
#include <vector>

namespace cut::core {

/// The regular files in `configDir` and `stateDir` (not below them) that carry a name this program
/// writes: settings.json and its `.bad` copies, the usage cache, locks, the widget's socket, the
/// remembered Claude Code status line, the usage history, and the temporaries of each. Sorted.
std::vector<std::filesystem::path> ourFiles(const std::filesystem::path& configDir,
                                            const std::filesystem::path& stateDir);

/// Whether the key file at `path` may be removed: a regular file (not a symlink) owned by this user.
bool keyFileIsOurs(const std::filesystem::path& path);

}  // namespace cut::core
