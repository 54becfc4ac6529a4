#include "core/model/demo.h"

#include <doctest/doctest.h>

namespace demo_test {

using namespace cut::core;
using namespace std::chrono_literals;

TEST_CASE("demo data is labelled demo and needs no network or key") {
  const TimePoint now = Clock::from_time_t(1'800'000'000) + 17s;
  const UsageSnapshot demo = makeDemoSnapshot(now);
  CHECK(demo.demo);
  CHECK_FALSE(demo.error.has_value());
  CHECK_FALSE(demo.paused);
  CHECK_FALSE(demo.fetching);
  REQUIRE(demo.usage.has_value());
  REQUIRE(demo.lastSuccess.has_value());
  CHECK(*demo.lastSuccess == now);
}

TEST_CASE("demo data shows the session, weekly and a per-model limit in all three colour bands") {
  const TimePoint now = Clock::from_time_t(1'800'000'000);
  const Usage usage = *makeDemoSnapshot(now).usage;
  REQUIRE(usage.limits.size() == 3);
  CHECK(usage.limits[0].id == "five_hour");
  CHECK(usage.limits[0].usedPercent < 70.0);
  CHECK(usage.limits[1].id == "seven_day");
  CHECK(usage.limits[1].usedPercent >= 70.0);
  CHECK(usage.limits[1].usedPercent < 90.0);
  CHECK(usage.limits[2].id == "seven_day_opus");
  CHECK(usage.limits[2].usedPercent >= 90.0);
  REQUIRE(usage.extra.has_value());
  CHECK(usage.extra->currency == "EUR");
  CHECK(usage.extra->used == doctest::Approx(15.38));
}

TEST_CASE("demo reset times fall on whole minutes so every countdown ticks together") {
  const TimePoint now = Clock::from_time_t(1'800'000'000) + 42s;
  const UsageSnapshot demo = makeDemoSnapshot(now);
  for (const Limit& limit : demo.usage->limits) {
    REQUIRE(limit.resetsAt.has_value());
    CHECK(Clock::to_time_t(*limit.resetsAt) % 60 == 0);
    CHECK(*limit.resetsAt > now);
    CHECK(effectivePercent(limit, now) == limit.usedPercent);
  }
}

}  // namespace demo_test
