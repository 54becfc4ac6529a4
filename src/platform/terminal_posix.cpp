#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "platform/terminal.h"

namespace cut::platform {

bool stdinIsTerminal() { return ::isatty(STDIN_FILENO) != 0; }

std::size_t terminalColumns() {
  // The controlling terminal, not stdout: under Claude Code stdout is a pipe.
  const int fd = ::open("/dev/tty", O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return 0;
  struct winsize size {};
  const bool known = ::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0;
  ::close(fd);
  return known ? static_cast<std::size_t>(size.ws_col) : std::size_t{0};
}

HiddenTyping::HiddenTyping() {
  termios mode{};
  if (!stdinIsTerminal() || tcgetattr(STDIN_FILENO, &mode) != 0) return;
  m_saved = mode.c_lflag;
  mode.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &mode) == 0;
}

HiddenTyping::~HiddenTyping() {
  termios mode{};
  if (!m_active || tcgetattr(STDIN_FILENO, &mode) != 0) return;
  mode.c_lflag = static_cast<tcflag_t>(m_saved);
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &mode);
}

}  // namespace cut::platform
