#pragma once
// Pace: where a window is heading. From the current reading and, when there is one, the recent
// history of the same limit, the projected use at the reset (a tier for colour) and the time the
// limit is reached at the recent rate. Pure arithmetic on values passed in: no clock, no files.

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/model/usage.h"

namespace cut::core {

/// One recorded reading of one limit, oldest first in a history. What the history store yields.
struct PaceSample {
  TimePoint time{};
  double usedPercent = 0.0;  ///< as reported, 0..100 (may exceed 100)
  std::optional<TimePoint> resetsAt;

  bool operator==(const PaceSample&) const = default;
};

/// Six tiers by the projected use at the reset: comfortable (< 50 %), on track (< 75 %), warming
/// (< 90 %), pressing (< 100 %), critical (< 120 %), runaway (120 % and up).
enum class PaceTier { Comfortable, OnTrack, Warming, Pressing, Critical, Runaway };

/// "comfortable", "on_track", "warming", "pressing", "critical", "runaway" (the JSON names).
std::string_view paceTierName(PaceTier tier);
PaceTier paceTierFor(double projectedPercent);

/// Below this elapsed fraction a projection says nothing ("too early to tell").
inline constexpr double kPaceMinElapsed = 0.05;
/// The least-squares rate looks this far back, and needs this many samples over this span.
inline constexpr std::chrono::minutes kRateFitSpan{30};
inline constexpr std::chrono::minutes kRateFitMinSpan{10};
inline constexpr int kRateFitMinSamples = 3;

/// p = used / elapsed once elapsed ≥ kPaceMinElapsed; empty before.
std::optional<double> projectedPercent(double usedPercent, double elapsedFraction);

struct Pace {
  /// Empty when the window has no reset time or length, the reset time has passed, or it is too
  /// early to tell. When empty, so are `projectedPercent`, `tier` and `limitAt`.
  std::optional<double> elapsedFraction;
  std::optional<double> projectedPercent;
  std::optional<PaceTier> tier;
  /// When 100 % is reached at the recent rate; empty when it lasts to the reset (flat, falling, or
  /// 100 % would come only at or after the reset). `now` when already at or over 100 %.
  std::optional<TimePoint> limitAt;
  /// Percent per hour the time to the limit was computed from.
  double ratePercentPerHour = 0.0;
  /// The rate came from the recent samples (least squares); false: from the window average.
  bool recentRate = false;

  bool known() const { return projectedPercent.has_value(); }
  bool operator==(const Pace&) const = default;
};

/// Whether two reset times name the same window: both empty, or within a minute of each other
/// (claude.ai reports one window's reset time with a little jitter; a reset moves it by a window).
bool sameResetTime(const std::optional<TimePoint>& a, const std::optional<TimePoint>& b);

/// The samples of the window in progress, oldest first: everything after the last reset, with
/// hiccups left out. A reset lies between two samples when the later one drops in percent with a
/// new reset time, or when it was taken at or after the earlier one's reset time (that window
/// ended). A 0 % sample with an unchanged reset time is a hiccup, not a reset. A sample taken at or
/// after its own reset time reads 0 %, as `effectivePercent` does today.
std::vector<PaceSample> currentWindowSamples(std::span<const PaceSample> history);

/// Pace of `limit` at `now`. `history` holds earlier readings of the same limit, oldest first (it
/// may be empty, or already contain the current reading); the current reading is `limit` itself.
/// The rate is the least-squares slope over the last kRateFitSpan of the current window's samples
/// when there are at least kRateFitMinSamples spanning kRateFitMinSpan; otherwise the window
/// average (used percent over the time since the window began).
Pace computePace(const Limit& limit, std::span<const PaceSample> history, TimePoint now);

/// The reading `limit` as a sample (its observedAt, or `now` when unset).
PaceSample sampleOf(const Limit& limit, TimePoint now);

}  // namespace cut::core
