// `claude-usage-tracker statusline`: Claude Code's status line. Runs after every assistant message,
// so it reads a few small files, never the network, prints exactly one line and exits 0 whatever
// happens. Nothing it does may write to the config folder or print to stderr.

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <string>
#include <system_error>

#include "app/commands.h"
#include "app/statusline_refresh.h"
#include "core/files/settings.h"
#include "core/files/usage_cache.h"
#include "core/history/history_store.h"
#include "core/statusline/git_branch.h"
#include "core/statusline/statusline_input.h"
#include "core/statusline/statusline_render.h"
#include "platform/terminal.h"

namespace cut::app {
namespace {

// What Claude Code sends is a few KiB; the cap keeps a runaway producer from costing memory.
std::string readStdin() {
  std::string text;
  if (platform::stdinIsTerminal()) return text;
  char buffer[16384];
  while (text.size() < core::kMaxStatuslineInputBytes) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, stdin);
    if (n == 0) break;
    text.append(buffer, n);
  }
  if (text.size() > core::kMaxStatuslineInputBytes) text.resize(core::kMaxStatuslineInputBytes);
  return text;
}

bool fileExists(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

bool hasSegment(const core::StatuslineSettings& layout, std::string_view name) {
  for (const std::string& segment : layout.segments)
    if (segment == name) return true;
  return false;
}

// Claude Code calls us several times a second with the same numbers: rewriting the cache only
// when a reading changed, or the stored one is a minute old, keeps the common path read-only.
bool cacheNeedsWrite(const std::optional<core::CachedUsage>& cache, const core::StatuslineInput& input,
                     core::TimePoint now) {
  if (!cache) return true;
  for (const core::Limit& reading : input.rateLimits) {
    const core::Limit* stored = cache->usage.find(reading.id);
    if (stored == nullptr || stored->observedAt > now) return true;
    if (stored->observedAt >= reading.observedAt) continue;
    if (stored->usedPercent != reading.usedPercent || stored->resetsAt != reading.resetsAt) return true;
    if (now - stored->observedAt > std::chrono::seconds(60)) return true;
  }
  return false;
}

// The history keeps changes only: the cache already holds the last numbers, so an unchanged reading
// (most runs) never opens the database.
bool historyNeedsWrite(const std::optional<core::CachedUsage>& cache, const core::StatuslineInput& input) {
  if (!cache) return true;
  for (const core::Limit& reading : input.rateLimits) {
    const core::Limit* stored = cache->usage.find(reading.id);
    if (stored == nullptr || stored->usedPercent != reading.usedPercent ||
        stored->resetsAt != reading.resetsAt)
      return true;
  }
  return false;
}

bool needsRefresh(const std::optional<core::CachedUsage>& cache, core::TimePoint now) {
  const auto newest = cache ? cache->newestFrom(core::Source::ClaudeAi) : std::nullopt;
  return !newest || now - *newest > core::kCacheFreshFor;
}

// The width the line will be seen in. Claude Code runs the command with COLUMNS set to its
// terminal's width (80 when it cannot tell) and stdout piped, so COLUMNS comes first; without it
// (run by hand, an older client) the controlling terminal is where the line will show; with
// neither, or nonsense in COLUMNS and no terminal, there is no limit (0).
std::size_t terminalColumns() {
  constexpr std::size_t kMaxColumns = 10000;
  if (const char* text = std::getenv("COLUMNS"); text != nullptr && *text != '\0') {
    std::size_t columns = 0;
    const char* end = text + std::strlen(text);
    const auto [stop, ec] = std::from_chars(text, end, columns);
    if (ec == std::errc() && stop == end && columns > 0) return std::min(columns, kMaxColumns);
  }
  return platform::terminalColumns();
}

std::string currentDirectory() {
  std::error_code ec;
  const auto path = std::filesystem::current_path(ec);
  return ec ? std::string() : path.string();
}

std::string statusline(const Options& options) {
  const auto now = core::Clock::now();
  const std::string text = readStdin();
  const core::Settings settings = core::loadSettingsReadOnly(options.configDir);

  core::StatuslineView view;
  view.input = core::parseStatuslineInput(text, now);
  if (view.input.currentDir.empty()) view.input.currentDir = currentDirectory();
  view.cache = core::readCache(options.stateDir);

  if (!view.input.rateLimits.empty() && cacheNeedsWrite(view.cache, view.input, now)) {
    const core::Usage fresh{.limits = view.input.rateLimits};
    // A short wait: a busy lock costs this one write, never the line.
    (void)core::recordUsage(options.stateDir, fresh, "", now, std::chrono::milliseconds(50));
  }
  if (!view.input.rateLimits.empty() && historyNeedsWrite(view.cache, view.input)) {
    (void)core::recordHistory(options.stateDir, core::Source::ClaudeCode, view.input.rateLimits, now,
                              std::chrono::milliseconds(50));
  }
  if (needsRefresh(view.cache, now) && fileExists(options.keyFile)) {
    const auto started = startBackgroundRefresh(options);
    view.refreshing = started == RefreshStart::Started || started == RefreshStart::AlreadyRunning;
  }
  if (hasSegment(settings.statusline, "branch")) view.branch = core::gitBranch(view.input.currentDir);

  core::StatuslineStyle style;
  style.layout = settings.statusline;
  style.amberPercent = settings.amberPercent;
  style.redPercent = settings.redPercent;
  style.color = core::statuslineUsesColor(settings.statusline.colorMode, std::getenv("NO_COLOR"));
  style.maxColumns = terminalColumns();
  return core::renderStatusline(view, style, now);
}

}  // namespace

int runStatusline(const Options& options) {
  std::string line;
  try {
    line = statusline(options);
  } catch (const std::exception&) {
    line.clear();
  }
  // An empty line would blank Claude Code's status line; say at least who we are.
  if (line.empty()) line = "claude-usage-tracker";
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fflush(stdout);
  return 0;
}

}  // namespace cut::app
