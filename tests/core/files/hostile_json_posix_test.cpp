// A dangling symlink where Claude Code's settings.json should be. The JSON cases both OSes share
// are in hostile_json_test.cpp.
#include <doctest/doctest.h>

#include "core/statusline/claude_code_settings.h"
#include "support/temp_dir.h"

namespace hostile_json_posix_test {

using namespace cut::core;
namespace fs = std::filesystem;
using cut::test::TempDir;

namespace {

const TimePoint kNow = Clock::from_time_t(1'796'340'000);
const std::string kCommand = "/opt/cut/bin/claude-usage-tracker statusline";

}  // namespace

TEST_CASE("a dangling settings.json link is refused and stays a link to where it pointed") {
  TempDir tmp;
  fs::create_directories(tmp.path() / "claude");
  const fs::path link = tmp.path() / "claude/settings.json";
  fs::create_symlink(tmp.path() / "dotfiles/claude.json", link);
  const auto result = installStatusline(tmp.path() / "claude", tmp.path() / "state", kCommand, kNow);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find("does not exist") != std::string::npos);
  CHECK(fs::is_symlink(link));
  CHECK(fs::read_symlink(link) == tmp.path() / "dotfiles/claude.json");
  CHECK_FALSE(fs::exists(tmp.path() / "dotfiles"));
}

}  // namespace hostile_json_posix_test
