// Which config and state folders are trusted, on every OS: a folder the program made, a missing
// one, and not a file or a folder others can change. Owners, modes and links above are in
// private_dir_posix_test.cpp.
#include "core/files/private_dir.h"

#include <doctest/doctest.h>
#include <filesystem>

#include "core/files/settings.h"
#include "support/file_access.h"
#include "support/temp_dir.h"

namespace private_dir_test {

using namespace cut::core;
using namespace cut::test;
namespace fs = std::filesystem;

TEST_CASE("a folder the program made is trusted, and so is a missing one") {
  TempDir tmp;
  const fs::path config = tmp / "config";
  REQUIRE(saveSettings(config, Settings{}).ok());
  CHECK(othersWithAccess(config) == "");
  CHECK(checkPrivateDir(config).ok());
  CHECK(checkPrivateDir(tmp / "absent").ok());
}

TEST_CASE("a file where a folder should be is refused as not a folder") {
  TempDir tmp;
  writeWholeFile(tmp / "file", "x");
  const auto result = checkPrivateDir(tmp / "file");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find("refusing to use " + (tmp / "file").string()) != std::string::npos);
  CHECK(result.error().message.find("not a folder") != std::string::npos);
}

TEST_CASE("settings in a folder others can write to are not read, set aside or written") {
  TempDir tmp;
  const fs::path dir = tmp / "config";
  REQUIRE(saveSettings(dir, Settings{}).ok());
  const std::string text = R"({"refresh_interval_seconds": 45, "compact": true})";
  writeWholeFile(settingsPath(dir), text);
  REQUIRE(loadSettings(dir).settings.compact);

  makeWritableByOthers(dir);
  const auto refused = checkPrivateDir(dir);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("other users can write") != std::string::npos);
  const SettingsLoad load = loadSettings(dir);
  CHECK(load.settings == Settings{});
  REQUIRE(load.warnings.size() == 1);
  CHECK(load.warnings[0].find("refusing to use " + dir.string()) != std::string::npos);
  CHECK_FALSE(saveSettings(dir, Settings{}).ok());
  CHECK(readWholeFile(settingsPath(dir)) == text);
  CHECK(entryCount(dir) == 1);
}

}  // namespace private_dir_test
