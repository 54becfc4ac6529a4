#pragma once
// An advisory lock on a file, taken without waiting, that a detached child can inherit so the lock
// lasts as long as the child runs. One implementation file per OS (lock_file_posix.cpp: flock;
// lock_file_windows.cpp: LockFileEx on an inheritable handle).

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cut::platform {

class LockFile {
 public:
  enum class State {
    Held,    ///< this process holds the lock
    Busy,    ///< another process holds it
    Failed,  ///< the file could not be opened or created
  };

  /// Opens `path` (created with mode 0600 when missing, on Windows with a DACL for this user only;
  /// a symbolic link is refused; a file another user owns is Failed) and tries to
  /// lock it exclusively without waiting. The lock is released when this object is destroyed,
  /// unless a process started with startDetached() inherited it.
  explicit LockFile(const std::filesystem::path& path);
  ~LockFile();
  LockFile(const LockFile&) = delete;
  LockFile& operator=(const LockFile&) = delete;

  State state() const { return m_state; }

  /// When touch() last ran on this file, by any process; nullopt for a file never touched.
  std::optional<std::chrono::system_clock::time_point> lastTouched() const;

  /// Records now as the file's last touch. Only while held.
  void touch();

 private:
  friend bool startDetached(const std::vector<std::string>& args, const LockFile& inherited);
  State m_state = State::Failed;
  /// The open file: a descriptor on POSIX, a HANDLE on Windows (whose INVALID_HANDLE_VALUE is -1).
  std::intptr_t m_file = -1;
};

/// Starts args[0] with `args` as its command line, detached from this process: its own session
/// (Windows: no console, its own process group), stdin/stdout/stderr on the null device, no other
/// open file inherited except `inherited`, whose lock it then holds until it exits. Never waits for it and
/// leaves no zombie. False when no process could be started; on POSIX a program that cannot be executed ends
/// the child with status 127 (Windows reports that as false at once).
bool startDetached(const std::vector<std::string>& args, const LockFile& inherited);

}  // namespace cut::platform
