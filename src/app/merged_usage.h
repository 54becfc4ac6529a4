#pragma once
// What the widget draws: the poller's snapshots merged with the shared usage cache
// (core::mergeWithCache), republished into a store of its own. The cache is read again when the
// file-change notice says another process wrote it, or, where notices are unavailable, when its
// mtime moved at the next check (one per poll interval).
//
// Threads: everything here runs on the main thread, except the notice callback, which sets a flag
// and calls `wake` from the watch thread. The cache is never written here (the poller does that).

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "core/model/snapshot.h"
#include "core/files/usage_cache.h"

namespace cut::platform {
class FileWatch;
}

namespace cut::app {

class MergedUsage {
 public:
  /// `polled` is the poller's store; with `useCache` false (the demo) its snapshots pass through
  /// unchanged and no file is read. Reads the cache and publishes a first merged snapshot at once,
  /// so the first frame already shows Claude Code's numbers.
  MergedUsage(const core::SnapshotStore& polled, std::filesystem::path stateDir, bool useCache,
              std::function<void()> wake);
  ~MergedUsage();
  MergedUsage(const MergedUsage&) = delete;
  MergedUsage& operator=(const MergedUsage&) = delete;

  /// Re-reads the cache if it changed and re-merges if either side changed; publishes only when
  /// the result differs. `checkInterval` paces the mtime checks while notices are unavailable.
  void update(std::chrono::seconds checkInterval);
  /// Seconds until update() must run again to check the mtime; empty while notices arrive.
  std::optional<double> secondsToNextCheck() const;

  /// The merged snapshots: what the UI draws.
  const core::SnapshotStore& store() const { return m_store; }

 private:
  void startWatch();
  bool cacheFileChanged();

  const core::SnapshotStore& m_polled;
  std::filesystem::path m_stateDir;
  bool m_useCache;
  std::function<void()> m_wake;
  core::SnapshotStore m_store;

  std::unique_ptr<platform::FileWatch> m_watch;
  std::atomic<bool> m_noticed{false};  ///< set by the watch thread
  std::chrono::steady_clock::time_point m_nextCheck{};
  struct FileStamp {
    std::int64_t mtimeNs = -1;
    std::int64_t size = -1;
    std::uint64_t inode = 0;
    bool operator==(const FileStamp&) const = default;
  };
  FileStamp m_stamp;

  std::optional<core::CachedUsage> m_cache;
  bool m_merged = false;
  std::uint64_t m_polledGeneration = 0;
  std::optional<core::Usage> m_publishedUsage;
};

}  // namespace cut::app
