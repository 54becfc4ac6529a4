// Temporary: a demo-only UsageService and a minimal settings file, until the poller, the client and
// the settings code land. Replaced by usage_service.cpp and core/settings.cpp.
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "app/usage_service.h"
#include "core/demo.h"

namespace cut::core {

std::filesystem::path settingsPath(const std::filesystem::path& configDir) {
  return configDir / "settings.json";
}

SettingsLoad loadSettings(const std::filesystem::path& configDir) {
  SettingsLoad load;
  std::ifstream in(settingsPath(configDir));
  if (!in) return load;
  const auto json = nlohmann::json::parse(in, nullptr, false);
  if (json.is_discarded()) return load;
  Settings& s = load.settings;
  s.alwaysOnTop = json.value("always_on_top", s.alwaysOnTop);
  s.snapDistancePx = json.value("snap_distance_px", s.snapDistancePx);
  s.compact = json.value("compact", s.compact);
  if (json.contains("placement")) {
    const auto& p = json["placement"];
    s.placement.valid = true;
    s.placement.monitor = p.value("monitor", "");
    s.placement.anchor = static_cast<Anchor>(p.value("anchor", 0));
    s.placement.offsetX = p.value("offset_x", 0);
    s.placement.offsetY = p.value("offset_y", 0);
  }
  return load;
}

Result<Done, FileError> saveSettings(const std::filesystem::path& configDir, const Settings& s) {
  nlohmann::json json = {
      {"always_on_top", s.alwaysOnTop}, {"snap_distance_px", s.snapDistancePx}, {"compact", s.compact}};
  if (s.placement.valid) {
    json["placement"] = {{"monitor", s.placement.monitor},
                         {"anchor", static_cast<int>(s.placement.anchor)},
                         {"offset_x", s.placement.offsetX},
                         {"offset_y", s.placement.offsetY}};
  }
  std::filesystem::create_directories(configDir);
  std::ofstream out(settingsPath(configDir));
  out << json.dump(2);
  return Done{};
}

}  // namespace cut::core

namespace cut::app {

struct UsageService::Network {};

UsageService::UsageService(const Options& options, const core::Settings&, core::SnapshotStore& store,
                           std::function<void()> wake)
    : m_options(options), m_store(store), m_wake(std::move(wake)) {}
UsageService::~UsageService() = default;
void UsageService::start() {
  if (m_options.demo) {
    m_store.publish(core::makeDemoSnapshot(core::Clock::now()));
  } else {
    m_store.publish(core::UsageSnapshot{.paused = true});
  }
}
void UsageService::stop() {}
void UsageService::refreshNow() {}
void UsageService::applySettings(const core::Settings&, const core::Settings&) {}
void UsageService::testAndSaveKey(std::string) {}
void UsageService::removeKey() {}
ui::KeyCheck UsageService::keyCheck() const { return {}; }
bool UsageService::hasKey() const { return false; }
std::string UsageService::keyFileMode() const { return ""; }
void UsageService::setKeyCheck(ui::KeyCheck) {}
void UsageService::refreshKeyState() {}

}  // namespace cut::app
