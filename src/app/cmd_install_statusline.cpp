// `install-statusline` / `uninstall-statusline`: point Claude Code's status line at this binary,
// or put back what the user had. Only the settings entry is installed: no script, no copy of the
// key, nothing else in Claude Code's folder.

#include <cstdio>
#include <optional>

#include "app/commands.h"
#include "app/program_paths.h"
#include "core/statusline/claude_code_settings.h"

namespace cut::app {
namespace {

using Change = core::Result<core::StatuslineChange, core::ClaudeSettingsError>;

// The two endings both commands share: a failure (exit 1) and a file that already said what was
// asked (`sameState`, exit 0). Empty when the file changed and the caller says how.
std::optional<int> reportFailedOrUnchanged(const Change& result, const char* sameState) {
  if (!result) {
    std::fprintf(stderr, "claude-usage-tracker: %s\n", result.error().message.c_str());
    return 1;
  }
  if (result.value().changed) return std::nullopt;
  std::printf("%s (%s); nothing changed.\n", sameState, result.value().settingsFile.string().c_str());
  return 0;
}

}  // namespace

int runInstallStatusline(const Options& options) {
  const auto binary = frontProgram();
  if (binary.empty()) {
    std::fprintf(stderr, "claude-usage-tracker: cannot find the path of this program (/proc/self/exe)\n");
    return 1;
  }
  const auto result = core::installStatusline(core::claudeConfigDir(), options.stateDir,
                                              core::statuslineCommand(binary), core::Clock::now());
  if (const auto code = reportFailedOrUnchanged(result, "Claude Code already uses this status line"))
    return *code;
  const auto& change = result.value();
  std::printf("Claude Code's status line now runs %s (in %s).\n", core::statuslineCommand(binary).c_str(),
              change.settingsFile.string().c_str());
  if (!change.backup.empty())
    std::printf("The previous file was saved as %s.\n", change.backup.string().c_str());
  if (change.previous)
    std::printf("Your earlier status line was remembered; uninstall-statusline puts it back.\n");
  return 0;
}

int runUninstallStatusline(const Options& options) {
  const auto result =
      core::uninstallStatusline(core::claudeConfigDir(), options.stateDir, core::Clock::now());
  if (const auto code =
          reportFailedOrUnchanged(result, "Claude Code does not use this program's status line"))
    return *code;
  const auto& change = result.value();
  if (change.previous)
    std::printf("Your earlier status line is back in %s.\n", change.settingsFile.string().c_str());
  else
    std::printf("The status line was removed from %s.\n", change.settingsFile.string().c_str());
  if (!change.backup.empty())
    std::printf("The previous file was saved as %s.\n", change.backup.string().c_str());
  return 0;
}

}  // namespace cut::app
