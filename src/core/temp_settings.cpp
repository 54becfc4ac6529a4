// temporary: replaced by settings.cpp
#include <nlohmann/json.hpp>

#include "settings.h"

namespace cut::core {

std::filesystem::path settingsPath(const std::filesystem::path& configDir) { return configDir / "settings.json"; }

SettingsLoad loadSettings(const std::filesystem::path& configDir) {
  SettingsLoad load;
  const auto text = readFile(settingsPath(configDir), 256 * 1024);
  if (!text) return load;
  const auto root = nlohmann::json::parse(text.value(), nullptr, false);
  if (!root.is_object()) return load;
  Settings& s = load.settings;
  if (root.contains("amber_percent") && root["amber_percent"].is_number()) s.amberPercent = root["amber_percent"];
  if (root.contains("red_percent") && root["red_percent"].is_number()) s.redPercent = root["red_percent"];
  if (root.contains("statusline") && root["statusline"].is_object()) {
    const auto& sl = root["statusline"];
    if (sl.contains("segments") && sl["segments"].is_array()) {
      s.statusline.segments.clear();
      for (const auto& v : sl["segments"])
        if (v.is_string()) s.statusline.segments.push_back(v.get<std::string>());
    }
    if (sl.contains("clock_24h") && sl["clock_24h"].is_boolean()) s.statusline.clock24h = sl["clock_24h"];
    if (sl.contains("color_mode") && sl["color_mode"].is_string()) s.statusline.colorMode = sl["color_mode"];
  }
  return load;
}

}  // namespace cut::core
