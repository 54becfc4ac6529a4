#pragma once
// Internal to the history store: the file itself (created safely, set aside when unreadable).
// Include only from src/core/history/*.cpp.

#include <sys/types.h>

#include <filesystem>
#include <string>

#include "core/history/history_store.h"

namespace cut::core::detail {

/// Which file was opened, so a set-aside never moves a newer file another process started.
struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
};

/// Makes the state folder (0700) and the history file (0600 from creation) when missing, without
/// following a symlink at the file; refuses anything but a regular file owned by this user and
/// takes group and other permissions off one that has them.
Result<FileIdentity, HistoryError> prepareHistoryFile(const std::filesystem::path& path);

/// Moves an unreadable history (and its -wal) to `<name>.bad-<UTC time>[-N]` and removes its -shm
/// (an index SQLite rebuilds from the other two). Does nothing when `path` is no longer the file
/// `expected` names (another process has set it aside already). Returns the new name, or empty.
std::filesystem::path setAsideHistory(const std::filesystem::path& path, FileIdentity expected,
                                      TimePoint now);

}  // namespace cut::core::detail
