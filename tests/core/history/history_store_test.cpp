// The history on every OS: readings stored and loaded, a damaged file set aside, and a private file
// from the start. Exact modes, links and the size over 60 days are in history_store_posix_test.cpp.
#include "core/history/history_store.h"

#include <doctest/doctest.h>
#include <filesystem>

#include "history_store_support.h"
#include "support/file_access.h"
#include "support/readings.h"
#include "support/temp_dir.h"

namespace history_store_test {

using namespace cut::core;
using cut::test::openStore;
using cut::test::sampleCount;
using cut::test::TempDir;

namespace {

const TimePoint kStart = cut::test::kT0;
const auto limit = cut::test::limitResetting;

}  // namespace

TEST_CASE("a recorded reading loads back with its time, source, percent and reset time") {
  TempDir dir;
  auto store = openStore(dir);
  const auto reset = kStart + std::chrono::hours(3);
  REQUIRE(store
              .record(Source::ClaudeAi,
                      {limit("five_hour", 41.5, reset), limit("seven_day", 12, std::nullopt)}, kStart)
              .value() == 2);
  const auto readings = store.load(kStart - std::chrono::hours(1)).value();
  REQUIRE(readings.size() == 1);
  CHECK(readings[0].time == kStart);
  CHECK(readings[0].source == Source::ClaudeAi);
  REQUIRE(readings[0].limits.size() == 2);
  CHECK(readings[0].limits[0] == HistoryLimit{"five_hour", 41.5, reset, kStart});
  CHECK(readings[0].limits[1] == HistoryLimit{"seven_day", 12, std::nullopt, kStart});
}

TEST_CASE("an unchanged reading is not stored twice but extends how long the value was seen") {
  TempDir dir;
  auto store = openStore(dir);
  const auto reset = kStart + std::chrono::hours(3);
  const auto later = kStart + std::chrono::seconds(30);
  REQUIRE(store.record(Source::ClaudeAi, {limit("five_hour", 40, reset)}, kStart).value() == 1);
  CHECK(store.record(Source::ClaudeAi, {limit("five_hour", 40, reset)}, later).value() == 0);
  // Another source, a new percent and a new reset time are each new samples.
  CHECK(store.record(Source::ClaudeCode, {limit("five_hour", 40, reset)}, later).value() == 1);
  CHECK(store.record(Source::ClaudeAi, {limit("five_hour", 41, reset)}, later + std::chrono::seconds(30))
            .value() == 1);
  CHECK(store
            .record(Source::ClaudeAi, {limit("five_hour", 41, reset + std::chrono::hours(5))},
                    later + std::chrono::seconds(60))
            .value() == 1);

  const auto readings = store.load(kStart).value();
  REQUIRE(readings.size() == 4);
  CHECK(readings[0].limits[0].seenUntil == later);
  CHECK(readings[1].source == Source::ClaudeCode);
  CHECK(store.load(kStart, "seven_day").value().empty());
  CHECK(sampleCount(store.load(kStart, "five_hour").value()) == 4);
}

// The -wal and -shm are SQLite's own: on POSIX they take the database's mode (checked in
// history_store_posix_test.cpp); on Windows they inherit the private folder's DACL, whose entry is
// inheritable, and Wine, which maps a new file's access from its umask instead, cannot show that.
TEST_CASE("the history file is private, in a private folder") {
  TempDir dir;
  {
    auto store = openStore(dir);
    REQUIRE(store.record(Source::ClaudeAi, {limit("five_hour", 1, std::nullopt)}, kStart).ok());
    CHECK(cut::test::othersWithAccess(dir.path() / "state" / "history.sqlite") == "");
  }
  CHECK(cut::test::othersWithAccess(dir.path() / "state") == "");
}

TEST_CASE("a history that is not a database is set aside, kept, and a new one started") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "state");
  const std::string garbage(4096, 'x');
  cut::test::writeWholeFile(dir.path() / "state" / "history.sqlite", garbage);

  auto outcome =
      recordHistory(dir.path() / "state", Source::ClaudeAi, {limit("five_hour", 7, std::nullopt)}, kStart);
  CHECK_FALSE(outcome.error);
  REQUIRE_FALSE(outcome.setAside.empty());
  CHECK(outcome.setAside.filename().string().starts_with("history.sqlite.bad-"));
  CHECK(cut::test::readWholeFile(outcome.setAside) == garbage);
  CHECK(outcome.warning().find(outcome.setAside.string()) != std::string::npos);

  auto store = openStore(dir);
  CHECK(store.setAsidePath().empty());
  CHECK(sampleCount(store.load(kStart).value()) == 1);
}

TEST_CASE("a history damaged inside is set aside by a verifying open") {
  TempDir dir;
  {
    auto store = openStore(dir);
    for (int i = 0; i < 2000; ++i) {
      REQUIRE(store
                  .record(Source::ClaudeAi, {limit("five_hour", i, std::nullopt)},
                          kStart + std::chrono::seconds(i))
                  .ok());
    }
  }
  // Overwrite the pages after the first (the header stays valid, the b-trees do not).
  const auto path = dir.path() / "state" / "history.sqlite";
  std::string bytes = cut::test::readWholeFile(path);
  REQUIRE(bytes.size() > 16384);
  for (std::size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
  cut::test::writeWholeFile(path, bytes);
  std::filesystem::remove(dir.path() / "state" / "history.sqlite-wal");
  std::filesystem::remove(dir.path() / "state" / "history.sqlite-shm");

  auto store = HistoryStore::open(dir.path() / "state", {.verify = true});
  REQUIRE(store.ok());
  REQUIRE_FALSE(store->setAsidePath().empty());
  CHECK(cut::test::readWholeFile(store->setAsidePath()) == bytes);
  CHECK(store->load(kStart).value().empty());
}

// 60 days at a 30 s refresh, every reading changed (the worst case for the size): the file stays
// under 5 MB, nothing older than 35 days is kept, the last day keeps every sample and older days
// at most one per limit per 10 minutes.

}  // namespace history_store_test
