// Installing and removing our status line in Claude Code's settings.json on every OS: other keys
// kept in order, backups, refusals. Modes and symlinks are in claude_code_settings_posix_test.cpp.
#include "core/statusline/claude_code_settings.h"

#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/env_scope.h"
#include "support/file_access.h"
#include "support/temp_dir.h"

namespace claude_code_settings_test {

using namespace cut::core;
namespace fs = std::filesystem;
using cut::test::readWholeFile;
using cut::test::TempDir;
using cut::test::writeWholeFile;
using ordered_json = nlohmann::ordered_json;

namespace {

const TimePoint kNow = Clock::from_time_t(1'796'340'000);
const std::string kCommand = "/opt/cut/bin/claude-usage-tracker statusline";

const char* kRich = R"json({
  "model": "opus",
  "env": {"FOO": "bar", "ANTHROPIC_LOG": "debug"},
  "permissions": {"allow": ["Bash(npm run test:*)", "Read(~/.zshrc)"], "deny": ["WebFetch"]},
  "statusLine": {"type": "command", "command": "~/.claude/statusline.sh", "padding": 1},
  "hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "echo hi"}]}]},
  "includeCoAuthoredBy": false
})json";

int countBackups(const fs::path& dir) {
  int n = 0;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().starts_with("settings.json.bak-")) ++n;
  return n;
}

}  // namespace

TEST_CASE("the command quotes a binary path only when a shell would split it") {
  CHECK(statuslineCommand("/usr/bin/claude-usage-tracker") == "/usr/bin/claude-usage-tracker statusline");
  CHECK(statuslineCommand("/home/pat/My Apps/claude-usage-tracker") ==
        "'/home/pat/My Apps/claude-usage-tracker' statusline");
  CHECK(statuslineCommand("/x/it's/claude-usage-tracker") == "'/x/it'\\''s/claude-usage-tracker' statusline");
}

TEST_CASE("our own status line is recognised, others are not") {
  CHECK(isOurStatusline(R"({"type":"command","command":"/a/claude-usage-tracker statusline"})"));
  CHECK_FALSE(isOurStatusline(R"({"type":"command","command":"~/.claude/statusline.sh"})"));
  CHECK_FALSE(isOurStatusline(R"("text")"));
}

TEST_CASE("install into a rich settings.json keeps every other key in order and remembers the old line") {
  TempDir tmp;
  const fs::path claude = tmp.path() / "claude";
  const fs::path state = tmp.path() / "state";
  writeWholeFile(claude / "settings.json", kRich);

  const auto result = installStatusline(claude, state, kCommand, kNow);
  REQUIRE(result.ok());
  CHECK(result.value().changed);
  REQUIRE(result.value().previous);
  CHECK(readWholeFile(result.value().backup) == kRich);
  CHECK(result.value().backup.filename().string().starts_with("settings.json.bak-2026"));

  const auto after = ordered_json::parse(readWholeFile(claude / "settings.json"));
  auto expected = ordered_json::parse(kRich);
  expected["statusLine"] = {{"type", "command"}, {"command", kCommand}, {"padding", 0}};
  CHECK(after == expected);
  std::vector<std::string> keys;
  for (const auto& [key, value] : after.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"model", "env", "permissions", "statusLine", "hooks",
                                         "includeCoAuthoredBy"});
  // Nothing in Claude Code's folder but settings.json and its backup.
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(claude)) ++files;
  CHECK(files == 2);
  CHECK(readWholeFile(claude / "settings.json").find("sk-ant-") == std::string::npos);

  SUBCASE("installing twice changes nothing and writes no second backup") {
    const std::string before = readWholeFile(claude / "settings.json");
    const auto again = installStatusline(claude, state, kCommand, kNow + std::chrono::seconds(5));
    REQUIRE(again.ok());
    CHECK_FALSE(again.value().changed);
    CHECK(readWholeFile(claude / "settings.json") == before);
    CHECK(countBackups(claude) == 1);
  }
  SUBCASE("uninstall puts the earlier status line back, everything else as it was") {
    const auto undone = uninstallStatusline(claude, state, kNow + std::chrono::seconds(5));
    REQUIRE(undone.ok());
    CHECK(undone.value().changed);
    CHECK(ordered_json::parse(readWholeFile(claude / "settings.json")) == ordered_json::parse(kRich));
    CHECK_FALSE(fs::exists(state / "statusline-previous.json"));
    // A second uninstall finds nothing of ours.
    const auto again = uninstallStatusline(claude, state, kNow + std::chrono::seconds(9));
    REQUIRE(again.ok());
    CHECK_FALSE(again.value().changed);
  }
  SUBCASE("reinstalling from another path keeps the user's original line remembered") {
    REQUIRE(installStatusline(claude, state, "/new/claude-usage-tracker statusline",
                              kNow + std::chrono::seconds(2))
                .ok());
    REQUIRE(uninstallStatusline(claude, state, kNow + std::chrono::seconds(4)).ok());
    CHECK(ordered_json::parse(readWholeFile(claude / "settings.json")) == ordered_json::parse(kRich));
  }
}

