#pragma once
// One widget per user: a lock file held with flock() for the life of the process, and a unix socket
// beside it through which a second launch asks the first to come to the front.

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

namespace cut::platform {

class SingleInstance {
 public:
  enum class Outcome {
    First,           ///< this process holds the lock; it listens for later launches
    AlreadyRunning,  ///< another process holds it and was asked to come to the front
    Error,           ///< the lock could not be taken or checked (see error())
  };

  /// Takes `dir`/widget.lock (the folder is created 0700). When another process holds it, connects
  /// to `dir`/widget.sock and asks it to show itself. `onActivate` runs on the listener thread for
  /// each later launch; it must only set flags and wake the main loop.
  SingleInstance(const std::filesystem::path& dir, std::function<void()> onActivate);
  ~SingleInstance();
  SingleInstance(const SingleInstance&) = delete;
  SingleInstance& operator=(const SingleInstance&) = delete;

  Outcome outcome() const { return m_outcome; }
  const std::string& error() const { return m_error; }

 private:
  void listen();
  void notifyRunning();

  std::filesystem::path m_lockPath;
  std::filesystem::path m_socketPath;
  std::function<void()> m_onActivate;
  Outcome m_outcome = Outcome::Error;
  std::string m_error;
  int m_lockFd = -1;
  int m_listenFd = -1;
  int m_stopPipe[2] = {-1, -1};
  std::thread m_thread;
};

}  // namespace cut::platform
