#include "core/statusline/claude_code_settings.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>

#include "core/files/atomic_file.h"
#include "core/files/file_system.h"
#include "core/files/json_document.h"
#include "core/files/private_dir.h"

namespace cut::core {
namespace {

using ordered_json = nlohmann::ordered_json;

// Claude Code's settings are a few KiB; a huge file is not something to rewrite blindly.
constexpr std::size_t kMaxSettingsBytes = 4 << 20;
constexpr const char* kPreviousFile = "statusline-previous.json";

Result<std::filesystem::path, ClaudeSettingsError> settingsFileIn(const std::filesystem::path& claudeDir) {
  const auto path = claudeDir / "settings.json";
  // A settings.json that is a symlink (dotfile managers) is edited where it points.
  std::error_code ec;
  if (!std::filesystem::is_symlink(path, ec)) return path;
  const auto target = std::filesystem::canonical(path, ec);
  if (!ec) return target;
  // Replacing a dangling link with a file would quietly cut it from the file it was meant to
  // follow; creating its target could put a file anywhere the link says.
  const auto pointsTo = std::filesystem::read_symlink(path, ec);
  return fail(ClaudeSettingsError{path.string() + " is a symbolic link to " + pointsTo.string() +
                                  ", which does not exist. Nothing was changed: create that file (it may be "
                                  "empty) or remove the link, then run this again."});
}

mode_t modeOf(const std::filesystem::path& path, mode_t fallback) {
  return static_cast<mode_t>(detail::permissionBits(path).value_or(fallback));
}

std::string stamp(TimePoint now) {
  const std::time_t t = Clock::to_time_t(now);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
  return buf;
}

struct Loaded {
  std::filesystem::path path;
  bool exists = false;
  std::string text;
  ordered_json root = ordered_json::object();
  mode_t mode = 0600;
};

Result<Loaded, ClaudeSettingsError> load(const std::filesystem::path& claudeDir) {
  Loaded loaded;
  auto path = settingsFileIn(claudeDir);
  if (!path) return fail(path.error());
  loaded.path = std::move(path).value();
  const auto text = readFile(loaded.path, kMaxSettingsBytes);
  if (!text) {
    if (text.error().missing) return loaded;
    return fail(ClaudeSettingsError{text.error().message + "; nothing was changed."});
  }
  loaded.exists = true;
  loaded.text = text.value();
  loaded.mode = modeOf(loaded.path, 0600);
  // Someone made it read-only on purpose (a managed or locked-down setup): ask, never override.
  if ((loaded.mode & 0200) == 0) {  // the owner's write bit
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(loaded.mode) & 0777u);
    return fail(ClaudeSettingsError{loaded.path.string() + " is read-only (mode " + mode +
                                    "). Nothing was changed; make it writable (chmod u+w) to let this "
                                    "program edit it, then run this again."});
  }
  if (loaded.text.find_first_not_of(" \t\r\n") == std::string::npos) return loaded;  // empty: start fresh
  auto parsed = detail::parseOrderedJson(loaded.text);
  if (!parsed) {
    return fail(ClaudeSettingsError{loaded.path.string() + " " + parsed.error().message +
                                    ". It was left exactly as it is; fix it, then run this again."});
  }
  loaded.root = std::move(parsed).value();
  if (!loaded.root.is_object())
    return fail(ClaudeSettingsError{loaded.path.string() +
                                    " does not hold a JSON object. It was left exactly as it is."});
  return loaded;
}

// Backup first, then the atomic replace; the backup keeps the original's bytes and mode.
Result<StatuslineChange, ClaudeSettingsError> save(const Loaded& loaded, const ordered_json& root,
                                                   TimePoint now, std::optional<std::string> previous) {
  StatuslineChange change{.changed = true, .settingsFile = loaded.path, .previous = std::move(previous)};
  if (loaded.exists) {
    auto backup = loaded.path;
    backup += ".bak-" + stamp(now);
    for (int n = 1; std::filesystem::exists(backup) && n < 100; ++n) {
      backup = loaded.path;
      backup += ".bak-" + stamp(now) + "-" + std::to_string(n);
    }
    if (auto written = writeFileAtomic(backup, loaded.text, loaded.mode); !written)
      return fail(ClaudeSettingsError{"cannot write the backup: " + written.error().message +
                                      "; nothing was changed."});
    change.backup = backup;
  }
  const std::string text = root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
  if (auto written = writeFileAtomic(loaded.path, text, loaded.mode); !written)
    return fail(ClaudeSettingsError{"cannot write " + loaded.path.string() + ": " + written.error().message});
  return change;
}

// Text of a value, never throwing on invalid UTF-8 in the user's file (the strict default would).
std::string dumpText(const ordered_json& value, int indent = -1) {
  return value.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

// No JSON a user's file can hold may end the process: whatever the library still throws becomes
// a refusal that changed nothing.
template <typename Edit>
Result<StatuslineChange, ClaudeSettingsError> guarded(Edit&& edit) {
  try {
    return edit();
  } catch (const nlohmann::json::exception&) {
    return fail(
        ClaudeSettingsError{"Claude Code's settings hold a value this program cannot handle; "
                            "nothing was changed."});
  }
}

}  // namespace

std::filesystem::path claudeConfigDir() {
  if (const char* dir = std::getenv("CLAUDE_CONFIG_DIR");
      dir != nullptr && dir[0] != '\0' && std::filesystem::path(dir).is_absolute())
    return dir;
  const auto home = detail::homeFromEnvironment();
  return (home && home->is_absolute() ? *home : std::filesystem::path("/")) / ".claude";
}

std::string statuslineCommand(const std::filesystem::path& binary) {
  const std::string path = binary.string();
  bool plain = !path.empty();
  for (const char c : path) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '/' || c == '.' || c == '_' || c == '-' || c == '+' || c == ',' || c == ':';
    plain = plain && safe;
  }
  if (plain) return path + " statusline";
  std::string quoted = "'";
  for (const char c : path) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "' statusline";
}

