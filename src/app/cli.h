#pragma once
// The command line: one parse for every command, so options mean the same everywhere.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cut::app {

enum class Command {
  Widget,
  Status,
  SetKey,
  Statusline,
  InstallStatusline,
  UninstallStatusline,
  History,
  Autostart,
  Forget,
  Help,
  Version
};

struct Options {
  Command command = Command::Widget;
  std::vector<std::string> arguments;         ///< argv as given, argv[0] excluded (for a hand-over)
  std::filesystem::path keyFile;              ///< --key-file, default ~/.claude-session-key
  std::filesystem::path configDir;            ///< --config-dir, default $XDG_CONFIG_HOME/claude-usage-tracker
  std::filesystem::path stateDir;             ///< --state-dir, default $XDG_STATE_HOME/claude-usage-tracker
  std::string apiBase = "https://claude.ai";  ///< --api-base; https:// only; never persisted
  std::filesystem::path caFile;               ///< --ca-file: extra CA bundle to trust; never persisted
  int timeoutSeconds = 30;                    ///< --timeout: the whole request

  // status
  bool json = false;  ///< --json (status, history)
  // history
  bool csv = false;                               ///< --csv
  std::optional<std::chrono::seconds> since;      ///< --since 7d: only readings this recent
  std::string limitId;                            ///< --limit five_hour: only this limit
  // set-key
  bool noVerify = false;  ///< --no-verify
  // autostart
  enum class Toggle { Status, On, Off };
  Toggle autostart = Toggle::Status;  ///< autostart on|off|status
  /// Where start at login is kept (core::autostartPlace): the XDG autostart entry, or on Windows
  /// the Run key.
  std::filesystem::path autostartPlace;
  // forget
  bool yes = false;  ///< --yes: remove without asking
  // widget
  bool demo = false;                 ///< --demo: built-in sample data, no network
  std::optional<int> frames;         ///< --frames N: render N frames, then exit
  std::filesystem::path screenshot;  ///< --screenshot PATH: write the last frame as PNG
  bool stats = false;                ///< --stats: one line of counters on stderr at exit
};

struct ParseOutcome {
  std::optional<Options> options;  ///< empty when the command line is wrong
  std::string error;               ///< what is wrong, for stderr
};

/// Parses argv (argv[0] excluded) and fills the folders' defaults from platform/folders.h (on
/// Linux: HOME, XDG_CONFIG_HOME, XDG_STATE_HOME).
ParseOutcome parseCommandLine(const std::vector<std::string>& args);

/// parseCommandLine over main()'s arguments; on a wrong command line prints why to stderr and
/// returns empty (the caller exits 2).
std::optional<Options> parseArguments(int argc, char** argv);

/// The text of --help, including the exit codes.
std::string usageText();

}  // namespace cut::app
