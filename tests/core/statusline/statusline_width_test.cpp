// The status line fitted to the terminal's width: columns counted as a terminal counts them, the
// documented order in which segments shorten and go, and golden lines at common widths.

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "core/statusline/statusline_fit.h"
#include "core/statusline/statusline_render.h"
#include "statusline_golden.h"

namespace statusline_width_test {

using namespace cut::core;
using namespace std::chrono_literals;
using cut::test::checkGolden;
using cut::test::fixtureView;
using cut::test::UtcZone;

namespace {

const TimePoint kNow = cut::test::kStatuslineNow;

StatuslineStyle at(std::size_t columns, bool color = false) {
  StatuslineStyle style;
  style.color = color;
  style.maxColumns = columns;
  return style;
}

}  // namespace

TEST_CASE("columns: escape sequences take none and every UTF-8 character takes one") {
  CHECK(displayColumns("") == 0);
  CHECK(displayColumns("abc") == 3);
  CHECK(displayColumns("▰▰▱│") == 4);
  CHECK(displayColumns("\x1b[38;5;71m42%\x1b[0m") == 3);
  CHECK(displayColumns("€ – ⎇") == 5);
}

TEST_CASE("a cut keeps escape sequences whole, ends in an ellipsis and resets the colour") {
  CHECK(cutToColumns("abcdef", 6, false) == "abcdef");
  CHECK(cutToColumns("abcdef", 4, false) == "abc…");
  CHECK(cutToColumns("▰▰▰▰▰", 3, false) == "▰▰…");
  CHECK(cutToColumns("\x1b[38;5;71mabcdef\x1b[0m", 3, true) == "\x1b[38;5;71mab\x1b[0m…");
  CHECK(cutToColumns("abc", 0, false).empty());
}

TEST_CASE("parts shorten and go in the documented order, the 5-hour figure last") {
  auto part = [](std::string segment, std::vector<std::string> forms) {
    return StatuslinePart{std::move(segment), std::move(forms)};
  };
  const std::vector<StatuslinePart> parts = {
      part("dir", {"directory-with-a-long-name", "directory-with-a…"}),
      part("branch", {"⎇ main"}),
      part("model", {"Opus"}),
      part("context", {"ctx 5%"}),
      part("five_hour", {"5h 42% ▰▰▰▰▱▱▱▱▱▱ resets 02:00", "5h 42% ▰▰▰▰▱▱▱▱▱▱", "5h 42%"}),
      part("weekly", {"wk 18%"}),
      part("cost", {"$1.87"}),
      part("per_model", {"Opus 12%"}),
      part("extra", {"extra $3.00"}),
      part("stale", {"stale 12m, refreshing", "stale 12m"}),
  };
  const std::string full = fitStatusline(parts, " | ", 0, false);
  CHECK(full ==
        "directory-with-a-long-name | ⎇ main | Opus | ctx 5% | 5h 42% ▰▰▰▰▱▱▱▱▱▱ resets 02:00 | wk 18% | "
        "$1.87 | "
        "Opus 12% | extra $3.00 | stale 12m, refreshing");
  // Each width in turn shows the next step; a line that fits is never shortened.
  const std::vector<std::string> expected = {
      "directory-with-a-long-name | ⎇ main | Opus | ctx 5% | 5h 42% ▰▰▰▰▱▱▱▱▱▱ resets 02:00 | wk 18% | $1.87 "
      "| "
      "Opus 12% | extra $3.00 | stale 12m",
      "directory-with-a… | ⎇ main | Opus | ctx 5% | 5h 42% ▰▰▰▰▱▱▱▱▱▱ resets 02:00 | wk 18% | $1.87 | Opus "
      "12% | "
      "extra $3.00 | stale 12m",
      "directory-with-a… | ⎇ main | Opus | ctx 5% | 5h 42% ▰▰▰▰▱▱▱▱▱▱ resets 02:00 | wk 18% | $1.87 | extra "
      "$3.00 | "
      "stale 12m",
      "directory-with-a… | ⎇ main | Opus | ctx 5% | 5h 42% ▰▰▰▰▱▱▱▱▱▱ resets 02:00 | wk 18% | $1.87 | stale "
      "12m",
      "directory-with-a… | ⎇ main | Opus | ctx 5% | 5h 42% ▰▰▰▰▱▱▱▱▱▱ | wk 18% | $1.87 | stale 12m",
      "directory-with-a… | ⎇ main | Opus | ctx 5% | 5h 42% ▰▰▰▰▱▱▱▱▱▱ | wk 18% | stale 12m",
      "directory-with-a… | Opus | ctx 5% | 5h 42% ▰▰▰▰▱▱▱▱▱▱ | wk 18% | stale 12m",
      "directory-with-a… | ctx 5% | 5h 42% ▰▰▰▰▱▱▱▱▱▱ | wk 18% | stale 12m",
      "directory-with-a… | 5h 42% ▰▰▰▰▱▱▱▱▱▱ | wk 18% | stale 12m",
      "directory-with-a… | 5h 42% | wk 18% | stale 12m",
      "5h 42% | wk 18% | stale 12m",
      "5h 42% | stale 12m",
  };
  for (const std::string& line : expected) {
    CAPTURE(line);
    CHECK(fitStatusline(parts, " | ", displayColumns(line), false) == line);
  }
  CHECK(fitStatusline(parts, " | ", 10, false) == "5h 42% | …");
  CHECK(fitStatusline(parts, " | ", 1, false) == "…");
}

TEST_CASE("golden: the shared input at 40, 60, 80 and 120 columns") {
  UtcZone utc;
  const StatuslineView view = fixtureView();
  for (const std::size_t columns : {40u, 60u, 80u, 120u}) {
    CAPTURE(columns);
    const std::string line = renderStatusline(view, at(columns), kNow);
    CHECK(displayColumns(line) <= columns);
    checkGolden("fixture_" + std::to_string(columns) + "_columns_plain", line);
    const std::string coloured = renderStatusline(view, at(columns, true), kNow);
    CHECK(displayColumns(coloured) == displayColumns(line));  // colour codes take no columns
  }
  checkGolden("fixture_80_columns_color", renderStatusline(view, at(80, true), kNow));
}

TEST_CASE("golden: per-model, extra and a stale refreshing note at 60 columns") {
  UtcZone utc;
  StatuslineView view = fixtureView();
  view.input.rateLimits.clear();
  CachedUsage cache;
  auto add = [&](const char* id, const char* label, double percent, std::int64_t window, TimePoint resets) {
    cache.usage.limits.push_back(Limit{.id = id,
                                       .label = label,
                                       .usedPercent = percent,
                                       .resetsAt = resets,
                                       .windowSeconds = window,
                                       .source = Source::ClaudeAi,
                                       .observedAt = kNow - 12min});
  };
  add("five_hour", "Session (5h)", 77, kFiveHourSeconds, kNow + 1h);
  add("seven_day", "Weekly (all models)", 93, kSevenDaySeconds, kNow + 50h);
  add("seven_day_opus", "Weekly Opus", 12, kSevenDaySeconds, kNow + 50h);
  cache.usage.extra = ExtraUsage{.used = 12.75, .limit = 50.0, .currency = "USD"};
  cache.extraObservedAt = kNow - 12min;
  view.cache = cache;
  view.refreshing = true;
  StatuslineStyle style = at(60);
  style.layout.segments = {"dir",    "branch", "model",     "context", "five_hour",
                           "weekly", "cost",   "per_model", "extra"};
  checkGolden("all_segments_stale_60_columns_plain", renderStatusline(view, style, kNow));
}

}  // namespace statusline_width_test
