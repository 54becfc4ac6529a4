// Which config and state folders are trusted, with real owners and modes (the tests run as root,
// so chown gives a folder to another uid as that user making it would). The cases both OSes share
// are in private_dir_test.cpp.

#include "core/files/private_dir.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/files/settings.h"
#include "core/files/usage_cache.h"
#include "support/temp_dir.h"

namespace private_dir_posix_test {

using namespace cut::core;
using namespace cut::test;
namespace fs = std::filesystem;

namespace {

constexpr uid_t kOtherUid = 12345;

fs::path folder(const TempDir& tmp, const std::string& name, mode_t mode, uid_t owner = ::geteuid()) {
  const fs::path dir = tmp / name;
  REQUIRE(::mkdir(dir.c_str(), 0700) == 0);
  REQUIRE(::chmod(dir.c_str(), mode) == 0);
  REQUIRE(::chown(dir.c_str(), owner, static_cast<gid_t>(-1)) == 0);
  return dir;
}

bool refused(const fs::path& dir, const std::string& why) {
  const auto result = checkPrivateDir(dir);
  if (result) return false;
  INFO(result.error().message);
  CHECK(result.error().message.find("refusing to use " + dir.string()) != std::string::npos);
  return result.error().message.find(why) != std::string::npos;
}

}  // namespace

TEST_CASE("a folder of ours that only we can write is trusted, and so is a missing one") {
  TempDir tmp;
  CHECK(checkPrivateDir(folder(tmp, "ours", 0700)).ok());
  CHECK(checkPrivateDir(folder(tmp, "readable", 0755)).ok());
  CHECK(checkPrivateDir(tmp / "absent").ok());
  // A sticky, world-writable folder above (like /tmp) cannot have our entries renamed away.
  const fs::path sticky = folder(tmp, "sticky", 01777);
  REQUIRE(::mkdir((sticky / "mine").c_str(), 0700) == 0);
  CHECK(checkPrivateDir(sticky / "mine").ok());
}

TEST_CASE("a folder of another user, or one others can write, is refused") {
  REQUIRE_MESSAGE(::geteuid() == 0, "needs root to give a folder to another uid");
  TempDir tmp;
  CHECK(refused(folder(tmp, "theirs", 0700, kOtherUid), "another user (uid 12345)"));
  CHECK(refused(folder(tmp, "group", 0770), "other users can write"));
  CHECK(refused(folder(tmp, "world", 0707), "other users can write"));
  // Their folder above ours: they could swap ours for one of their own.
  const fs::path above = folder(tmp, "above", 0755, kOtherUid);
  REQUIRE(::mkdir((above / "mine").c_str(), 0700) == 0);
  CHECK(refused(above / "mine", "belongs to another user"));
  const fs::path open = folder(tmp, "open", 0777);
  REQUIRE(::mkdir((open / "mine").c_str(), 0700) == 0);
  CHECK(refused(open / "mine", "anyone can write"));
  writeWholeFile(tmp / "file", "x");
  CHECK(refused(tmp / "file", "not a folder"));
}

TEST_CASE("settings in another user's folder are not read, set aside or written") {
  REQUIRE(::geteuid() == 0);
  TempDir tmp;
  const fs::path dir = folder(tmp, "config", 0755);
  writeWholeFile(settingsPath(dir), R"({"refresh_interval_seconds": 45, "compact": true})");
  REQUIRE(loadSettings(dir).settings.compact);
  REQUIRE(::chown(dir.c_str(), kOtherUid, static_cast<gid_t>(-1)) == 0);
  const SettingsLoad load = loadSettings(dir);
  CHECK(load.settings == Settings{});
  REQUIRE(load.warnings.size() == 1);
  CHECK(load.warnings[0].find("refusing to use " + dir.string()) != std::string::npos);
  CHECK_FALSE(saveSettings(dir, Settings{}).ok());
  CHECK(readWholeFile(settingsPath(dir)) == R"({"refresh_interval_seconds": 45, "compact": true})");
}

TEST_CASE("state files are read only when ours and not through a link") {
  REQUIRE(::geteuid() == 0);
  TempDir tmp;
  const fs::path dir = folder(tmp, "state", 0700);
  REQUIRE(recordUsage(dir, Usage{.limits = {Limit{.id = "five_hour", .label = "5h", .usedPercent = 40}}}, "",
                      Clock::now())
              .ok());
  REQUIRE(readCache(dir).has_value());
  const fs::path cache = usageCachePath(dir);
  REQUIRE(::chown(cache.c_str(), kOtherUid, static_cast<gid_t>(-1)) == 0);
  CHECK_FALSE(readCache(dir).has_value());
  const auto owned = readPrivateFile(cache, 4096);
  REQUIRE_FALSE(owned.ok());
  CHECK(owned.error().message.find("another user") != std::string::npos);

  fs::rename(cache, tmp / "elsewhere.json");
  REQUIRE(::chown((tmp / "elsewhere.json").c_str(), 0, 0) == 0);
  fs::create_symlink(tmp / "elsewhere.json", cache);
  CHECK_FALSE(readCache(dir).has_value());
  CHECK(readFile(cache, 4096).ok());  // the plain reader would have followed it

  // Another user's lock file is never waited on or trusted: the write fails, nothing replaced.
  fs::remove(cache);
  writeWholeFile(dir / "usage-cache.lock", "");
  REQUIRE(::chown((dir / "usage-cache.lock").c_str(), kOtherUid, static_cast<gid_t>(-1)) == 0);
  CHECK_FALSE(recordUsage(dir, Usage{.limits = {Limit{.id = "five_hour", .label = "5h", .usedPercent = 41}}},
                          "", Clock::now(), std::chrono::milliseconds(10))
                  .ok());
  CHECK_FALSE(fs::exists(cache));
}

}  // namespace private_dir_posix_test
