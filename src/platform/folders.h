#pragma once
// The user's folders this program keeps its files under, by the rules of each OS
// (folders_linux.cpp: HOME and the XDG base directories; folders_windows.cpp: the known folders
// and USERPROFILE, APPDATA, LOCALAPPDATA).

#include <filesystem>

namespace cut::platform {

/// The user's home folder: $HOME when it is an absolute path, otherwise "/".
std::filesystem::path homeFolder();

/// Where per-user settings go: $XDG_CONFIG_HOME when absolute, otherwise ~/.config.
std::filesystem::path configBase();

/// Where per-user state (caches, window position, locks) goes: $XDG_STATE_HOME when absolute,
/// otherwise ~/.local/state.
std::filesystem::path stateBase();

/// Creates `dir` (not its parents) private from the moment it exists: mode 0700 (Windows: a
/// protected DACL for this user only). An existing folder is left as it is. False when it neither
/// exists nor could be made.
bool createPrivateFolder(const std::filesystem::path& dir);

}  // namespace cut::platform
