#pragma once
// SIGTERM and SIGINT end the widget like Quit. The handler only writes a byte to a pipe (the one
// thing that is async-signal-safe here); a small thread turns that into a flag and a wake-up of the
// main loop, since glfwPostEmptyEvent() must not be called from a signal handler.

#include <atomic>
#include <functional>
#include <thread>

namespace cut::platform {

class TerminationWatcher {
 public:
  /// Installs the handlers. `onSignal` runs on the watcher thread: it must only wake the main loop.
  explicit TerminationWatcher(std::function<void()> onSignal);
  /// Restores the default handlers and stops the thread.
  ~TerminationWatcher();
  TerminationWatcher(const TerminationWatcher&) = delete;
  TerminationWatcher& operator=(const TerminationWatcher&) = delete;

  /// True once SIGTERM or SIGINT arrived.
  bool requested() const { return m_requested.load(); }

 private:
  std::function<void()> m_onSignal;
  std::atomic<bool> m_requested{false};
  std::thread m_thread;
};

}  // namespace cut::platform
