#pragma once
// A usage reading for tests of merging: one limit, five-hour window, two hours before its reset.

#include <chrono>

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

}  // namespace cut::test
