// install-statusline / uninstall-statusline as processes, against a temporary CLAUDE_CONFIG_DIR.

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/process.h"

namespace fs = std::filesystem;
using cut::test::readWholeFile;
using cut::test::TempDir;
using ordered_json = nlohmann::ordered_json;

namespace {

struct Run {
  int exitCode = -1;
  std::string out;  ///< stdout then stderr
};

Run run(const std::string& program, const std::string& command, const fs::path& claudeDir,
        const fs::path& state) {
  cut::test::ProcessSpec spec;
  spec.argv = {program, command, "--state-dir=" + state.string()};
  spec.env = {"CLAUDE_CONFIG_DIR=" + claudeDir.string()};
  const cut::test::ProcessResult result = cut::test::runProcess(spec);
  return Run{.exitCode = result.exitCode, .out = result.out + result.err};
}

const char* kRich = R"json({
  "$schema": "https://json.schemastore.org/claude-code-settings.json",
  "model": "opus",
  "env": {"DISABLE_TELEMETRY": "1"},
  "permissions": {"allow": ["Bash(git status)"], "deny": ["Read(./.env)"], "defaultMode": "acceptEdits"},
  "hooks": {"PostToolUse": [{"matcher": "Edit|Write", "hooks": [{"type": "command", "command": "make fmt"}]}]},
  "statusLine": {"type": "command", "command": "bash ~/.claude/statusline-command.sh", "padding": 2},
  "cleanupPeriodDays": 30
})json";

}  // namespace

TEST_CASE("install-statusline points Claude Code at this binary and uninstall restores the user's file") {
  TempDir tmp;
  const fs::path claude = tmp.path() / "claude";
  fs::create_directories(claude);
  std::ofstream(claude / "settings.json") << kRich;
  ::chmod((claude / "settings.json").c_str(), 0600);

  Run result = run(CUT_PROGRAM, "install-statusline", claude, tmp.path() / "state");
  CHECK(result.exitCode == 0);
  CHECK(result.out.find("remembered") != std::string::npos);
  auto after = ordered_json::parse(readWholeFile(claude / "settings.json"));
  const std::string expected = fs::canonical(CUT_PROGRAM).string() + " statusline";
  CHECK(after["statusLine"] == ordered_json({{"type", "command"}, {"command", expected}, {"padding", 0}}));
  auto withoutLine = after;
  auto richWithoutLine = ordered_json::parse(kRich);
  withoutLine.erase("statusLine");
  richWithoutLine.erase("statusLine");
  CHECK(withoutLine == richWithoutLine);
  struct stat info {};
  REQUIRE(::stat((claude / "settings.json").c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);

  // The command it installed works as Claude Code would run it, through a shell.
  FILE* pipe = ::popen(
      ("echo '{}' | " + expected + " --state-dir='" + (tmp.path() / "state").string() + "'").c_str(), "r");
  REQUIRE(pipe != nullptr);
  char line[4096] = {};
  CHECK(std::fgets(line, sizeof line, pipe) != nullptr);
  CHECK(::pclose(pipe) == 0);
  CHECK(std::string(line).find("5h") != std::string::npos);

  result = run(CUT_PROGRAM, "install-statusline", claude, tmp.path() / "state");
  CHECK(result.exitCode == 0);
  CHECK(result.out.find("nothing changed") != std::string::npos);

  result = run(CUT_PROGRAM, "uninstall-statusline", claude, tmp.path() / "state");
  CHECK(result.exitCode == 0);
  CHECK(ordered_json::parse(readWholeFile(claude / "settings.json")) == ordered_json::parse(kRich));
}

TEST_CASE("installing from the full program still installs the fast front binary") {
  TempDir tmp;
  const Run result = run(CUT_FULL_PROGRAM, "install-statusline", tmp.path() / "claude", tmp.path() / "state");
  CHECK(result.exitCode == 0);
  const auto after = ordered_json::parse(readWholeFile(tmp.path() / "claude/settings.json"));
  CHECK(after["statusLine"]["command"] == fs::canonical(CUT_PROGRAM).string() + " statusline");
}

TEST_CASE("install-statusline refuses a settings.json that is not JSON and leaves it byte for byte") {
  TempDir tmp;
  fs::create_directories(tmp.path() / "claude");
  const std::string broken = "{\"model\": \"opus\",, }\n";
  std::ofstream(tmp.path() / "claude/settings.json") << broken;
  const Run result = run(CUT_PROGRAM, "install-statusline", tmp.path() / "claude", tmp.path() / "state");
  CHECK(result.exitCode == 1);
  CHECK(result.out.find("is not valid JSON") != std::string::npos);
  CHECK(readWholeFile(tmp.path() / "claude/settings.json") == broken);
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(tmp.path() / "claude")) ++files;
  CHECK(files == 1);
}
