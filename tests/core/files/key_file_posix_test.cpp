// The key file's POSIX meanings: exact modes under any umask, symlinks at the key path, loose modes
// tightened to 0600. The cases both OSes share are in key_file_test.cpp.
#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include "core/files/key_file.h"
#include "support/temp_dir.h"

namespace key_file_posix_test {

using namespace cut::core;
using namespace cut::test;

namespace {

const std::string kKey = "sk-ant-sid01-TESTKEY_abc123xyz";

}  // namespace

TEST_CASE("a written key file holds the key and a newline, mode 0600 even under umask 0") {
  TempDir dir;
  UmaskScope mask(0);
  const auto path = dir / ".claude-session-key";
  REQUIRE(writeKeyFile(path, kKey).ok());
  CHECK(readWholeFile(path) == kKey + "\n");
  CHECK(modeOf(path) == 0600);

  const auto loaded = readKeyFile(path);
  REQUIRE(loaded.ok());
  CHECK(loaded->key == kKey);
  CHECK_FALSE(loaded->permissionsTightened);
}

TEST_CASE("a symlink at the key path is replaced by a private file; its target is untouched") {
  TempDir dir;
  const auto target = dir / "shared-file";
  writeWholeFile(target, "someone else's data");
  ::chmod(target.c_str(), 0644);
  const auto path = dir / ".claude-session-key";
  REQUIRE(::symlink(target.c_str(), path.c_str()) == 0);

  REQUIRE(writeKeyFile(path, kKey).ok());
  CHECK(S_ISREG(lstatOf(path).st_mode));
  CHECK(modeOf(path) == 0600);
  CHECK(readWholeFile(path) == kKey + "\n");
  CHECK(readWholeFile(target) == "someone else's data");
  CHECK(modeOf(target) == 0644);
}

TEST_CASE("a key file others could read is tightened to 0600 and reported") {
  for (const mode_t loose :
       {mode_t{0644}, mode_t{0640}, mode_t{0604}, mode_t{0660}, mode_t{0666}, mode_t{0601}}) {
    CAPTURE(loose);
    TempDir dir;
    const auto path = dir / "key";
    writeWholeFile(path, kKey + "\n");
    REQUIRE(::chmod(path.c_str(), loose) == 0);
    const auto loaded = readKeyFile(path);
    REQUIRE(loaded.ok());
    CHECK(loaded->key == kKey);
    CHECK(loaded->permissionsTightened);
    CHECK(modeOf(path) == 0600);
  }
}

TEST_CASE("a private key file keeps its mode and is not reported") {
  for (const mode_t strict : {mode_t{0600}, mode_t{0400}}) {
    CAPTURE(strict);
    TempDir dir;
    const auto path = dir / "key";
    writeWholeFile(path, kKey);
    REQUIRE(::chmod(path.c_str(), strict) == 0);
    const auto loaded = readKeyFile(path);
    REQUIRE(loaded.ok());
    CHECK_FALSE(loaded->permissionsTightened);
    CHECK(modeOf(path) == strict);
  }
}

TEST_CASE("a key file read through a symlink works and the target is tightened") {
  TempDir dir;
  writeWholeFile(dir / "real", kKey);
  ::chmod((dir / "real").c_str(), 0644);
  REQUIRE(::symlink((dir / "real").c_str(), (dir / "link").c_str()) == 0);
  const auto loaded = readKeyFile(dir / "link");
  REQUIRE(loaded.ok());
  CHECK(loaded->key == kKey);
  CHECK(modeOf(dir / "real") == 0600);
}

TEST_CASE("removeKeyFile removes a symlink, not what it points to") {
  TempDir dir;
  writeWholeFile(dir / "real", "keep");
  REQUIRE(::symlink((dir / "real").c_str(), (dir / "key").c_str()) == 0);
  REQUIRE(removeKeyFile(dir / "key").ok());
  CHECK_FALSE(std::filesystem::exists(std::filesystem::symlink_status(dir / "key")));
  CHECK(readWholeFile(dir / "real") == "keep");
}

}  // namespace key_file_posix_test
