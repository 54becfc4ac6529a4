// `forget [--yes]`: remove every file this program wrote for this user, after listing them and
// asking. Only what it wrote: the key file when it is a regular file of this user, the known names
// in the settings and state folders, its own autostart entry, and its own Claude Code status line
// (the user's earlier one is put back). Backups of Claude Code's settings.json stay: they hold the
// user's own settings.

#include <cstdio>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include "app/commands.h"
#include "app/statusline_button.h"
#include "core/files/autostart.h"
#include "core/files/our_files.h"
#include "core/statusline/claude_code_settings.h"
#include "platform/lock_file.h"

namespace cut::app {
namespace {

/// The widget holds a lock on widget.lock while it runs (platform/single_instance.h); it would
/// write its files again.
bool widgetRunning(const std::filesystem::path& stateDir) {
  const auto path = stateDir / "widget.lock";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(std::filesystem::symlink_status(path, ec))) return false;
  return platform::LockFile(path).state() == platform::LockFile::State::Busy;
}

bool confirmed() {
  std::printf("Remove all of this? [y/N] ");
  std::fflush(stdout);
  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  return answer == "y" || answer == "Y" || answer == "yes";
}

bool removeFile(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::remove(path, ec);  // a file already gone is fine
  if (!ec) return true;
  std::fprintf(stderr, "claude-usage-tracker: cannot remove %s: %s\n", path.string().c_str(),
               ec.message().c_str());
  return false;
}

/// Our own folders go when they are empty; a folder given with --config-dir keeps its name.
void removeFolderIfEmpty(const std::filesystem::path& dir) {
  std::error_code ignored;  // not empty, or already gone: it stays as it is
  if (dir.filename() == "claude-usage-tracker") std::filesystem::remove(dir, ignored);
}

}  // namespace

int runForget(const Options& options) {
  if (widgetRunning(options.stateDir)) {
    std::fprintf(stderr, "claude-usage-tracker: the widget is running; quit it first (right-click, Quit)\n");
    return 1;
  }
  std::vector<std::filesystem::path> files;
  std::vector<std::string> listed;  // for people, in the order they are removed
  if (core::keyFileIsOurs(options.keyFile)) files.push_back(options.keyFile);
  for (const auto& file : files) listed.push_back(file.string());
  // The entry is a file on Linux and a registry value on Windows: disableAutostart removes either.
  const auto entry = core::readAutostart(options.autostartPlace);
  const bool autostart = entry.present && entry.ours;
  if (autostart) listed.push_back(core::autostartEntryName(options.autostartPlace));
  for (const auto& file : core::ourFiles(options.configDir, options.stateDir)) {
    files.push_back(file);
    listed.push_back(file.string());
  }
  const bool statusline = statuslineState(core::claudeConfigDir()).installed;

  if (listed.empty() && !statusline) {
    std::printf("This program has no files of yours to remove.\n");
    return 0;
  }
  std::printf("This removes:\n");
  for (const auto& line : listed) std::printf("  %s\n", line.c_str());
  if (statusline)
    std::printf("  this program's status line in %s (your earlier one, if any, is put back)\n",
                (core::claudeConfigDir() / "settings.json").string().c_str());
  if (!options.yes && !confirmed()) {
    std::printf("Nothing was removed.\n");
    return 1;
  }

  bool ok = true;
  // First, while the remembered earlier status line is still in the state folder.
  if (statusline) {
    const auto result =
        core::uninstallStatusline(core::claudeConfigDir(), options.stateDir, core::Clock::now());
    if (!result) {
      std::fprintf(stderr, "claude-usage-tracker: %s\n", result.error().message.c_str());
      ok = false;
    }
  }
  if (autostart) {
    if (auto removed = core::disableAutostart(options.autostartPlace); !removed) {
      std::fprintf(stderr, "claude-usage-tracker: %s\n", removed.error().message.c_str());
      ok = false;
    }
  }
  for (const auto& file : files) ok = removeFile(file) && ok;
  removeFolderIfEmpty(options.configDir);
  removeFolderIfEmpty(options.stateDir);
  std::printf(ok ? "Done: every file of this program's is gone.\n"
                 : "Some files could not be removed (above).\n");
  return ok ? 0 : 1;
}

}  // namespace cut::app
