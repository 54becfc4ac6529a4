// Settings on every OS: defaults, every field through a save and a load, ranges, corrupt files set
// aside, the key never saved. Exact modes are in settings_posix_test.cpp.
#include "core/files/settings.h"

#include <doctest/doctest.h>
#include <algorithm>

#include "core/files/key_file.h"
#include "support/file_access.h"
#include "support/temp_dir.h"

namespace settings_test {

using namespace cut::core;
using namespace cut::test;

namespace {

Settings everyFieldChanged() {
  Settings s;
  s.refreshIntervalSeconds = 300;
  s.organizationUuid = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
  s.opacity = 0.55;
  s.amberPercent = 60.5;
  s.redPercent = 85.25;
  s.clock24h = false;
  s.alwaysOnTop = false;
  s.snapDistancePx = 40;
  s.compact = true;
  s.colorByPace = true;
  s.showCharts = true;
  s.hiddenRows = {"seven_day_sonnet", "extra_usage"};
  s.placement = {
      .valid = true, .monitor = "DP-1", .anchor = Anchor::BottomLeft, .offsetX = -12, .offsetY = 34};
  s.statusline.segments = {"model", "five_hour", "per_model", "extra"};
  s.statusline.clock24h = false;
  s.statusline.colorMode = "none";
  s.statusline.colorBy = "pace";
  s.alerts = {.sessionPercents = {50.0, 80.5},
              .weeklyPercent = 75.0,
              .session = false,
              .weekly = false,
              .freshWindow = false,
              .keyExpired = false,
              .projectionCritical = true};
  REQUIRE_FALSE(s == Settings{});
  return s;
}

SettingsLoad loadText(const TempDir& dir, const std::string& json) {
  writeWholeFile(settingsPath(dir.path()), json);
  return loadSettings(dir.path());
}

bool anyWarningHas(const SettingsLoad& load, const std::string& text) {
  return std::any_of(load.warnings.begin(), load.warnings.end(),
                     [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("a missing settings file gives defaults, no warning, and creates nothing") {
  TempDir dir;
  const auto load = loadSettings(dir / "config");
  CHECK(load.settings == Settings{});
  CHECK(load.warnings.empty());
  CHECK_FALSE(std::filesystem::exists(dir / "config"));
}

TEST_CASE("every field survives a save and a load") {
  TempDir dir;
  const Settings saved = everyFieldChanged();
  REQUIRE(saveSettings(dir.path(), saved).ok());
  const auto load = loadSettings(dir.path());
  CHECK(load.warnings.empty());
  CHECK(load.settings == saved);
  CHECK(load.settings.placement == saved.placement);
  CHECK(load.settings.statusline == saved.statusline);
}

TEST_CASE("every anchor survives a save and a load") {
  for (const Anchor anchor :
       {Anchor::TopLeft, Anchor::Top, Anchor::TopRight, Anchor::Right, Anchor::BottomRight, Anchor::Bottom,
        Anchor::BottomLeft, Anchor::Left, Anchor::Free}) {
    TempDir dir;
    Settings s;
    s.placement = {.valid = true, .monitor = "HDMI-A-1", .anchor = anchor, .offsetX = 5, .offsetY = 6};
    REQUIRE(saveSettings(dir.path(), s).ok());
    CHECK(loadSettings(dir.path()).settings.placement == s.placement);
  }
}

TEST_CASE("the saved file is pretty JSON with snake_case keys, private, in a private folder") {
  TempDir dir;
  const auto configDir = dir / "claude-usage-tracker";
  REQUIRE(saveSettings(configDir, everyFieldChanged()).ok());
  const auto path = settingsPath(configDir);
  CHECK(path == configDir / "settings.json");
  CHECK(othersWithAccess(path) == "");
  CHECK(othersWithAccess(configDir) == "");
  const std::string text = readWholeFile(path);
  CHECK(text.find("\n  \"refresh_interval_seconds\": 300,\n") != std::string::npos);
  CHECK(text.find("\"anchor\": \"bottom_left\"") != std::string::npos);
  CHECK(text.find("\"color_mode\": \"none\"") != std::string::npos);
  CHECK(text.back() == '\n');
}

TEST_CASE("the settings file never holds the session key") {
  TempDir dir;
  REQUIRE(writeKeyFile(dir / ".claude-session-key", "sk-ant-sid01-TESTKEY_abc123xyz").ok());
  REQUIRE(saveSettings(dir.path(), everyFieldChanged()).ok());
  const std::string text = readWholeFile(settingsPath(dir.path()));
  CHECK(text.find("sk-ant") == std::string::npos);
  CHECK(text.find("TESTKEY") == std::string::npos);
}

TEST_CASE("a key pasted into a settings field is refused rather than saved") {
  TempDir dir;
  Settings s;
  s.placement = {.valid = true, .monitor = "sk-ant-sid01-TESTKEY_abc123xyz"};
  const auto result = saveSettings(dir.path(), s);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find("TESTKEY") == std::string::npos);
  CHECK(entryCount(dir.path()) == 0);
}

TEST_CASE("a file that does not parse is kept byte-for-byte as settings.json.bad and defaults are used") {
  TempDir dir;
  const std::string broken = "{\"refresh_interval_seconds\": 120,\n \"opacity\": 0.5,,\n";
  const auto load = loadText(dir, broken);
  CHECK(load.settings == Settings{});
  REQUIRE(load.warnings.size() == 1);
  CHECK(load.warnings[0].find("not valid JSON") != std::string::npos);
  CHECK(load.warnings[0].find("settings.json.bad") != std::string::npos);
  CHECK(readWholeFile(dir / "settings.json.bad") == broken);
  CHECK_FALSE(std::filesystem::exists(settingsPath(dir.path())));
}

TEST_CASE("later corrupt files are kept as .bad.1, .bad.2 and never overwrite an earlier copy") {
  TempDir dir;
  loadText(dir, "first {");
  const auto second = loadText(dir, "second [");
  const auto third = loadText(dir, "third \"");
  CHECK(readWholeFile(dir / "settings.json.bad") == "first {");
  CHECK(readWholeFile(dir / "settings.json.bad.1") == "second [");
  CHECK(readWholeFile(dir / "settings.json.bad.2") == "third \"");
  CHECK(anyWarningHas(second, "settings.json.bad.1"));
  CHECK(anyWarningHas(third, "settings.json.bad.2"));
}

TEST_CASE("JSON that is not an object is set aside like a corrupt file") {
  for (const std::string text : {"[1, 2]", "42", "\"text\"", "null", ""}) {
    CAPTURE(text);
    TempDir dir;
    const auto load = loadText(dir, text);
    CHECK(load.settings == Settings{});
    CHECK(anyWarningHas(load, "settings.json.bad"));
    CHECK(readWholeFile(dir / "settings.json.bad") == text);
  }
}

TEST_CASE("the read-only load gives the same settings and never moves a corrupt or oversized file") {
  TempDir dir;
  writeWholeFile(settingsPath(dir.path()), "{\"opacity\": 0.5, \"refresh_interval_seconds\": 120}");
  const Settings read = loadSettingsReadOnly(dir.path());
  CHECK(read.opacity == 0.5);
  CHECK(read.refreshIntervalSeconds == 120);
  CHECK(read == loadSettings(dir.path()).settings);

  const std::string big = "{\"opacity\": 0.5, \"padding\": \"" + std::string(256 * 1024, ' ') + "\"}";
  for (const std::string& text : {std::string("{\"opacity\": 0.5,,"), std::string("[1]"), big}) {
    writeWholeFile(settingsPath(dir.path()), text);
    CHECK(loadSettingsReadOnly(dir.path()) == Settings{});
    CHECK(readWholeFile(settingsPath(dir.path())) == text);
    CHECK(entryCount(dir.path()) == 1);
  }
}

TEST_CASE("a settings file over 256 KiB is treated as corrupt even when it parses") {
  TempDir dir;
  const std::string big = "{\"opacity\": 0.5, \"padding\": \"" + std::string(256 * 1024, ' ') + "\"}";
  const auto load = loadText(dir, big);
  CHECK(load.settings == Settings{});
  CHECK(anyWarningHas(load, "256 KiB"));
  CHECK(readWholeFile(dir / "settings.json.bad") == big);
}

TEST_CASE("a folder where settings.json should be gives defaults and a warning, and stays") {
  TempDir dir;
  std::filesystem::create_directory(settingsPath(dir.path()));
  const auto load = loadSettings(dir.path());
  CHECK(load.settings == Settings{});
  CHECK(anyWarningHas(load, "not a regular file"));
  CHECK(std::filesystem::is_directory(settingsPath(dir.path())));
}

TEST_CASE("unknown keys are ignored quietly and known ones still read") {
  TempDir dir;
  const auto load = loadText(dir, R"({"future_option": {"a": 1}, "theme": "dark", "compact": true,
                                      "statusline": {"emoji": true, "clock_24h": false}})");
  CHECK(load.warnings.empty());
  CHECK(load.settings.compact);
  CHECK_FALSE(load.settings.statusline.clock24h);
}

TEST_CASE("values at the edges of each range are accepted") {
  TempDir dir;
  auto load = loadText(dir, R"({"refresh_interval_seconds": 30, "opacity": 0.3, "snap_distance_px": 0,
                                "amber_percent": 0, "red_percent": 100})");
  CHECK(load.warnings.empty());
  CHECK(load.settings.refreshIntervalSeconds == 30);
  CHECK(load.settings.opacity == 0.3);
  CHECK(load.settings.snapDistancePx == 0);
  CHECK(load.settings.amberPercent == 0.0);
  CHECK(load.settings.redPercent == 100.0);
  load = loadText(dir, R"({"refresh_interval_seconds": 3600, "opacity": 1, "snap_distance_px": 200})");
  CHECK(load.warnings.empty());
  CHECK(load.settings.refreshIntervalSeconds == 3600);
  CHECK(load.settings.opacity == 1.0);
  CHECK(load.settings.snapDistancePx == 200);
}

TEST_CASE("a value of the wrong type or out of range is ignored with a warning naming its key") {
  struct Case {
    std::string json;
    std::string key;
  };
  const Case cases[] = {
      {R"({"refresh_interval_seconds": 29})", "refresh_interval_seconds"},
      {R"({"refresh_interval_seconds": 3601})", "refresh_interval_seconds"},
      {R"({"refresh_interval_seconds": "60"})", "refresh_interval_seconds"},
      {R"({"refresh_interval_seconds": 60.5})", "refresh_interval_seconds"},
      {R"({"refresh_interval_seconds": 18446744073709551615})", "refresh_interval_seconds"},
      {R"({"refresh_interval_seconds": -60})", "refresh_interval_seconds"},
      {R"({"organization_uuid": 42})", "organization_uuid"},
      {R"({"organization_uuid": "not a uuid!"})", "organization_uuid"},
      {R"({"opacity": 0.29})", "opacity"},
      {R"({"opacity": 1.01})", "opacity"},
      {R"({"opacity": "0.5"})", "opacity"},
      {R"({"opacity": true})", "opacity"},
      {R"({"amber_percent": 101})", "amber_percent"},
      {R"({"red_percent": -1})", "red_percent"},
      {R"({"amber_percent": 95})", "amber_percent must be below red_percent"},
      {R"({"amber_percent": 50, "red_percent": 50})", "amber_percent must be below red_percent"},
      {R"({"clock_24h": "yes"})", "clock_24h"},
      {R"({"clock_24h": 1})", "clock_24h"},
      {R"({"always_on_top": null})", "always_on_top"},
      {R"({"snap_distance_px": -1})", "snap_distance_px"},
      {R"({"snap_distance_px": 201})", "snap_distance_px"},
      {R"({"compact": "false"})", "compact"},
      {R"({"color_by_pace": 1})", "color_by_pace"},
      {R"({"show_charts": "yes"})", "show_charts"},
      {R"({"hidden_rows": "five_hour"})", "hidden_rows"},
      {R"({"placement": {"monitor": "DP-1", "anchor": "middle", "offset_x": 0, "offset_y": 0}})",
       "placement"},
      {R"({"placement": {"monitor": "DP-1", "anchor": "top", "offset_x": 0.5, "offset_y": 0}})", "placement"},
      {R"({"placement": {"monitor": "DP-1", "anchor": "top", "offset_x": 0}})", "placement"},
      {R"({"placement": {"anchor": "top", "offset_x": 0, "offset_y": 0}})", "placement"},
      {R"({"placement": {"monitor": "DP-1", "anchor": "top", "offset_x": 100001, "offset_y": 0}})",
       "placement"},
      {R"({"placement": "top_right"})", "placement"},
      {R"({"statusline": []})", "statusline"},
      {R"({"statusline": {"color_mode": "rainbow"}})", "statusline.color_mode"},
      {R"({"statusline": {"clock_24h": "no"}})", "statusline.clock_24h"},
      {R"({"statusline": {"segments": "model"}})", "statusline.segments"},
      {R"({"statusline": {"color_by": "mood"}})", "statusline.color_by"},
      {R"({"alerts": 90})", "alerts"},
      {R"({"alerts": {"session_percents": [90, 75]}})", "alerts.session_percents"},
      {R"({"alerts": {"session_percents": [75, 75]}})", "alerts.session_percents"},
      {R"({"alerts": {"session_percents": [0.5]}})", "alerts.session_percents"},
      {R"({"alerts": {"session_percents": [101]}})", "alerts.session_percents"},
      {R"({"alerts": {"session_percents": [10, 20, 30, 40, 50, 60, 70, 80, 90]}})",
       "alerts.session_percents"},
      {R"({"alerts": {"session_percents": ["75"]}})", "alerts.session_percents"},
      {R"({"alerts": {"weekly_percent": 0}})", "alerts.weekly_percent"},
      {R"({"alerts": {"weekly_percent": 100.5}})", "alerts.weekly_percent"},
      {R"({"alerts": {"fresh_window": "yes"}})", "alerts.fresh_window"},
      {R"({"alerts": {"projection_critical": 1}})", "alerts.projection_critical"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.json);
    TempDir dir;
    const auto load = loadText(dir, c.json);
    CHECK(load.settings == Settings{});
    REQUIRE(load.warnings.size() == 1);
    CHECK(load.warnings[0].find("settings.json: " + c.key) != std::string::npos);
    CHECK(
        std::filesystem::exists(settingsPath(dir.path())));  // a bad value is no reason to set the file aside
  }
}

TEST_CASE("alerts default to the session at 75, 90 and 95 percent and weekly at 90, projection off") {
  const Settings s;
  CHECK(s.alerts.sessionPercents == std::vector<double>{75.0, 90.0, 95.0});
  CHECK(s.alerts.weeklyPercent == 90.0);
  CHECK(s.alerts.session);
  CHECK(s.alerts.weekly);
  CHECK(s.alerts.freshWindow);
  CHECK(s.alerts.keyExpired);
  CHECK_FALSE(s.alerts.projectionCritical);
  CHECK(s.statusline.colorBy == "level");
  TempDir dir;
  const auto load = loadText(dir, R"({"alerts": {"session_percents": []}})");
  CHECK(load.warnings.empty());
  CHECK(load.settings.alerts.sessionPercents.empty());
}

TEST_CASE("one bad value costs only that value") {
  TempDir dir;
  const auto load = loadText(dir, R"({"refresh_interval_seconds": 5, "opacity": 0.6, "compact": true})");
  CHECK(load.settings.refreshIntervalSeconds == 60);
  CHECK(load.settings.opacity == 0.6);
  CHECK(load.settings.compact);
  CHECK(load.warnings.size() == 1);
}

TEST_CASE("a list keeps its good names and skips the bad ones with a warning") {
  TempDir dir;
  const auto load = loadText(dir, R"({"hidden_rows": ["seven_day", 3, "Bad Name", "extra_usage"],
                                      "statusline": {"segments": ["dir", "", "five_hour"]}})");
  CHECK(load.settings.hiddenRows == std::vector<std::string>{"seven_day", "extra_usage"});
  CHECK(load.settings.statusline.segments == std::vector<std::string>{"dir", "five_hour"});
  CHECK(anyWarningHas(load, "settings.json: hidden_rows"));
  CHECK(anyWarningHas(load, "settings.json: statusline.segments"));
}

TEST_CASE("a placement with a negative offset and an empty list of rows load as written") {
  TempDir dir;
  const auto load = loadText(dir, R"({"hidden_rows": [], "placement": {"monitor": "", "anchor": "free",
                                      "offset_x": -100000, "offset_y": 100000}})");
  CHECK(load.warnings.empty());
  CHECK(load.settings.hiddenRows.empty());
  CHECK(load.settings.placement.valid);
  CHECK(load.settings.placement.anchor == Anchor::Free);
  CHECK(load.settings.placement.offsetX == -100000);
  CHECK(load.settings.placement.offsetY == 100000);
}

}  // namespace settings_test
