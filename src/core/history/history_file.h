#pragma once
// Internal to the history store: the file itself (created safely, set aside when unreadable).
// Include only from src/core/history/*.cpp.

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/history/history_store.h"

namespace cut::core::detail {

/// Which file was opened, so a set-aside never moves a newer file another process started (the
/// device and inode; on Windows the volume serial number and file index).
struct FileIdentity {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
};

/// Makes the state folder and the history file, both private from creation, when missing, without
/// following a symlink at the file; refuses anything but a regular file owned by this user and
/// takes group and other permissions off one that has them.
Result<FileIdentity, HistoryError> prepareHistoryFile(const std::filesystem::path& path);

/// Moves an unreadable history (and its -wal) to `<name>.bad-<UTC time>[-N]` and removes its -shm
/// (an index SQLite rebuilds from the other two). Does nothing when `path` is no longer the file
/// `expected` names (another process has set it aside already). Returns the new name, or empty.
std::filesystem::path setAsideHistory(const std::filesystem::path& path, FileIdentity expected,
                                      TimePoint now);

}  // namespace cut::core::detail
