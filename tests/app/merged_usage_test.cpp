// The widget's one path for the numbers: the poller's snapshots merged with the usage cache in
// memory, published once; the cache file read only for what another process wrote. Real files and
// real inotify notices in a temporary state folder.
#include "app/merged_usage.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "support/readings.h"
#include "support/temp_dir.h"

using namespace std::chrono_literals;
using namespace cut;
using cut::test::kT0;
using cut::test::limit;

namespace {

/// Counts the wake calls (each one a change notice from the watch thread).
struct Wakes {
  std::mutex mutex;
  std::condition_variable changed;
  int count = 0;

  std::function<void()> callback() {
    return [this] {
      std::lock_guard lock(mutex);
      ++count;
      changed.notify_all();
    };
  }
  /// Waits for more than `seen` wakes; a guard against a hang, not a timing assertion.
  void waitBeyond(int seen) {
    std::unique_lock lock(mutex);
    REQUIRE(changed.wait_for(lock, 20s, [&] { return count > seen; }));
  }
  int seen() {
    std::lock_guard lock(mutex);
    return count;
  }
};

core::UsageSnapshot polledWith(double percent) {
  core::UsageSnapshot snapshot;
  snapshot.usage = core::Usage{.limits = {limit("five_hour", percent, kT0)}};
  snapshot.organization = core::Organization{.uuid = "org-1", .name = "Org", .capabilities = {}};
  snapshot.lastSuccess = kT0;
  return snapshot;
}

core::FetchOutcome outcomeWith(double percent) {
  core::FetchOutcome outcome;
  outcome.organization = core::Organization{.uuid = "org-1", .name = "Org", .capabilities = {}};
  outcome.usage = core::Usage{.limits = {limit("five_hour", percent, kT0)}};
  return outcome;
}

const core::Limit* findLimit(const core::UsageSnapshot& snapshot, const std::string& id) {
  if (!snapshot.usage) return nullptr;
  for (const core::Limit& each : snapshot.usage->limits)
    if (each.id == id) return &each;
  return nullptr;
}

}  // namespace

TEST_CASE("each poller snapshot is published once, merged with the cache in memory") {
  test::TempDir state;
  Wakes wakes;
  app::MergedUsage usage(state.path(), true, wakes.callback());
  const std::uint64_t first = usage.store().generation();

  usage.recordFetch(outcomeWith(40.0), kT0);
  usage.publishPolled(polledWith(40.0));
  CHECK(usage.store().generation() == first + 1);
  REQUIRE(findLimit(*usage.store().load(), "five_hour"));
  CHECK(findLimit(*usage.store().load(), "five_hour")->usedPercent == 40.0);
  // The write reached the file the status line reads.
  const auto cached = core::readCache(state.path());
  REQUIRE(cached);
  CHECK(cached->usage.limits.at(0).usedPercent == 40.0);
}

TEST_CASE("the widget's own cache write is not read back") {
  test::TempDir state;
  Wakes wakes;
  app::MergedUsage usage(state.path(), true, wakes.callback());
  const std::uint64_t reads = usage.cacheReads();

  const int before = wakes.seen();
  usage.recordFetch(outcomeWith(40.0), kT0);
  usage.publishPolled(polledWith(40.0));
  const std::uint64_t published = usage.store().generation();
  wakes.waitBeyond(before);  // the change notice of our own write
  usage.update(60s);

  CHECK(usage.cacheReads() == reads);
  CHECK(usage.store().generation() == published);
}

TEST_CASE("what another process wrote to the cache is brought in and published") {
  test::TempDir state;
  Wakes wakes;
  app::MergedUsage usage(state.path(), true, wakes.callback());
  usage.recordFetch(outcomeWith(40.0), kT0);
  usage.publishPolled(polledWith(40.0));
  const std::uint64_t reads = usage.cacheReads();
  const std::uint64_t published = usage.store().generation();

  // The status line, handed Claude Code's rate_limits in a process of its own.
  const int before = wakes.seen();
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // Dated now: the widget leaves out a reading dated ahead of its clock.
    const auto now = core::Clock::now();
    const core::Usage claudeCode{.limits = {limit("seven_day", 70.0, now, core::Source::ClaudeCode)}};
    ::_exit(core::recordUsage(state.path(), claudeCode, "", now).ok() ? 0 : 1);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  wakes.waitBeyond(before);
  usage.update(60s);

  CHECK(usage.cacheReads() == reads + 1);
  CHECK(usage.store().generation() == published + 1);
  const auto snapshot = usage.store().load();
  REQUIRE(findLimit(*snapshot, "seven_day"));
  CHECK(findLimit(*snapshot, "seven_day")->usedPercent == 70.0);
  CHECK(findLimit(*snapshot, "seven_day")->source == core::Source::ClaudeCode);
  CHECK(findLimit(*snapshot, "five_hour")->usedPercent == 40.0);
}

TEST_CASE("a cached reading dated ahead of now is not drawn") {
  test::TempDir state;
  const auto ahead = core::Clock::now() + 24h;
  const core::Usage claudeCode{.limits = {limit("seven_day", 70.0, ahead, core::Source::ClaudeCode)}};
  REQUIRE(core::recordUsage(state.path(), claudeCode, "", ahead).ok());
  REQUIRE(core::readCache(state.path()));
  Wakes wakes;
  app::MergedUsage usage(state.path(), true, wakes.callback());
  usage.publishPolled(polledWith(40.0));
  const auto snapshot = usage.store().load();
  REQUIRE(snapshot);
  CHECK(findLimit(*snapshot, "five_hour") != nullptr);
  CHECK(findLimit(*snapshot, "seven_day") == nullptr);
}

TEST_CASE("the demo passes through and touches no file") {
  test::TempDir state;
  Wakes wakes;
  app::MergedUsage usage(state.path() / "state", false, wakes.callback());
  core::UsageSnapshot demo = polledWith(12.0);
  demo.demo = true;
  usage.publishPolled(demo);
  usage.recordFetch(outcomeWith(12.0), kT0);
  usage.update(60s);
  CHECK(usage.store().load()->demo);
  CHECK(usage.cacheReads() == 0);
  CHECK_FALSE(std::filesystem::exists(state.path() / "state"));
}
