#include "app/cli.h"

#include <charconv>
#include <cstdio>
#include <string_view>
#include <utility>

#include "app/command_table.h"
#include "core/claude/error.h"
#include "core/files/autostart.h"
#include "platform/folders.h"
#include "core/history/history_format.h"

namespace cut::app {
namespace {

constexpr const char* kFolderName = "claude-usage-tracker";

std::optional<int> parseInt(std::string_view text, int min, int max) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
    return std::nullopt;
  return value;
}

ParseOutcome failure(std::string message) { return {std::nullopt, std::move(message)}; }

}  // namespace

ParseOutcome parseCommandLine(const std::vector<std::string>& args) {
  Options options;
  options.arguments = args;
  options.keyFile = platform::homeFolder() / ".claude-session-key";
  options.configDir = platform::configBase() / kFolderName;
  options.stateDir = platform::stateBase() / kFolderName;
  options.autostartPlace = core::autostartPlace(platform::configBase());

  std::size_t i = 0;
  if (!args.empty() && !args[0].starts_with("-")) {
    const std::string& name = args[0];
    const CommandSpec* found = findCommand(name);
    if (found == nullptr) return failure("unknown command '" + name + "' (see --help)");
    options.command = found->command;
    i = 1;
    if (options.command == Command::Autostart) {
      const std::string toggle = args.size() > 1 ? args[1] : "";
      if (toggle == "on") options.autostart = Options::Toggle::On;
      else if (toggle == "off") options.autostart = Options::Toggle::Off;
      else if (toggle != "status") return failure("autostart needs on, off or status (see --help)");
      i = 2;
    }
  }

  for (; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    // Options that take a value accept both "--name value" and "--name=value".
    std::string_view name = arg;
    std::optional<std::string> inlineValue;
    if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string_view::npos) {
      name = arg.substr(0, eq);
      inlineValue = std::string(arg.substr(eq + 1));
    }
    auto value = [&]() -> std::optional<std::string> {
      if (inlineValue) return inlineValue;
      if (i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };
    auto needs = [&](std::string_view what) {
      return failure(std::string(name) + " needs " + std::string(what) + " (see --help)");
    };

    if (name == "--help" || name == "-h") {
      options.command = Command::Help;
    } else if (name == "--version") {
      options.command = Command::Version;
    } else if (name == "--key-file") {
      auto v = value();
      if (!v || v->empty()) return needs("a path");
      options.keyFile = *v;
    } else if (name == "--config-dir") {
      auto v = value();
      if (!v || v->empty()) return needs("a folder");
      options.configDir = *v;
    } else if (name == "--state-dir") {
      auto v = value();
      if (!v || v->empty()) return needs("a folder");
      options.stateDir = *v;
    } else if (name == "--api-base") {
      auto v = value();
      if (!v) return needs("a URL");
      if (!v->starts_with("https://"))
        return failure("--api-base must start with https://: the key is never sent unencrypted (see --help)");
      while (v->ends_with('/')) v->pop_back();
      if (v->size() <= 8) return failure("--api-base needs a host after https:// (see --help)");
      options.apiBase = *v;
    } else if (name == "--ca-file") {
      auto v = value();
      if (!v || v->empty()) return needs("a path");
      options.caFile = *v;
    } else if (name == "--timeout") {
      auto v = value();
      const auto seconds = v ? parseInt(*v, 1, 600) : std::nullopt;
      if (!seconds) return needs("a number of seconds from 1 to 600");
      options.timeoutSeconds = *seconds;
    } else if (name == "--json" && (options.command == Command::Status || options.command == Command::History)) {
      options.json = true;
    } else if (name == "--csv" && options.command == Command::History) {
      options.csv = true;
    } else if (name == "--since" && options.command == Command::History) {
      auto v = value();
      options.since = v ? core::parseHistorySpan(*v) : std::nullopt;
      if (!options.since) return needs("a span such as 30m, 12h or 7d");
    } else if (name == "--limit" && options.command == Command::History) {
      auto v = value();
      if (!v || v->empty()) return needs("a limit id such as five_hour or seven_day");
      options.limitId = *v;
    } else if (name == "--no-verify" && options.command == Command::SetKey) {
      options.noVerify = true;
    } else if (name == "--yes" && options.command == Command::Forget) {
      options.yes = true;
    } else if (name == "--demo" && options.command == Command::Widget) {
      options.demo = true;
    } else if (name == "--frames" && options.command == Command::Widget) {
      auto v = value();
      const auto frames = v ? parseInt(*v, 1, 1'000'000) : std::nullopt;
      if (!frames) return needs("a number of frames from 1 to 1000000");
      options.frames = *frames;
    } else if (name == "--screenshot" && options.command == Command::Widget) {
      auto v = value();
      if (!v || v->empty()) return needs("a path");
      options.screenshot = *v;
    } else if (name == "--stats" && options.command == Command::Widget) {
      options.stats = true;
    } else {
      return failure("unknown option '" + std::string(arg) + "' (see --help)");
    }
  }
  if (options.json && options.csv) return failure("--json and --csv cannot be used together (see --help)");
  if (!options.screenshot.empty() && !options.frames) options.frames = 3;
  return {options, {}};
}

