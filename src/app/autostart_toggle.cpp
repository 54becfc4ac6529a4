#include "app/autostart_toggle.h"

#include <system_error>

#include "app/program_paths.h"
#include "core/files/autostart.h"

namespace cut::app {

std::filesystem::path autostartProgram() { return frontProgram(); }

bool startsThisProgram(const std::filesystem::path& program) {
  const auto self = autostartProgram();
  if (program.empty() || self.empty()) return false;
  if (program == self) return true;
  std::error_code ec;  // either missing: not the same program
  return std::filesystem::equivalent(program, self, ec);
}

bool runsFromBuildFolder(const std::filesystem::path& program) {
  std::error_code ec;
  return !program.empty() && std::filesystem::exists(program.parent_path() / "CMakeCache.txt", ec);
}

core::Result<std::string, core::FileError> setAutostart(const std::filesystem::path& place, bool on) {
  const std::string entry = core::autostartEntryName(place);
  if (!on) {
    const bool present = core::readAutostart(place).present;
    if (auto removed = core::disableAutostart(place); !removed) return core::fail(removed.error());
    return present ? "Removed " + entry + "; the widget no longer starts at login."
                   : std::string("The widget was not set to start at login; nothing changed.");
  }
  const auto program = autostartProgram();
  if (program.empty())
    return core::fail(core::FileError{"cannot find the path of this program; nothing was changed"});
  if (auto written = core::enableAutostart(place, program); !written) return core::fail(written.error());
  std::string message = "Wrote " + entry + ": the widget starts at login (" + program.string() + ")";
  if (runsFromBuildFolder(program)) message += ", from the build folder";
  return message + ".";
}

}  // namespace cut::app
