#pragma once
// What the widget draws: the poller's snapshots merged with the shared usage cache
// (core::mergeWithCache), published once into the one store the UI reads.
//
// The numbers take one path: the poller's result arrives through publishPolled(), is merged with the
// cache held in memory and published. The widget's own cache write (recordFetch(), just before) hands
// back the cache as written and its file stamp, so the change notice for that write finds nothing
// new and nothing is read back. The file is read only for what other processes wrote (the status
// line, `status`): after a change notice, or, where notices are unavailable, when its stamp moved at
// the next check (one per poll interval).
//
// The history's samples of each window (for pace and charts) ride in the same snapshots. They are
// read from SQLite off the main thread only: on the poller thread after each fetch (loadHistory(),
// published by the publishPolled() that follows), and on a loader thread of our own at start and
// after another process changed the numbers (that process recorded a reading too).
//
// Threads: publishPolled() and recordFetch() run on the poller thread; update() and
// secondsToNextCheck() on the main thread; the notice callback sets a flag and calls `wake` from the
// watch thread. One mutex orders the merges, so a publish never carries an older cache or an older
// poller snapshot than the one before it.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/claude/claude_client.h"
#include "core/files/usage_cache.h"
#include "core/model/snapshot.h"

namespace cut::platform {
class FileWatch;
}

namespace cut::app {

class MergedUsage {
 public:
  /// With `useCache` false (the demo) snapshots pass through unchanged and no file is read or
  /// written. Reads the cache and publishes a first merged snapshot at once, so the first frame
  /// already shows Claude Code's numbers.
  MergedUsage(std::filesystem::path stateDir, bool useCache, std::function<void()> wake);
  ~MergedUsage();
  MergedUsage(const MergedUsage&) = delete;
  MergedUsage& operator=(const MergedUsage&) = delete;

  /// The poller's snapshot: merged with the cache in memory and published. Any thread.
  void publishPolled(core::UsageSnapshot polled);
  /// After a successful fetch, before its snapshot is published: shares the numbers with the status
  /// line and `status` through the cache file, and keeps the cache as written. Any thread.
  void recordFetch(const core::FetchOutcome& outcome, core::TimePoint now);

  /// Poller thread, after a fetch was recorded: loads the samples the next publish carries, and
  /// returns them (the alerts' pace comes from the same load). Never call it on the main thread (it
  /// reads SQLite). Null with `useCache` false.
  std::shared_ptr<const core::WindowSamples> loadHistory(core::TimePoint now);

  /// Main thread: brings in what another process wrote to the cache, if anything; publishes only when
  /// the merged numbers differ. `checkInterval` paces the stamp checks while notices are unavailable.
  void update(std::chrono::seconds checkInterval);
  /// Seconds until update() must run again to check the stamp; empty while notices arrive.
  std::optional<double> secondsToNextCheck() const;

  /// The merged snapshots: what the UI draws.
  const core::SnapshotStore& store() const { return m_store; }
  /// How often the cache file was read (for tests: the widget's own writes are not read back).
  std::uint64_t cacheReads() const { return m_cacheReads; }

 private:
  void startWatch();
  /// Merges and publishes under m_mutex (held by the caller).
  void publishLocked();
  /// Asks the loader thread for a fresh load of the samples; it publishes them when they changed.
  void requestHistoryLoad();
  void historyLoaderLoop();

  std::filesystem::path m_stateDir;
  bool m_useCache;
  std::function<void()> m_wake;
  core::SnapshotStore m_store;

  // Main thread only.
  std::unique_ptr<platform::FileWatch> m_watch;
  std::chrono::steady_clock::time_point m_nextCheck{};
  std::atomic<bool> m_noticed{false};  ///< set by the watch thread
  std::atomic<int> m_writing{0};       ///< recordFetch() calls under way
  std::atomic<std::uint64_t> m_cacheReads{0};

  mutable std::mutex m_mutex;  ///< guards everything below
  core::UsageSnapshot m_polled;
  std::optional<core::CachedUsage> m_cache;
  core::FileStamp m_stamp;           ///< the version of the file m_cache holds
  std::uint64_t m_cacheVersion = 0;  ///< bumped by recordFetch(), so update() never installs an older read
  std::optional<core::Usage> m_publishedUsage;
  std::shared_ptr<const core::WindowSamples> m_history;

  // The loader thread (with useCache only).
  std::mutex m_loaderMutex;
  std::condition_variable m_loaderWake;
  bool m_loadRequested = false;
  bool m_loaderStop = false;
  std::thread m_loader;
};

}  // namespace cut::app
