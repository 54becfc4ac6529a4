#include "core/claude/usage_parser.h"

#include <doctest/doctest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "support/temp_dir.h"
#include "support/times.h"

namespace usage_parser_test {

using namespace cut::core;
using namespace std::chrono_literals;

namespace {

using cut::test::fixture;
using cut::test::iso;

const TimePoint kObserved = Clock::from_time_t(1'795'900'000);

std::vector<std::string> ids(const Usage& usage) {
  std::vector<std::string> out;
  for (const auto& limit : usage.limits) out.push_back(limit.id);
  return out;
}

Usage parsed(const std::string& body) {
  auto result = parseUsage(body, kObserved);
  REQUIRE_MESSAGE(result.ok(), (result.ok() ? "" : result.error().message));
  return result.value();
}

/// The text between the first and the last double quote of a message: the quoted body excerpt.
std::string quoted(const std::string& message) {
  const auto first = message.find('"');
  const auto last = message.rfind('"');
  REQUIRE(first != std::string::npos);
  REQUIRE(last > first);
  return message.substr(first + 1, last - first - 1);
}

}  // namespace

TEST_CASE("legacy usage fixture gives every non-null bucket in display order with extra usage") {
  const Usage usage = parsed(fixture("usage_legacy.json"));
  CHECK(ids(usage) ==
        std::vector<std::string>{"five_hour", "seven_day", "seven_day_opus", "seven_day_sonnet"});
  const Limit* session = usage.find("five_hour");
  REQUIRE(session != nullptr);
  CHECK(session->label == "Session (5h)");
  CHECK(session->usedPercent == 38.0);
  CHECK(session->windowSeconds == kFiveHourSeconds);
  CHECK(session->resetsAt == iso("2026-11-29T03:59:59.611287Z"));
  CHECK(session->observedAt == kObserved);
  CHECK(session->source == Source::ClaudeAi);
  CHECK(usage.find("seven_day")->label == "Weekly (all models)");
  CHECK(usage.find("seven_day")->windowSeconds == kSevenDaySeconds);
  CHECK(usage.find("seven_day_opus")->label == "Weekly Opus");
  CHECK(usage.find("seven_day_opus")->usedPercent == 12.0);
  CHECK_FALSE(usage.find("seven_day_opus")->resetsAt.has_value());
  CHECK(usage.find("seven_day_sonnet")->label == "Weekly Sonnet");
  REQUIRE(usage.extra.has_value());
  CHECK(usage.extra->used == doctest::Approx(12.75));
  REQUIRE(usage.extra->limit.has_value());
  CHECK(*usage.extra->limit == doctest::Approx(50.0));
  CHECK(usage.extra->currency == "USD");
}

TEST_CASE("limits array fixture: per-model caps come from limits[] and win over legacy keys") {
  auto report = parseUsageReport(fixture("usage_limits.json"), kObserved);
  REQUIRE(report.ok());
  const Usage& usage = report.value().usage;
  CHECK(ids(usage) == std::vector<std::string>{"five_hour", "seven_day", "seven_day_opus"});
  CHECK(usage.find("five_hour")->usedPercent == 91.0);
  CHECK(usage.find("five_hour")->resetsAt == iso("2026-11-29T01:00:00Z"));
  CHECK(usage.find("seven_day")->usedPercent == 23.0);
  const Limit* opus = usage.find("seven_day_opus");
  REQUIRE(opus != nullptr);
  CHECK(opus->label == "Weekly Opus");
  CHECK(opus->usedPercent == 57.0);
  CHECK(opus->windowSeconds == kSevenDaySeconds);
  CHECK(opus->resetsAt == iso("2026-12-03T09:00:00Z"));
  CHECK_FALSE(usage.extra.has_value());
  CHECK_FALSE(report.value().extraUsageReported);  // extra_usage: null -> ask /overage_spend_limit
}

TEST_CASE("idle usage fixture keeps a session with no reset time and no disabled extra usage") {
  auto report = parseUsageReport(fixture("usage_idle.json"), kObserved);
  REQUIRE(report.ok());
  const Usage& usage = report.value().usage;
  CHECK(ids(usage) == std::vector<std::string>{"five_hour", "seven_day"});
  CHECK(usage.find("five_hour")->usedPercent == 0.0);
  CHECK_FALSE(usage.find("five_hour")->resetsAt.has_value());
  CHECK(usage.find("seven_day")->resetsAt == iso("2026-12-01T08:00:00.5Z"));
  CHECK_FALSE(usage.extra.has_value());
  CHECK(report.value().extraUsageReported);  // disabled is an answer: no fallback request
}

TEST_CASE("organizations fixture lists both organizations with their capabilities") {
  auto result = parseOrganizations(fixture("organizations.json"));
  REQUIRE(result.ok());
  REQUIRE(result.value().size() == 2);
  CHECK(result.value()[0].uuid == "5b0e7c1a-4d2f-4b8e-9a61-0c3f2d7e9a10");
  CHECK(result.value()[0].name == "pat@example.org's Organization");
  CHECK(result.value()[0].capabilities == std::vector<std::string>{"chat", "claude_max"});
  CHECK(result.value()[1].name == "Northwind Labs");
}

TEST_CASE("overage spend limit fixture converts minor units to euros") {
  auto result = parseOverageSpendLimit(fixture("overage_spend_limit.json"));
  REQUIRE(result.ok());
  REQUIRE(result.value().has_value());
  CHECK(result.value()->used == doctest::Approx(15.38));
  CHECK(result.value()->limit == doctest::Approx(25.0));
  CHECK(result.value()->currency == "EUR");
}

TEST_CASE("every fixture file has a known outcome under every parser and none crashes") {
  // usage / organizations / overage: true when that parser accepts the file.
  const std::map<std::string, std::array<bool, 3>> expected = {
      {"cloudflare_challenge.html", {false, false, false}},
      {"error_401.json", {false, false, false}},
      {"error_403_org.json", {false, false, false}},
      {"organizations.json", {false, true, false}},
      {"overage_spend_limit.json", {false, false, true}},
      {"statusline_input.json", {false, false, true}},
      {"usage_idle.json", {true, false, true}},
      {"usage_legacy.json", {true, false, true}},
      {"usage_limits.json", {true, false, true}},
  };
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CUT_FIXTURES_DIR)) {
    const std::string name = entry.path().filename().string();
    if (name == "README.md") continue;
    CAPTURE(name);
    const auto it = expected.find(name);
    REQUIRE_MESSAGE(it != expected.end(), "a fixture without an expectation here: " << name);
    const std::string body = fixture(name);
    const auto usage = parseUsage(body, kObserved);
    const auto organizations = parseOrganizations(body);
    const auto overage = parseOverageSpendLimit(body);
    CHECK(usage.ok() == it->second[0]);
    CHECK(organizations.ok() == it->second[1]);
    CHECK(overage.ok() == it->second[2]);
    for (const std::string& message : {usage.ok() ? std::string() : usage.error().message,
                                       organizations.ok() ? std::string() : organizations.error().message,
                                       overage.ok() ? std::string() : overage.error().message}) {
      if (!message.empty() && message.find('"') != std::string::npos) CHECK(quoted(message).size() <= 80 + 3);
    }
    ++seen;
  }
  CHECK(seen == static_cast<int>(expected.size()));
}

TEST_CASE("the Cloudflare page is reported as an HTML page, quoting at most 80 characters") {
  const auto result = parseUsage(fixture("cloudflare_challenge.html"), kObserved);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find("HTML page") != std::string::npos);
  const std::string excerpt = quoted(result.error().message);
  CHECK(excerpt.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(excerpt.size() == 80 + std::string("…").size());
}

TEST_CASE("an error object answered with 200 is said plainly, by every endpoint's parser") {
  const std::string body = fixture("error_403_org.json");
  const std::string expected =
      "the server answered with an error: \"Invalid authorization for organization\"";
  const auto usage = parseUsage(body, kObserved);
  REQUIRE_FALSE(usage.ok());
  CHECK(usage.error().message == expected);
  const auto organizations = parseOrganizations(body);
  REQUIRE_FALSE(organizations.ok());
  CHECK(organizations.error().message == expected);
  const auto overage = parseOverageSpendLimit(body);
  REQUIRE_FALSE(overage.ok());
  CHECK(overage.error().message == expected);
}

}  // namespace usage_parser_test
