#include "core/statusline/statusline_render.h"
#include "statusline_golden.h"

#include <doctest/doctest.h>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

namespace statusline_render_test {

using namespace cut::core;
using namespace std::chrono_literals;
using cut::test::checkGolden;
using cut::test::fixtureView;
using cut::test::UtcZone;

namespace {

const TimePoint kNow = cut::test::kStatuslineNow;

StatuslineStyle plain() {
  StatuslineStyle style;
  style.color = false;
  return style;
}

CachedUsage claudeAiCache(TimePoint observed) {
  CachedUsage cache;
  auto add = [&](const char* id, const char* label, double percent, std::int64_t window, TimePoint resets) {
    cache.usage.limits.push_back(Limit{.id = id,
                                       .label = label,
                                       .usedPercent = percent,
                                       .resetsAt = resets,
                                       .windowSeconds = window,
                                       .source = Source::ClaudeAi,
                                       .observedAt = observed});
  };
  add("five_hour", "Session (5h)", 77, kFiveHourSeconds, kNow + 1h);
  add("seven_day", "Weekly (all models)", 93, kSevenDaySeconds, kNow + 50h);
  add("seven_day_opus", "Weekly Opus", 12, kSevenDaySeconds, kNow + 50h);
  add("seven_day_sonnet", "Weekly Sonnet", 3.4, kSevenDaySeconds, kNow + 50h);
  cache.usage.extra = ExtraUsage{.used = 12.75, .limit = 50.0, .currency = "USD"};
  cache.extraObservedAt = observed;
  cache.organizationName = "Pat";
  return cache;
}

}  // namespace

TEST_CASE("the pace bar has 10 cells and the even-pace marker between them") {
  CHECK(paceBar(42, 0.467) == "▰▰▰▰▱│▱▱▱▱▱");
  CHECK(paceBar(0, std::nullopt) == "▱▱▱▱▱▱▱▱▱▱");
  CHECK(paceBar(100, 1.0) == "▰▰▰▰▰▰▰▰▰▰│");
  CHECK(paceBar(250, 0.0) == "│▰▰▰▰▰▰▰▰▰▰");
  CHECK(paceBar(55, 0.2) == "▰▰│▰▰▰▰▱▱▱▱");
}

TEST_CASE("colour follows the setting, and NO_COLOR only in auto mode") {
  CHECK(statuslineUsesColor("auto", nullptr));
  CHECK(statuslineUsesColor("auto", ""));
  CHECK_FALSE(statuslineUsesColor("auto", "1"));
  CHECK_FALSE(statuslineUsesColor("none", nullptr));
  CHECK(statuslineUsesColor("256", "1"));
}

TEST_CASE("golden: the shared input, plain and coloured, 24 h and 12 h") {
  UtcZone utc;
  const StatuslineView view = fixtureView();
  checkGolden("fixture_plain", renderStatusline(view, plain(), kNow));
  checkGolden("fixture_color", renderStatusline(view, StatuslineStyle{}, kNow));
  StatuslineStyle twelve = plain();
  twelve.layout.clock24h = false;
  checkGolden("fixture_12h", renderStatusline(view, twelve, kNow));
  // Nothing of the coloured line is lost when colour is off.
  CHECK(renderStatusline(view, plain(), kNow).find('\x1b') == std::string::npos);
}

TEST_CASE("golden: stdin numbers win over the cache") {
  UtcZone utc;
  StatuslineView view = fixtureView();
  view.cache = claudeAiCache(kNow - 1h);
  const std::string line = renderStatusline(view, plain(), kNow);
  CHECK(line.find("5h 42%") != std::string::npos);
  CHECK(line.find("stale") == std::string::npos);  // nothing drawn came from the old cache
  checkGolden("fixture_with_cache_plain", line);
}

TEST_CASE("golden: without rate_limits the numbers come from a fresh cache") {
  UtcZone utc;
  StatuslineView view;
  view.input = parseStatuslineInput(R"({"model":{"display_name":"Sonnet 4.5"},"cwd":"/w/proj"})", kNow);
  view.cache = claudeAiCache(kNow - 2min);
  checkGolden("no_rate_limits_cache_plain", renderStatusline(view, plain(), kNow));
  checkGolden("no_rate_limits_cache_color", renderStatusline(view, StatuslineStyle{}, kNow));
}

TEST_CASE("golden: a cache older than 5 minutes is marked stale") {
  UtcZone utc;
  StatuslineView view;
  view.input = parseStatuslineInput(R"({"model":{"display_name":"Sonnet 4.5"},"cwd":"/w/proj"})", kNow);
  view.cache = claudeAiCache(kNow - 12min);
  view.refreshing = true;
  const std::string line = renderStatusline(view, plain(), kNow);
  CHECK(line.find("stale 12m, refreshing") != std::string::npos);
  checkGolden("stale_cache_plain", line);
}

TEST_CASE("golden: no numbers anywhere gives a neutral 5h dash") {
  UtcZone utc;
  StatuslineView view;
  view.input = parseStatuslineInput(
      R"({"model":{"display_name":"Opus 4.5"},"workspace":{"current_dir":"/a/b/"}})", kNow);
  checkGolden("no_numbers_plain", renderStatusline(view, plain(), kNow));
}

TEST_CASE("golden: empty and garbage input still give a line") {
  UtcZone utc;
  for (const char* text : {"", "}{ not json"}) {
    StatuslineView view;
    view.input = parseStatuslineInput(text, kNow);
    view.input.currentDir = "/home/pat/src/widget";  // what the command fills in from its own folder
    checkGolden("empty_input_plain", renderStatusline(view, plain(), kNow));
  }
}

TEST_CASE("golden: per-model and extra-usage segments when configured and cached") {
  UtcZone utc;
  StatuslineView view = fixtureView();
  view.cache = claudeAiCache(kNow - 1min);
  StatuslineStyle style;
  style.layout.segments = {"five_hour", "weekly", "per_model", "extra"};
  checkGolden("per_model_extra_color", renderStatusline(view, style, kNow));
  style.color = false;
  checkGolden("per_model_extra_plain", renderStatusline(view, style, kNow));
}

TEST_CASE("segments follow the configured order; unknown names are skipped") {
  UtcZone utc;
  StatuslineView view = fixtureView();
  StatuslineStyle style = plain();
  style.layout.segments = {"cost", "bogus", "model", "dir"};
  CHECK(renderStatusline(view, style, kNow) == "$1.87 │ Opus 4.5 │ widget");
  style.layout.segments.clear();
  CHECK(renderStatusline(view, style, kNow).empty());
}

TEST_CASE("threshold colours: green below amber, amber below red, red from red up") {
  UtcZone utc;
  StatuslineView view;
  StatuslineStyle style;
  style.layout.segments = {"context"};
  style.amberPercent = 50;
  style.redPercent = 80;
  view.input.contextPercent = 49;
  CHECK(renderStatusline(view, style, kNow).find("\x1b[38;5;71m49%") != std::string::npos);
  view.input.contextPercent = 50;
  CHECK(renderStatusline(view, style, kNow).find("\x1b[38;5;214m50%") != std::string::npos);
  view.input.contextPercent = 80;
  CHECK(renderStatusline(view, style, kNow).find("\x1b[38;5;196m80%") != std::string::npos);
}

TEST_CASE("a window whose reset has passed shows 0 percent, no reset time and no pace marker") {
  UtcZone utc;
  StatuslineView view;
  view.input.rateLimits.push_back(Limit{.id = "five_hour",
                                        .usedPercent = 88,
                                        .resetsAt = kNow - 1s,
                                        .windowSeconds = kFiveHourSeconds,
                                        .source = Source::ClaudeCode,
                                        .observedAt = kNow});
  StatuslineStyle style = plain();
  style.layout.segments = {"five_hour"};
  CHECK(renderStatusline(view, style, kNow) == "5h 0% ▱▱▱▱▱▱▱▱▱▱");
}

TEST_CASE("golden: colour by pace tier and the time the session reaches its limit") {
  UtcZone utc;
  StatuslineView view;
  // 70 % three hours into the window: 117 % projected (critical), 100 % in 1h 17m, before the reset.
  view.input.rateLimits.push_back(Limit{.id = "five_hour",
                                        .usedPercent = 70,
                                        .resetsAt = kNow + 2h,
                                        .windowSeconds = kFiveHourSeconds,
                                        .source = Source::ClaudeCode,
                                        .observedAt = kNow});
  view.input.rateLimits.push_back(Limit{.id = "seven_day",
                                        .usedPercent = 20,
                                        .resetsAt = kNow + 96h,
                                        .windowSeconds = kSevenDaySeconds,
                                        .source = Source::ClaudeCode,
                                        .observedAt = kNow});
  StatuslineStyle style;
  style.layout.segments = {"five_hour", "weekly", "limit_at"};
  style.layout.colorBy = "pace";
  const std::string line = renderStatusline(view, style, kNow);
  CHECK(line.find("\x1b[38;5;202m70%") != std::string::npos);  // critical, where the level says amber
  CHECK(line.find("\x1b[38;5;244mlimit \x1b[0m\x1b[38;5;202mFri 00:37") != std::string::npos);
  checkGolden("pace_limit_color", line);
  style.color = false;
  checkGolden("pace_limit_plain", renderStatusline(view, style, kNow));
  style.layout.colorBy = "level";
  style.color = true;
  CHECK(renderStatusline(view, style, kNow).find("\x1b[38;5;214m70%") != std::string::npos);
}

TEST_CASE("the limit-time segment is left out when the session lasts to its reset") {
  UtcZone utc;
  StatuslineView view = fixtureView();  // 42 % at 47 % of the window: lasts
  StatuslineStyle style = plain();
  style.layout.segments = {"model", "limit_at"};
  CHECK(renderStatusline(view, style, kNow) == "Opus 4.5");
  style.layout.colorBy = "pace";
  style.color = true;
  style.layout.segments = {"five_hour"};
  CHECK(renderStatusline(view, style, kNow).find("\x1b[38;5;214m42%") != std::string::npos);  // pressing
}

}  // namespace statusline_render_test
