// JSON files we read that would end the process or cost the user their file: numbers past the
// double range, nesting 100,000 deep, fields of the wrong type, read-only settings, and objects
// with tens of thousands of keys. A dangling link is in hostile_json_posix_test.cpp.

#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/files/json_document.h"
#include "core/files/settings.h"
#include "core/files/usage_cache.h"
#include "core/statusline/claude_code_settings.h"
#include "support/file_access.h"
#include "support/temp_dir.h"

namespace hostile_json_test {

using namespace cut::core;
namespace fs = std::filesystem;
using cut::test::readWholeFile;
using cut::test::TempDir;
using cut::test::writeWholeFile;
using ordered_json = nlohmann::ordered_json;

namespace {

const TimePoint kNow = Clock::from_time_t(1'796'340'000);
const std::string kCommand = "/opt/cut/bin/claude-usage-tracker statusline";

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace

TEST_CASE("a number past the double range in our settings sets the file aside instead of aborting") {
  TempDir tmp;
  const std::string text = R"({"opacity": 1e400, "compact": true})";
  writeWholeFile(settingsPath(tmp.path()), text);
  const SettingsLoad load = loadSettings(tmp.path());
  CHECK(load.settings == Settings{});
  REQUIRE(load.warnings.size() == 1);
  CHECK(load.warnings[0].find("settings.json.bad") != std::string::npos);
  CHECK(load.warnings[0].find("1e400") == std::string::npos);  // never quotes the file
  CHECK(readWholeFile(tmp.path() / "settings.json.bad") == text);
  CHECK_FALSE(fs::exists(settingsPath(tmp.path())));
}

TEST_CASE("settings nested 100,000 deep are set aside, not walked") {
  TempDir tmp;
  writeWholeFile(settingsPath(tmp.path()), "{\"hidden_rows\": " + nested(100'000) + "}");
  const SettingsLoad load = loadSettings(tmp.path());
  REQUIRE(load.warnings.size() == 1);
  CHECK(load.warnings[0].find("deeper than") != std::string::npos);
  CHECK(fs::exists(tmp.path() / "settings.json.bad"));
}

TEST_CASE("a cache with an unusable number or deep nesting reads as no cache") {
  TempDir tmp;
  CHECK_FALSE(parseCache(R"({"version": 1, "limits": [], "extra_observed_at_ms": 1e400})"));
  CHECK_FALSE(parseCache(R"({"version": 1, "limits": )" + nested(100'000) + "}"));
  writeWholeFile(usageCachePath(tmp.path()), R"({"version": 1e999, "limits": []})");
  CHECK_FALSE(readCache(tmp.path()));
}

TEST_CASE("nesting up to the bound parses and one level more is refused") {
  CHECK(detail::parseJson(nested(detail::kMaxJsonDepth)).ok());
  const auto deeper = detail::parseOrderedJson(nested(detail::kMaxJsonDepth + 1));
  REQUIRE_FALSE(deeper.ok());
  CHECK(deeper.error().message.find("deeper than") != std::string::npos);
}

TEST_CASE("Claude Code settings with 1e400 or nested 100,000 deep are refused and left byte for byte") {
  TempDir tmp;
  for (const std::string& text : {std::string(R"({"model": "opus", "cleanupPeriodDays": 1e400})"),
                                  "{\"permissions\": " + nested(100'000) + "}"}) {
    writeWholeFile(tmp.path() / "claude/settings.json", text);
    const auto result = installStatusline(tmp.path() / "claude", tmp.path() / "state", kCommand, kNow);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.find("left exactly as it is") != std::string::npos);
    CHECK(readWholeFile(tmp.path() / "claude/settings.json") == text);
  }
}

TEST_CASE("uninstall ignores a saved status line whose fields have the wrong type") {
  TempDir tmp;
  const fs::path claude = tmp.path() / "claude";
  const fs::path state = tmp.path() / "state";
  writeWholeFile(claude / "settings.json", R"({"model": "opus"})");
  REQUIRE(installStatusline(claude, state, kCommand, kNow).ok());
  for (const char* saved : {R"({"settings_file": 5, "status_line": {"type": "command"}})",
                            R"({"settings_file": ["x"], "status_line": 1})", R"([1, 2, 3])"}) {
    writeWholeFile(state / "statusline-previous.json", saved);
    const auto result = uninstallStatusline(claude, state, kNow);
    REQUIRE(result.ok());
    CHECK(ordered_json::parse(readWholeFile(claude / "settings.json")) ==
          ordered_json::parse(R"({"model": "opus"})"));
    REQUIRE(installStatusline(claude, state, kCommand, kNow).ok());
  }
}

TEST_CASE("a read-only Claude Code settings.json is refused, not rewritten") {
  TempDir tmp;
  const fs::path file = tmp.path() / "claude/settings.json";
  writeWholeFile(file, R"({"model": "opus"})");
  // Write permission taken away: mode 0444 on POSIX, the read-only attribute on Windows.
  fs::permissions(file, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                  fs::perm_options::remove);
  const auto before = cut::test::fileIdentity(file);
  const auto result = installStatusline(tmp.path() / "claude", tmp.path() / "state", kCommand, kNow);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find("read-only") != std::string::npos);
  CHECK(cut::test::fileIdentity(file) == before);
  CHECK(readWholeFile(file) == R"({"model": "opus"})");
  fs::permissions(file, fs::perms::owner_write, fs::perm_options::add);  // so the folder can go
}

TEST_CASE("a 50k-key settings.json keeps every key in order and gains the status line") {
  TempDir tmp;
  std::string text = "{";
  for (int i = 0; i < 50'000; ++i)
    text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  text += ",\"k7\":\"last value wins\"}";
  writeWholeFile(tmp.path() / "claude/settings.json", text);
  REQUIRE(installStatusline(tmp.path() / "claude", tmp.path() / "state", kCommand, kNow).ok());
  const auto after = ordered_json::parse(readWholeFile(tmp.path() / "claude/settings.json"));
  REQUIRE(after.size() == 50'001);
  auto it = after.begin();
  CHECK(it.key() == "k0");
  std::advance(it, 7);
  CHECK(it.key() == "k7");
  CHECK(it.value() == "last value wins");  // a repeated key keeps its place and its last value
  CHECK(std::prev(after.end()).key() == "statusLine");
}

}  // namespace hostile_json_test
