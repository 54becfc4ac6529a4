#pragma once
// The OS's steps of writeFileAtomic, in the order atomic_file.cpp runs them; atomic_file_posix.cpp
// and atomic_file_windows.cpp each define them. Internal to cut_core.

#include <sys/types.h>

#include <filesystem>
#include <string_view>

#include "core/files/atomic_file.h"
#include "core/result.h"

namespace cut::core::atomic_write {

/// The error for a target whose last component is empty, "." or "..", in the OS's words.
FileError notAFileName(const std::filesystem::path& target);

/// Creates each missing folder of `dir` private to the user; existing folders are kept as they are,
/// and a component that is not a folder is an error naming it.
Result<Done, FileError> makeParents(const std::filesystem::path& target, const std::filesystem::path& dir);

/// Removes the temporaries of `name` in `dir` that a writer which died left behind (a live writer
/// holds its own locked), so no stray copy of a secret stays. Only the user's own plain files.
void removeStaleTemporaries(const std::filesystem::path& dir, const std::filesystem::path& name);

/// One attempt: a temporary beside `target`, private from creation when `mode` has no group or
/// other bits, filled, flushed to disk and moved over `target`. Sets `retry` when another writer's
/// clean-up removed the temporary before the move, the one failure worth another attempt.
Result<Done, FileError> writeOnce(const std::filesystem::path& target, const std::filesystem::path& dir,
                                  std::string_view content, mode_t mode, bool& retry);

/// Makes the move itself durable where the OS needs a separate step (POSIX: fsync of the folder).
/// Not reported when it fails: the new file is already in place.
void syncFolder(const std::filesystem::path& dir);

}  // namespace cut::core::atomic_write
