#pragma once
// One widget per user: a lock file held for the life of the process, and a channel through which a
// second launch asks the first to come to the front. POSIX (single_instance_posix.cpp): flock() and
// a unix socket beside the lock; Windows (single_instance_windows.cpp): LockFileEx on the same lock
// file and a named event.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace cut::platform {

class SingleInstance {
 public:
  enum class Outcome {
    First,           ///< this process holds the lock; it listens for later launches
    AlreadyRunning,  ///< another process holds it and was asked to come to the front
    Error,           ///< the lock could not be taken or checked (see error())
  };

  /// Takes `dir`/widget.lock (the folder is created private). When another process holds it, asks
  /// that process to show itself (POSIX: through `dir`/widget.sock). `onActivate` runs on the listener thread
  /// for each later launch; it must only set flags and wake the main loop.
  SingleInstance(const std::filesystem::path& dir, std::function<void()> onActivate);
  ~SingleInstance();
  SingleInstance(const SingleInstance&) = delete;
  SingleInstance& operator=(const SingleInstance&) = delete;

  Outcome outcome() const { return m_outcome; }
  const std::string& error() const { return m_error; }

 private:
  struct Impl;  ///< the OS's lock, channel and listener thread
  Outcome m_outcome = Outcome::Error;
  std::string m_error;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace cut::platform
