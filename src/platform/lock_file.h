#pragma once
// An advisory lock on a file, taken without waiting, that a detached child can inherit so the lock
// lasts as long as the child runs. One implementation file per OS (lock_file_posix.cpp: flock).

#include <chrono>
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

  /// Opens `path` (created with mode 0600 when missing; a symbolic link is refused) and tries to
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
  int m_fd = -1;
};

/// Starts args[0] with `args` as its command line, detached from this process: its own session,
/// stdin/stdout/stderr on the null device, no other open file inherited except `inherited`, whose
/// lock it then holds until it exits. Never waits for it and leaves no zombie. False when no
/// process could be started; a program that cannot be executed ends the child with status 127.
bool startDetached(const std::vector<std::string>& args, const LockFile& inherited);

}  // namespace cut::platform
