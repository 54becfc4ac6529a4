#pragma once
// What the widget draws: the poller's snapshot with the shared usage cache folded in. The cache
// carries what other processes saw: Claude Code's rate_limits (handed to the status line) and
// claude.ai readings written by `status` or the status line's background refresh. Pure functions,
// so every rule is tested without files, threads or a window.

#include <optional>

#include "core/model/snapshot.h"
#include "core/files/usage_cache.h"

namespace cut::core {

/// The snapshot to draw, built from the poller's `polled` and the cache (empty: none or corrupt).
/// - A demo snapshot is returned unchanged: the demo never mixes with real numbers.
/// - Claude Code readings from the cache join the poller's limits; per limit id the reading with
///   the later observedAt wins (mergeUsage). A poller limit with no observedAt counts as taken at
///   the poller's lastSuccess.
/// - Cached claude.ai readings are used only while the poller has no numbers of its own (no key
///   file, or before the first fetch): a fetch of its own is of the chosen organization and at
///   most one poll interval old. With them come the cache's extra usage and organization name.
/// - Everything else (error, lastSuccess, fetching, paused...) is the poller's.
UsageSnapshot mergeWithCache(const UsageSnapshot& polled, const std::optional<CachedUsage>& cache);

/// The source whose numbers are newest among `usage`'s limits, and when they were taken.
struct LiveSource {
  Source source = Source::ClaudeAi;
  TimePoint observedAt{};
  bool operator==(const LiveSource&) const = default;
};

/// Empty when `usage` has no limit with an observedAt.
std::optional<LiveSource> liveSource(const Usage& usage);

/// The newest observedAt among `usage`'s limits from `source`; empty when there is none.
std::optional<TimePoint> newestReading(const Usage& usage, Source source);

}  // namespace cut::core
