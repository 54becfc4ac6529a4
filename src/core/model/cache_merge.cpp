#include "core/model/cache_merge.h"

#include <algorithm>

namespace cut::core {

UsageSnapshot mergeWithCache(const UsageSnapshot& polled, const std::optional<CachedUsage>& cache) {
  if (polled.demo || !cache) return polled;
  UsageSnapshot merged = polled;
  const bool ownNumbers = polled.usage.has_value();

  Usage own = polled.usage.value_or(Usage{});
  if (polled.lastSuccess) {
    for (Limit& limit : own.limits)
      if (limit.observedAt == TimePoint{}) limit.observedAt = *polled.lastSuccess;
  }

  Usage cached;
  for (const Limit& limit : cache->usage.limits) {
    if (limit.source == Source::ClaudeCode || !ownNumbers) cached.limits.push_back(limit);
  }
  if (!ownNumbers) cached.extra = cache->usage.extra;
  if (cached.limits.empty() && !cached.extra) return polled;

  Usage usage = mergeUsage(own, cached);
  // mergeUsage lets the incoming side's extra usage win; the poller's own figure is the account's.
  usage.extra = ownNumbers ? own.extra : cached.extra;
  merged.usage = std::move(usage);
  if (!ownNumbers && !merged.organization && !cache->organizationName.empty())
    merged.organization = Organization{.uuid = "", .name = cache->organizationName, .capabilities = {}};
  return merged;
}

std::optional<TimePoint> newestReading(const Usage& usage, Source source) {
  std::optional<TimePoint> newest;
  for (const Limit& limit : usage.limits) {
    if (limit.source != source || limit.observedAt == TimePoint{}) continue;
    if (!newest || limit.observedAt > *newest) newest = limit.observedAt;
  }
  return newest;
}

std::optional<LiveSource> liveSource(const Usage& usage) {
  std::optional<LiveSource> live;
  for (const Source source : {Source::ClaudeAi, Source::ClaudeCode}) {
    const auto newest = newestReading(usage, source);
    // On a tie Claude Code is named: its numbers are the ones that arrived without a fetch.
    if (newest && (!live || *newest >= live->observedAt)) live = LiveSource{source, *newest};
  }
  return live;
}

}  // namespace cut::core
