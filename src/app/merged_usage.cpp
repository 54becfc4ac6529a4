#include "app/merged_usage.h"

#include <sys/stat.h>

#include <algorithm>

#include "core/model/cache_merge.h"
#include "platform/file_watch.h"

namespace cut::app {

MergedUsage::MergedUsage(const core::SnapshotStore& polled, std::filesystem::path stateDir, bool useCache,
                         std::function<void()> wake)
    : m_polled(polled), m_stateDir(std::move(stateDir)), m_useCache(useCache), m_wake(std::move(wake)) {
  if (m_useCache) {
    startWatch();
    cacheFileChanged();
    m_cache = core::readCache(m_stateDir);
  }
  update(std::chrono::seconds(60));
}

MergedUsage::~MergedUsage() = default;

void MergedUsage::startWatch() {
  m_watch = std::make_unique<platform::FileWatch>(core::usageCachePath(m_stateDir), [this] {
    m_noticed = true;
    if (m_wake) m_wake();
  });
  if (!m_watch->active()) m_watch.reset();
}

bool MergedUsage::cacheFileChanged() {
  struct stat info {};
  FileStamp stamp;
  if (::stat(core::usageCachePath(m_stateDir).c_str(), &info) == 0) {
    stamp.mtimeNs = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
    stamp.size = static_cast<std::int64_t>(info.st_size);
    stamp.inode = static_cast<std::uint64_t>(info.st_ino);
  }
  if (stamp == m_stamp) return false;
  m_stamp = stamp;
  return true;
}

void MergedUsage::update(std::chrono::seconds checkInterval) {
  bool reread = false;
  if (m_useCache) {
    if (m_noticed.exchange(false)) {
      reread = true;
      cacheFileChanged();
    }
    // A watch that stopped (its folder went away) leaves the mtime checks to notice changes.
    if (m_watch && !m_watch->active()) m_watch.reset();
    const auto steadyNow = std::chrono::steady_clock::now();
    if (!m_watch && steadyNow >= m_nextCheck) {
      m_nextCheck = steadyNow + checkInterval;
      startWatch();  // the state folder may exist by now
      if (cacheFileChanged()) reread = true;
    }
    if (reread) m_cache = core::readCache(m_stateDir);
  }

  const std::uint64_t generation = m_polled.generation();
  const bool polledChanged = generation != m_polledGeneration;
  if (m_merged && !reread && !polledChanged) return;
  const auto polled = m_polled.load();
  m_polledGeneration = generation;
  core::UsageSnapshot merged = core::mergeWithCache(*polled, m_cache);
  // The widget's own write after each fetch comes back as a notice; republishing identical numbers
  // would only cost a frame.
  if (m_merged && !polledChanged && merged.usage == m_publishedUsage) return;
  m_merged = true;
  m_publishedUsage = merged.usage;
  m_store.publish(std::move(merged));
}

std::optional<double> MergedUsage::secondsToNextCheck() const {
  if (!m_useCache || m_watch) return std::nullopt;
  const auto left = m_nextCheck - std::chrono::steady_clock::now();
  return std::max(0.0, std::chrono::duration<double>(left).count());
}

}  // namespace cut::app
