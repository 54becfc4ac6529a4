// The history's POSIX meanings: exact modes under umask 0 and a symbolic link in its place; and its
// size over 60 days. The cases both OSes share are in history_store_test.cpp.
#include <doctest/doctest.h>
#include <filesystem>

#include "core/history/history_store.h"
#include "history_store_support.h"
#include "support/readings.h"
#include "support/temp_dir.h"

namespace history_store_posix_test {

using namespace cut::core;
using cut::test::openStore;
using cut::test::sampleCount;
using cut::test::TempDir;

namespace {

const TimePoint kStart = cut::test::kT0;
const auto limit = cut::test::limitResetting;

}  // namespace

TEST_CASE("the history file and its companions are private from the moment they exist") {
  TempDir dir;
  cut::test::UmaskScope loose(0);
  {
    auto store = openStore(dir);
    REQUIRE(store.record(Source::ClaudeAi, {limit("five_hour", 1, std::nullopt)}, kStart).ok());
    for (const char* name : {"history.sqlite", "history.sqlite-wal", "history.sqlite-shm"}) {
      INFO(name);
      CHECK(cut::test::modeOf(dir.path() / "state" / name) == 0600);
    }
  }
  CHECK(cut::test::modeOf(dir.path() / "state") == 0700);
}

TEST_CASE("a history that is a symbolic link is refused and its target left alone") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "state");
  cut::test::writeWholeFile(dir.path() / "elsewhere", "precious");
  std::filesystem::create_symlink(dir.path() / "elsewhere", dir.path() / "state" / "history.sqlite");
  auto store = HistoryStore::open(dir.path() / "state", {});
  REQUIRE_FALSE(store.ok());
  CHECK(store.error().message.find("symbolic link") != std::string::npos);
  CHECK(cut::test::readWholeFile(dir.path() / "elsewhere") == "precious");
}

// Here rather than in the shared file for its cost under Wine, not its subject: its 170,000
// recorded readings, each a flushed commit, take minutes there.
TEST_CASE("60 days of readings stay under 5 MB with the recent detail intact") {
  TempDir dir;
  auto store = openStore(dir);
  const auto step = std::chrono::seconds(30);
  const int count = 60 * 24 * 120;
  TimePoint now = kStart;
  for (int i = 0; i < count; ++i) {
    now = kStart + i * step;
    const double session = (i % 600) / 6.0;
    const double week = (i % 20160) / 201.6;
    REQUIRE(store
                .record(Source::ClaudeAi,
                        {limit("five_hour", session, now + std::chrono::hours(5)),
                         limit("seven_day", week, std::nullopt)},
                        now)
                .ok());
  }
  CHECK(store.sizeOnDisk() < 5u * 1024 * 1024);
  MESSAGE("size on disk: " << store.sizeOnDisk() << " bytes");

  const auto all = store.load(kStart).value();
  REQUIRE_FALSE(all.empty());
  CHECK(all.front().time >= now - kHistoryKeepFor - std::chrono::hours(1));
  const auto lastDay = store.load(now - std::chrono::hours(23)).value();
  CHECK(sampleCount(lastDay) == 2 * (23 * 120 + 1));
  CHECK(lastDay.back().time == now);
  const auto old = store.load(now - std::chrono::hours(30 * 24)).value();
  std::size_t olderThanTwoDays = 0;
  for (const auto& reading : old)
    if (reading.time < now - std::chrono::hours(48)) olderThanTwoDays += reading.limits.size();
  CHECK(olderThanTwoDays <= 2 * (28 * 24 * 6 + 1));
  CHECK(olderThanTwoDays >= 2 * (28 * 24 * 6 - 1));
}

}  // namespace history_store_posix_test
