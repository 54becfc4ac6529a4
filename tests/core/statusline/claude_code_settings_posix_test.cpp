// Claude Code's settings.json on POSIX: its mode kept, a new one 0600, symlinks followed. The cases
// both OSes share are in claude_code_settings_test.cpp.
#include <sys/stat.h>

#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/statusline/claude_code_settings.h"
#include "support/temp_dir.h"

namespace claude_code_settings_posix_test {

using namespace cut::core;
namespace fs = std::filesystem;
using cut::test::modeOf;
using cut::test::readWholeFile;
using cut::test::TempDir;
using cut::test::writeWholeFile;
using ordered_json = nlohmann::ordered_json;

namespace {

const TimePoint kNow = Clock::from_time_t(1'796'340'000);
const std::string kCommand = "/opt/cut/bin/claude-usage-tracker statusline";

}  // namespace

TEST_CASE("install keeps settings.json's mode") {
  TempDir tmp;
  const fs::path claude = tmp.path() / "claude";
  writeWholeFile(claude / "settings.json", R"({"model":"opus"})");
  REQUIRE(::chmod((claude / "settings.json").c_str(), 0644) == 0);
  REQUIRE(installStatusline(claude, tmp.path() / "state", kCommand, kNow).ok());
  CHECK(modeOf(claude / "settings.json") == 0644);
}

TEST_CASE("a new settings.json is 0600 in a folder of 0755 at most") {
  TempDir tmp;
  const fs::path claude = tmp.path() / "new/.claude";
  REQUIRE(installStatusline(claude, tmp.path() / "state", kCommand, kNow).ok());
  CHECK(modeOf(claude / "settings.json") == 0600);
  CHECK((modeOf(claude) & ~0755u) == 0);
}

TEST_CASE("a symlinked settings.json is edited where it points, the link kept") {
  TempDir tmp;
  writeWholeFile(tmp.path() / "dotfiles/claude-settings.json", R"({"model":"sonnet"})");
  fs::create_directories(tmp.path() / "claude");
  fs::create_symlink(tmp.path() / "dotfiles/claude-settings.json", tmp.path() / "claude/settings.json");
  REQUIRE(installStatusline(tmp.path() / "claude", tmp.path() / "state", kCommand, kNow).ok());
  CHECK(fs::is_symlink(tmp.path() / "claude/settings.json"));
  CHECK(ordered_json::parse(readWholeFile(tmp.path() / "dotfiles/claude-settings.json"))["model"] ==
        "sonnet");
  CHECK(readWholeFile(tmp.path() / "dotfiles/claude-settings.json").find(kCommand) != std::string::npos);
}

}  // namespace claude_code_settings_posix_test
