#include "core/model/time_bounds.h"

namespace cut::core {

std::optional<TimePoint> timeFromEpochSeconds(double seconds) {
  // Written so that NaN fails the comparison too.
  if (!(seconds > 0.0 && seconds <= static_cast<double>(kMaxEpochSeconds))) return std::nullopt;
  const auto nanos = std::chrono::nanoseconds(static_cast<std::int64_t>(seconds * 1e9));
  return TimePoint(std::chrono::duration_cast<Clock::duration>(nanos));
}

std::optional<TimePoint> timeFromEpochMs(double milliseconds) {
  if (!(milliseconds > 0.0 && milliseconds <= static_cast<double>(kMaxEpochSeconds) * 1000.0))
    return std::nullopt;
  const auto nanos = std::chrono::nanoseconds(static_cast<std::int64_t>(milliseconds * 1e6));
  return TimePoint(std::chrono::duration_cast<Clock::duration>(nanos));
}

std::int64_t boundedWindowSeconds(double seconds) {
  if (!(seconds >= 0.0 && seconds <= static_cast<double>(kMaxWindowSeconds))) return 0;
  return static_cast<std::int64_t>(seconds);
}

}  // namespace cut::core
