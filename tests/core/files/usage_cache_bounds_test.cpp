// The shared cache against hostile or broken contents: time fields far outside any real range,
// readings dated in the future, and far more limits than claude.ai reports.

#include <doctest/doctest.h>

#include <string>

#include "core/files/usage_cache.h"
#include "core/model/time_bounds.h"
#include "support/readings.h"
#include "support/temp_dir.h"

namespace usage_cache_bounds_test {

using namespace cut::core;
using namespace std::chrono_literals;
using cut::test::kT0;
using cut::test::limit;
using cut::test::TempDir;

namespace {

std::string cacheText(const std::string& limitFields) {
  return R"x({"version": 1, "limits": [{"id": "five_hour", "label": "Session (5h)", "source": "claude.ai",
             "used_percent": 10, )x" +
         limitFields + "}]}";
}

}  // namespace

TEST_CASE("cache time fields outside the epoch..2200 range are refused, never wrapped") {
  const auto ok = parseCache(cacheText(R"("observed_at_ms": 1796340000000, "resets_at_ms": 1796349600000,
                                          "window_seconds": 18000)"));
  REQUIRE(ok);
  REQUIRE(ok->usage.limits.size() == 1);
  CHECK(ok->usage.limits[0].resetsAt == Clock::from_time_t(1'796'349'600));
  CHECK(ok->usage.limits[0].windowSeconds == kFiveHourSeconds);

  for (const char* resets : {"9e15", "7258118400001", "-1", "1e300"}) {
    CAPTURE(resets);
    const auto cache =
        parseCache(cacheText(std::string(R"("observed_at_ms": 1796340000000, "resets_at_ms": )") + resets +
                             R"(, "window_seconds": 18000)"));
    REQUIRE(cache);
    REQUIRE(cache->usage.limits.size() == 1);
    CHECK_FALSE(cache->usage.limits[0].resetsAt);
  }
  for (const char* observed : {"9e15", "-9e15", "1e300"}) {
    CAPTURE(observed);
    const auto cache = parseCache(cacheText(std::string(R"("observed_at_ms": )") + observed));
    REQUIRE(cache);
    CHECK(cache->usage.limits.empty());
  }
  for (const char* window : {"9e15", "1e300", "-5", "31708800"}) {
    CAPTURE(window);
    const auto cache =
        parseCache(cacheText(std::string(R"("observed_at_ms": 1796340000000, "window_seconds": )") + window));
    REQUIRE(cache);
    REQUIRE(cache->usage.limits.size() == 1);
    CHECK(cache->usage.limits[0].windowSeconds == 0);
  }
}

TEST_CASE("a window length beyond a year gives no pace fraction, whatever the reset time") {
  Limit huge = limit("five_hour", 10, kT0);
  huge.windowSeconds = std::int64_t{1} << 62;
  CHECK_FALSE(elapsedFraction(huge, kT0));
  huge.windowSeconds = kMaxWindowSeconds;
  CHECK(elapsedFraction(huge, kT0));
}

TEST_CASE("a stored reading dated in the future does not win the next merge and is dropped") {
  TempDir tmp;
  const TimePoint future = kT0 + 24h * 365;
  REQUIRE(recordUsage(tmp.path(),
                      {.limits = {limit("five_hour", 99, future), limit("seven_day_opus", 88, future)}},
                      "Org", future)
              .ok());
  REQUIRE(
      recordUsage(tmp.path(), {.limits = {limit("five_hour", 20, kT0, Source::ClaudeCode)}}, "", kT0).ok());
  const auto cache = readCache(tmp.path());
  REQUIRE(cache);
  REQUIRE(cache->usage.find("five_hour"));
  CHECK(cache->usage.find("five_hour")->usedPercent == 20);
  CHECK(cache->usage.find("five_hour")->observedAt == kT0);
  CHECK_FALSE(cache->usage.find("seven_day_opus"));
  CHECK_FALSE(cache->extraObservedAt);
  CHECK(cache->organizationName.empty());
}

TEST_CASE("a cache of thousands of limits reads back as kMaxLimits, the session first") {
  std::string text = R"({"version": 1, "limits": [)";
  for (int i = 0; i < 1500; ++i)
    text += R"({"id": "x)" + std::to_string(i) + R"(", "used_percent": 1, "observed_at_ms": 1796340000000},)";
  text += R"({"id": "five_hour", "used_percent": 3, "observed_at_ms": 1796340000000}]})";
  REQUIRE(text.size() < 256 * 1024);
  const auto cache = parseCache(text);
  REQUIRE(cache);
  CHECK(cache->usage.limits.size() == kMaxLimits);
  CHECK(cache->usage.limits[0].id == "five_hour");

  Usage many;
  for (int i = 0; i < 5000; ++i) many.limits.push_back(limit(("y" + std::to_string(i)).c_str(), 1, kT0));
  CHECK(mergeUsage(cache->usage, many).limits.size() == kMaxLimits);
}

}  // namespace usage_cache_bounds_test
