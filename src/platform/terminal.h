#pragma once
// The terminal around a command: whether stdin is one, its width, typing without echo. One
// implementation file per OS (terminal_posix.cpp: termios and /dev/tty; terminal_windows.cpp: the
// console API).

#include <cstddef>

namespace cut::platform {

/// True when stdin is a terminal (a person typing), not a pipe or a file.
bool stdinIsTerminal();

/// The width in columns of the terminal this process was started from, even when stdout is a pipe
/// (Claude Code reads the status line through one); 0 when there is no terminal.
std::size_t terminalColumns();

/// Keeps what is typed on stdin from being shown while it lives (a pasted session key must never
/// appear on screen). Does nothing when stdin is not a terminal.
class HiddenTyping {
 public:
  HiddenTyping();
  /// Shows typing again.
  ~HiddenTyping();
  HiddenTyping(const HiddenTyping&) = delete;
  HiddenTyping& operator=(const HiddenTyping&) = delete;

  /// True when stdin is a terminal and echo was turned off.
  bool active() const { return m_active; }

 private:
  bool m_active = false;
  unsigned long m_saved = 0;  ///< the terminal's previous local flags (POSIX) or console mode (Windows)
};

}  // namespace cut::platform
