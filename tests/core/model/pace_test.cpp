#include "core/model/pace.h"

#include <doctest/doctest.h>

namespace pace_test {

using namespace cut::core;
using namespace std::chrono_literals;

namespace {

// A five-hour window that began at kStart and resets at kReset.
const TimePoint kStart = Clock::from_time_t(1'800'000'000);
const TimePoint kReset = kStart + 5h;

Limit session(double percent, TimePoint observed) {
  return Limit{.id = "five_hour",
               .label = "Session (5h)",
               .usedPercent = percent,
               .resetsAt = kReset,
               .windowSeconds = kFiveHourSeconds,
               .observedAt = observed};
}

PaceSample at(TimePoint time, double percent, std::optional<TimePoint> resetsAt = kReset) {
  return {time, percent, resetsAt};
}

}  // namespace

TEST_CASE("tiers change exactly at 50, 75, 90, 100 and 120 percent projected") {
  struct Row {
    double projected;
    PaceTier tier;
    std::string_view name;
  };
  const Row rows[] = {
      {0.0, PaceTier::Comfortable, "comfortable"}, {49.99, PaceTier::Comfortable, "comfortable"},
      {50.0, PaceTier::OnTrack, "on_track"},       {74.99, PaceTier::OnTrack, "on_track"},
      {75.0, PaceTier::Warming, "warming"},        {89.99, PaceTier::Warming, "warming"},
      {90.0, PaceTier::Pressing, "pressing"},      {99.99, PaceTier::Pressing, "pressing"},
      {100.0, PaceTier::Critical, "critical"},     {119.99, PaceTier::Critical, "critical"},
      {120.0, PaceTier::Runaway, "runaway"},       {900.0, PaceTier::Runaway, "runaway"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.projected);
    CHECK(paceTierFor(row.projected) == row.tier);
    CHECK(paceTierName(row.tier) == row.name);
  }
}

TEST_CASE("the projection is used over elapsed once five percent of the window has passed") {
  struct Row {
    double used;
    double elapsed;
    std::optional<double> projected;
  };
  const Row rows[] = {
      {10.0, 0.0, std::nullopt}, {10.0, 0.049, std::nullopt}, {1.0, 0.05, 20.0},   {30.0, 0.5, 60.0},
      {45.0, 0.5, 90.0},         {80.0, 0.8, 100.0},          {100.0, 0.5, 200.0}, {0.0, 0.9, 0.0},
  };
  for (const Row& row : rows) {
    CAPTURE(row.used);
    CAPTURE(row.elapsed);
    const auto p = projectedPercent(row.used, row.elapsed);
    REQUIRE(p.has_value() == row.projected.has_value());
    if (p) CHECK(*p == doctest::Approx(*row.projected));
  }
}

TEST_CASE("too early to tell: nothing is projected in the first five percent of a window") {
  const TimePoint now = kStart + 10min;  // 3.3 % of five hours
  const Pace pace = computePace(session(8.0, now), {}, now);
  CHECK_FALSE(pace.known());
  CHECK_FALSE(pace.tier.has_value());
  CHECK_FALSE(pace.limitAt.has_value());
  CHECK(computePace(session(8.0, kStart + 15min), {}, kStart + 15min).known());
}

TEST_CASE("no pace for a window without a reset time or whose reset time has passed") {
  Limit limit = session(40.0, kStart + 2h);
  limit.resetsAt.reset();
  CHECK_FALSE(computePace(limit, {}, kStart + 2h).known());
  CHECK_FALSE(computePace(session(40.0, kStart + 2h), {}, kReset + 1min).known());
}

TEST_CASE("without history the window average gives the time to the limit") {
  // 50 % after 2 h: 25 %/h, so 100 % two hours later, before the reset three hours away.
  const TimePoint now = kStart + 2h;
  const Pace pace = computePace(session(50.0, now), {}, now);
  REQUIRE(pace.known());
  CHECK(*pace.projectedPercent == doctest::Approx(125.0));
  CHECK(pace.tier == PaceTier::Runaway);
  CHECK_FALSE(pace.recentRate);
  CHECK(pace.ratePercentPerHour == doctest::Approx(25.0));
  REQUIRE(pace.limitAt.has_value());
  CHECK(std::chrono::duration_cast<std::chrono::seconds>(*pace.limitAt - now).count() ==
        doctest::Approx(2 * 3600).epsilon(0.001));
}

TEST_CASE("steady use: the recent slope over the last 30 minutes gives the limit time") {
  // 20 %/h for the last hour, sampled every minute: at 3 h it reads 60 %; 40 % more takes 2 h,
  // which is the reset itself, so it lasts. At 30 %/h it does not.
  std::vector<PaceSample> history;
  const TimePoint now = kStart + 3h;
  for (int m = 60; m >= 1; --m) history.push_back(at(now - std::chrono::minutes(m), 60.0 - 0.5 * m));
  const Pace pace = computePace(session(60.0, now), history, now);
  REQUIRE(pace.known());
  CHECK(pace.recentRate);
  CHECK(pace.ratePercentPerHour == doctest::Approx(30.0));
  REQUIRE(pace.limitAt.has_value());
  CHECK(std::chrono::duration_cast<std::chrono::minutes>(*pace.limitAt - now).count() == 80);
}

TEST_CASE("bursty use: a burst in the last half hour outweighs a quiet window average") {
  // 10 % over the first 3 h, then 30 % in the last 30 minutes: the window average (~11 %/h)
  // lasts to the reset, the recent rate (60 %/h) reaches 100 % in 1 h.
  std::vector<PaceSample> history;
  const TimePoint now = kStart + 3h + 30min;
  history.push_back(at(kStart + 3h, 10.0));
  for (int m = 5; m <= 30; m += 5) history.push_back(at(kStart + 3h + std::chrono::minutes(m), 10.0 + m));
  const Pace burst = computePace(session(40.0, now), history, now);
  REQUIRE(burst.recentRate);
  CHECK(burst.ratePercentPerHour == doctest::Approx(60.0));
  REQUIRE(burst.limitAt.has_value());
  CHECK(std::chrono::duration_cast<std::chrono::minutes>(*burst.limitAt - now).count() == 60);
  const Pace average = computePace(session(40.0, now), {}, now);
  CHECK_FALSE(average.limitAt.has_value());
}

TEST_CASE("idle: a flat last half hour lasts to the reset even when the average would not") {
  std::vector<PaceSample> history;
  const TimePoint now = kStart + 2h;
  for (int m = 30; m >= 0; m -= 5) history.push_back(at(now - std::chrono::minutes(m), 70.0));
  const Pace pace = computePace(session(70.0, now), history, now);
  CHECK(pace.recentRate);
  CHECK(pace.ratePercentPerHour == doctest::Approx(0.0));
  CHECK_FALSE(pace.limitAt.has_value());
  CHECK(pace.tier == PaceTier::Runaway);  // the projection still says where the average leads
  CHECK(computePace(session(70.0, now), {}, now).limitAt.has_value());
}

TEST_CASE("too few recent samples or too short a span fall back to the window average") {
  const TimePoint now = kStart + 2h;
  const std::vector<PaceSample> two = {at(now - 20min, 30.0), at(now - 10min, 40.0)};
  CHECK(computePace(session(40.0, now), two, now).recentRate);  // 3 with the current one: enough
  const std::vector<PaceSample> close = {at(now - 9min, 30.0), at(now - 5min, 35.0)};
  CHECK_FALSE(computePace(session(40.0, now), close, now).recentRate);
  const std::vector<PaceSample> old = {at(now - 50min, 0.0), at(now - 40min, 10.0)};
  CHECK_FALSE(computePace(session(40.0, now), old, now).recentRate);
  const std::vector<PaceSample> enough = {at(now - 20min, 30.0), at(now - 10min, 35.0), at(now - 5min, 38.0)};
  CHECK(computePace(session(40.0, now), enough, now).recentRate);
}

TEST_CASE("a reset inside the fit range starts the fit over") {
  // The previous window ran hot until it reset 12 minutes ago; the new one has only two
  // samples plus the current one over 12 minutes: the fit uses those, not the old window.
  const TimePoint newStart = kStart + 5h;
  const TimePoint newReset = newStart + 5h;
  const TimePoint now = newStart + 20min;
  std::vector<PaceSample> history = {
      at(newStart - 20min, 80.0, newStart), at(newStart - 10min, 90.0, newStart),
      at(newStart - 2min, 95.0, newStart),  at(newStart + 8min, 1.0, newReset),
      at(newStart + 14min, 2.0, newReset),
  };
  Limit limit = session(3.0, now);
  limit.resetsAt = newReset;
  const Pace pace = computePace(limit, history, now);
  REQUIRE(pace.known());
  CHECK(pace.recentRate);
  CHECK(pace.ratePercentPerHour == doctest::Approx(10.0));  // 1 % every 6 minutes
  CHECK_FALSE(pace.limitAt.has_value());
  // With the old window's samples the slope would be strongly negative; it is not.
  CHECK(pace.ratePercentPerHour > 0.0);
}

TEST_CASE("a reset is a drop with a new reset time; a lone 0 percent with the same one is a hiccup") {
  const TimePoint t = kStart + 2h;
  SUBCASE("hiccup") {
    const std::vector<PaceSample> h = {at(t, 40.0), at(t + 1min, 0.0), at(t + 2min, 41.0)};
    const auto w = currentWindowSamples(h);
    REQUIRE(w.size() == 2);
    CHECK(w[0].usedPercent == 40.0);
    CHECK(w[1].usedPercent == 41.0);
  }
  SUBCASE("hiccup with no reset time") {
    const std::vector<PaceSample> h = {at(t, 40.0), at(t + 1min, 0.0, std::nullopt), at(t + 2min, 41.0)};
    CHECK(currentWindowSamples(h).size() == 2);
  }
  SUBCASE("a drop with a new reset time") {
    const std::vector<PaceSample> h = {at(t, 40.0), at(t + 1min, 2.0, kReset + 5h)};
    const auto w = currentWindowSamples(h);
    REQUIRE(w.size() == 1);
    CHECK(w[0].usedPercent == 2.0);
  }
  SUBCASE("a drop with the same reset time is a correction, not a reset") {
    const std::vector<PaceSample> h = {at(t, 40.0), at(t + 1min, 38.0, kReset + 20s)};
    CHECK(currentWindowSamples(h).size() == 2);
  }
  SUBCASE("a reading after the reset time reads 0 percent and starts the next window") {
    const std::vector<PaceSample> h = {at(t, 40.0), at(kReset + 1min, 40.0),
                                       at(kReset + 3min, 1.0, kReset + 5h)};
    const auto w = currentWindowSamples(h);
    REQUIRE(w.size() == 2);
    CHECK(w[0].usedPercent == 0.0);
    CHECK(w[1].usedPercent == 1.0);
  }
}

TEST_CASE("a phantom 0 percent reading does not bend the time to the limit") {
  std::vector<PaceSample> history;
  const TimePoint now = kStart + 3h;
  for (int m = 30; m >= 5; m -= 5) history.push_back(at(now - std::chrono::minutes(m), 60.0 - m));
  history.push_back(at(now - 2min, 0.0));
  const Pace pace = computePace(session(60.0, now), history, now);
  REQUIRE(pace.recentRate);
  CHECK(pace.ratePercentPerHour == doctest::Approx(60.0));
}

TEST_CASE("a window already at its limit is reached now") {
  const TimePoint now = kStart + 4h;
  const Pace pace = computePace(session(100.0, now), {}, now);
  REQUIRE(pace.limitAt.has_value());
  CHECK(*pace.limitAt == now);
}

}  // namespace pace_test
