#include "core/model/pace.h"

#include <algorithm>
#include <cmath>

namespace cut::core {
namespace {

using Seconds = std::chrono::duration<double>;

double secondsBetween(TimePoint from, TimePoint to) { return Seconds(to - from).count(); }

constexpr std::chrono::seconds kSameResetTolerance{60};

// Percent per second over `samples` by least squares; empty when the samples do not qualify.
std::optional<double> fittedRate(const std::vector<PaceSample>& samples) {
  if (static_cast<int>(samples.size()) < kRateFitMinSamples) return std::nullopt;
  if (samples.back().time - samples.front().time < kRateFitMinSpan) return std::nullopt;
  double meanX = 0.0, meanY = 0.0;
  for (const auto& s : samples) {
    meanX += secondsBetween(samples.front().time, s.time);
    meanY += s.usedPercent;
  }
  meanX /= static_cast<double>(samples.size());
  meanY /= static_cast<double>(samples.size());
  double sxy = 0.0, sxx = 0.0;
  for (const auto& s : samples) {
    const double dx = secondsBetween(samples.front().time, s.time) - meanX;
    sxy += dx * (s.usedPercent - meanY);
    sxx += dx * dx;
  }
  if (sxx <= 0.0) return std::nullopt;
  return sxy / sxx;
}

}  // namespace

bool sameResetTime(const std::optional<TimePoint>& a, const std::optional<TimePoint>& b) {
  if (!a || !b) return a.has_value() == b.has_value();
  const auto gap = *a > *b ? *a - *b : *b - *a;
  return gap <= kSameResetTolerance;
}

std::string_view paceTierName(PaceTier tier) {
  switch (tier) {
    case PaceTier::Comfortable: return "comfortable";
    case PaceTier::OnTrack: return "on_track";
    case PaceTier::Warming: return "warming";
    case PaceTier::Pressing: return "pressing";
    case PaceTier::Critical: return "critical";
    case PaceTier::Runaway: return "runaway";
  }
  return "comfortable";
}

PaceTier paceTierFor(double projected) {
  if (projected < 50.0) return PaceTier::Comfortable;
  if (projected < 75.0) return PaceTier::OnTrack;
  if (projected < 90.0) return PaceTier::Warming;
  if (projected < 100.0) return PaceTier::Pressing;
  if (projected < 120.0) return PaceTier::Critical;
  return PaceTier::Runaway;
}

std::optional<double> projectedPercent(double usedPercent, double elapsed) {
  if (!(elapsed >= kPaceMinElapsed)) return std::nullopt;
  return usedPercent / elapsed;
}

std::vector<PaceSample> currentWindowSamples(std::span<const PaceSample> history) {
  std::vector<PaceSample> window;
  for (PaceSample sample : history) {
    // Taken after its own window ended: 0 % of a window whose reset time is not known yet.
    if (sample.resetsAt && sample.time >= *sample.resetsAt) sample = {sample.time, 0.0, std::nullopt};
    if (!window.empty()) {
      const PaceSample& prev = window.back();
      const bool prevEnded = prev.resetsAt && sample.time >= *prev.resetsAt;
      if (prevEnded) {
        window.clear();
      } else if (sample.usedPercent == 0.0 && prev.usedPercent > 0.0 &&
                 (!sample.resetsAt || sameResetTime(sample.resetsAt, prev.resetsAt))) {
        continue;  // a hiccup: a window does not empty before its reset time
      } else if (sample.usedPercent < prev.usedPercent && !sameResetTime(sample.resetsAt, prev.resetsAt)) {
        window.clear();
      }
    }
    window.push_back(sample);
  }
  return window;
}

PaceSample sampleOf(const Limit& limit, TimePoint now) {
  return {limit.observedAt == TimePoint{} ? now : limit.observedAt, limit.usedPercent, limit.resetsAt};
}

Pace computePace(const Limit& limit, std::span<const PaceSample> history, TimePoint now) {
  Pace pace;
  const auto elapsed = elapsedFraction(limit, now);
  if (!elapsed) return pace;
  const double used = effectivePercent(limit, now);
  pace.projectedPercent = projectedPercent(used, *elapsed);
  if (!pace.projectedPercent) return pace;
  pace.elapsedFraction = elapsed;
  pace.tier = paceTierFor(*pace.projectedPercent);

  std::vector<PaceSample> all(history.begin(), history.end());
  const PaceSample current = sampleOf(limit, now);
  if (all.empty() || all.back().time < current.time) all.push_back(current);
  std::vector<PaceSample> recent;
  for (const PaceSample& s : currentWindowSamples(all))
    if (s.time <= now && now - s.time <= kRateFitSpan) recent.push_back(s);

  double perSecond = 0.0;
  if (const auto fitted = fittedRate(recent)) {
    perSecond = *fitted;
    pace.recentRate = true;
  } else {
    const TimePoint start = *limit.resetsAt - std::chrono::seconds(limit.windowSeconds);
    const double sinceStart = secondsBetween(start, now);
    perSecond = sinceStart > 0.0 ? used / sinceStart : 0.0;
  }
  pace.ratePercentPerHour = perSecond * 3600.0;

  if (used >= 100.0) {
    pace.limitAt = now;
  } else if (perSecond > 0.0) {
    const double toLimit = (100.0 - used) / perSecond;
    if (toLimit < secondsBetween(now, *limit.resetsAt))
      pace.limitAt = now + std::chrono::duration_cast<Clock::duration>(Seconds(toLimit));
  }
  return pace;
}

}  // namespace cut::core
