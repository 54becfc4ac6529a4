#pragma once
// Bounds for values from outside (the server, Claude Code's stdin, the shared cache), applied where
// they enter, so no later arithmetic on a TimePoint can overflow and no list grows without end.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/model/usage.h"

namespace cut::core {

/// A TimePoint is int64 nanoseconds and overflows in 2262; the start of 2200 is past any real
/// reset time and leaves room for arithmetic.
inline constexpr std::int64_t kMaxEpochSeconds = 7'258'118'400;  // 2200-01-01T00:00:00Z
/// A window longer than a year is garbage (claude.ai's are 5 hours and 7 days).
inline constexpr std::int64_t kMaxWindowSeconds = 366 * 24 * 3600;
/// The most limits kept from any one source (a /usage body, the cache, a merge): claude.ai reports
/// a handful; thousands would cost the status line its speed and the cache its size.
inline constexpr std::size_t kMaxLimits = 32;

/// A reading dated up to this far after `now` counts as current: each process takes `now` when it
/// starts, and another may record a reading stamped a moment later. Further ahead, the date is
/// wrong (a clock that was off, an edited file) and the reading is stale.
inline constexpr std::chrono::minutes kClockSkewAllowance{10};

/// Whether a reading observed at `observedAt` is dated ahead of `now` beyond kClockSkewAllowance.
inline bool datedAhead(TimePoint observedAt, TimePoint now) { return observedAt > now + kClockSkewAllowance; }

/// Epoch seconds, or milliseconds, as a TimePoint; empty for a value that is not finite, not
/// positive, or after kMaxEpochSeconds. Never undefined behaviour, whatever the double.
std::optional<TimePoint> timeFromEpochSeconds(double seconds);
std::optional<TimePoint> timeFromEpochMs(double milliseconds);

/// `seconds` when it is a plausible window length (0..kMaxWindowSeconds), else 0 (unknown).
std::int64_t boundedWindowSeconds(double seconds);

}  // namespace cut::core
