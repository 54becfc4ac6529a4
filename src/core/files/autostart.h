#pragma once
// Start at login. On Linux the XDG autostart entry
// `$XDG_CONFIG_HOME/autostart/claude-usage-tracker.desktop`; on Windows the value
// "Claude Usage Tracker" of the current user's Run key
// (HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run), never a machine-wide key.
// The entry is the only record: whether the widget starts at login is read from it every time, never
// remembered elsewhere. An entry this program did not write is never changed: on Linux one without
// the marker line, on Windows a value that starts a program not named claude-usage-tracker.exe.

#include <filesystem>
#include <string>

#include "core/files/atomic_file.h"
#include "core/result.h"

namespace cut::core {

/// Where the entry is kept, given the config home (`$XDG_CONFIG_HOME`, else `~/.config`): on Linux
/// the entry file; on Windows the Run key's path under HKEY_CURRENT_USER (the config home plays no
/// part), whose value "Claude Usage Tracker" is the entry. Every function below takes such a place,
/// so that tests can name another (on Windows a key of their own, never the user's Run key).
std::filesystem::path autostartPlace(const std::filesystem::path& configHome);

/// The entry at `place`, for people: the file's path, or the registry key and value name.
std::string autostartEntryName(const std::filesystem::path& place);

/// What the entry at a place says.
struct AutostartState {
  bool present = false;  ///< the file, or the registry value, exists
  /// Linux: it carries this program's marker line. Windows: the program it starts is named
  /// claude-usage-tracker.exe (wherever it is).
  bool ours = false;
  /// Present, and not turned off beside it: Linux, neither `Hidden=true` nor
  /// `X-GNOME-Autostart-enabled=false`; Windows, not disabled in Task Manager's Startup list.
  bool enabled = false;
  std::filesystem::path
      program;          ///< the program it starts (Exec, or the value's data); empty when unreadable
  std::string problem;  ///< why the entry could not be read; empty when it could
};

AutostartState readAutostart(const std::filesystem::path& place);

/// The entry's text for `program` (an absolute path): on Linux the file, Exec quoted by the Desktop
/// Entry rules; on Windows the value's data, the quoted path.
std::string autostartEntryText(const std::filesystem::path& program);

/// Writes the entry starting `program` (on Linux mode 0644). Refuses a path that is not absolute or
/// holds a line break (or, on Windows, a quote), and an existing entry that is not ours.
Result<Done, FileError> enableAutostart(const std::filesystem::path& place,
                                        const std::filesystem::path& program);

/// Removes the entry if it is ours; a missing one is success. Refuses an entry that is not ours.
Result<Done, FileError> disableAutostart(const std::filesystem::path& place);

/// The marker line that makes a Linux entry ours.
inline constexpr const char* kAutostartMarker = "X-Claude-Usage-Tracker-Autostart=true";

}  // namespace cut::core
