#include "app/statusline_button.h"

#include "app/program_paths.h"
#include "core/statusline/claude_code_settings.h"

namespace cut::app {

ui::StatuslineInstall statuslineState(const std::filesystem::path& claudeDir) {
  ui::StatuslineInstall state;
  state.installed = core::statuslineInstalled(claudeDir);
  return state;
}

ui::StatuslineInstall changeStatusline(const std::filesystem::path& claudeDir,
                                       const std::filesystem::path& stateDir, bool install) {
  const auto now = core::Clock::now();
  ui::StatuslineInstall state;
  if (install) {
    const auto binary = frontProgram();
    if (binary.empty()) {
      state = statuslineState(claudeDir);
      state.failed = true;
      state.message = "Cannot find the path of this program (/proc/self/exe); nothing was changed.";
      return state;
    }
    const auto result = core::installStatusline(claudeDir, stateDir, core::statuslineCommand(binary), now);
    state = statuslineState(claudeDir);
    if (!result) {
      state.failed = true;
      state.message = result.error().message;
    } else {
      state.message = "Installed in " + result.value().settingsFile.string() +
                      (result.value().previous ? "; your earlier status line was remembered." : ".");
    }
    return state;
  }
  const auto result = core::uninstallStatusline(claudeDir, stateDir, now);
  state = statuslineState(claudeDir);
  if (!result) {
    state.failed = true;
    state.message = result.error().message;
  } else if (result.value().previous) {
    state.message = "Removed; your earlier status line is back.";
  } else {
    state.message = result.value().changed ? "Removed from " + result.value().settingsFile.string() + "."
                                           : "Claude Code was not using it; nothing changed.";
  }
  return state;
}

}  // namespace cut::app
