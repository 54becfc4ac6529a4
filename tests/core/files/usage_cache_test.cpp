// The usage cache on every OS: merging readings, its text form, a private file in a private
// folder, the lock and concurrent writers (threads here; processes in usage_cache_posix_test.cpp).
#include "core/files/usage_cache.h"

#include <doctest/doctest.h>
#include <fstream>
#include <thread>
#include <vector>

#include "core/files/file_lock.h"
#include "support/file_access.h"
#include "support/readings.h"
#include "support/temp_dir.h"

namespace usage_cache_test {

using namespace cut::core;
using namespace std::chrono_literals;
using cut::test::kT0;
using cut::test::limit;
namespace fs = std::filesystem;
using cut::test::readWholeFile;
using cut::test::TempDir;

TEST_CASE("merge keeps the newer reading of each limit and every limit either side knows") {
  Usage a{.limits = {limit("five_hour", 40, kT0), limit("seven_day", 10, kT0 + 60s),
                     limit("seven_day_opus", 5, kT0)}};
  Usage b{.limits = {limit("seven_day", 12, kT0 + 30s, Source::ClaudeCode),
                     limit("five_hour", 42, kT0 + 10s, Source::ClaudeCode)}};
  const Usage merged = mergeUsage(a, b);
  REQUIRE(merged.limits.size() == 3);
  CHECK(merged.limits[0].id == "five_hour");
  CHECK(merged.limits[0].usedPercent == 42);
  CHECK(merged.limits[0].source == Source::ClaudeCode);
  CHECK(merged.limits[1].id == "seven_day");
  CHECK(merged.limits[1].usedPercent == 10);  // the older incoming reading lost
  CHECK(merged.limits[1].source == Source::ClaudeAi);
  CHECK(merged.limits[2].id == "seven_day_opus");
  // Merging is order-independent for distinct observation times.
  CHECK(mergeUsage(b, a).limits == merged.limits);
}

TEST_CASE("merge puts limits in display order: session, weekly, per-model, others") {
  Usage a{.limits = {limit("seven_day_fable", 1, kT0), limit("seven_day_sonnet", 2, kT0),
                     limit("weird", 3, kT0)}};
  Usage b{
      .limits = {limit("seven_day", 4, kT0), limit("seven_day_opus", 5, kT0), limit("five_hour", 6, kT0)}};
  const Usage merged = mergeUsage(a, b);
  std::vector<std::string> ids;
  for (const auto& l : merged.limits) ids.push_back(l.id);
  CHECK(ids == std::vector<std::string>{"five_hour", "seven_day", "seven_day_opus", "seven_day_sonnet",
                                        "seven_day_fable", "weird"});
}

TEST_CASE("extra usage and organization follow the newer claude.ai reading") {
  CachedUsage old{.usage = {.extra = ExtraUsage{.used = 1, .limit = 50, .currency = "USD"}},
                  .extraObservedAt = kT0,
                  .organizationName = "Old Org"};
  CachedUsage code{.usage = {.limits = {limit("five_hour", 1, kT0 + 5s, Source::ClaudeCode)}}};
  auto merged = mergeCache(old, code);
  REQUIRE(merged.usage.extra);
  CHECK(merged.usage.extra->used == 1);
  CHECK(merged.organizationName == "Old Org");
  CachedUsage disabled{.usage = {}, .extraObservedAt = kT0 + 10s, .organizationName = "New Org"};
  merged = mergeCache(merged, disabled);
  CHECK_FALSE(merged.usage.extra);
  CHECK(merged.organizationName == "New Org");
  CHECK(merged.usage.limits.size() == 1);
}

TEST_CASE("the cache round-trips through its text form") {
  CachedUsage cache{.usage = {.limits = {limit("five_hour", 42.5, kT0, Source::ClaudeCode),
                                         limit("seven_day_opus", 7, kT0 + 1s)},
                              .extra = ExtraUsage{.used = 12.75, .limit = std::nullopt, .currency = "EUR"}},
                    .extraObservedAt = kT0 + 1s,
                    .organizationName = "Pat's Org"};
  cache.usage.limits[0].resetsAt.reset();
  const auto parsed = parseCache(serializeCache(cache));
  REQUIRE(parsed);
  CHECK(*parsed == cache);
}

TEST_CASE("a corrupt or foreign cache text is rejected") {
  for (const char* text : {"", "{", "null", "[]", R"({"version":2,"limits":[]})", R"({"version":1})",
                           R"({"version":1,"limits":{}})"}) {
    CHECK_FALSE(parseCache(text));
  }
  const auto partial = parseCache(
      R"({"version":1,"limits":[{"id":"five_hour"},{"id":"seven_day","used_percent":3,"observed_at_ms":1}]})");
  REQUIRE(partial);
  REQUIRE(partial->usage.limits.size() == 1);
  CHECK(partial->usage.limits[0].id == "seven_day");
}

TEST_CASE("recordUsage creates the state folder and a private cache file") {
  TempDir tmp;
  const fs::path state = tmp.path() / "a/b/state";
  const Usage usage{.limits = {limit("five_hour", 30, TimePoint{}, Source::ClaudeCode)}};
  REQUIRE(recordUsage(state, usage, "", kT0).ok());
  CHECK(cut::test::othersWithAccess(usageCachePath(state)) == "");
  CHECK(cut::test::othersWithAccess(state) == "");
  const auto cache = readCache(state);
  REQUIRE(cache);
  REQUIRE(cache->usage.limits.size() == 1);
  CHECK(cache->usage.limits[0].observedAt == kT0);  // stamped with now
  CHECK(cache->usage.limits[0].source == Source::ClaudeCode);
  CHECK_FALSE(cache->extraObservedAt);  // Claude Code knows nothing of extra usage
}

TEST_CASE("an older reading never overwrites a newer one in the file") {
  TempDir tmp;
  REQUIRE(recordUsage(tmp.path(), {.limits = {limit("five_hour", 50, kT0 + 60s)}}, "Org", kT0 + 60s).ok());
  REQUIRE(
      recordUsage(tmp.path(), {.limits = {limit("five_hour", 20, kT0, Source::ClaudeCode)}}, "", kT0).ok());
  const auto cache = readCache(tmp.path());
  REQUIRE(cache);
  CHECK(cache->usage.find("five_hour")->usedPercent == 50);
  CHECK(cache->organizationName == "Org");
}

TEST_CASE("a corrupt cache file is ignored and replaced") {
  TempDir tmp;
  std::ofstream(usageCachePath(tmp.path())) << "{\"version\":1,\"limits\":[{trunc";
  CHECK_FALSE(readCache(tmp.path()));
  REQUIRE(recordUsage(tmp.path(), {.limits = {limit("seven_day", 9, kT0)}}, "", kT0).ok());
  const auto cache = readCache(tmp.path());
  REQUIRE(cache);
  CHECK(cache->usage.find("seven_day")->usedPercent == 9);
}

TEST_CASE("a writer gives up when the lock is held past the wait, and the file is unchanged") {
  TempDir tmp;
  REQUIRE(recordUsage(tmp.path(), {.limits = {limit("seven_day", 1, kT0)}}, "", kT0).ok());
  {
    const FileLock held(tmp.path() / "usage-cache.lock", 0ms);
    REQUIRE(held.locked());
    const auto result =
        recordUsage(tmp.path(), {.limits = {limit("seven_day", 2, kT0 + 1s)}}, "", kT0 + 1s, 20ms);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.find("usage-cache.lock") != std::string::npos);
  }
  CHECK(readCache(tmp.path())->usage.find("seven_day")->usedPercent == 1);
  REQUIRE(recordUsage(tmp.path(), {.limits = {limit("seven_day", 3, kT0 + 2s)}}, "", kT0 + 2s, 20ms).ok());
  CHECK(readCache(tmp.path())->usage.find("seven_day")->usedPercent == 3);
}

