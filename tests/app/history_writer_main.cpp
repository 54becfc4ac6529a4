// A writer of the usage history for the crash and concurrency tests, doing what the widget, `status`
// and the status line do: one recordHistory() call (open, record, close) per reading.
//   history_writer STATE_DIR SOURCE(claude.ai|claude-code) LIMIT_ID COUNT BUSY_MS [DIE_AFTER_US]
// Reading i has used_percent i, so each one is new and stored. After each successful record it
// writes "committed i" to stdout (unbuffered); at the end "ok N" with the number that succeeded.
// With DIE_AFTER_US, a thread sends SIGKILL that many microseconds after the first commit, wherever
// the writer is then (opening, inside a transaction, committing, closing).
#include <unistd.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "core/history/history_store.h"

int main(int argc, char** argv) {
  using namespace cut::core;
  if (argc < 6) {
    std::fprintf(stderr, "usage: history_writer STATE_DIR SOURCE LIMIT_ID COUNT BUSY_MS [DIE_AFTER_US]\n");
    return 2;
  }
  const std::filesystem::path stateDir = argv[1];
  const Source source = std::string(argv[2]) == "claude-code" ? Source::ClaudeCode : Source::ClaudeAi;
  const std::string limitId = argv[3];
  const int count = std::atoi(argv[4]);
  const auto busy = std::chrono::milliseconds(std::atoi(argv[5]));
  const auto start = Clock::now();
  int stored = 0;
  for (int i = 0; i < count; ++i) {
    Limit limit;
    limit.id = limitId;
    limit.usedPercent = i;
    limit.resetsAt = start + std::chrono::hours(5);
    const auto outcome = recordHistory(stateDir, source, {limit}, start + std::chrono::seconds(i), busy);
    if (!outcome.setAside.empty()) std::fprintf(stderr, "set aside: %s\n", outcome.setAside.c_str());
    if (outcome.error) continue;
    ++stored;
    if (stored == 1 && argc > 6) {
      const auto dieAfter = std::chrono::microseconds(std::atoll(argv[6]));
      std::thread([dieAfter] {
        std::this_thread::sleep_for(dieAfter);
        ::kill(::getpid(), SIGKILL);
      }).detach();
    }
    const std::string line = "committed " + std::to_string(i) + "\n";
    (void)!::write(STDOUT_FILENO, line.data(), line.size());
  }
  std::printf("ok %d\n", stored);
  return 0;
}
