// claude-usage-tracker.exe: every command in one program (nothing is handed over or exec'ed on
// Windows). A console program, so `status`, the status line and `set-key` read and write the
// terminal they were started from like any command-line tool; the widget lets go of a console
// that Windows opened for it alone (a double-click, the Startup folder), which then closes.
#include <windows.h>
// shellapi.h needs windows.h first.
#include <fcntl.h>
#include <io.h>
#include <shellapi.h>

#include <cstdio>
#include <string>
#include <vector>

#include "app/cli.h"
#include "app/command_table.h"
#include "net/make_transport.h"
#include "platform/process_hardening.h"

namespace {

// main()'s argv is in the ANSI code page, which cannot hold every path; the program's strings are
// UTF-8.
std::vector<std::string> utf8Arguments() {
  int count = 0;
  LPWSTR* wide = CommandLineToArgvW(GetCommandLineW(), &count);
  std::vector<std::string> args;
  for (int i = 0; wide && i < count; ++i) {
    const int size = WideCharToMultiByte(CP_UTF8, 0, wide[i], -1, nullptr, 0, nullptr, nullptr);
    std::string arg(static_cast<std::size_t>(size > 0 ? size : 1), '\0');
    if (size > 0) WideCharToMultiByte(CP_UTF8, 0, wide[i], -1, arg.data(), size, nullptr, nullptr);
    arg.resize(arg.size() - 1);  // the terminating NUL
    args.push_back(std::move(arg));
  }
  LocalFree(wide);
  return args;
}

bool startsWidget(const std::vector<std::string>& args) {
  const auto parsed = cut::app::parseCommandLine(std::vector<std::string>(args.begin() + 1, args.end()));
  return parsed.options && parsed.options->command == cut::app::Command::Widget;
}

// A console shared with a shell stays: the widget started from a terminal ends with Ctrl+C there.
void releaseOwnConsole() {
  DWORD processes[2] = {};
  if (GetConsoleProcessList(processes, 2) == 1) FreeConsole();
}

}  // namespace

int main() {
  // This process may hold the session key: no crash dump may carry it.
  cut::platform::disableCoreDumps();
  // The same bytes as on Linux: UTF-8, and "\n" not turned into "\r\n" (Claude Code reads the line).
  SetConsoleOutputCP(CP_UTF8);
  _setmode(_fileno(stdout), _O_BINARY);
  std::vector<std::string> args = utf8Arguments();
  if (args.empty()) args.emplace_back("claude-usage-tracker");
  if (startsWidget(args)) releaseOwnConsole();
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  cut::net::globalInit();
  const int code = cut::app::runCommandLine(static_cast<int>(args.size()), argv.data());
  cut::net::globalCleanup();
  return code;
}
