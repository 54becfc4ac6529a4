// Writes readings of one limit into the usage history through the program's own recordHistory(),
// for the GUI tests that draw a chart from a seeded history.
//   gui_history_seed STATE_DIR LIMIT_ID RESETS_AT_EPOCH (TIME_EPOCH PERCENT)...
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/history/history_store.h"

int main(int argc, char** argv) {
  using namespace cut::core;
  if (argc < 6 || (argc - 4) % 2 != 0) {
    std::fprintf(stderr, "usage: gui_history_seed STATE_DIR LIMIT_ID RESETS_AT (TIME PERCENT)...\n");
    return 2;
  }
  Limit limit;
  limit.id = argv[2];
  limit.resetsAt = Clock::from_time_t(std::atoll(argv[3]));
  for (int i = 4; i + 1 < argc; i += 2) {
    limit.usedPercent = std::atof(argv[i + 1]);
    const auto outcome =
        recordHistory(argv[1], Source::ClaudeAi, {limit}, Clock::from_time_t(std::atoll(argv[i])));
    if (outcome.error) {
      std::fprintf(stderr, "%s\n", outcome.warning().c_str());
      return 1;
    }
  }
  return 0;
}
