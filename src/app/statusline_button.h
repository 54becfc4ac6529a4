#pragma once
// The settings panel's "Install status line in Claude Code" / "Remove" button, carried out the way
// `install-statusline` and `uninstall-statusline` do it. Main thread: each is a few small file
// operations in Claude Code's folder, done once per click.

#include <filesystem>

#include "ui/widget.h"

namespace cut::app {

/// Whether `<claudeDir>/settings.json` names this program's status line (false when the file is
/// missing or not JSON). `message` and `failed` are left empty.
ui::StatuslineInstall statuslineState(const std::filesystem::path& claudeDir);

/// Installs (or, with `install` false, removes) the status line in `claudeDir`, pointing Claude Code
/// at the front binary; returns the new state with a one-line result for people.
ui::StatuslineInstall changeStatusline(const std::filesystem::path& claudeDir,
                                       const std::filesystem::path& stateDir, bool install);

}  // namespace cut::app
