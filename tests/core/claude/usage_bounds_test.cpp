// The /usage parser against bodies built to cost time or memory, and numeric reset times far
// outside any real range.

#include <doctest/doctest.h>

#include <string>

#include "core/claude/usage_parser.h"
#include "core/model/time_bounds.h"

namespace usage_bounds_test {

using namespace cut::core;

namespace {

const TimePoint kObserved = Clock::from_time_t(1'795'900'000);

std::string base36(std::size_t n) {
  std::string out;
  do {
    out.insert(out.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[n % 36]);
    n /= 36;
  } while (n != 0);
  return out;
}

}  // namespace

TEST_CASE("a body of 58,000 distinct limits keeps kMaxLimits with the session and weekly first") {
  std::string body = R"({"limits": [)";
  for (std::size_t i = 0; i < 58'000; ++i) body += R"({"kind":"k)" + base36(i) + R"("},)";
  body += R"({"kind": "session", "percent": 40}], "seven_day": {"utilization": 60, "resets_at": null}})";
  REQUIRE(body.size() < 1024 * 1024);
  const auto usage = parseUsage(body, kObserved);
  REQUIRE(usage.ok());
  REQUIRE(usage.value().limits.size() == kMaxLimits);
  CHECK(usage.value().limits[0].id == "five_hour");
  CHECK(usage.value().limits[0].usedPercent == 40);
  CHECK(usage.value().limits[1].id == "seven_day");
  CHECK(usage.value().limits[2].id == "k0");
}

TEST_CASE("58,000 copies of one limit de-duplicate to one, the first winning") {
  std::string body = R"({"limits": [{"kind": "session", "percent": 7})";
  for (int i = 0; i < 58'000; ++i) body += R"(,{"kind":"session"})";
  body += "]}";
  const auto usage = parseUsage(body, kObserved);
  REQUIRE(usage.ok());
  REQUIRE(usage.value().limits.size() == 1);
  CHECK(usage.value().limits[0].usedPercent == 7);
}

TEST_CASE("a numeric resets_at is kept only between the epoch and the year 2200") {
  auto resetOf = [](const std::string& value) {
    const auto usage =
        parseUsage(R"({"five_hour": {"utilization": 1, "resets_at": )" + value + "}}", kObserved);
    REQUIRE(usage.ok());
    return usage.value().limits.at(0).resetsAt;
  };
  CHECK(resetOf("1796349600") == Clock::from_time_t(1'796'349'600));
  CHECK(resetOf("1796349600500") == Clock::from_time_t(1'796'349'600) + std::chrono::milliseconds(500));
  CHECK(resetOf("7258118400") == Clock::from_time_t(7'258'118'400));
  for (const char* garbage : {"7258118401", "1e10", "9.3e12", "1e19", "1e300", "-1e300", "0", "-5"}) {
    CAPTURE(garbage);
    CHECK_FALSE(resetOf(garbage));
  }
}

}  // namespace usage_bounds_test
