#pragma once
// An exclusive lock between processes that share the state folder (widgets, `status`, status lines).

#include <chrono>
#include <filesystem>

namespace cut::core {

/// An flock on `path` (LockFileEx on Windows), a lock file of its own beside the file it guards: the guarded
/// file is replaced by rename, which would leave a lock on a dead inode. Waits at most `wait`; a lock file
/// that is not a regular file owned by this user is never taken (someone else could hold it
/// forever). Released when destroyed.
class FileLock {
 public:
  FileLock(const std::filesystem::path& path, std::chrono::milliseconds wait);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

  bool locked() const { return m_locked; }

 private:
#ifdef _WIN32
  void* m_handle = nullptr;  // a HANDLE; <windows.h> stays out of this header
#else
  int m_fd = -1;
#endif
  bool m_locked = false;
};

}  // namespace cut::core
