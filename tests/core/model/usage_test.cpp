#include "core/model/usage.h"

#include <doctest/doctest.h>

namespace usage_test {

using namespace cut::core;
using namespace std::chrono_literals;

TEST_CASE("usage bands switch exactly at the amber and red thresholds") {
  CHECK(bandFor(0.0, 70.0, 90.0) == Band::Green);
  CHECK(bandFor(69.99, 70.0, 90.0) == Band::Green);
  CHECK(bandFor(70.0, 70.0, 90.0) == Band::Amber);
  CHECK(bandFor(89.99, 70.0, 90.0) == Band::Amber);
  CHECK(bandFor(90.0, 70.0, 90.0) == Band::Red);
  CHECK(bandFor(104.0, 70.0, 90.0) == Band::Red);
  CHECK(bandFor(49.0, 50.0, 80.0) == Band::Green);
  CHECK(bandFor(50.0, 50.0, 80.0) == Band::Amber);
  CHECK(bandFor(80.0, 50.0, 80.0) == Band::Red);
}

TEST_CASE("a window whose reset time has passed counts as 0 percent used") {
  const TimePoint now = Clock::from_time_t(1'800'000'000);
  Limit limit{.id = "five_hour", .usedPercent = 87.0, .resetsAt = now - 1s, .windowSeconds = kFiveHourSeconds};
  CHECK(effectivePercent(limit, now) == 0.0);
  limit.resetsAt = now + 1s;
  CHECK(effectivePercent(limit, now) == 87.0);
  limit.resetsAt.reset();
  CHECK(effectivePercent(limit, now) == 87.0);
}

TEST_CASE("elapsed fraction puts the even-pace marker where uniform use would be") {
  const TimePoint now = Clock::from_time_t(1'800'000'000);
  Limit limit{.id = "five_hour", .resetsAt = now + 1h, .windowSeconds = kFiveHourSeconds};
  REQUIRE(elapsedFraction(limit, now).has_value());
  CHECK(*elapsedFraction(limit, now) == doctest::Approx(0.8));
  limit.resetsAt = now + 10h;  // clamped: a reset further away than the window is the window's start
  CHECK(*elapsedFraction(limit, now) == doctest::Approx(0.0));
  limit.windowSeconds = 0;
  CHECK_FALSE(elapsedFraction(limit, now).has_value());
}

TEST_CASE("a window whose reset time has passed has no even-pace marker, not one at the far end") {
  const TimePoint now = Clock::from_time_t(1'800'000'000);
  Limit limit{.id = "five_hour", .usedPercent = 40.0, .resetsAt = now - 1s, .windowSeconds = kFiveHourSeconds};
  CHECK_FALSE(elapsedFraction(limit, now).has_value());
  limit.resetsAt = now;
  CHECK_FALSE(elapsedFraction(limit, now).has_value());
  limit.resetsAt = now + 1s;
  REQUIRE(elapsedFraction(limit, now).has_value());
  CHECK(*elapsedFraction(limit, now) == doctest::Approx(1.0).epsilon(0.001));
}

TEST_CASE("usage finds a limit by id") {
  Usage usage;
  usage.limits.push_back(Limit{.id = "five_hour"});
  usage.limits.push_back(Limit{.id = "seven_day"});
  REQUIRE(usage.find("seven_day") != nullptr);
  CHECK(usage.find("seven_day")->id == "seven_day");
  CHECK(usage.find("seven_day_opus") == nullptr);
}

}  // namespace usage_test
