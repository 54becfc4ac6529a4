// The real `claude-usage-tracker statusline` as Claude Code runs it: a process with JSON on stdin.
// Checks here do not depend on the clock; exact lines are pinned by the renderer's golden tests.

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "core/files/usage_cache.h"
#include "core/statusline/statusline_fit.h"
#include "support/process.h"

using namespace cut::core;
namespace fs = std::filesystem;
using cut::test::fixture;
using cut::test::ProcessResult;
using cut::test::ProcessSpec;
using cut::test::readWholeFile;
using cut::test::RunningProcess;
using cut::test::runProcess;
using cut::test::startProcess;
using cut::test::TempDir;
using namespace std::chrono_literals;

namespace {

// Starts the program with `input` on stdin and the given extra environment, NO_COLOR unset.
ProcessSpec statuslineSpec(std::vector<std::string> args, const std::string& input,
                           const std::vector<std::string>& env) {
  ProcessSpec spec;
  spec.argv = std::move(args);
  spec.input = input;
  spec.env = env;
  spec.unsetEnv = {"NO_COLOR", "COLUMNS"};
  return spec;
}

struct Sandbox {
  TempDir tmp;
  fs::path config() const { return tmp.path() / "config"; }
  fs::path state() const { return tmp.path() / "state"; }
  fs::path key() const { return tmp.path() / "key"; }
  std::vector<std::string> args() const {
    return {CUT_PROGRAM,
            "statusline",
            "--config-dir=" + config().string(),
            "--state-dir=" + state().string(),
            "--key-file=" + key().string(),
            "--api-base=https://127.0.0.1:9",
            "--timeout=2"};
  }
  ProcessResult statusline(const std::string& input, const std::vector<std::string>& env = {}) const {
    return runProcess(statuslineSpec(args(), input, env));
  }
};

void checkOneLine(const ProcessResult& run) {
  CHECK(run.exitCode == 0);
  CHECK(run.err.empty());
  REQUIRE_FALSE(run.out.empty());
  CHECK(run.out.back() == '\n');
  CHECK(run.out.find('\n') == run.out.size() - 1);
  CHECK(run.out.size() > 1);
}

}  // namespace

TEST_CASE("the shared input prints one coloured line and exits 0") {
  Sandbox box;
  const ProcessResult run = box.statusline(fixture("statusline_input.json"));
  checkOneLine(run);
  CHECK(run.out.find("Opus 4.5") != std::string::npos);
  CHECK(run.out.find("42%") != std::string::npos);
  CHECK(run.out.find("widget") != std::string::npos);
  CHECK(run.out.find("\x1b[38;5;") != std::string::npos);
}

TEST_CASE("NO_COLOR gives a line with no escape sequence") {
  Sandbox box;
  const ProcessResult run = box.statusline(fixture("statusline_input.json"), {"NO_COLOR=1"});
  checkOneLine(run);
  CHECK(run.out.find('\x1b') == std::string::npos);
  CHECK(run.out.find("5h 42%") != std::string::npos);
  CHECK(run.out.find("$1.87") != std::string::npos);
}

TEST_CASE("empty, garbage, truncated and oversized stdin still give one line and exit 0") {
  Sandbox box;
  const std::string full = fixture("statusline_input.json");
  for (const std::string& input : {std::string(), std::string("\x00\xff garbage {{{", 16),
                                   full.substr(0, full.size() / 2), std::string(3 << 20, '{')}) {
    const ProcessResult run = box.statusline(input, {"NO_COLOR=1"});
    checkOneLine(run);
    CHECK(run.out.find("5h ") != std::string::npos);
  }
}

