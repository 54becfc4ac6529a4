#include "core/history/window_samples_load.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <system_error>

#include "core/history/history_file.h"
#include "core/history/history_store.h"

namespace cut::core {

namespace {

void addReadings(const std::vector<HistoryReading>& readings, WindowSamples& out) {
  std::map<std::string, std::vector<PaceSample>, std::less<>> all;
  for (const auto& reading : readings) {
    for (const auto& limit : reading.limits) {
      auto& samples = all[limit.id];
      samples.push_back({reading.time, limit.usedPercent, limit.resetsAt});
      if (limit.seenUntil > reading.time)
        samples.push_back({limit.seenUntil, limit.usedPercent, limit.resetsAt});
    }
  }
  for (auto& [id, samples] : all) {
    // Two sources interleave and a seenUntil may pass a later reading: order by time.
    std::stable_sort(samples.begin(), samples.end(),
                     [](const PaceSample& a, const PaceSample& b) { return a.time < b.time; });
    out.byLimit.emplace(id, currentWindowSamples(samples));
  }
}

}  // namespace

std::shared_ptr<const WindowSamples> loadWindowSamples(const std::filesystem::path& stateDir, TimePoint now) {
  auto out = std::make_shared<WindowSamples>();
  try {
    // Nothing recorded yet: nothing to load, and no empty store to leave behind (the first reading
    // creates it).
    std::error_code error;
    const auto status = std::filesystem::symlink_status(historyPath(stateDir), error);
    if (status.type() == std::filesystem::file_type::not_found) return out;
    auto store = HistoryStore::open(stateDir, {.busyWait = std::chrono::milliseconds(2000), .verify = false});
    if (!store) {
      out->notice = "history: " + store.error().message;
      return out;
    }
    std::filesystem::path setAside = store->setAsidePath();
    auto readings = store->load(now - kWindowSamplesLookBack);
    if (!readings && readings.error().corrupt) {
      // Damage found by the read itself (opening reads only the header): set it aside, start anew.
      const auto path = historyPath(stateDir);
      if (auto identity = detail::prepareHistoryFile(path)) {
        if (auto moved = detail::setAsideHistory(path, *identity, now); !moved.empty()) setAside = moved;
      }
    } else if (!readings) {
      out->notice = "history: " + readings.error().message;
    } else {
      addReadings(readings.value(), *out);
    }
    if (!setAside.empty()) out->notice = setAsideMessage(setAside);
  } catch (const std::exception& e) {
    out->notice = std::string("history: ") + e.what();
  }
  return out;
}

}  // namespace cut::core
