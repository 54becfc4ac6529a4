// `history`: the recorded readings, oldest first, as a table, JSON or CSV. Needs no display and no
// key: it only reads the history in the state folder.
#include <cstdio>
#include <string>

#include "app/commands.h"
#include "core/history/history_format.h"
#include "core/history/history_store.h"

namespace cut::app {

int runHistory(const Options& options) {
  const auto now = core::Clock::now();
  auto store = core::HistoryStore::open(options.stateDir,
                                        {.busyWait = std::chrono::milliseconds(2000), .verify = true});
  if (!store) {
    std::fprintf(stderr, "claude-usage-tracker: %s\n", store.error().message.c_str());
    return 1;
  }
  if (!store->setAsidePath().empty()) {
    std::fprintf(stderr, "warning: %s\n", core::setAsideMessage(store->setAsidePath()).c_str());
  }
  const auto since = options.since ? now - *options.since : now - core::kHistoryKeepFor;
  auto readings = store->load(since, options.limitId);
  if (!readings) {
    std::fprintf(stderr, "claude-usage-tracker: %s\n", readings.error().message.c_str());
    return 1;
  }
  const std::string text = options.json  ? core::historyJson(*readings)
                           : options.csv ? core::historyCsv(*readings)
                                         : core::historyText(*readings);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

}  // namespace cut::app
