#include "core/model/cache_merge.h"

#include <doctest/doctest.h>

#include "support/readings.h"

namespace cache_merge_test {

using namespace cut::core;
using namespace std::chrono_literals;
using cut::test::kT0;
using cut::test::limit;

namespace {

UsageSnapshot polledAt(TimePoint fetched, Usage usage) {
  UsageSnapshot snapshot;
  snapshot.usage = std::move(usage);
  snapshot.organization = Organization{.uuid = "org-1", .name = "Pat's team", .capabilities = {}};
  snapshot.lastSuccess = fetched;
  snapshot.lastAttempt = fetched;
  return snapshot;
}

UsageSnapshot noKey() {
  UsageSnapshot snapshot;
  snapshot.error = FetchError{ErrorKind::NoKey, "No key file", 0, std::nullopt};
  snapshot.paused = true;
  return snapshot;
}

CachedUsage cacheOf(std::vector<Limit> limits) {
  CachedUsage cache;
  cache.usage.limits = std::move(limits);
  return cache;
}

}  // namespace

TEST_CASE("a newer Claude Code reading replaces the poller's limit, an older one does not") {
  const UsageSnapshot polled =
      polledAt(kT0, Usage{.limits = {limit("five_hour", 40, kT0), limit("seven_day", 10, kT0),
                                     limit("seven_day_opus", 5, kT0)},
                          .extra = ExtraUsage{.used = 3.0, .limit = 20.0, .currency = "EUR"}});
  const auto cache = cacheOf({limit("five_hour", 44, kT0 + 30s, Source::ClaudeCode),
                              limit("seven_day", 9, kT0 - 30s, Source::ClaudeCode)});
  const UsageSnapshot merged = mergeWithCache(polled, cache);
  REQUIRE(merged.usage.has_value());
  REQUIRE(merged.usage->limits.size() == 3);
  CHECK(merged.usage->limits[0].usedPercent == 44);
  CHECK(merged.usage->limits[0].source == Source::ClaudeCode);
  CHECK(merged.usage->limits[1].usedPercent == 10);
  CHECK(merged.usage->limits[1].source == Source::ClaudeAi);
  CHECK(merged.usage->limits[2].id == "seven_day_opus");
  REQUIRE(merged.usage->extra.has_value());
  CHECK(merged.usage->extra->used == 3.0);
  CHECK(merged.organization->name == "Pat's team");
  CHECK(merged.lastSuccess == polled.lastSuccess);
}

TEST_CASE("the poller's own state passes through a merge, and merging again changes nothing") {
  UsageSnapshot polled = polledAt(kT0, Usage{.limits = {limit("five_hour", 40, kT0)}});
  polled.error = FetchError{ErrorKind::Server, "502 from claude.ai", 502, std::nullopt};
  polled.lastAttempt = kT0 + 2min;
  polled.nextAttempt = kT0 + 3min;
  polled.fetching = true;
  const auto cache = cacheOf({limit("five_hour", 50, kT0 + 1min, Source::ClaudeCode),
                              limit("seven_day", 20, kT0 + 1min, Source::ClaudeCode)});
  const UsageSnapshot merged = mergeWithCache(polled, cache);
  REQUIRE(merged.usage.has_value());
  REQUIRE(merged.usage->limits.size() == 2);
  CHECK(merged.usage->limits[0].usedPercent == 50);
  CHECK(merged.error == polled.error);
  CHECK(merged.lastSuccess == polled.lastSuccess);
  CHECK(merged.lastAttempt == polled.lastAttempt);
  CHECK(merged.nextAttempt == polled.nextAttempt);
  CHECK(merged.fetching);
  CHECK_FALSE(merged.paused);
  const UsageSnapshot again = mergeWithCache(merged, cache);
  CHECK(again.usage == merged.usage);
}

TEST_CASE("with numbers of its own the widget ignores the cache's claude.ai readings") {
  const UsageSnapshot polled = polledAt(kT0, Usage{.limits = {limit("five_hour", 40, kT0)}});
  CachedUsage cache = cacheOf({limit("five_hour", 70, kT0 + 1min), limit("seven_day_other", 1, kT0 + 1min)});
  cache.usage.extra = ExtraUsage{.used = 99.0, .limit = 100.0, .currency = "USD"};
  cache.extraObservedAt = kT0 + 1min;
  cache.organizationName = "Another org";
  const UsageSnapshot merged = mergeWithCache(polled, cache);
  REQUIRE(merged.usage->limits.size() == 1);
  CHECK(merged.usage->limits[0].usedPercent == 40);
  CHECK_FALSE(merged.usage->extra.has_value());
  CHECK(merged.organization->name == "Pat's team");
}

TEST_CASE("a poller limit without a reading time counts as taken at the last success") {
  Limit undated = limit("five_hour", 40, TimePoint{});
  const UsageSnapshot polled = polledAt(kT0, Usage{.limits = {undated}});
  const UsageSnapshot older =
      mergeWithCache(polled, cacheOf({limit("five_hour", 50, kT0 - 1s, Source::ClaudeCode)}));
  CHECK(older.usage->limits.at(0).usedPercent == 40);
  const UsageSnapshot newer =
      mergeWithCache(polled, cacheOf({limit("five_hour", 50, kT0 + 1s, Source::ClaudeCode)}));
  CHECK(newer.usage->limits.at(0).usedPercent == 50);
}

TEST_CASE("with no key the cache alone gives the rows, and the no-key error stays") {
  CachedUsage cache = cacheOf(
      {limit("seven_day", 18, kT0, Source::ClaudeCode), limit("five_hour", 42.3, kT0, Source::ClaudeCode)});
  const UsageSnapshot merged = mergeWithCache(noKey(), cache);
  REQUIRE(merged.usage.has_value());
  REQUIRE(merged.usage->limits.size() == 2);
  CHECK(merged.usage->limits[0].id == "five_hour");  // display order
  CHECK(merged.usage->limits[0].usedPercent == doctest::Approx(42.3));
  CHECK(merged.usage->limits[1].id == "seven_day");
  CHECK_FALSE(merged.usage->extra.has_value());
  REQUIRE(merged.error.has_value());
  CHECK(merged.error->kind == ErrorKind::NoKey);
  CHECK(merged.paused);
  CHECK_FALSE(merged.lastSuccess.has_value());
  CHECK_FALSE(merged.organization.has_value());
}

TEST_CASE("before its own first fetch the widget shows every cached reading with extra usage") {
  CachedUsage cache = cacheOf({limit("five_hour", 42, kT0 + 1min, Source::ClaudeCode),
                               limit("seven_day", 20, kT0), limit("seven_day_opus", 7, kT0)});
  cache.usage.extra = ExtraUsage{.used = 12.75, .limit = 50.0, .currency = "USD"};
  cache.extraObservedAt = kT0;
  cache.organizationName = "Pat's team";
  UsageSnapshot starting;
  starting.fetching = true;
  const UsageSnapshot merged = mergeWithCache(starting, cache);
  REQUIRE(merged.usage.has_value());
  CHECK(merged.usage->limits.size() == 3);
  CHECK(merged.usage->limits[0].source == Source::ClaudeCode);
  CHECK(merged.usage->limits[1].source == Source::ClaudeAi);
  REQUIRE(merged.usage->extra.has_value());
  CHECK(merged.usage->extra->used == 12.75);
  REQUIRE(merged.organization.has_value());
  CHECK(merged.organization->name == "Pat's team");
  CHECK(merged.fetching);
}

TEST_CASE("no cache, an empty cache or the demo leave the snapshot unchanged") {
  const UsageSnapshot polled = polledAt(kT0, Usage{.limits = {limit("five_hour", 40, kT0)}});
  CHECK(mergeWithCache(polled, std::nullopt).usage == polled.usage);
  CHECK_FALSE(mergeWithCache(noKey(), CachedUsage{}).usage.has_value());
  UsageSnapshot demo = polled;
  demo.demo = true;
  CHECK(mergeWithCache(demo, cacheOf({limit("five_hour", 99, kT0 + 1h, Source::ClaudeCode)})).usage ==
        polled.usage);
}

TEST_CASE("the live source is the one with the newest reading, Claude Code on a tie") {
  CHECK_FALSE(liveSource(Usage{}).has_value());
  Usage usage{
      .limits = {limit("five_hour", 40, kT0 + 2min), limit("seven_day", 10, kT0, Source::ClaudeCode)}};
  CHECK(liveSource(usage) == LiveSource{Source::ClaudeAi, kT0 + 2min});
  usage.limits[1].observedAt = kT0 + 3min;
  CHECK(liveSource(usage) == LiveSource{Source::ClaudeCode, kT0 + 3min});
  usage.limits[1].observedAt = kT0 + 2min;
  CHECK(liveSource(usage)->source == Source::ClaudeCode);
  CHECK(newestReading(usage, Source::ClaudeCode) == kT0 + 2min);
  CHECK_FALSE(newestReading(Usage{.limits = {limit("five_hour", 1, kT0)}}, Source::ClaudeCode).has_value());
}

TEST_CASE("a cached reading whose window has reset counts as 0 percent") {
  Limit old = limit("five_hour", 88, kT0 - 6h, Source::ClaudeCode);
  old.resetsAt = kT0 - 1h;
  const UsageSnapshot merged = mergeWithCache(noKey(), cacheOf({old}));
  REQUIRE(merged.usage->limits.size() == 1);
  CHECK(merged.usage->limits[0].usedPercent == 88);  // kept as read
  CHECK(effectivePercent(merged.usage->limits[0], kT0) == 0.0);
}

}  // namespace cache_merge_test
