#pragma once
// User settings: a value struct with defaults, stored as JSON in the config folder
// (settings.json). Holds no secret. Load takes defaults, then each known key that has the right
// type and range; unknown keys are ignored. In the file each field is the snake_case form of its
// name (`refresh_interval_seconds`, `statusline.color_mode`, `placement.offset_x`...).

#include <filesystem>
#include <string>
#include <vector>

#include "core/files/atomic_file.h"
#include "core/model/alert_policy.h"
#include "core/result.h"

namespace cut::core {

/// Where the widget sits: a monitor, the corner or edge it is attached to, and an offset from it,
/// so a corner widget stays in its corner after a resolution change.
enum class Anchor { TopLeft, Top, TopRight, Right, BottomRight, Bottom, BottomLeft, Left, Free };

struct WindowPlacement {
  /// false until the window has been placed once. The file holds a `placement` object only when
  /// valid, and one with any part missing or out of range loads as not valid.
  bool valid = false;
  std::string monitor;  ///< the monitor's name as GLFW reports it
  Anchor anchor = Anchor::TopRight;
  int offsetX = 0;  ///< pixels from the anchor, inward positive (Free: from the work area's top-left)
  int offsetY = 0;

  bool operator==(const WindowPlacement&) const = default;
};

/// The `statusline` section, for `claude-usage-tracker statusline`.
struct StatuslineSettings {
  /// Segment names in order: dir, branch, model, context, five_hour, weekly, cost, the
  /// key-only ones per_model, extra, and limit_at (when the session reaches its limit at the
  /// recent rate, shown only when it would before the reset). Loading keeps any lower-case name (so a newer version's
  /// segments survive an older one's save); the status line skips names it does not know.
  std::vector<std::string> segments = {"dir", "branch", "model", "context", "five_hour", "weekly", "cost"};
  bool clock24h = true;
  /// "auto" (256 colours unless NO_COLOR), "256", "none".
  std::string colorMode = "auto";
  /// What colours the usage percentages: "level" (the amber/red bands, default) or "pace" (the
  /// pace tier of the projected use at the reset; a window too early to tell keeps its level).
  std::string colorBy = "level";

  bool operator==(const StatuslineSettings&) const = default;
};

struct Settings {
  /// Seconds between polls, 30..3600 (a value outside is ignored on load). Default 60.
  int refreshIntervalSeconds = 60;
  /// The organization to show; empty means the first one listed.
  std::string organizationUuid;
  /// Panel opacity, 0.3..1.
  double opacity = 0.92;
  /// Gauge colour bands, percent 0..100: green below amber, amber below red, red from red up.
  /// A file where amber is not below red has both ignored.
  double amberPercent = 70.0;
  double redPercent = 90.0;
  bool clock24h = true;
  bool alwaysOnTop = true;
  /// Distance in pixels within which a dragged widget snaps to a work-area edge, 0..200.
  int snapDistancePx = 24;
  /// The small ring instead of the rows.
  bool compact = false;
  /// Gauges (and the compact ring) take the colour of their pace tier, the projected use at the
  /// reset (core/model/pace.h), instead of their level's band; a window too early to tell keeps its
  /// level. In the file: `color_by_pace`.
  bool colorByPace = false;
  /// Every row shows its window's chart (clicking a row opens or closes one chart either way).
  bool showCharts = false;
  /// Limit ids the user chose not to show (e.g. "seven_day_sonnet", "extra_usage").
  std::vector<std::string> hiddenRows;
  WindowPlacement placement;
  StatuslineSettings statusline;
  /// The `alerts` section: which desktop notifications, at which percents. In the file:
  /// `session_percents` (list, ascending, each 1..100, at most 8), `weekly_percent` (1..100),
  /// `session`, `weekly`, `fresh_window`, `key_expired`, `projection_critical` (true/false).
  AlertSettings alerts;

  bool operator==(const Settings&) const = default;
};

struct SettingsLoad {
  Settings settings;
  /// For people: a corrupt file set aside, a value out of range ignored...
  std::vector<std::string> warnings;
};

/// settings.json inside `configDir`.
std::filesystem::path settingsPath(const std::filesystem::path& configDir);

/// Loads settings. A missing file gives defaults and no warning; nothing is written. A file that
/// does not parse, is not a JSON object or is over 256 KiB is renamed to `settings.json.bad`, or
/// to `.bad.1`, `.bad.2`... when earlier copies exist (none is ever overwritten), and defaults are
/// used, with a warning naming the copy. A value of the wrong type or range is ignored with a
/// warning naming its key (`settings.json: opacity must be ...`); the rest of the file still counts.
SettingsLoad loadSettings(const std::filesystem::path& configDir);

/// loadSettings that never writes, for readers that must not touch the config folder (the status
/// line): a file loadSettings would set aside gives the defaults and stays where it is; warnings
/// are dropped.
Settings loadSettingsReadOnly(const std::filesystem::path& configDir);

/// Writes settings atomically as pretty JSON, mode 0600, creating the folder (0700) if needed.
/// Refuses (and writes nothing) when any field holds text that looks like a session key.
Result<Done, FileError> saveSettings(const std::filesystem::path& configDir, const Settings& settings);

}  // namespace cut::core
