// `forget [--yes]`: remove every file this program wrote for this user, after listing them and
// asking. Only what it wrote: the key file when it is a regular file of this user, the known names
// in the settings and state folders, its own autostart entry, and its own Claude Code status line
// (the user's earlier one is put back). Backups of Claude Code's settings.json stay: they hold the
// user's own settings.

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "app/commands.h"
#include "app/statusline_button.h"
#include "core/files/autostart.h"
#include "core/files/our_files.h"
#include "core/statusline/claude_code_settings.h"

namespace cut::app {
namespace {

/// The widget holds an flock on widget.lock while it runs; it would write its files again.
bool widgetRunning(const std::filesystem::path& stateDir) {
  const int fd = ::open((stateDir / "widget.lock").c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);
  return held;
}

bool confirmed() {
  std::printf("Remove all of this? [y/N] ");
  std::fflush(stdout);
  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  return answer == "y" || answer == "Y" || answer == "yes";
}

bool removeFile(const std::filesystem::path& path) {
  if (::unlink(path.c_str()) == 0 || errno == ENOENT) return true;
  std::fprintf(stderr, "claude-usage-tracker: cannot remove %s: %s\n", path.c_str(), std::strerror(errno));
  return false;
}

/// Our own folders go when they are empty; a folder given with --config-dir keeps its name.
void removeFolderIfEmpty(const std::filesystem::path& dir) {
  if (dir.filename() == "claude-usage-tracker") ::rmdir(dir.c_str());
}

}  // namespace

int runForget(const Options& options) {
  if (widgetRunning(options.stateDir)) {
    std::fprintf(stderr, "claude-usage-tracker: the widget is running; quit it first (right-click, Quit)\n");
    return 1;
  }
  std::vector<std::filesystem::path> files;
  if (core::keyFileIsOurs(options.keyFile)) files.push_back(options.keyFile);
  const auto autostart = core::autostartFile(options.autostartDir.parent_path());
  const auto entry = core::readAutostart(autostart);
  if (entry.present && entry.ours) files.push_back(autostart);
  for (const auto& file : core::ourFiles(options.configDir, options.stateDir)) files.push_back(file);
  const bool statusline = statuslineState(core::claudeConfigDir()).installed;

  if (files.empty() && !statusline) {
    std::printf("This program has no files of yours to remove.\n");
    return 0;
  }
  std::printf("This removes:\n");
  for (const auto& file : files) std::printf("  %s\n", file.c_str());
  if (statusline)
    std::printf("  this program's status line in %s (your earlier one, if any, is put back)\n",
                (core::claudeConfigDir() / "settings.json").c_str());
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
  for (const auto& file : files) ok = removeFile(file) && ok;
  removeFolderIfEmpty(options.configDir);
  removeFolderIfEmpty(options.stateDir);
  std::printf(ok ? "Done: every file of this program's is gone.\n"
                 : "Some files could not be removed (above).\n");
  return ok ? 0 : 1;
}

}  // namespace cut::app
