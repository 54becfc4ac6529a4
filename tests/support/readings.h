#pragma once
// Usage readings for tests: one limit, five-hour window, two hours before its reset; or a limit as
// the history keeps it.

#include <chrono>
#include <optional>

#include "core/model/usage.h"

namespace cut::test {

inline const core::TimePoint kT0 = core::Clock::from_time_t(1'796'340'000);

inline core::Limit limit(const char* id, double percent, core::TimePoint observed,
                         core::Source source = core::Source::ClaudeAi) {
  using namespace std::chrono_literals;
  return core::Limit{.id = id,
                     .label = id,
                     .usedPercent = percent,
                     .resetsAt = kT0 + 2h,
                     .windowSeconds = core::kFiveHourSeconds,
                     .source = source,
                     .observedAt = observed};
}

/// A limit as the history stores it: id, percent and reset time (none when no window runs).
inline core::Limit limitResetting(const char* id, double percent, std::optional<core::TimePoint> resets) {
  core::Limit limit;
  limit.id = id;
  limit.usedPercent = percent;
  limit.resetsAt = resets;
  return limit;
}

}  // namespace cut::test
