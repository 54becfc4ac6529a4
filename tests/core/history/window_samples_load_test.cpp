#include "core/history/window_samples_load.h"

#include <doctest/doctest.h>

#include <fstream>

#include "core/history/history_store.h"
#include "support/readings.h"
#include "support/temp_dir.h"

namespace window_samples_load_test {

using namespace cut::core;
using cut::test::TempDir;

namespace {

const TimePoint kStart = cut::test::kT0;
const auto limit = cut::test::limitResetting;

void record(const TempDir& dir, Source source, std::vector<Limit> limits, TimePoint at) {
  const auto outcome = recordHistory(dir.path() / "state", source, limits, at);
  REQUIRE_MESSAGE(!outcome.error, outcome.warning());
}

}  // namespace

TEST_CASE("the widget's samples are each limit's current window, both sources, oldest first") {
  TempDir dir;
  const auto oldReset = kStart + std::chrono::hours(1);
  const auto newReset = kStart + std::chrono::hours(6);
  const auto week = kStart + std::chrono::hours(100);
  const auto m = [](int minutes) { return kStart + std::chrono::minutes(minutes); };
  record(dir, Source::ClaudeAi, {limit("five_hour", 80, oldReset), limit("seven_day", 30, week)}, m(0));
  // The window reset at oldReset: the new one starts low with a new reset time.
  record(dir, Source::ClaudeAi, {limit("five_hour", 2, newReset), limit("seven_day", 31, week)}, m(70));
  record(dir, Source::ClaudeCode, {limit("five_hour", 5, newReset)}, m(80));
  record(dir, Source::ClaudeAi, {limit("five_hour", 9, newReset)}, m(90));
  // Repeated: stored once, but seen until m(100), which reads as a flat stretch.
  record(dir, Source::ClaudeAi, {limit("five_hour", 9, newReset)}, m(100));

  const auto samples = loadWindowSamples(dir.path() / "state", m(101));
  REQUIRE(samples);
  CHECK(samples->notice.empty());
  const auto five = samples->of("five_hour");
  REQUIRE(five.size() == 4);
  CHECK(five[0] == PaceSample{m(70), 2, newReset});
  CHECK(five[1] == PaceSample{m(80), 5, newReset});
  CHECK(five[2] == PaceSample{m(90), 9, newReset});
  CHECK(five[3] == PaceSample{m(100), 9, newReset});
  CHECK(samples->of("seven_day").size() == 2);
  CHECK(samples->of("seven_day_opus").empty());
}

TEST_CASE("readings older than the longest window are not loaded") {
  TempDir dir;
  const auto week = kStart + std::chrono::hours(24 * 20);
  record(dir, Source::ClaudeAi, {limit("seven_day", 10, week)}, kStart);
  record(dir, Source::ClaudeAi, {limit("seven_day", 20, week)}, kStart + std::chrono::hours(24 * 8));
  const auto samples = loadWindowSamples(dir.path() / "state", kStart + std::chrono::hours(24 * 8 + 1));
  REQUIRE(samples->of("seven_day").size() == 1);
  CHECK(samples->of("seven_day")[0].usedPercent == 20);
}

TEST_CASE("an unreadable history is set aside, named in the notice, and loads as empty") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "state");
  {
    std::ofstream out(historyPath(dir.path() / "state"), std::ios::binary | std::ios::trunc);
    out << std::string(8192, 'x');
  }
  const auto samples = loadWindowSamples(dir.path() / "state", kStart + std::chrono::minutes(1));
  CHECK(samples->byLimit.empty());
  CHECK(samples->notice.find("it was kept as") != std::string::npos);
  CHECK(samples->notice.find(".bad-") != std::string::npos);
}

TEST_CASE("with nothing recorded yet the load is empty and creates no history file") {
  TempDir dir;
  const auto state = dir.path() / "state";
  std::filesystem::create_directories(state);
  const auto samples = loadWindowSamples(state, kStart);
  CHECK(samples->byLimit.empty());
  CHECK(samples->notice.empty());
  CHECK(std::filesystem::is_empty(state));
}

}  // namespace window_samples_load_test
