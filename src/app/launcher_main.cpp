// The `claude-usage-tracker` people and Claude Code run. Claude Code starts the status line after
// every message, and merely loading libcurl with its dependencies (TLS, Kerberos, LDAP, ...) costs
// more than the status line's whole budget before main() runs (bench/RESULTS.md). So this front binary links only the core: it runs the
// status-line commands itself and hands every other command, unchanged, to a binary next to it
// through execv (same process id, stdin, stdout, exit code): `claude-usage-tracker-fetch` for status
// and set-key (libcurl without the widget's libraries), `claude-usage-tracker-full` for the rest.

#include <unistd.h>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "app/cli.h"
#include "app/commands.h"

namespace {

/// The binary next to this one for the parsed command: `-fetch` for status and set-key (no widget
/// libraries to load), `-full` for everything else and whenever `-fetch` is missing.
std::string programFor(const std::optional<cut::app::Options>& options) {
  char path[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return {};
  const std::string self(path, static_cast<std::size_t>(n));
  const bool fetchOnly = options && (options->command == cut::app::Command::Status ||
                                     options->command == cut::app::Command::SetKey);
  if (fetchOnly && ::access((self + "-fetch").c_str(), X_OK) == 0) return self + "-fetch";
  return self + "-full";
}

}  // namespace

int main(int argc, char** argv) {
  using cut::app::Command;
  const std::vector<std::string> args(argv + 1, argv + argc);
  const auto parsed = cut::app::parseCommandLine(args);
  if (parsed.options) {
    switch (parsed.options->command) {
      case Command::Statusline: return cut::app::runStatusline(*parsed.options);
      case Command::InstallStatusline: return cut::app::runInstallStatusline(*parsed.options);
      case Command::UninstallStatusline: return cut::app::runUninstallStatusline(*parsed.options);
      default: break;
    }
  }
  const std::string program = programFor(parsed.options);
  if (!program.empty()) ::execv(program.c_str(), argv);
  std::fprintf(stderr, "claude-usage-tracker: cannot start %s: %s\n", program.c_str(), std::strerror(errno));
  return 1;
}
