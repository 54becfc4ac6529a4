// The usage cache between real processes (fork, flock) and its POSIX modes. The cases both OSes
// share, threads for processes, are in usage_cache_test.cpp.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <doctest/doctest.h>
#include <csignal>
#include <vector>

#include "core/files/usage_cache.h"
#include "support/readings.h"
#include "support/temp_dir.h"

namespace usage_cache_posix_test {

using namespace cut::core;
using namespace std::chrono_literals;
using cut::test::kT0;
using cut::test::limit;
namespace fs = std::filesystem;
using cut::test::TempDir;

TEST_CASE("recordUsage gives the cache file mode 0600 in a 0700 state folder") {
  TempDir tmp;
  const fs::path state = tmp.path() / "a/b/state";
  REQUIRE(recordUsage(state, {.limits = {limit("five_hour", 30, TimePoint{}, Source::ClaudeCode)}}, "", kT0)
              .ok());
  struct stat info {};
  REQUIRE(::stat(usageCachePath(state).c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  REQUIRE(::stat(state.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0700);
}

TEST_CASE("a writer gives up when another process holds the lock past the wait") {
  TempDir tmp;
  REQUIRE(recordUsage(tmp.path(), {.limits = {limit("seven_day", 1, kT0)}}, "", kT0).ok());
  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  const pid_t child = ::fork();
  if (child == 0) {
    const int fd = ::open((tmp.path() / "usage-cache.lock").c_str(), O_RDWR);
    ::flock(fd, LOCK_EX);
    (void)!::write(ready[1], "x", 1);
    ::sleep(2);
    ::_exit(0);
  }
  char c = 0;
  REQUIRE(::read(ready[0], &c, 1) == 1);
  const auto result =
      recordUsage(tmp.path(), {.limits = {limit("seven_day", 2, kT0 + 1s)}}, "", kT0 + 1s, 20ms);
  CHECK_FALSE(result.ok());
  if (!result.ok()) CHECK(result.error().message.find("usage-cache.lock") != std::string::npos);
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  CHECK(readCache(tmp.path())->usage.find("seven_day")->usedPercent == 1);
}

TEST_CASE("concurrent writers in many processes never lose the newest reading or corrupt the file") {
  TempDir tmp;
  constexpr int kWriters = 16;
  std::vector<pid_t> children;
  for (int i = 0; i < kWriters; ++i) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      // Each writer records its own per-model limit and a five_hour reading observed at kT0 + i s.
      for (int round = 0; round < 5; ++round) {
        const std::string id = "seven_day_w" + std::to_string(i);
        const Usage usage{.limits = {limit("five_hour", i, kT0 + std::chrono::seconds(i)),
                                     limit(id.c_str(), round, kT0 + std::chrono::seconds(round))}};
        if (!recordUsage(tmp.path(), usage, "", kT0, 10s).ok()) ::_exit(1);
      }
      ::_exit(0);
    }
    children.push_back(pid);
  }
  for (const pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  const auto cache = readCache(tmp.path());
  REQUIRE(cache);
  CHECK(cache->usage.find("five_hour")->usedPercent == kWriters - 1);
  for (int i = 0; i < kWriters; ++i) {
    const Limit* own = cache->usage.find("seven_day_w" + std::to_string(i));
    REQUIRE(own != nullptr);
    CHECK(own->usedPercent == 4);
  }
  // No temporary files are left behind.
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(tmp.path())) ++entries;
  CHECK(entries == 2);  // usage-cache.json and usage-cache.lock
}

}  // namespace usage_cache_posix_test
