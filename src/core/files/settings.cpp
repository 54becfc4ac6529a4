#include "core/files/settings.h"

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/claude/fetch_policy.h"
#include "core/files/file_system.h"
#include "core/files/json_document.h"
#include "core/files/private_dir.h"

namespace cut::core {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxSettingsBytes = 256 * 1024;
constexpr int kMaxBadCopies = 1000;
constexpr std::int64_t kMaxOffsetPx = 100000;

constexpr std::array<std::pair<Anchor, std::string_view>, 9> kAnchorNames = {{
    {Anchor::TopLeft, "top_left"},
    {Anchor::Top, "top"},
    {Anchor::TopRight, "top_right"},
    {Anchor::Right, "right"},
    {Anchor::BottomRight, "bottom_right"},
    {Anchor::Bottom, "bottom"},
    {Anchor::BottomLeft, "bottom_left"},
    {Anchor::Left, "left"},
    {Anchor::Free, "free"},
}};

std::string_view anchorName(Anchor anchor) {
  for (const auto& [value, name] : kAnchorNames) {
    if (value == anchor) return name;
  }
  return "free";
}

std::optional<Anchor> anchorFromName(std::string_view text) {
  for (const auto& [value, name] : kAnchorNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

// JSON integers arrive signed or unsigned; one above INT64_MAX is out of every range here.
std::optional<std::int64_t> asInt64(const json& value) {
  if (value.is_number_unsigned()) {
    const auto u = value.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<std::int64_t>(u);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  return std::nullopt;
}

// Limit ids and segment names: lower-case words joined by '_'.
bool isIdentifier(const std::string& text) {
  if (text.empty() || text.size() > 64) return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool isUuidLike(const std::string& text) {
  if (text.size() > 64) return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || (c >= '0' && c <= '9') || c == '-'))
      return false;
  }
  return true;
}

// Reads the keys of one JSON object into fields, each only when it has the right type and range;
// anything else leaves the field as it was and adds a warning naming the key.
class FieldReader {
 public:
  FieldReader(const json& object, std::string prefix, std::vector<std::string>& warnings)
      : m_object(object), m_prefix(std::move(prefix)), m_warnings(warnings) {}

  const json* find(const char* key) const {
    const auto it = m_object.find(key);
    return it == m_object.end() ? nullptr : &*it;
  }

  void warn(const char* key, const std::string& rule) {
    m_warnings.push_back("settings.json: " + m_prefix + key + " " + rule + "; it was ignored.");
  }

  std::optional<std::int64_t> integer(const char* key, std::int64_t min, std::int64_t max) {
    const json* value = find(key);
    if (value == nullptr) return std::nullopt;
    const auto v = asInt64(*value);
    if (!v || *v < min || *v > max) {
      warn(key, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
      return std::nullopt;
    }
    return v;
  }

  void readInt(const char* key, int& field, int min, int max) {
    if (auto v = integer(key, min, max)) field = static_cast<int>(*v);
  }

  std::optional<double> number(const char* key, double min, double max, const char* rule) {
    const json* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_number() || !std::isfinite(value->get<double>()) || value->get<double>() < min ||
        value->get<double>() > max) {
      warn(key, rule);
      return std::nullopt;
    }
    return value->get<double>();
  }

  void readBool(const char* key, bool& field) {
    const json* value = find(key);
    if (value == nullptr) return;
    if (!value->is_boolean()) return warn(key, "must be true or false");
    field = value->get<bool>();
  }

  template <typename Check>
  void readString(const char* key, std::string& field, Check check, const char* rule) {
    const json* value = find(key);
    if (value == nullptr) return;
    if (!value->is_string() || !check(value->get_ref<const std::string&>())) return warn(key, rule);
    field = value->get<std::string>();
  }

  // A list of identifiers; entries that are not are skipped one by one, the rest kept.
  void readIdentifiers(const char* key, std::vector<std::string>& field) {
    const json* value = find(key);
    if (value == nullptr) return;
    if (!value->is_array() || value->size() > 64) return warn(key, "must be a list of at most 64 names");
    std::vector<std::string> names;
    bool skipped = false;
    for (const json& item : *value) {
      if (item.is_string() && isIdentifier(item.get_ref<const std::string&>()))
        names.push_back(item.get<std::string>());
      else
        skipped = true;
    }
    if (skipped) {
      m_warnings.push_back("settings.json: " + m_prefix + key +
                           " holds entries that are not names like \"seven_day\"; they were ignored.");
    }
    field = std::move(names);
  }

 private:
  const json& m_object;
  std::string m_prefix;
  std::vector<std::string>& m_warnings;
};

void readPlacement(const json& value, WindowPlacement& placement, std::vector<std::string>& warnings) {
  // A placement is only meaningful whole: one bad part drops it, and the widget places itself anew.
  const std::string rule =
      "settings.json: placement must be {\"monitor\": text, \"anchor\": \"top_left\"|\"top\"|...|\"free\", "
      "\"offset_x\": number, \"offset_y\": number}; it was ignored.";
  if (!value.is_object()) return warnings.push_back(rule);
  const auto monitor = value.find("monitor");
  const auto anchor = value.find("anchor");
  const auto x = value.find("offset_x");
  const auto y = value.find("offset_y");
  auto offset = [&](json::const_iterator it) -> std::optional<std::int64_t> {
    if (it == value.end()) return std::nullopt;
    const auto v = asInt64(*it);
    return v && *v >= -kMaxOffsetPx && *v <= kMaxOffsetPx ? v : std::nullopt;
  };
  const auto offsetX = offset(x);
  const auto offsetY = offset(y);
  if (monitor == value.end() || !monitor->is_string() ||
      monitor->get_ref<const std::string&>().size() > 256 || anchor == value.end() || !anchor->is_string() ||
      !anchorFromName(anchor->get_ref<const std::string&>()) || !offsetX || !offsetY) {
    return warnings.push_back(rule);
  }
  placement.valid = true;
  placement.monitor = monitor->get<std::string>();
  placement.anchor = *anchorFromName(anchor->get_ref<const std::string&>());
  placement.offsetX = static_cast<int>(*offsetX);
  placement.offsetY = static_cast<int>(*offsetY);
}

void readStatusline(const json& value, StatuslineSettings& statusline, std::vector<std::string>& warnings) {
  if (!value.is_object()) {
    warnings.push_back("settings.json: statusline must be an object; it was ignored.");
    return;
  }
  FieldReader reader(value, "statusline.", warnings);
  reader.readIdentifiers("segments", statusline.segments);
  reader.readBool("clock_24h", statusline.clock24h);
  reader.readString(
      "color_mode", statusline.colorMode,
      [](const std::string& mode) { return mode == "auto" || mode == "256" || mode == "none"; },
      "must be \"auto\", \"256\" or \"none\"");
  reader.readString(
      "color_by", statusline.colorBy, [](const std::string& by) { return by == "level" || by == "pace"; },
      "must be \"level\" or \"pace\"");
}

void readAlerts(const json& value, AlertSettings& alerts, std::vector<std::string>& warnings) {
  if (!value.is_object()) {
    warnings.push_back("settings.json: alerts must be an object; it was ignored.");
    return;
  }
  FieldReader reader(value, "alerts.", warnings);
  if (const json* list = reader.find("session_percents")) {
    // Whole or not at all: a list with one bad entry would silently change which alerts fire.
    std::vector<double> percents;
    bool ok = list->is_array() && list->size() <= kMaxSessionPercents;
    if (ok) {
      for (const json& item : *list) {
        if (!item.is_number()) {
          ok = false;
          break;
        }
        percents.push_back(item.get<double>());
      }
    }
    if (ok && sessionPercentsProblem(percents).empty())
      alerts.sessionPercents = std::move(percents);
    else
      reader.warn("session_percents", "must be a list of at most 8 rising percents from 1 to 100");
  }
  if (auto v = reader.number("weekly_percent", 1.0, 100.0, "must be a number from 1 to 100"))
    alerts.weeklyPercent = *v;
  reader.readBool("session", alerts.session);
  reader.readBool("weekly", alerts.weekly);
  reader.readBool("fresh_window", alerts.freshWindow);
  reader.readBool("key_expired", alerts.keyExpired);
  reader.readBool("projection_critical", alerts.projectionCritical);
}

void readSettings(const json& root, Settings& settings, std::vector<std::string>& warnings) {
  FieldReader reader(root, "", warnings);
  reader.readInt("refresh_interval_seconds", settings.refreshIntervalSeconds,
                 static_cast<int>(kMinPollInterval.count()), 3600);
  reader.readString("organization_uuid", settings.organizationUuid, isUuidLike,
                    "must be an organization id (letters a-f, digits and '-')");
  if (auto v = reader.number("opacity", 0.3, 1.0, "must be a number from 0.3 to 1")) settings.opacity = *v;
  const auto amber = reader.number("amber_percent", 0.0, 100.0, "must be a number from 0 to 100");
  const auto red = reader.number("red_percent", 0.0, 100.0, "must be a number from 0 to 100");
  if (amber.value_or(settings.amberPercent) < red.value_or(settings.redPercent)) {
    settings.amberPercent = amber.value_or(settings.amberPercent);
    settings.redPercent = red.value_or(settings.redPercent);
  } else {
    warnings.push_back("settings.json: amber_percent must be below red_percent; both were ignored.");
  }
  reader.readBool("clock_24h", settings.clock24h);
  reader.readBool("always_on_top", settings.alwaysOnTop);
  reader.readInt("snap_distance_px", settings.snapDistancePx, 0, 200);
  reader.readBool("compact", settings.compact);
  reader.readBool("color_by_pace", settings.colorByPace);
  reader.readBool("show_charts", settings.showCharts);
  reader.readIdentifiers("hidden_rows", settings.hiddenRows);
  if (const json* placement = reader.find("placement"))
    readPlacement(*placement, settings.placement, warnings);
  if (const json* statusline = reader.find("statusline"))
    readStatusline(*statusline, settings.statusline, warnings);
  if (const json* alerts = reader.find("alerts")) readAlerts(*alerts, settings.alerts, warnings);
}

json toJson(const Settings& s) {
  json root = {
      {"refresh_interval_seconds", s.refreshIntervalSeconds},
      {"organization_uuid", s.organizationUuid},
      {"opacity", s.opacity},
      {"amber_percent", s.amberPercent},
      {"red_percent", s.redPercent},
      {"clock_24h", s.clock24h},
      {"always_on_top", s.alwaysOnTop},
      {"snap_distance_px", s.snapDistancePx},
      {"compact", s.compact},
      {"color_by_pace", s.colorByPace},
      {"show_charts", s.showCharts},
      {"hidden_rows", s.hiddenRows},
      {"statusline",
       {{"segments", s.statusline.segments},
        {"clock_24h", s.statusline.clock24h},
        {"color_mode", s.statusline.colorMode},
        {"color_by", s.statusline.colorBy}}},
      {"alerts",
       {{"session_percents", s.alerts.sessionPercents},
        {"weekly_percent", s.alerts.weeklyPercent},
        {"session", s.alerts.session},
        {"weekly", s.alerts.weekly},
        {"fresh_window", s.alerts.freshWindow},
        {"key_expired", s.alerts.keyExpired},
        {"projection_critical", s.alerts.projectionCritical}}},
  };
  if (s.placement.valid) {
    root["placement"] = {{"monitor", s.placement.monitor},
                         {"anchor", anchorName(s.placement.anchor)},
                         {"offset_x", s.placement.offsetX},
                         {"offset_y", s.placement.offsetY}};
  }
  return root;
}

// Moves a corrupt file aside to the first free name of `.bad`, `.bad.1`, `.bad.2`, ... so an
// earlier copy is never overwritten, even by another process doing the same at the same moment.
Result<std::filesystem::path, FileError> setAside(const std::filesystem::path& path) {
  for (int n = 0; n < kMaxBadCopies; ++n) {
    std::filesystem::path bad = path;
    bad += n == 0 ? std::string(".bad") : ".bad." + std::to_string(n);
    std::string why;
    switch (detail::moveNoReplace(path, bad, why)) {
      case detail::MoveOutcome::Moved: return bad;
      case detail::MoveOutcome::TargetExists: continue;
      case detail::MoveOutcome::SourceMissing:
        return fail(FileError{.message = "another process moved it aside at the same moment"});
      case detail::MoveOutcome::Failed:
        return fail(FileError{.message = "cannot rename " + path.string() + ": " + why});
    }
  }
  return fail(FileError{.message = "too many earlier copies of " + path.string() + ".bad"});
}

void setAsideCorrupt(const std::filesystem::path& path, const std::string& reason, SettingsLoad& load) {
  const auto bad = setAside(path);
  if (bad) {
    load.warnings.push_back(path.string() + " " + reason + "; it was kept as " + bad.value().string() +
                            " and default settings are used.");
  } else {
    load.warnings.push_back(path.string() + " " + reason + " and could not be set aside (" +
                            bad.error().message + "); default settings are used.");
  }
}

}  // namespace

std::filesystem::path settingsPath(const std::filesystem::path& configDir) {
  return configDir / "settings.json";
}

namespace {

// A corrupt file is set aside by loadSettings and only passed over by loadSettingsReadOnly; both
// read it with the same cap and rules.
enum class OnCorrupt { SetAside, UseDefaults };

SettingsLoad load(const std::filesystem::path& configDir, OnCorrupt onCorrupt) {
  SettingsLoad load;
  const auto path = settingsPath(configDir);
  const auto corrupt = [&](const std::string& reason) {
    if (onCorrupt == OnCorrupt::SetAside) setAsideCorrupt(path, reason, load);
    return load;
  };
  if (auto trusted = checkPrivateDir(configDir); !trusted) {
    load.warnings.push_back(trusted.error().message + " Default settings are used.");
    return load;
  }
  const auto text = readFile(path, kMaxSettingsBytes);
  if (!text) {
    if (text.error().tooLarge) return corrupt("is larger than 256 KiB");
    if (!text.error().missing) load.warnings.push_back(text.error().message + "; default settings are used.");
    return load;
  }

  auto parsed = detail::parseJson(text.value());
  if (!parsed) return corrupt(parsed.error().message);
  const json& root = parsed.value();
  if (!root.is_object()) return corrupt("does not hold a JSON object");
  readSettings(root, load.settings, load.warnings);
  return load;
}

}  // namespace

SettingsLoad loadSettings(const std::filesystem::path& configDir) {
  return load(configDir, OnCorrupt::SetAside);
}

Settings loadSettingsReadOnly(const std::filesystem::path& configDir) {
  return load(configDir, OnCorrupt::UseDefaults).settings;
}

Result<Done, FileError> saveSettings(const std::filesystem::path& configDir, const Settings& settings) {
  const auto path = settingsPath(configDir);
  if (auto trusted = checkPrivateDir(configDir); !trusted) return trusted;
  // Invalid UTF-8 (a monitor name, say) is replaced rather than failing the whole save.
  const std::string text = toJson(settings).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  // The settings file holds no secret; a session key pasted into the wrong field never reaches disk.
  if (text.find("sk-ant-") != std::string::npos) {
    return fail(FileError{.message = "not saving " + path.string() +
                                     ": a setting holds what looks like a session key"});
  }
  return writeFileAtomic(path, text, 0600);
}

}  // namespace cut::core