std::optional<Options> parseArguments(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  auto parsed = parseCommandLine(args);
  if (!parsed.options) std::fprintf(stderr, "claude-usage-tracker: %s\n", parsed.error.c_str());
  return std::move(parsed.options);
}

std::string usageText() {
  using core::ErrorKind;
  std::string text = R"(Claude Usage Tracker: your Claude usage limits, always in sight.

Usage:
  claude-usage-tracker [OPTIONS]                        the widget
  claude-usage-tracker status [--json] [OPTIONS]        fetch once, print, exit
  claude-usage-tracker set-key [--no-verify] [OPTIONS]  read a key from stdin, check it, save it
  claude-usage-tracker statusline [OPTIONS]             a Claude Code status line (JSON on stdin)
  claude-usage-tracker install-statusline [OPTIONS]     make Claude Code use that status line
  claude-usage-tracker history [--json|--csv] [--since 7d] [--limit ID] [OPTIONS]
                                                        the recorded readings, oldest first
  claude-usage-tracker uninstall-statusline [OPTIONS]   put the previous status line back
  claude-usage-tracker autostart on|off|status          start the widget at login, or not
  claude-usage-tracker forget [--yes] [OPTIONS]         remove every file this program wrote for you
  claude-usage-tracker --help | --version

Options:
  --key-file PATH    the session key file (default ~/.claude-session-key, mode 0600)
  --config-dir DIR   settings (default $XDG_CONFIG_HOME/claude-usage-tracker, ~/.config/...)
  --state-dir DIR    cache and window state (default $XDG_STATE_HOME/claude-usage-tracker)
  --api-base URL     the claude.ai host (default https://claude.ai; https:// only; not saved)
  --ca-file PATH     an extra CA bundle to trust, for a local test server (not saved)
  --timeout SECONDS  limit for a whole request (default 30)

Widget options:
  --demo             built-in sample data, no network
  --frames N         render N frames, then exit
  --screenshot PATH  write the last frame as a PNG (with --frames)
  --stats            print frame and CPU counters to stderr at exit

history prints every reading recorded in the last 35 days (from claude.ai and from Claude Code's
status-line input), as a table, --json (an array) or --csv; --since 30m|12h|7d keeps the recent
ones, --limit keeps one limit (five_hour, seven_day, seven_day_opus, ...).

set-key reads one line from stdin (a key, or a pasted sessionKey=... cookie), checks it against
claude.ai unless --no-verify, and only then writes the key file.

autostart writes or removes $XDG_CONFIG_HOME/autostart/claude-usage-tracker.desktop (an XDG
autostart entry starting this program; on Windows the value "Claude Usage Tracker" of the current
user's Run key); status says which.

forget lists what it will remove and asks; --yes removes without asking. It removes the key file
(only a regular file you own), the settings and state folders' files, the autostart entry and
this program's Claude Code status line (putting yours back), and nothing else.

Exit codes:
  0   success
  1   a local failure (a file could not be read or written)
  2   the command line is wrong
)";
  const ErrorKind kinds[] = {ErrorKind::NoKey,      ErrorKind::InvalidKey,    ErrorKind::AuthExpired,
                             ErrorKind::Cloudflare, ErrorKind::OrgPermission, ErrorKind::RateLimited,
                             ErrorKind::Server,     ErrorKind::Network,       ErrorKind::Timeout,
                             ErrorKind::Tls,        ErrorKind::BadResponse,   ErrorKind::TooLarge};
  for (const ErrorKind kind : kinds) {
    text +=
        "  " + std::to_string(core::exitCodeFor(kind)) + "  " + std::string(core::errorKindName(kind)) + "\n";
  }
  return text;
}

}  // namespace cut::app
