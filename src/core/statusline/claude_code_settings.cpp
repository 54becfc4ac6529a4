#include "core/statusline/claude_code_settings.h"

#include <sys/stat.h>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>

#include "core/files/atomic_file.h"

namespace cut::core {
namespace {

using ordered_json = nlohmann::ordered_json;

// Claude Code's settings are a few KiB; a huge file is not something to rewrite blindly.
constexpr std::size_t kMaxSettingsBytes = 4 << 20;
constexpr const char* kPreviousFile = "statusline-previous.json";

std::filesystem::path settingsFileIn(const std::filesystem::path& claudeDir) {
  const auto path = claudeDir / "settings.json";
  // A settings.json that is a symlink (dotfile managers) is edited where it points.
  std::error_code ec;
  if (std::filesystem::is_symlink(path, ec)) {
    const auto target = std::filesystem::canonical(path, ec);
    if (!ec) return target;
  }
  return path;
}

mode_t modeOf(const std::filesystem::path& path, mode_t fallback) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 ? static_cast<mode_t>(info.st_mode & 0777) : fallback;
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
  loaded.path = settingsFileIn(claudeDir);
  const auto text = readFile(loaded.path, kMaxSettingsBytes);
  if (!text) {
    if (text.error().missing) return loaded;
    return fail(ClaudeSettingsError{text.error().message + "; nothing was changed."});
  }
  loaded.exists = true;
  loaded.text = text.value();
  loaded.mode = modeOf(loaded.path, 0600);
  if (loaded.text.find_first_not_of(" \t\r\n") == std::string::npos) return loaded;  // empty: start fresh
  try {
    loaded.root = ordered_json::parse(loaded.text);
  } catch (const ordered_json::parse_error& error) {
    return fail(ClaudeSettingsError{loaded.path.string() + " is not valid JSON (error at byte " +
                                    std::to_string(error.byte) +
                                    "). It was left exactly as it is; fix it, then run this again."});
  }
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

}  // namespace

std::filesystem::path claudeConfigDir() {
  if (const char* dir = std::getenv("CLAUDE_CONFIG_DIR"); dir != nullptr && dir[0] == '/') return dir;
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home != nullptr && home[0] == '/' ? home : "/") / ".claude";
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
  const auto value = ordered_json::parse(statusLineJson, nullptr, false);
  if (!value.is_object()) return false;
  const auto it = value.find("command");
  if (it == value.end() || !it->is_string()) return false;
  const auto& command = it->get_ref<const std::string&>();
  return command.ends_with(" statusline") && command.find("claude-usage-tracker") != std::string::npos;
}

bool statuslineInstalled(const std::filesystem::path& claudeDir) {
  const auto loaded = load(claudeDir);
  if (!loaded) return false;
  const auto it = loaded.value().root.find("statusLine");
  return it != loaded.value().root.end() && isOurStatusline(it->dump());
}

Result<StatuslineChange, ClaudeSettingsError> installStatusline(const std::filesystem::path& claudeDir,
                                                                const std::filesystem::path& stateDir,
                                                                const std::string& command, TimePoint now) {
  auto loaded = load(claudeDir);
  if (!loaded) return fail(loaded.error());
  Loaded& file = loaded.value();
  const ordered_json wanted = {{"type", "command"}, {"command", command}, {"padding", 0}};
  const auto existing = file.root.find("statusLine");
  if (existing != file.root.end() && *existing == wanted)
    return StatuslineChange{.changed = false, .settingsFile = file.path};

  std::optional<std::string> previous;
  if (existing != file.root.end() && !isOurStatusline(existing->dump())) {
    previous = existing->dump();
    const ordered_json remembered = {{"settings_file", file.path.string()}, {"status_line", *existing}};
    if (auto written = writeFileAtomic(stateDir / kPreviousFile, remembered.dump(2) + "\n", 0600); !written)
      return fail(ClaudeSettingsError{"cannot remember the current status line: " + written.error().message +
                                      "; nothing was changed."});
  }
  file.root["statusLine"] = wanted;  // replaces in place, keeping the key's position
  return save(file, file.root, now, previous);
}

Result<StatuslineChange, ClaudeSettingsError> uninstallStatusline(const std::filesystem::path& claudeDir,
                                                                  const std::filesystem::path& stateDir,
                                                                  TimePoint now) {
  auto loaded = load(claudeDir);
  if (!loaded) return fail(loaded.error());
  Loaded& file = loaded.value();
  const auto existing = file.root.find("statusLine");
  if (existing == file.root.end() || !isOurStatusline(existing->dump()))
    return StatuslineChange{.changed = false, .settingsFile = file.path};

  std::optional<ordered_json> previous;
  const auto rememberedPath = stateDir / kPreviousFile;
  if (const auto text = readFile(rememberedPath, 1 << 20)) {
    const auto remembered = ordered_json::parse(text.value(), nullptr, false);
    if (remembered.is_object() && remembered.contains("status_line") &&
        remembered.value("settings_file", std::string()) == file.path.string())
      previous = remembered["status_line"];
  }
  if (previous)
    *existing = *previous;
  else
    file.root.erase("statusLine");
  auto saved = save(file, file.root, now, std::nullopt);
  if (saved) {
    std::error_code ec;
    std::filesystem::remove(rememberedPath, ec);
    if (previous) saved.value().previous = previous->dump();
  }
  return saved;
}

}  // namespace cut::core