TEST_CASE("a settings.json that is not valid JSON is refused and left byte for byte") {
  TempDir tmp;
  const std::string broken = "{\n  \"model\": \"opus\",\n  // a comment\n  \"env\": {\n";
  writeWholeFile(tmp.path() / "settings.json", broken);
  const auto result = installStatusline(tmp.path(), tmp.path() / "state", kCommand, kNow);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find("not valid JSON") != std::string::npos);
  CHECK(result.error().message.find("settings.json") != std::string::npos);
  CHECK(readWholeFile(tmp.path() / "settings.json") == broken);
  CHECK(countBackups(tmp.path()) == 0);
  CHECK_FALSE(fs::exists(tmp.path() / "state"));
  writeWholeFile(tmp.path() / "settings.json", "[1,2]");
  CHECK_FALSE(installStatusline(tmp.path(), tmp.path() / "state", kCommand, kNow).ok());
  CHECK(readWholeFile(tmp.path() / "settings.json") == "[1,2]");
}

TEST_CASE("the status line counts as installed only when settings.json names ours") {
  TempDir tmp;
  CHECK_FALSE(statuslineInstalled(tmp.path()));  // no file
  writeWholeFile(tmp.path() / "settings.json", kRich);
  CHECK_FALSE(statuslineInstalled(tmp.path()));  // someone else's
  REQUIRE(installStatusline(tmp.path(), tmp.path() / "state", kCommand, kNow).ok());
  CHECK(statuslineInstalled(tmp.path()));
  writeWholeFile(tmp.path() / "settings.json", "{\"statusLine\": {\"command\": \"" + kCommand + "\"},");
  CHECK_FALSE(statuslineInstalled(tmp.path()));  // not JSON
  // Over the size installStatusline reads: it would refuse the file, so it is not ours to report.
  writeWholeFile(tmp.path() / "settings.json", "{\"statusLine\": {\"command\": \"" + kCommand +
                                                   "\"}, \"pad\": \"" + std::string(5 << 20, ' ') + "\"}");
  CHECK_FALSE(installStatusline(tmp.path(), tmp.path() / "state", kCommand, kNow).ok());
  CHECK_FALSE(statuslineInstalled(tmp.path()));
}

TEST_CASE("a missing folder and file are created, and uninstall then drops the key") {
  TempDir tmp;
  const fs::path claude = tmp.path() / "new/.claude";
  const auto result = installStatusline(claude, tmp.path() / "state", kCommand, kNow);
  REQUIRE(result.ok());
  CHECK(result.value().backup.empty());
  CHECK_FALSE(result.value().previous);
  const auto after = ordered_json::parse(readWholeFile(claude / "settings.json"));
  CHECK(after["statusLine"]["command"] == kCommand);
  CHECK(after["statusLine"]["padding"] == 0);
  CHECK(cut::test::othersWithAccess(claude / "settings.json") == "");
  REQUIRE(uninstallStatusline(claude, tmp.path() / "state", kNow).ok());
  CHECK(ordered_json::parse(readWholeFile(claude / "settings.json")) == ordered_json::object());
}

TEST_CASE("CLAUDE_CONFIG_DIR decides where Claude Code's settings live") {
  TempDir tmp;
  cut::test::EnvScope env;
  env.set("CLAUDE_CONFIG_DIR", tmp.path().string());
  CHECK(claudeConfigDir() == tmp.path());
  env.set("CLAUDE_CONFIG_DIR", std::nullopt);
  CHECK(claudeConfigDir().filename() == ".claude");
}

}  // namespace claude_code_settings_test
