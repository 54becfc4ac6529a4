#pragma once
// Small helpers for the loopback HTTPS tests: header lookup, peak memory, bounded waits.

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <thread>

#include "core/claude/transport.h"

namespace cut::test {

/// The first response header of that name (the transport lower-cases names), or empty.
inline std::string headerOf(const core::HttpResponse& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (std::equal(key.begin(), key.end(), name.begin(), name.end(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      return value;
    }
  }
  return {};
}

/// A `Vm...:` line of /proc/self/status in KiB, or -1.
inline long procStatusKiB(std::string_view field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(field) && line.size() > field.size() && line[field.size()] == ':') {
      return std::stol(line.substr(field.size() + 1));
    }
  }
  return -1;
}

/// The process's peak resident memory so far (VmHWM), in KiB.
inline long peakRssKiB() { return procStatusKiB("VmHWM"); }

/// Resets the peak to the current resident size where the kernel allows it (writing 5 to
/// /proc/self/clear_refs) and returns the peak after that: the baseline to measure growth from.
inline long resetPeakRss() {
  {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
  }
  return peakRssKiB();
}

/// Polls `condition` every 5 ms for up to `limit`; true once it holds.
inline bool waitUntil(const std::function<bool()>& condition,
                      std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

}  // namespace cut::test
