// `autostart on|off|status`: start the widget at login through an XDG autostart entry, or not.

#include <cstdio>

#include "app/autostart_toggle.h"
#include "app/commands.h"
#include "core/files/autostart.h"

namespace cut::app {

int runAutostart(const Options& options) {
  if (options.autostart == Options::Toggle::Status) {
    const auto file = core::autostartFile(options.autostartDir.parent_path());
    const auto state = core::readAutostart(file);
    if (!state.problem.empty()) {
      std::fprintf(stderr, "claude-usage-tracker: %s\n", state.problem.c_str());
      return 1;
    }
    if (!state.present) {
      std::printf("off: the widget does not start at login (no %s)\n", file.string().c_str());
    } else {
      std::printf("%s: %s starts %s at login%s%s\n", state.enabled ? "on" : "off (disabled in the entry)",
                  file.string().c_str(), state.program.string().c_str(),
                  runsFromBuildFolder(state.program) ? " (a build folder)" : "",
                  state.ours ? "" : "; this entry was not written by this program");
    }
    return 0;
  }
  const auto result = setAutostart(options.autostartDir, options.autostart == Options::Toggle::On);
  if (!result) {
    std::fprintf(stderr, "claude-usage-tracker: %s\n", result.error().message.c_str());
    return 1;
  }
  std::printf("%s\n", result.value().c_str());
  return 0;
}

}  // namespace cut::app
