// Start at login is an XDG autostart entry, which only Linux desktops read. Windows would need a
// Run registry value or a Startup-folder shortcut; until one is written, every function says so
// rather than pretend, and nothing is written.
#include "core/files/autostart.h"

namespace cut::core {
namespace {

constexpr const char* kNotYet = "starting at login is not available on Windows yet";

}  // namespace

std::filesystem::path autostartFile(const std::filesystem::path& configHome) {
  return configHome / "autostart" / "claude-usage-tracker.desktop";
}

AutostartState readAutostart(const std::filesystem::path&) { return AutostartState{.problem = kNotYet}; }

std::string autostartEntryText(const std::filesystem::path&) { return {}; }

Result<Done, FileError> enableAutostart(const std::filesystem::path&, const std::filesystem::path&) {
  return fail(FileError{.message = kNotYet});
}

// Nothing was ever written, so there is nothing to remove: the program does not start at login.
Result<Done, FileError> disableAutostart(const std::filesystem::path&) { return Done{}; }

}  // namespace cut::core
