#include "platform/signals.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

namespace cut::platform {
namespace {

// One watcher per process; the handler can reach only globals.
int g_pipe[2] = {-1, -1};
constexpr char kSignalled = 's';
constexpr char kStop = 'q';

extern "C" void onTerminationSignal(int /*signal*/) {
  const int savedErrno = errno;
  [[maybe_unused]] const auto written = ::write(g_pipe[1], &kSignalled, 1);
  errno = savedErrno;
}

void setHandler(int signal, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  ::sigaction(signal, &action, nullptr);
}

}  // namespace

TerminationWatcher::TerminationWatcher(std::function<void()> onSignal) : m_onSignal(std::move(onSignal)) {
  if (::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return;
  m_thread = std::thread([this] {
    for (;;) {
      pollfd fd{g_pipe[0], POLLIN, 0};
      if (::poll(&fd, 1, -1) < 0) {
        if (errno == EINTR) continue;
        return;
      }
      char byte = 0;
      while (::read(g_pipe[0], &byte, 1) == 1) {
        if (byte == kStop) return;
        m_requested = true;
        if (m_onSignal) m_onSignal();
      }
    }
  });
  setHandler(SIGTERM, onTerminationSignal);
  setHandler(SIGINT, onTerminationSignal);
}

TerminationWatcher::~TerminationWatcher() {
  setHandler(SIGTERM, SIG_DFL);
  setHandler(SIGINT, SIG_DFL);
  if (m_thread.joinable()) {
    [[maybe_unused]] const auto written = ::write(g_pipe[1], &kStop, 1);
    m_thread.join();
  }
  for (int& fd : g_pipe) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
}

}  // namespace cut::platform
