// The usage history's budgets, for bench/history.sh:
//   bench_history fill STATE_DIR            35 simulated days at a 30 s refresh, then size on disk
//   bench_history load STATE_DIR RUNS       median time to open the history and load the last 7 days
//                                           (what the widget draws), plain and with the verifying open
//   bench_history statusline PROGRAM STATE_DIR RUNS INPUT_A INPUT_B
//                                           median wall time of PROGRAM statusline, its stdin the same
//                                           file every run (unchanged: no database) and alternating
//                                           between two (every run a changed reading: a write)
// The simulation is the worst case for the size: every reading changes the session and the weekly
// percent, and a per-model weekly cap changes every 5 minutes.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/history/history_store.h"

extern char** environ;

namespace {

using namespace cut::core;
using Millis = std::chrono::duration<double, std::milli>;

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0.0 : values[values.size() / 2];
}

Limit limit(std::string id, double percent, TimePoint reset) {
  Limit l;
  l.id = std::move(id);
  l.usedPercent = percent;
  l.resetsAt = reset;
  return l;
}

int fill(const std::filesystem::path& state) {
  auto store = HistoryStore::open(state, {});
  if (!store) return std::fprintf(stderr, "%s\n", store.error().message.c_str()), 1;
  const auto end = Clock::now();
  const int readings = 35 * 24 * 120;
  const auto start = end - std::chrono::seconds(30) * readings;
  const auto began = std::chrono::steady_clock::now();
  for (int i = 0; i < readings; ++i) {
    const auto now = start + std::chrono::seconds(30) * i;
    const auto session = start + std::chrono::hours(5) * (i / 600 + 1);
    const auto week = start + std::chrono::hours(24 * 7) * (i / 20160 + 1);
    std::vector<Limit> limits{limit("five_hour", (i % 600) / 6.0, session),
                              limit("seven_day", (i % 20160) / 201.6, week),
                              limit("seven_day_opus", (i % 20160) / 10 / 20.16, week)};
    if (auto stored = store->record(Source::ClaudeAi, limits, now); !stored)
      return std::fprintf(stderr, "%s\n", stored.error().message.c_str()), 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  std::printf("readings %d\nfill_seconds %.1f\nsize_bytes %ju\n", readings, seconds, store->sizeOnDisk());
  return 0;
}

int load(const std::filesystem::path& state, int runs) {
  for (const bool verify : {false, true}) {
    std::vector<double> times;
    std::size_t samples = 0;
    for (int run = 0; run < runs; ++run) {
      const auto began = std::chrono::steady_clock::now();
      auto store = HistoryStore::open(state, {.verify = verify});
      if (!store) return std::fprintf(stderr, "%s\n", store.error().message.c_str()), 1;
      const auto readings = store->load(Clock::now() - std::chrono::hours(24 * 7)).value();
      times.push_back(Millis(std::chrono::steady_clock::now() - began).count());
      samples = 0;
      for (const auto& reading : readings) samples += reading.limits.size();
    }
    std::printf("load%s_ms %.2f\nload_samples %zu\n", verify ? "_verified" : "", median(times), samples);
  }
  return 0;
}

double spawnOnce(const std::string& program, const std::filesystem::path& state, const char* input) {
  const std::string stateArg = "--state-dir=" + state.string();
  std::vector<char*> argv{const_cast<char*>(program.c_str()), const_cast<char*>("statusline"),
                          const_cast<char*>(stateArg.c_str()), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  const auto began = std::chrono::steady_clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ) != 0) std::exit(1);
  int status = 0;
  waitpid(pid, &status, 0);
  const double ms = Millis(std::chrono::steady_clock::now() - began).count();
  posix_spawn_file_actions_destroy(&actions);
  return ms;
}

int statusline(const std::string& program, const std::filesystem::path& state, int runs, const char* a,
               const char* b) {
  std::vector<double> unchanged;
  std::vector<double> changed;
  spawnOnce(program, state, a);
  for (int run = 0; run < runs; ++run) {
    unchanged.push_back(spawnOnce(program, state, a));
    unchanged.push_back(spawnOnce(program, state, a));
    changed.push_back(spawnOnce(program, state, b));
    changed.push_back(spawnOnce(program, state, a));
  }
  std::printf("statusline_unchanged_ms %.3f\nstatusline_changed_ms %.3f\n", median(unchanged),
              median(changed));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 2 ? argv[1] : "";
  if (mode == "fill" && argc == 3) return fill(argv[2]);
  if (mode == "load" && argc == 4) return load(argv[2], std::atoi(argv[3]));
  if (mode == "statusline" && argc == 7)
    return statusline(argv[2], argv[3], std::atoi(argv[4]), argv[5], argv[6]);
  std::fprintf(stderr, "usage: see bench/history_bench.cpp\n");
  return 2;
}