TEST_CASE("rate_limits from stdin are written to the shared cache as claude-code readings") {
  Sandbox box;
  checkOneLine(box.statusline(fixture("statusline_input.json")));
  const auto cache = readCache(box.state());
  REQUIRE(cache);
  const Limit* five = cache->usage.find("five_hour");
  REQUIRE(five != nullptr);
  CHECK(five->usedPercent == doctest::Approx(42.3));
  CHECK(five->source == Source::ClaudeCode);
  CHECK(five->resetsAt == Clock::from_time_t(1'796'349'600));
  CHECK(cache->usage.find("seven_day") != nullptr);
}

TEST_CASE("without rate_limits the line shows the cached numbers") {
  Sandbox box;
  const auto now = Clock::now();
  REQUIRE(recordUsage(box.state(),
                      {.limits = {Limit{.id = "five_hour",
                                        .label = "Session (5h)",
                                        .usedPercent = 63,
                                        .windowSeconds = kFiveHourSeconds,
                                        .source = Source::ClaudeCode}}},
                      "", now)
              .ok());
  const ProcessResult run = box.statusline(R"({"model":{"display_name":"Sonnet 4.5"}})", {"NO_COLOR=1"});
  checkOneLine(run);
  CHECK(run.out.find("5h 63%") != std::string::npos);
  CHECK(run.out.find("stale") == std::string::npos);
}

TEST_CASE("settings choose the segments and colour, and a corrupt settings file is left alone") {
  Sandbox box;
  fs::create_directories(box.config());
  std::ofstream(box.config() / "settings.json")
      << R"({"statusline":{"segments":["model","cost"],"color_mode":"none"}})";
  ProcessResult run = box.statusline(fixture("statusline_input.json"));
  checkOneLine(run);
  CHECK(run.out == "Opus 4.5 \u2502 $1.87\n");

  const std::string corrupt = "{\"statusline\": [oops";
  std::ofstream(box.config() / "settings.json") << corrupt;
  run = box.statusline(fixture("statusline_input.json"), {"NO_COLOR=1"});
  checkOneLine(run);
  CHECK(run.out.find("Opus 4.5") != std::string::npos);
  CHECK(readWholeFile(box.config() / "settings.json") == corrupt);
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(box.config())) ++files;
  CHECK(files == 1);  // no settings.json.bad, nothing written to the config folder
}

TEST_CASE("a stale cache with a key file starts one background refresh and is marked stale") {
  Sandbox box;
  std::ofstream(box.key()) << "sk-ant-sid01-TESTKEY_abc123xyz\n";
  ::chmod(box.key().c_str(), 0600);
  const auto old = Clock::now() - 1h;
  REQUIRE(recordUsage(box.state(),
                      {.limits = {Limit{.id = "five_hour",
                                        .label = "Session (5h)",
                                        .usedPercent = 55,
                                        .windowSeconds = kFiveHourSeconds,
                                        .source = Source::ClaudeAi,
                                        .observedAt = old}}},
                      "Org", old)
              .ok());
  const ProcessResult run = box.statusline(R"({"model":{"display_name":"Opus"}})", {"NO_COLOR=1"});
  checkOneLine(run);
  CHECK(run.out.find("5h 55%") != std::string::npos);
  CHECK(run.out.find("stale 1h") != std::string::npos);
  CHECK(run.out.find("refreshing") != std::string::npos);
  CHECK(fs::exists(box.state() / "refresh.lock"));
  CHECK(run.out.find("sk-ant") == std::string::npos);
  // A second render right away starts nothing new: one refresh at a time, at most once a minute.
  const ProcessResult again = box.statusline(R"({"model":{"display_name":"Opus"}})", {"NO_COLOR=1"});
  checkOneLine(again);
}

TEST_CASE("without a key file a stale cache starts no refresh") {
  Sandbox box;
  const auto old = Clock::now() - 1h;
  REQUIRE(
      recordUsage(box.state(),
                  {.limits = {Limit{
                       .id = "five_hour", .usedPercent = 5, .source = Source::ClaudeAi, .observedAt = old}}},
                  "Org", old)
          .ok());
  const ProcessResult run = box.statusline("{}", {"NO_COLOR=1"});
  checkOneLine(run);
  CHECK(run.out.find("refreshing") == std::string::npos);
  CHECK_FALSE(fs::exists(box.state() / "refresh.lock"));
}

TEST_CASE("twenty status lines and direct writers at once leave a cache that parses and holds the newest") {
  Sandbox box;
  constexpr int kLines = 20;
  constexpr int kWriters = 4;
  std::vector<std::string> inputs;
  for (int i = 0; i < kLines; ++i) {
    inputs.push_back(R"({"rate_limits":{"five_hour":{"used_percentage":)" + std::to_string(i) +
                     R"(,"resets_at":1796349600},"seven_day":{"used_percentage":)" + std::to_string(i) +
                     "}}}");
  }
  std::vector<RunningProcess> lines;
  for (int i = 0; i < kLines; ++i) {
    lines.push_back(
        startProcess(statuslineSpec(box.args(), inputs[static_cast<std::size_t>(i)], {"NO_COLOR=1"})));
  }
  // Direct writers: one reading newer than every other (a minute ahead: within the clock-skew
  // allowance, so not stale), which must survive everything else.
  const auto future = Clock::now() + 1min;
  std::vector<pid_t> writers;
  for (int w = 0; w < kWriters; ++w) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      for (int round = 0; round < 10; ++round) {
        const bool last = w == 0 && round == 9;
        const Usage usage{.limits = {Limit{.id = "five_hour",
                                           .usedPercent = last ? 99.0 : 50.0 + w,
                                           .source = Source::ClaudeAi,
                                           .observedAt = last ? future : Clock::now() - 1h},
                                     Limit{.id = "seven_day_w" + std::to_string(w),
                                           .usedPercent = double(round),
                                           .source = Source::ClaudeAi,
                                           .observedAt = Clock::now()}}};
        if (!recordUsage(box.state(), usage, "Org", Clock::now(), 10s).ok()) ::_exit(1);
        if (auto cache = readCache(box.state()); !cache) ::_exit(2);
      }
      ::_exit(0);
    }
    writers.push_back(pid);
  }
  for (RunningProcess& line : lines) checkOneLine(line.wait());
  for (const pid_t pid : writers) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  const auto cache = readCache(box.state());
  REQUIRE(cache);
  CHECK(cache->usage.find("five_hour")->usedPercent == 99.0);
  for (int w = 0; w < kWriters; ++w) {
    const Limit* own = cache->usage.find("seven_day_w" + std::to_string(w));
    REQUIRE(own != nullptr);
    CHECK(own->usedPercent == 9.0);
  }
  const Limit* week = cache->usage.find("seven_day");
  REQUIRE(week != nullptr);
  CHECK(week->source == Source::ClaudeCode);
  CHECK(week->usedPercent < kLines);
}

