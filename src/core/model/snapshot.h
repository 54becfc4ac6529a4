#pragma once
// What the poller publishes and the UI draws from. A snapshot is immutable once published: the
// poller builds a new one for every change and swaps the pointer under a tiny mutex.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "core/claude/error.h"
#include "core/model/usage.h"
#include "core/model/window_samples.h"

namespace cut::core {

struct UsageSnapshot {
  /// The last good numbers; kept through later failures so the UI can show them, dimmed, with age.
  std::optional<Usage> usage;
  std::optional<Organization> organization;
  std::vector<Organization> organizations;
  /// Set while the most recent attempt failed; cleared by the next success.
  std::optional<FetchError> error;
  std::optional<TimePoint> lastSuccess;
  std::optional<TimePoint> lastAttempt;
  /// When the poller will try next; empty while paused or stopped.
  std::optional<TimePoint> nextAttempt;
  bool fetching = false;  ///< a request is in flight
  bool paused = false;    ///< polling stopped until the key changes (expired or missing key)
  bool demo = false;      ///< built-in sample data, no network
  /// The recorded samples of each limit's current window, for pace and charts; null before the
  /// history was first loaded (and in the demo). Shared between snapshots, never mutated.
  std::shared_ptr<const WindowSamples> history;
};

/// Single-writer (the poller), many-reader store. Readers take the pointer once per frame.
class SnapshotStore {
 public:
  SnapshotStore();
  /// Replaces the current snapshot and bumps the generation.
  void publish(UsageSnapshot snapshot);
  std::shared_ptr<const UsageSnapshot> load() const;
  /// Increases on every publish; lets a reader see "nothing new" without copying.
  std::uint64_t generation() const;

 private:
  mutable std::mutex m_mutex;
  std::shared_ptr<const UsageSnapshot> m_current;
  std::uint64_t m_generation = 0;
};

}  // namespace cut::core
