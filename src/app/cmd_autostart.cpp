// `autostart on|off|status`: start the widget at login (an XDG autostart entry, or on Windows the
// Run key's value), or not.

#include <cstdio>

#include "app/autostart_toggle.h"
#include "app/commands.h"
#include "core/files/autostart.h"

namespace cut::app {

int runAutostart(const Options& options) {
  if (options.autostart == Options::Toggle::Status) {
    const auto state = core::readAutostart(options.autostartPlace);
    const std::string entry = core::autostartEntryName(options.autostartPlace);
    if (!state.problem.empty()) {
      std::fprintf(stderr, "claude-usage-tracker: %s\n", state.problem.c_str());
      return 1;
    }
    if (!state.present) {
      std::printf("off: the widget does not start at login (no %s)\n", entry.c_str());
    } else {
      std::printf("%s: %s starts %s at login%s%s\n", state.enabled ? "on" : "off (disabled in the entry)",
                  entry.c_str(), state.program.string().c_str(),
                  runsFromBuildFolder(state.program) ? " (a build folder)" : "",
                  state.ours ? "" : "; this entry was not written by this program");
      if (state.ours && !startsThisProgram(state.program))
        std::printf(
            "That is not this program (%s): `claude-usage-tracker autostart on` makes it start this one.\n",
            autostartProgram().string().c_str());
    }
    return 0;
  }
  const auto result = setAutostart(options.autostartPlace, options.autostart == Options::Toggle::On);
  if (!result) {
    std::fprintf(stderr, "claude-usage-tracker: %s\n", result.error().message.c_str());
    return 1;
  }
  std::printf("%s\n", result.value().c_str());
  return 0;
}

}  // namespace cut::app