TEST_CASE("concurrent writers in many threads never lose the newest reading or corrupt the file") {
  TempDir tmp;
  constexpr int kWriters = 8;
  std::vector<std::thread> writers;
  std::vector<int> failures(kWriters, 0);
  for (int i = 0; i < kWriters; ++i) {
    writers.emplace_back([&, i] {
      for (int round = 0; round < 5; ++round) {
        const std::string id = "seven_day_w" + std::to_string(i);
        const Usage usage{.limits = {limit("five_hour", i, kT0 + std::chrono::seconds(i)),
                                     limit(id.c_str(), round, kT0 + std::chrono::seconds(round))}};
        if (!recordUsage(tmp.path(), usage, "", kT0, 10s).ok()) ++failures[static_cast<std::size_t>(i)];
      }
    });
  }
  for (auto& writer : writers) writer.join();
  for (const int failed : failures) CHECK(failed == 0);
  const auto cache = readCache(tmp.path());
  REQUIRE(cache);
  CHECK(cache->usage.find("five_hour")->usedPercent == kWriters - 1);
  for (int i = 0; i < kWriters; ++i) {
    const Limit* own = cache->usage.find("seven_day_w" + std::to_string(i));
    REQUIRE(own != nullptr);
    CHECK(own->usedPercent == 4);
  }
  CHECK(cut::test::entryCount(tmp.path()) == 2);  // usage-cache.json and usage-cache.lock
}

}  // namespace usage_cache_test