TEST_CASE("the line fits COLUMNS as Claude Code sets it, and has no limit without COLUMNS or a terminal") {
  Sandbox box;
  const std::string input = fixture("statusline_input.json");
  const ProcessResult wide = box.statusline(input, {"NO_COLOR=1"});
  checkOneLine(wide);
  CHECK(wide.out.find("resets ") != std::string::npos);  // no COLUMNS, no /dev/tty: the whole line
  for (const char* columns : {"40", "60", "80"}) {
    CAPTURE(columns);
    const ProcessResult run = box.statusline(input, {"NO_COLOR=1", std::string("COLUMNS=") + columns});
    checkOneLine(run);
    CHECK(displayColumns(run.out.substr(0, run.out.size() - 1)) <= std::stoul(columns));
    CHECK(run.out.find("5h 42%") != std::string::npos);
  }
  // Colour codes take no columns: the coloured line keeps as much as the plain one.
  const ProcessResult coloured = box.statusline(input, {"COLUMNS=80"});
  const ProcessResult plain = box.statusline(input, {"NO_COLOR=1", "COLUMNS=80"});
  CHECK(displayColumns(coloured.out) == displayColumns(plain.out));
  // Nonsense in COLUMNS is no limit here (and no terminal to measure).
  CHECK(box.statusline(input, {"NO_COLOR=1", "COLUMNS=abc"}).out == wide.out);
}
