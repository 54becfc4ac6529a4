#pragma once
// Claude Code's own settings.json, edited only to point its status line at us. It is the user's
// file: every other key keeps its value and order, a timestamped backup is written before any
// change, the write is atomic, and a file that is not valid JSON is refused and left untouched.
// The status line the user had before is remembered in our state folder and put back by uninstall.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/model/usage.h"

namespace cut::core {

/// `$CLAUDE_CONFIG_DIR` when set (absolute), else `$HOME/.claude`.
std::filesystem::path claudeConfigDir();

/// The shell command Claude Code runs: "<binary> statusline", the path single-quoted when it holds
/// anything a shell would split or expand.
std::string statuslineCommand(const std::filesystem::path& binary);

/// Whether a `statusLine` value is one this program installed (its command ends in " statusline"
/// and names claude-usage-tracker).
bool isOurStatusline(std::string_view statusLineJson);

/// Whether `<claudeDir>/settings.json` names this program's status line; false when the file is
/// missing, unreadable, too large or not a JSON object (read as installStatusline reads it).
bool statuslineInstalled(const std::filesystem::path& claudeDir);

struct ClaudeSettingsError {
  std::string message;  ///< for people: what is wrong and what to do; nothing was changed
};

struct StatuslineChange {
  bool changed = false;  ///< false: the file already said this; nothing written
  std::filesystem::path settingsFile;
  std::filesystem::path backup;         ///< empty when no backup was needed
  std::optional<std::string> previous;  ///< install: the user's earlier statusLine (JSON), if any
};

/// Sets `"statusLine": {"type": "command", "command": <command>, "padding": 0}` in
/// `<claudeDir>/settings.json`, creating the folder and file when missing. A different status line
/// already there is saved to `<stateDir>/statusline-previous.json` first.
Result<StatuslineChange, ClaudeSettingsError> installStatusline(const std::filesystem::path& claudeDir,
                                                                const std::filesystem::path& stateDir,
                                                                const std::string& command, TimePoint now);

/// Removes our status line: puts the remembered one back, or drops the key when there was none.
/// A status line that is not ours is left as it is (nothing to undo).
Result<StatuslineChange, ClaudeSettingsError> uninstallStatusline(const std::filesystem::path& claudeDir,
                                                                  const std::filesystem::path& stateDir,
                                                                  TimePoint now);

}  // namespace cut::core
