#include "platform/balloon_probe.h"

#include <commctrl.h>

#include <cwchar>
#include <thread>

namespace cut::test {
namespace {

BOOL CALLBACK visibleBalloon(HWND window, LPARAM found) {
  wchar_t name[64] = {};
  GetClassNameW(window, name, 64);
  if (std::wcscmp(name, TOOLTIPS_CLASSW) != 0 || !IsWindowVisible(window)) return TRUE;
  if ((GetWindowLongW(window, GWL_STYLE) & TTS_BALLOON) == 0) return TRUE;
  *reinterpret_cast<HWND*>(found) = window;
  return FALSE;
}

// Memory in the balloon's process: the tool record, then a buffer for its text.
struct Remote {
  TTTOOLINFOW tool;
  wchar_t text[1024];
};

std::wstring terminated(const wchar_t* text, std::size_t capacity) {
  return std::wstring(text, wcsnlen(text, capacity));
}

}  // namespace

std::optional<Balloon> findBalloon(HDESK desktop) {
  HWND window = nullptr;
  EnumDesktopWindows(desktop, visibleBalloon, reinterpret_cast<LPARAM>(&window));
  if (!window) return std::nullopt;
  Balloon balloon{.window = window};
  DWORD processId = 0;
  GetWindowThreadProcessId(window, &processId);
  HANDLE process = OpenProcess(PROCESS_VM_OPERATION | PROCESS_VM_READ | PROCESS_VM_WRITE, FALSE, processId);
  if (!process) return balloon;
  auto* remote = static_cast<Remote*>(
      VirtualAllocEx(process, nullptr, sizeof(Remote), MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE));
  if (remote) {
    Remote local{};
    local.tool.cbSize = sizeof local.tool;
    local.tool.lpszText = remote->text;
    SIZE_T moved = 0;
    if (WriteProcessMemory(process, remote, &local, sizeof local, &moved) &&
        SendMessageW(window, TTM_ENUMTOOLSW, 0, reinterpret_cast<LPARAM>(&remote->tool)) &&
        ReadProcessMemory(process, remote, &local, sizeof local, &moved))
      balloon.text = terminated(local.text, std::size(local.text));
    VirtualFreeEx(process, remote, 0, MEM_RELEASE);
  }
  CloseHandle(process);
  return balloon;
}

std::optional<Balloon> waitForBalloon(HDESK desktop, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (true) {
    if (auto balloon = findBalloon(desktop)) return balloon;
    if (std::chrono::steady_clock::now() >= until) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace cut::test
