// `status` without a key file: what Claude Code last handed the status line (the usage cache in
// the state folder) is shown with its age, while it describes the running 5-hour window; older
// numbers, or none, are `no_key` as before.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>

#include "app/cli_sandbox.h"
#include "core/claude/error.h"
#include "core/files/usage_cache.h"
#include "support/temp_dir.h"

using namespace cut;
using nlohmann::json;
using test::CliSandbox;
using namespace std::chrono_literals;

TEST_SUITE_BEGIN("process");

namespace {

// Claude Code's readings recorded `age` ago, as the status line would have written them.
void recordClaudeCode(const CliSandbox& sandbox, std::chrono::seconds age, double percent = 42) {
  const auto observed = core::Clock::now() - age;
  core::Usage usage;
  usage.limits.push_back(core::Limit{.id = "five_hour",
                                     .label = "Session (5h)",
                                     .usedPercent = percent,
                                     .resetsAt = observed + 2h,
                                     .windowSeconds = core::kFiveHourSeconds,
                                     .source = core::Source::ClaudeCode,
                                     .observedAt = observed});
  usage.limits.push_back(core::Limit{.id = "seven_day",
                                     .label = "Weekly (all models)",
                                     .usedPercent = 18,
                                     .resetsAt = observed + 50h,
                                     .windowSeconds = core::kSevenDaySeconds,
                                     .source = core::Source::ClaudeCode,
                                     .observedAt = observed});
  REQUIRE(core::recordUsage(sandbox.stateDir(), usage, "", observed).ok());
}

}  // namespace

TEST_CASE("status without a key shows what the status line just recorded from Claude Code") {
  CliSandbox sandbox;
  // The real path: Claude Code runs the status line, which records its rate_limits.
  const auto line = sandbox.run({"statusline"}, nullptr, test::fixture("statusline_input.json"));
  REQUIRE(line.exitCode == 0);

  const auto result = sandbox.run({"status", "--json"}, nullptr);
  CAPTURE(result.out);
  CAPTURE(result.err);
  REQUIRE(result.exitCode == 0);
  CHECK(result.out.starts_with(R"({"ok":true,"source":"claude-code","fetched_at":")"));
  const json doc = json::parse(result.out);
  CHECK(doc["error"].is_null());
  CHECK(doc["organization"].is_null());
  CHECK(doc["extra_usage"].is_null());
  REQUIRE(doc["limits"].size() == 2);
  CHECK(doc["limits"][0]["id"] == "five_hour");
  CHECK(doc["limits"][0]["source"] == "claude-code");
  CHECK(doc["limits"][1]["id"] == "seven_day");
  CHECK(doc["limits"][1]["source"] == "claude-code");
  CHECK_FALSE(std::filesystem::exists(sandbox.keyFile()));
}

TEST_CASE("plain status without a key prints Claude Code's numbers with their age and the key hint") {
  CliSandbox sandbox;
  recordClaudeCode(sandbox, 3min);
  const auto result = sandbox.run({"status"}, nullptr);
  CAPTURE(result.out);
  REQUIRE(result.exitCode == 0);
  CHECK(result.out.find("Session (5h)") != std::string::npos);
  CHECK(result.out.find("42%") != std::string::npos);
  CHECK(result.out.find("Weekly (all models)") != std::string::npos);
  CHECK(result.out.find("From Claude Code's status line, updated 3 min ago.") != std::string::npos);
  CHECK(result.out.find("per-model and extra usage") != std::string::npos);
  CHECK(result.out.find("set-key") != std::string::npos);
  CHECK(result.err.empty());
}

TEST_CASE("status without a key and only numbers older than the 5-hour window is no_key") {
  CliSandbox sandbox;
  recordClaudeCode(sandbox, 5h + 1min);
  const auto result = sandbox.run({"status", "--json"}, nullptr);
  CHECK(result.exitCode == core::exitCodeFor(core::ErrorKind::NoKey));
  const json doc = json::parse(result.out);
  CHECK(doc["ok"] == false);
  CHECK(doc["error"]["kind"] == "no_key");

  const auto plain = sandbox.run({"status"}, nullptr);
  CHECK(plain.exitCode == core::exitCodeFor(core::ErrorKind::NoKey));
  CHECK(plain.out.empty());
}

TEST_CASE("status without a key ignores Claude Code numbers dated in the future") {
  CliSandbox sandbox;
  recordClaudeCode(sandbox, -2h);
  const auto result = sandbox.run({"status", "--json"}, nullptr);
  CHECK(result.exitCode == core::exitCodeFor(core::ErrorKind::NoKey));
}
