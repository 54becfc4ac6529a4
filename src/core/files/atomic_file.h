#pragma once
// Every file the program writes goes through here: a temporary file in the same folder, created
// with its final mode, written, flushed and fsync'ed, then renamed over the target.

#include <sys/types.h>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.h"

namespace cut::core {

struct FileError {
  std::string message;  ///< names the path and the system error; never the file's content
};

/// Writes `content` to `path` atomically; the file has `mode` from the moment it exists. Creates
/// missing parent folders (0700). If `path` is a symlink, the link itself is replaced, never followed.
/// A reader sees either the old file or the new one, never a mix; an existing file is never modified
/// in place (its inode keeps its old content and mode). On failure the temporary file is removed and
/// the target is untouched. The temporary file is unnamed while filled (O_TMPFILE) where the file
/// system allows, and `.<name>.tmp-<random>` next to the target otherwise and for the rename; its
/// writer holds an flock on it throughout, and each write first removes such temporaries of this
/// user that nobody holds (left by a writer that was killed), so no stray copy of a secret stays.
Result<Done, FileError> writeFileAtomic(const std::filesystem::path& path, std::string_view content,
                                        mode_t mode);

/// Reads a whole regular file of at most `maxBytes`. A missing file is an error with `missing` set;
/// a longer one is an error with `tooLarge` set, found without loading it (at most `maxBytes + 1`
/// bytes are read). Symlinks are followed. Anything but a regular file (a folder, a FIFO, a device)
/// is an error, so a read never blocks or runs forever.
struct ReadError {
  std::string message;  ///< names the path and the system error; never the file's content
  bool missing = false;
  bool tooLarge = false;
};
Result<std::string, ReadError> readFile(const std::filesystem::path& path, std::size_t maxBytes);

}  // namespace cut::core
