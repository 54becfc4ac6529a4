#include <io.h>
#include <windows.h>

#include <cstdio>

#include "platform/terminal.h"

namespace cut::platform {
namespace {

// The console's input handle when stdin is one (GetConsoleMode fails on pipes and files).
HANDLE consoleInput() {
  HANDLE input = GetStdHandle(STD_INPUT_HANDLE);
  DWORD mode = 0;
  return input != INVALID_HANDLE_VALUE && input != nullptr && GetConsoleMode(input, &mode) ? input : nullptr;
}

}  // namespace

bool stdinIsTerminal() { return consoleInput() != nullptr; }

std::size_t terminalColumns() {
  // The console's own output buffer, not stdout: under Claude Code stdout is a pipe.
  HANDLE console = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                               nullptr, OPEN_EXISTING, 0, nullptr);
  if (console == INVALID_HANDLE_VALUE) return 0;
  CONSOLE_SCREEN_BUFFER_INFO info{};
  const bool known = GetConsoleScreenBufferInfo(console, &info) != 0;
  CloseHandle(console);
  const int columns = info.srWindow.Right - info.srWindow.Left + 1;
  return known && columns > 0 ? static_cast<std::size_t>(columns) : std::size_t{0};
}

HiddenTyping::HiddenTyping() {
  HANDLE input = consoleInput();
  DWORD mode = 0;
  if (!input || !GetConsoleMode(input, &mode)) return;
  m_saved = mode;
  m_active = SetConsoleMode(input, mode & ~static_cast<DWORD>(ENABLE_ECHO_INPUT)) != 0;
}

HiddenTyping::~HiddenTyping() {
  if (m_active) SetConsoleMode(consoleInput(), static_cast<DWORD>(m_saved));
}

}  // namespace cut::platform
