#include "platform/lock_file.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>

#include "support/temp_dir.h"

using cut::platform::LockFile;

TEST_CASE("a lock file is taken once: a second taker finds it busy until the first lets go") {
  cut::test::TempDir tmp;
  const auto path = tmp / "refresh.lock";
  {
    LockFile first(path);
    CHECK(first.state() == LockFile::State::Held);
    LockFile second(path);
    CHECK(second.state() == LockFile::State::Busy);
  }
  LockFile again(path);
  CHECK(again.state() == LockFile::State::Held);
}

TEST_CASE("a lock file is created private and records its last touch") {
  cut::test::TempDir tmp;
  const auto path = tmp / "refresh.lock";
  LockFile lock(path);
  REQUIRE(lock.state() == LockFile::State::Held);
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  CHECK_FALSE(lock.lastTouched().has_value());
  lock.touch();
  REQUIRE(lock.lastTouched().has_value());
  CHECK(*lock.lastTouched() <= std::chrono::system_clock::now());
}

TEST_CASE("a symbolic link in place of the lock file is refused") {
  cut::test::TempDir tmp;
  std::filesystem::create_symlink(tmp / "elsewhere", tmp / "refresh.lock");
  LockFile lock(tmp / "refresh.lock");
  CHECK(lock.state() == LockFile::State::Failed);
  CHECK_FALSE(std::filesystem::exists(tmp / "elsewhere"));
}
