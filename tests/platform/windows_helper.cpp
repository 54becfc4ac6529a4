// A child for the Windows platform tests: `sleep MS` lives that long (to hold an inherited lock);
// `crash` raises an access violation after disableCoreDumps(), to show how a crash ends.
// `widget-balloon MS PROGRAM ARGS...` starts PROGRAM (the widget) with ARGS, waits up to MS for a
// notification balloon on this desktop and prints its text (UTF-8), then asks the widget to quit
// (WM_CLOSE, as Windows does at the end of a session) and prints whether the balloon went with it.
// Exit 0 when a balloon showed and the widget quit with 0; 1 when no balloon showed; 3 when the
// widget did not quit in time or quit with another code.
#include <windows.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "platform/balloon_probe.h"
#include "platform/process_hardening.h"
#include "platform/windows_text.h"

namespace {

using cut::platform::windows::narrow;
using cut::platform::windows::quoteArgument;
using cut::platform::windows::widen;

BOOL CALLBACK closeWindowsOf(HWND window, LPARAM processId) {
  DWORD owner = 0;
  GetWindowThreadProcessId(window, &owner);
  if (owner == static_cast<DWORD>(processId)) PostMessageW(window, WM_CLOSE, 0, 0);
  return TRUE;
}

int widgetBalloon(int argc, char** argv) {
  const std::chrono::milliseconds limit(std::atoi(argv[2]));
  const std::wstring program = widen(argv[3]);
  std::wstring line = quoteArgument(program);
  for (int i = 4; i < argc; ++i) line += L" " + quoteArgument(widen(argv[i]));
  STARTUPINFOW startup{};
  startup.cb = sizeof startup;
  PROCESS_INFORMATION widget{};
  if (!CreateProcessW(program.c_str(), line.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr, &startup,
                      &widget)) {
    std::printf("cannot start the widget (error %lu)\n", GetLastError());
    return 3;
  }
  HDESK desktop = GetThreadDesktop(GetCurrentThreadId());
  const auto balloon = cut::test::waitForBalloon(desktop, limit);
  if (balloon) std::printf("balloon: %s\n", narrow(balloon->text).c_str());
  std::fflush(stdout);
  EnumWindows(closeWindowsOf, static_cast<LPARAM>(widget.dwProcessId));
  const bool quit = WaitForSingleObject(widget.hProcess, 30000) == WAIT_OBJECT_0;
  DWORD code = 1;
  GetExitCodeProcess(widget.hProcess, &code);
  if (!quit) TerminateProcess(widget.hProcess, 1);
  CloseHandle(widget.hThread);
  CloseHandle(widget.hProcess);
  if (balloon) std::printf("after quit: %s\n", cut::test::findBalloon(desktop) ? "balloon" : "no balloon");
  std::printf("widget exit: %s %lu\n", quit ? "quit" : "still running", code);
  if (!balloon) return 1;
  return quit && code == 0 ? 0 : 3;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "sleep") == 0) {
    Sleep(static_cast<DWORD>(std::atoi(argv[2])));
    return 0;
  }
  if (argc == 2 && std::strcmp(argv[1], "crash") == 0) {
    cut::platform::disableCoreDumps();
    // What reading through a null pointer raises, without the undefined behaviour the compiler
    // would rightly refuse.
    RaiseException(EXCEPTION_ACCESS_VIOLATION, EXCEPTION_NONCONTINUABLE, 0, nullptr);
    return 1;
  }
  if (argc >= 4 && std::strcmp(argv[1], "widget-balloon") == 0) return widgetBalloon(argc, argv);
  return 2;
}
