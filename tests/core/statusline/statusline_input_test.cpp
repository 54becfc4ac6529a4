#include "core/statusline/statusline_input.h"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

namespace statusline_input_test {

using namespace cut::core;
using namespace std::chrono_literals;

namespace {

using cut::test::fixture;

const TimePoint kNow = Clock::from_time_t(1'796'340'000);

}  // namespace

TEST_CASE("the shared fixture yields every field the status line draws") {
  const auto input = parseStatuslineInput(fixture("statusline_input.json"), kNow);
  CHECK(input.anyField);
  CHECK(input.currentDir == "/home/pat/src/widget");
  CHECK(input.model == "Opus 4.5");
  REQUIRE(input.contextPercent);
  CHECK(*input.contextPercent == doctest::Approx(41.5));
  REQUIRE(input.costUsd);
  CHECK(*input.costUsd == doctest::Approx(1.8731));
  REQUIRE(input.rateLimits.size() == 2);
  const Limit* five = input.find("five_hour");
  REQUIRE(five != nullptr);
  CHECK(five->usedPercent == doctest::Approx(42.3));
  CHECK(five->resetsAt == Clock::from_time_t(1'796'349'600));
  CHECK(five->windowSeconds == kFiveHourSeconds);
  CHECK(five->source == Source::ClaudeCode);
  CHECK(five->observedAt == kNow);
  CHECK(five->label == "Session (5h)");
  const Limit* week = input.find("seven_day");
  REQUIRE(week != nullptr);
  CHECK(week->usedPercent == doctest::Approx(18.0));
  CHECK(week->windowSeconds == kSevenDaySeconds);
}

TEST_CASE("empty and garbage input give an empty reading, never a failure") {
  for (const char* text : {"", "   ", "not json", "[1,2,3]", "\"text\"", "42", "\x01\xff\xfe{"}) {
    const auto input = parseStatuslineInput(text, kNow);
    CHECK_FALSE(input.anyField);
    CHECK(input.model.empty());
    CHECK(input.rateLimits.empty());
  }
}

TEST_CASE("a truncated document keeps what came before the cut") {
  const std::string full = fixture("statusline_input.json");
  const auto cut = full.substr(0, full.find("\"context_window\""));
  const auto input = parseStatuslineInput(cut, kNow);
  CHECK(input.anyField);
  CHECK(input.model == "Opus 4.5");
  CHECK(input.currentDir == "/home/pat/src/widget");
  REQUIRE(input.costUsd);
  CHECK_FALSE(input.contextPercent);
  CHECK(input.rateLimits.empty());
}

TEST_CASE("missing rate_limits and missing fields leave those readings empty") {
  const auto input = parseStatuslineInput(R"({"model":{"id":"claude-sonnet-4-5"},"cwd":"/tmp/x"})", kNow);
  CHECK(input.model == "claude-sonnet-4-5");
  CHECK(input.currentDir == "/tmp/x");
  CHECK_FALSE(input.contextPercent);
  CHECK_FALSE(input.costUsd);
  CHECK(input.rateLimits.empty());
}

TEST_CASE("numbers arrive as strings, nulls and wrong types are skipped") {
  const auto input = parseStatuslineInput(
      R"({"model":null,"cost":{"total_cost_usd":"0.5"},"context_window":{"used_percentage":[1]},
          "rate_limits":{"five_hour":{"used_percentage":"12.5","resets_at":null},
                         "seven_day":{"used_percentage":null,"resets_at":1796778000}}})",
      kNow);
  CHECK(input.model.empty());
  REQUIRE(input.costUsd);
  CHECK(*input.costUsd == doctest::Approx(0.5));
  CHECK_FALSE(input.contextPercent);
  REQUIRE(input.rateLimits.size() == 1);
  CHECK(input.rateLimits[0].usedPercent == doctest::Approx(12.5));
  CHECK_FALSE(input.rateLimits[0].resetsAt);
}

TEST_CASE("a reset time in epoch milliseconds is recognised") {
  const auto input = parseStatuslineInput(
      R"({"rate_limits":{"five_hour":{"used_percentage":5,"resets_at":1796349600000}}})", kNow);
  REQUIRE(input.find("five_hour"));
  CHECK(input.find("five_hour")->resetsAt == Clock::from_time_t(1'796'349'600));
}

TEST_CASE("context percent falls back to token counts when used_percentage is absent") {
  const auto input = parseStatuslineInput(
      R"({"context_window":{"context_window_size":200000,"current_usage":{"input_tokens":1000,
          "cache_creation_input_tokens":9000,"cache_read_input_tokens":40000}}})",
      kNow);
  REQUIRE(input.contextPercent);
  CHECK(*input.contextPercent == doctest::Approx(25.0));
}

TEST_CASE("same-named keys at other depths are not mistaken for the fields") {
  const auto input = parseStatuslineInput(
      R"({"other":{"model":{"display_name":"Wrong"},"cwd":"/wrong"},"list":[{"cwd":"/wrong"}],
          "workspace":{"current_dir":"/right"}})",
      kNow);
  CHECK(input.model.empty());
  CHECK(input.currentDir == "/right");
}

TEST_CASE("input beyond 1 MiB is ignored") {
  std::string text = R"({"model":{"display_name":"Opus"},"pad":")";
  text += std::string(kMaxStatuslineInputBytes, 'x');
  text += R"(","cwd":"/late"})";
  const auto input = parseStatuslineInput(text, kNow);
  CHECK(input.model == "Opus");
  CHECK(input.currentDir.empty());
}

}  // namespace statusline_input_test
