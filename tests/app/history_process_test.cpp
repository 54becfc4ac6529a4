// The usage history under real processes: writers killed at random moments, several writers at
// once, the status line and `status` recording, and the `history` command of the real program.

#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <random>
#include <sstream>

#include "core/history/history_store.h"
#include "support/process.h"

using namespace cut::core;
namespace fs = std::filesystem;
using cut::test::ProcessResult;
using cut::test::ProcessSpec;
using cut::test::RunningProcess;
using cut::test::runProcess;
using cut::test::startProcess;
using cut::test::TempDir;

namespace {

ProcessSpec writerSpec(const fs::path& state, const std::string& source, const std::string& limitId,
                       int count, int busyMs, std::optional<long> dieAfterUs = std::nullopt) {
  ProcessSpec spec;
  spec.argv = {CUT_HISTORY_WRITER,    state.string(),        source, limitId,
               std::to_string(count), std::to_string(busyMs)};
  if (dieAfterUs) spec.argv.push_back(std::to_string(*dieAfterUs));
  return spec;
}

// The highest i in "committed i" lines; -1 when none.
int lastCommitted(const std::string& out) {
  std::istringstream lines(out);
  std::string word;
  int value = -1;
  int last = -1;
  while (lines >> word >> value)
    if (word == "committed") last = std::max(last, value);
  return last;
}

int reportedCount(const std::string& out) {
  const auto at = out.rfind("ok ");
  return at == std::string::npos ? -1 : std::stoi(out.substr(at + 3));
}

std::vector<double> storedPercents(const fs::path& state, const std::string& limitId) {
  auto store = HistoryStore::open(state, {.verify = true});
  REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
  CHECK(store->setAsidePath().empty());
  std::vector<double> percents;
  const auto readings = store->load(TimePoint{}, limitId).value();
  for (const auto& reading : readings)
    for (const auto& limit : reading.limits) percents.push_back(limit.usedPercent);
  return percents;
}

}  // namespace

TEST_CASE("a history writer killed at random moments never loses a committed reading" *
          doctest::test_suite("process")) {
  TempDir dir;
  const fs::path state = dir.path() / "state";
  std::mt19937 random(20261130);
  std::uniform_int_distribution<long> delayUs(0, 30000);
  constexpr int kKills = 200;
  int killedMidway = 0;
  for (int round = 0; round < kKills; ++round) {
    const std::string id = "round" + std::to_string(round);
    const ProcessResult run = runProcess(writerSpec(state, "claude.ai", id, 100000, 2000, delayUs(random)));
    REQUIRE(run.exitCode == 128 + SIGKILL);
    const int committed = lastCommitted(run.out);
    const auto percents = storedPercents(state, id);
    INFO("round " << round << ", last committed " << committed << ", stored " << percents.size());
    // Every committed reading is there; at most the one in flight (committed, not yet reported) more.
    CHECK(static_cast<int>(percents.size()) >= committed + 1);
    CHECK(static_cast<int>(percents.size()) <= committed + 2);
    for (std::size_t i = 0; i < percents.size(); ++i) CHECK(percents[i] == static_cast<double>(i));
    if (committed >= 0) ++killedMidway;
  }
  // Each kill lands after the first commit; a kill at once may beat its "committed 0" line.
  CHECK(killedMidway >= kKills * 9 / 10);
}

TEST_CASE("status lines and a widget writing at once all land, in order" * doctest::test_suite("process")) {
  TempDir dir;
  const fs::path state = dir.path() / "state";
  constexpr int kReadings = 150;
  std::vector<RunningProcess> writers;
  writers.push_back(startProcess(writerSpec(state, "claude.ai", "widget", kReadings, 2000)));
  for (int i = 0; i < 5; ++i) {
    writers.push_back(
        startProcess(writerSpec(state, "claude-code", "line" + std::to_string(i), kReadings, 50)));
  }
  std::vector<ProcessResult> results;
  for (auto& writer : writers) results.push_back(writer.wait());

  for (std::size_t i = 0; i < results.size(); ++i) {
    const std::string id = i == 0 ? "widget" : "line" + std::to_string(i - 1);
    INFO(id << ": " << results[i].err);
    REQUIRE(results[i].exitCode == 0);
    const auto percents = storedPercents(state, id);
    // A status line may give up a reading on a busy lock; what it reported stored is stored.
    CHECK(static_cast<int>(percents.size()) == reportedCount(results[i].out));
    CHECK(std::is_sorted(percents.begin(), percents.end()));
    if (i == 0)
      CHECK(static_cast<int>(percents.size()) == kReadings);
    else
      CHECK(static_cast<int>(percents.size()) >= kReadings / 2);
  }
}
