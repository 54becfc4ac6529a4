// The status line fed what an attacker or a broken client could send: control characters in the
// directory, model, branch and cached labels; time values far outside any real range; cache
// readings dated in the future.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/statusline/statusline_render.h"

namespace statusline_hostile_test {

using namespace cut::core;
using namespace std::chrono_literals;

namespace {

const TimePoint kNow = Clock::from_time_t(1'796'340'000);

bool hasControlByte(const std::string& text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return true;
  }
  return false;
}

StatuslineStyle plain(std::vector<std::string> segments) {
  StatuslineStyle style;
  style.color = false;
  style.layout.segments = std::move(segments);
  return style;
}

}  // namespace

TEST_CASE("control characters in the directory, model, branch and labels never reach the terminal") {
  StatuslineView view;
  view.input = parseStatuslineInput(
      R"({"workspace": {"current_dir": "/home/p/evil\u001b]0;pwned\u0007\nx"},
          "model": {"display_name": "Opus\u001b[2J\r"}})",
      kNow);
  view.branch = "main\x1b[31m\x7f";
  CachedUsage cache;
  cache.usage.limits.push_back(Limit{.id = "seven_day_x",
                                     .label = "Weekly \x1b[8mX\n",
                                     .usedPercent = 5,
                                     .windowSeconds = kSevenDaySeconds,
                                     .observedAt = kNow});
  view.cache = cache;
  const std::string line = renderStatusline(view, plain({"dir", "branch", "model", "per_model"}), kNow);
  CHECK_FALSE(hasControlByte(line));
  CHECK(line == "evil?]0;pwned??x │ ⎇ main?[31m? │ Opus?[2J? │ ?[8mX? 5%");

  // With colour on, the only escapes are the line's own colour codes.
  StatuslineStyle coloured = plain({"dir", "model"});
  coloured.color = true;
  const std::string colouredLine = renderStatusline(view, coloured, kNow);
  CHECK(colouredLine.find("\x1b]") == std::string::npos);
  CHECK(colouredLine.find("\x1b[2J") == std::string::npos);
}

TEST_CASE("resets_at from stdin outside the epoch..2200 range is no reset time, never a wrapped one") {
  auto resetOf = [](const std::string& value) {
    const StatuslineInput input = parseStatuslineInput(
        R"({"rate_limits": {"five_hour": {"used_percentage": 5, "resets_at": )" + value + "}}}", kNow);
    REQUIRE(input.rateLimits.size() == 1);
    return input.rateLimits[0].resetsAt;
  };
  CHECK(resetOf("1796349600") == Clock::from_time_t(1'796'349'600));
  CHECK(resetOf("1796349600000") == Clock::from_time_t(1'796'349'600));
  CHECK(resetOf("\"1796349600\"") == Clock::from_time_t(1'796'349'600));
  for (const char* garbage : {"1e10", "9.3e12", "1e19", "1e100", "1e300", "-1e300", "0", "\"1e300\""}) {
    CAPTURE(garbage);
    CHECK_FALSE(resetOf(garbage));
  }
}

TEST_CASE("a cache reading dated in the future is drawn as stale") {
  StatuslineView view;
  CachedUsage cache;
  cache.usage.limits.push_back(Limit{.id = "five_hour",
                                     .usedPercent = 42,
                                     .windowSeconds = kFiveHourSeconds,
                                     .observedAt = kNow + std::chrono::hours(24 * 365)});
  view.cache = cache;
  CHECK(renderStatusline(view, plain({"five_hour"}), kNow) == "5h 42% ▰▰▰▰▱▱▱▱▱▱ │ stale, dated ahead");
}

}  // namespace statusline_hostile_test