bool isOurStatusline(std::string_view statusLineJson) {
  const auto parsed = detail::parseOrderedJson(statusLineJson);
  if (!parsed || !parsed.value().is_object()) return false;
  const ordered_json& value = parsed.value();
  const auto it = value.find("command");
  if (it == value.end() || !it->is_string()) return false;
  const auto& command = it->get_ref<const std::string&>();
  return command.ends_with(" statusline") && command.find("claude-usage-tracker") != std::string::npos;
}

namespace {

// Claude Code's settings, to be changed with what the state folder remembers: refused when that
// folder is not ours, since what it holds becomes a command Claude Code runs.
Result<Loaded, ClaudeSettingsError> loadForChange(const std::filesystem::path& claudeDir,
                                                  const std::filesystem::path& stateDir) {
  if (auto trusted = checkPrivateDir(stateDir); !trusted)
    return fail(ClaudeSettingsError{trusted.error().message + " Nothing was changed."});
  return load(claudeDir);
}

}  // namespace

bool statuslineInstalled(const std::filesystem::path& claudeDir) {
  const auto loaded = load(claudeDir);
  if (!loaded) return false;
  const auto it = loaded.value().root.find("statusLine");
  return it != loaded.value().root.end() && isOurStatusline(it->dump());
}

Result<StatuslineChange, ClaudeSettingsError> installStatusline(const std::filesystem::path& claudeDir,
                                                                const std::filesystem::path& stateDir,
                                                                const std::string& command, TimePoint now) {
  return guarded([&]() -> Result<StatuslineChange, ClaudeSettingsError> {
    auto loaded = loadForChange(claudeDir, stateDir);
    if (!loaded) return fail(loaded.error());
    Loaded& file = loaded.value();
    const ordered_json wanted = {{"type", "command"}, {"command", command}, {"padding", 0}};
    const auto existing = file.root.find("statusLine");
    if (existing != file.root.end() && *existing == wanted)
      return StatuslineChange{.changed = false, .settingsFile = file.path};

    std::optional<std::string> previous;
    if (existing != file.root.end() && !isOurStatusline(dumpText(*existing))) {
      previous = dumpText(*existing);
      const ordered_json remembered = {{"settings_file", file.path.string()}, {"status_line", *existing}};
      if (auto written = writeFileAtomic(stateDir / kPreviousFile, dumpText(remembered, 2) + "\n", 0600);
          !written)
        return fail(ClaudeSettingsError{"cannot remember the current status line: " +
                                        written.error().message + "; nothing was changed."});
    }
    file.root["statusLine"] = wanted;  // replaces in place, keeping the key's position
    return save(file, file.root, now, previous);
  });
}

Result<StatuslineChange, ClaudeSettingsError> uninstallStatusline(const std::filesystem::path& claudeDir,
                                                                  const std::filesystem::path& stateDir,
                                                                  TimePoint now) {
  return guarded([&]() -> Result<StatuslineChange, ClaudeSettingsError> {
    auto loaded = loadForChange(claudeDir, stateDir);
    if (!loaded) return fail(loaded.error());
    Loaded& file = loaded.value();
    const auto existing = file.root.find("statusLine");
    if (existing == file.root.end() || !isOurStatusline(dumpText(*existing)))
      return StatuslineChange{.changed = false, .settingsFile = file.path};

    std::optional<ordered_json> previous;
    const auto rememberedPath = stateDir / kPreviousFile;
    // Only a file this user wrote, not a link to one: it becomes a command Claude Code runs.
    if (const auto text = readPrivateFile(rememberedPath, 1 << 20)) {
      const auto remembered = detail::parseOrderedJson(text.value());
      if (remembered && remembered.value().is_object()) {
        const ordered_json& root = remembered.value();
        const auto settingsFile = root.find("settings_file");
        const auto statusLine = root.find("status_line");
        if (statusLine != root.end() && settingsFile != root.end() && settingsFile->is_string() &&
            settingsFile->get_ref<const std::string&>() == file.path.string())
          previous = *statusLine;
      }
    }
    if (previous)
      *existing = *previous;
    else
      file.root.erase("statusLine");
    auto saved = save(file, file.root, now, std::nullopt);
    if (saved) {
      std::error_code ec;
      std::filesystem::remove(rememberedPath, ec);
      if (previous) saved.value().previous = dumpText(*previous);
    }
    return saved;
  });
}

}  // namespace cut::core
