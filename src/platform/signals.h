#pragma once
// Termination requests end the widget like Quit. POSIX (signals_posix.cpp): SIGTERM and SIGINT; the
// handler only writes a byte to a pipe (the one thing that is async-signal-safe here) and a small
// thread turns that into a flag and a wake-up of the main loop, since glfwPostEmptyEvent() must not
// be called from a signal handler. Windows (signals_windows.cpp): console control events (Ctrl+C,
// Ctrl+Break, console closed, log-off, shutdown), whose handler runs on a thread of its own.

#include <atomic>
#include <functional>
#include <thread>

namespace cut::platform {

class TerminationWatcher {
 public:
  /// Installs the handlers. `onSignal` runs on the watcher thread: it must only wake the main loop.
  explicit TerminationWatcher(std::function<void()> onSignal);
  /// Restores the default handlers and stops the thread (Windows: lets a handler that waits for
  /// the shutdown work return).
  ~TerminationWatcher();
  TerminationWatcher(const TerminationWatcher&) = delete;
  TerminationWatcher& operator=(const TerminationWatcher&) = delete;

  /// True once a termination request arrived.
  bool requested() const { return m_requested.load(); }

 private:
  std::function<void()> m_onSignal;
  std::atomic<bool> m_requested{false};
  std::thread m_thread;
};

}  // namespace cut::platform
