// TerminationWatcher on Windows: a console control handler. Windows runs it on a thread of its own,
// so it may set the flag and wake the main loop directly, with no pipe between. Ctrl+C and
// Ctrl+Break end the widget like Quit. For a closing console, log-off or shutdown the process is
// ended as soon as the handler returns, so the handler waits (within the seconds Windows allows)
// until the watcher is destroyed, which the widget does after saving its settings. A window closed
// by the system (WM_CLOSE, WM_ENDSESSION) arrives through GLFW's close flag instead
// (window_windows.cpp).
#include <windows.h>

#include <mutex>

#include "platform/signals.h"

namespace cut::platform {
namespace {

// One watcher per process; the handler can reach only globals. The mutex keeps the watcher alive
// while a handler raises it.
std::mutex g_mutex;
TerminationWatcher* g_watcher = nullptr;
void (*g_raise)(TerminationWatcher*) = nullptr;
HANDLE g_finished = CreateEventW(nullptr, TRUE, FALSE, nullptr);  ///< set once shutdown work is done

// Windows allows 5 s after a console's close button, 20 s at log-off or shutdown.
constexpr DWORD kGraceMs = 4500;

BOOL WINAPI onConsoleControl(DWORD event) {
  {
    std::lock_guard lock(g_mutex);
    if (!g_watcher) return FALSE;
    g_raise(g_watcher);
  }
  if (event == CTRL_CLOSE_EVENT || event == CTRL_LOGOFF_EVENT || event == CTRL_SHUTDOWN_EVENT)
    WaitForSingleObject(g_finished, kGraceMs);
  return TRUE;
}

}  // namespace

TerminationWatcher::TerminationWatcher(std::function<void()> onSignal) : m_onSignal(std::move(onSignal)) {
  {
    std::lock_guard lock(g_mutex);
    g_raise = [](TerminationWatcher* self) {
      self->m_requested = true;
      if (self->m_onSignal) self->m_onSignal();
    };
    g_watcher = this;
  }
  ResetEvent(g_finished);
  SetConsoleCtrlHandler(onConsoleControl, TRUE);
}

TerminationWatcher::~TerminationWatcher() {
  SetConsoleCtrlHandler(onConsoleControl, FALSE);
  {
    std::lock_guard lock(g_mutex);
    g_watcher = nullptr;
  }
  // A handler waiting for the shutdown work may now return, and Windows end the process.
  SetEvent(g_finished);
}

}  // namespace cut::platform
