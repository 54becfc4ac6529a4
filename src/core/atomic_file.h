#pragma once
// Every file the program writes goes through here: a temporary file in the same folder, created
// with its final mode, written, flushed and fsync'ed, then renamed over the target.

#include <filesystem>
#include <string>
#include <string_view>
#include <sys/types.h>

#include "result.h"

namespace cut::core {

struct FileError {
  std::string message;  ///< names the path and the system error; never the file's content
};

/// Writes `content` to `path` atomically; the file has `mode` from the moment it exists. Creates
/// missing parent folders (0700). If `path` is a symlink, the link itself is replaced, never followed.
Result<Done, FileError> writeFileAtomic(const std::filesystem::path& path, std::string_view content,
                                        mode_t mode);

/// Reads a whole file of at most `maxBytes`. A missing file is an error with `missing` set.
struct ReadError {
  std::string message;
  bool missing = false;
};
Result<std::string, ReadError> readFile(const std::filesystem::path& path, std::size_t maxBytes);

}  // namespace cut::core
