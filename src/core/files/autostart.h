#pragma once
// Start at login: the XDG autostart entry `$XDG_CONFIG_HOME/autostart/claude-usage-tracker.desktop`.
// The file is the only record: whether the widget starts at login is read from it every time, never
// remembered elsewhere. An entry this program did not write (no marker line) is never changed.

#include <filesystem>
#include <string>

#include "core/files/atomic_file.h"
#include "core/result.h"

namespace cut::core {

/// The autostart entry for a config home (`$XDG_CONFIG_HOME`, else `~/.config`).
std::filesystem::path autostartFile(const std::filesystem::path& configHome);

/// What the entry at a path says.
struct AutostartState {
  bool present = false;  ///< the file exists
  bool ours = false;     ///< it carries this program's marker line
  bool enabled = false;  ///< present, and neither `Hidden=true` nor `X-GNOME-Autostart-enabled=false`
  std::filesystem::path program;  ///< the program its Exec line starts; empty when unreadable
  std::string problem;            ///< why the file could not be read; empty when it could
};

AutostartState readAutostart(const std::filesystem::path& file);

/// The entry's text for `program` (an absolute path): Exec quoted by the Desktop Entry rules.
std::string autostartEntryText(const std::filesystem::path& program);

/// Writes the entry (mode 0644) starting `program`. Refuses a path with a newline and an existing
/// entry that is not ours.
Result<Done, FileError> enableAutostart(const std::filesystem::path& file,
                                        const std::filesystem::path& program);

/// Removes the entry if it is ours; a missing file is success. Refuses an entry that is not ours.
Result<Done, FileError> disableAutostart(const std::filesystem::path& file);

/// The marker line that makes an entry ours.
inline constexpr const char* kAutostartMarker = "X-Claude-Usage-Tracker-Autostart=true";

}  // namespace cut::core
