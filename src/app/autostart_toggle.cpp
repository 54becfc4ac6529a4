#include "app/autostart_toggle.h"

#include <system_error>

#include "app/program_paths.h"
#include "core/files/autostart.h"

namespace cut::app {

std::filesystem::path autostartProgram() { return frontProgram(); }

bool runsFromBuildFolder(const std::filesystem::path& program) {
  std::error_code ec;
  return !program.empty() && std::filesystem::exists(program.parent_path() / "CMakeCache.txt", ec);
}

core::Result<std::string, core::FileError> setAutostart(const std::filesystem::path& autostartDir, bool on) {
  const auto file = core::autostartFile(autostartDir.parent_path());
  if (!on) {
    const bool present = core::readAutostart(file).present;
    if (auto removed = core::disableAutostart(file); !removed) return core::fail(removed.error());
    return present ? "Removed " + file.string() + "; the widget no longer starts at login."
                   : std::string("The widget was not set to start at login; nothing changed.");
  }
  const auto program = autostartProgram();
  if (program.empty())
    return core::fail(
        core::FileError{"cannot find the path of this program (/proc/self/exe); nothing was changed"});
  if (auto written = core::enableAutostart(file, program); !written) return core::fail(written.error());
  std::string message = "Wrote " + file.string() + ": the widget starts at login (" + program.string() + ")";
  if (runsFromBuildFolder(program)) message += ", from the build folder";
  return message + ".";
}

}  // namespace cut::app
