#pragma once
// User settings: a value struct with defaults, stored as JSON in the config folder
// (settings.json). Holds no secret. Load takes defaults, then each known key that has the right
// type and range; unknown keys are ignored.

#include <filesystem>
#include <string>
#include <vector>

#include "atomic_file.h"
#include "result.h"

namespace cut::core {

/// Where the widget sits: a monitor, the corner or edge it is attached to, and an offset from it,
/// so a corner widget stays in its corner after a resolution change.
enum class Anchor { TopLeft, Top, TopRight, Right, BottomRight, Bottom, BottomLeft, Left, Free };

struct WindowPlacement {
  bool valid = false;    ///< false until the window has been placed once
  std::string monitor;   ///< the monitor's name as GLFW reports it
  Anchor anchor = Anchor::TopRight;
  int offsetX = 0;       ///< pixels from the anchor, inward positive (Free: from the work area's top-left)
  int offsetY = 0;

  bool operator==(const WindowPlacement&) const = default;
};

/// The `statusline` section, for `claude-usage-tracker statusline`.
struct StatuslineSettings {
  /// Segment names in order: dir, branch, model, context, five_hour, weekly, cost, and the
  /// key-only ones per_model, extra.
  std::vector<std::string> segments = {"dir",     "branch", "model", "context",
                                       "five_hour", "weekly", "cost"};
  bool clock24h = true;
  /// "auto" (256 colours unless NO_COLOR), "256", "none".
  std::string colorMode = "auto";

  bool operator==(const StatuslineSettings&) const = default;
};

struct Settings {
  /// Seconds between polls; held to 30 at least. Default 60.
  int refreshIntervalSeconds = 60;
  /// The organization to show; empty means the first one listed.
  std::string organizationUuid;
  /// Panel opacity, 0.3..1.
  double opacity = 0.92;
  /// Gauge colour bands, percent: green below amber, amber below red, red from red up.
  double amberPercent = 70.0;
  double redPercent = 90.0;
  bool clock24h = true;
  bool alwaysOnTop = true;
  /// Distance in pixels within which a dragged widget snaps to a work-area edge, 0..200.
  int snapDistancePx = 24;
  /// The small ring instead of the rows.
  bool compact = false;
  /// Limit ids the user chose not to show (e.g. "seven_day_sonnet", "extra_usage").
  std::vector<std::string> hiddenRows;
  WindowPlacement placement;
  StatuslineSettings statusline;

  bool operator==(const Settings&) const = default;
};

struct SettingsLoad {
  Settings settings;
  /// For people: a corrupt file set aside, a value out of range ignored...
  std::vector<std::string> warnings;
};

/// settings.json inside `configDir`.
std::filesystem::path settingsPath(const std::filesystem::path& configDir);

/// Loads settings. A missing file gives defaults. A file that does not parse is renamed to
/// `settings.json.bad` (never overwritten silently) and defaults are used, with a warning.
SettingsLoad loadSettings(const std::filesystem::path& configDir);

/// Writes settings atomically (0600).
Result<Done, FileError> saveSettings(const std::filesystem::path& configDir, const Settings& settings);

}  // namespace cut::core
