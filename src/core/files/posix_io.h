#pragma once
// Internal to cut_core: small POSIX helpers shared by the file writers and readers. Not part of any
// module's contract; include only from src/core/*.cpp.

#include <cstddef>
#include <string>

#include "core/files/atomic_file.h"

namespace cut::core::detail {

/// The system's text for an errno value, e.g. "Permission denied". Thread-safe.
std::string errnoText(int err);

/// Closes `fd` on scope exit unless released; keeps early returns from leaking descriptors.
class FdGuard {
 public:
  explicit FdGuard(int fd) : m_fd(fd) {}
  FdGuard(const FdGuard&) = delete;
  FdGuard& operator=(const FdGuard&) = delete;
  ~FdGuard();

  int get() const { return m_fd; }
  /// Closes now and reports close()'s errno (0 on success), so a failed close can fail a write.
  int close();

 private:
  int m_fd;
};

/// Reads an open file to its end, but never more than `maxBytes`: a longer file is an error with
/// `tooLarge` set, found after reading at most `maxBytes + 1` bytes, so memory stays bounded.
/// `path` only names the file in messages.
Result<std::string, ReadError> readOpenFile(int fd, const std::filesystem::path& path, std::size_t maxBytes);

}  // namespace cut::core::detail
