#include "core/history/history_format.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace history_format_test {

using namespace cut::core;

namespace {

const TimePoint kStart = Clock::from_time_t(1'796'340'000);  // 2026-12-03T23:20:00Z

std::string readText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// tests/golden/history/<name>; CUT_UPDATE_GOLDEN=1 rewrites them from the current output.
void checkGolden(const std::string& name, const std::string& output) {
  const std::string path = std::string(CUT_GOLDEN_DIR) + "/history/" + name;
  if (const char* update = std::getenv("CUT_UPDATE_GOLDEN"); update != nullptr && update[0] == '1')
    std::ofstream(path) << output;
  INFO("golden file: " << path);
  CHECK(output == readText(path));
}

std::vector<HistoryReading> sampleReadings() {
  using std::chrono::hours;
  using std::chrono::minutes;
  const TimePoint sessionReset = kStart + hours(4);
  const TimePoint weekReset = kStart + hours(24 * 5);
  return {
      {kStart,
       Source::ClaudeAi,
       {{"five_hour", 12, sessionReset, kStart},
        {"seven_day", 30.5, weekReset, kStart},
        {"seven_day_opus", 0, std::nullopt, kStart}}},
      {kStart + minutes(3), Source::ClaudeCode, {{"five_hour", 14, sessionReset, kStart + minutes(3)}}},
      {kStart + minutes(10),
       Source::ClaudeAi,
       {{"five_hour", 17, sessionReset, kStart + minutes(40)},
        {"seven_day", 31, weekReset, kStart + minutes(40)}}},
      {kStart + hours(5), Source::ClaudeAi, {{"five_hour", 0, std::nullopt, kStart + hours(5)}}},
  };
}

}  // namespace

TEST_CASE("history as a table, JSON and CSV matches the golden files") {
  const auto readings = sampleReadings();
  checkGolden("history.txt", historyText(readings));
  checkGolden("history.json", historyJson(readings));
  checkGolden("history.csv", historyCsv(readings));
}

TEST_CASE("an empty history prints the header, an empty array and the CSV header") {
  checkGolden("empty.txt", historyText({}));
  CHECK(historyJson({}) == "[]\n");
  CHECK(historyCsv({}) == "time,source,id,used_percent,resets_at\n");
}

TEST_CASE("a limit id with a comma or quote stays one CSV cell") {
  const std::vector<HistoryReading> readings{
      {kStart, Source::ClaudeAi, {{"odd,\"id\"", 5, std::nullopt, kStart}}}};
  CHECK(historyCsv(readings) ==
        "time,source,id,used_percent,resets_at\n"
        "2026-12-03T23:20:00Z,claude.ai,\"odd,\"\"id\"\"\",5,\n");
}

TEST_CASE("--since takes minutes, hours or days and nothing else") {
  CHECK(parseHistorySpan("30m") == std::chrono::minutes(30));
  CHECK(parseHistorySpan("12h") == std::chrono::hours(12));
  CHECK(parseHistorySpan("7d") == std::chrono::hours(7 * 24));
  for (const char* bad : {"", "d", "7", "0d", "-1d", "7w", "1.5d", "7dd", "99999999999d", "367d"}) {
    INFO(bad);
    CHECK_FALSE(parseHistorySpan(bad));
  }
}

}  // namespace history_format_test
