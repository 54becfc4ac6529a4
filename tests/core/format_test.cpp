#include "core/format.h"

#include <doctest/doctest.h>

using namespace cut::core;
using namespace std::chrono_literals;

TEST_CASE("durations read as the largest two units, rounded up to the minute") {
  CHECK(formatDuration(0s) == "now");
  CHECK(formatDuration(-5s) == "now");
  CHECK(formatDuration(30s) == "<1m");
  CHECK(formatDuration(12min) == "12m");
  CHECK(formatDuration(3h + 46min + 30s) == "3h 47m");
  CHECK(formatDuration(52h) == "2d 4h");
}

TEST_CASE("a countdown names the reset, or says there is no session") {
  const TimePoint now = Clock::from_time_t(1'800'000'000);
  Limit limit{.id = "five_hour", .resetsAt = now + 3h + 47min};
  CHECK(formatResetsIn(limit, now) == "resets in 3h 47m");
  limit.resetsAt.reset();
  CHECK(formatResetsIn(limit, now) == "no active session");
}

TEST_CASE("local clock times follow the 12/24-hour setting and name the day when not today") {
  const TimePoint now = Clock::from_time_t(1'800'000'000);
  const std::string t24 = formatLocalTime(now, now, true);
  CHECK(t24.size() == 5);
  CHECK(t24[2] == ':');
  const std::string t12 = formatLocalTime(now, now, false);
  CHECK((t12.ends_with(" AM") || t12.ends_with(" PM")));
  const std::string later = formatLocalTime(now + 72h, now, true);
  CHECK(later.size() == 9);  // "Tue 14:05"
}

TEST_CASE("money uses the currency symbol when there is one") {
  CHECK(formatMoney(15.38, "EUR") == "\u20AC15.38");
  CHECK(formatMoney(12.75, "USD") == "$12.75");
  CHECK(formatMoney(3.0, "GBP") == "\u00A33.00");
  CHECK(formatMoney(12.75, "CHF") == "12.75 CHF");
}

TEST_CASE("percentages show a decimal only when not whole") {
  CHECK(formatPercent(38.0) == "38%");
  CHECK(formatPercent(38.5) == "38.5%");
  CHECK(formatPercent(104.0) == "104%");
  CHECK(formatPercent(69.96) == "70%");
}

TEST_CASE("age says how long ago the numbers were fetched") {
  const TimePoint now = Clock::from_time_t(1'800'000'000);
  CHECK(formatAge(now - 10s, now) == "updated just now");
  CHECK(formatAge(now - 2min - 5s, now) == "updated 2 min ago");
  CHECK(formatAge(now - 3h, now) == "updated 3 h ago");
}
