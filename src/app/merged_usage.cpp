#include "app/merged_usage.h"

#include <algorithm>
#include <cstdio>

#include "core/history/window_samples_load.h"
#include "core/model/cache_merge.h"
#include "platform/file_watch.h"

namespace cut::app {

namespace {

// The cache as another process left it, less readings dated ahead of now.
std::optional<core::CachedUsage> readCacheNow(const std::filesystem::path& stateDir) {
  auto cache = core::readCache(stateDir);
  if (cache) cache = core::withoutFutureReadings(std::move(*cache), core::Clock::now());
  return cache;
}

}  // namespace

MergedUsage::MergedUsage(std::filesystem::path stateDir, bool useCache, std::function<void()> wake)
    : m_stateDir(std::move(stateDir)), m_useCache(useCache), m_wake(std::move(wake)) {
  std::lock_guard lock(m_mutex);
  if (m_useCache) {
    startWatch();
    m_stamp = core::fileStamp(core::usageCachePath(m_stateDir));
    m_cache = readCacheNow(m_stateDir);
    ++m_cacheReads;
  }
  publishLocked();
  if (m_useCache) {
    m_loader = std::thread([this] { historyLoaderLoop(); });
    requestHistoryLoad();
  }
}

MergedUsage::~MergedUsage() {
  {
    std::lock_guard lock(m_loaderMutex);
    m_loaderStop = true;
  }
  m_loaderWake.notify_one();
  if (m_loader.joinable()) m_loader.join();
}

std::shared_ptr<const core::WindowSamples> MergedUsage::loadHistory(core::TimePoint now) {
  if (!m_useCache) return nullptr;
  auto samples = core::loadWindowSamples(m_stateDir, now);
  std::lock_guard lock(m_mutex);
  m_history = samples;
  return samples;
}

void MergedUsage::requestHistoryLoad() {
  {
    std::lock_guard lock(m_loaderMutex);
    m_loadRequested = true;
  }
  m_loaderWake.notify_one();
}

void MergedUsage::historyLoaderLoop() {
  std::unique_lock lock(m_loaderMutex);
  while (true) {
    m_loaderWake.wait(lock, [this] { return m_loadRequested || m_loaderStop; });
    if (m_loaderStop) return;
    m_loadRequested = false;
    lock.unlock();
    auto samples = core::loadWindowSamples(m_stateDir, core::Clock::now());
    bool changed = false;
    {
      std::lock_guard merge(m_mutex);
      // Nothing loaded yet reads as nothing recorded: an empty first load draws no frame.
      const bool same = m_history ? *m_history == *samples : *samples == core::WindowSamples{};
      m_history = std::move(samples);
      if (!same) {
        publishLocked();
        changed = true;
      }
    }
    if (changed && m_wake) m_wake();
    lock.lock();
  }
}

void MergedUsage::startWatch() {
  m_watch = std::make_unique<platform::FileWatch>(core::usageCachePath(m_stateDir), [this] {
    m_noticed = true;
    if (m_wake) m_wake();
  });
  if (!m_watch->active()) m_watch.reset();
}

void MergedUsage::publishPolled(core::UsageSnapshot polled) {
  std::lock_guard lock(m_mutex);
  m_polled = std::move(polled);
  publishLocked();
}

void MergedUsage::recordFetch(const core::FetchOutcome& outcome, core::TimePoint now) {
  if (!m_useCache) return;
  // The notice of this write may arrive before its stamp is kept; update() waits for it meanwhile.
  ++m_writing;
  auto recorded = core::recordUsage(m_stateDir, outcome.usage, outcome.organization.name, now);
  if (recorded) {
    std::lock_guard lock(m_mutex);
    m_cache = std::move(recorded.value().cache);
    m_stamp = recorded.value().stamp;
    ++m_cacheVersion;
  } else {
    // Losing one write costs nothing lasting: the next fetch writes again.
    std::fprintf(stderr, "claude-usage-tracker: warning: usage cache not updated: %s\n",
                 recorded.error().message.c_str());
  }
  --m_writing;
}

void MergedUsage::update(std::chrono::seconds checkInterval) {
  if (!m_useCache) return;
  bool check = false;
  // While a write of our own is under way its notice stays pending: after it the stamp is known.
  if (m_writing == 0 && m_noticed.exchange(false)) check = true;
  // A watch that stopped (its folder went away) leaves the stamp checks to notice changes.
  if (m_watch && !m_watch->active()) m_watch.reset();
  const auto steadyNow = std::chrono::steady_clock::now();
  if (!m_watch && steadyNow >= m_nextCheck) {
    m_nextCheck = steadyNow + checkInterval;
    startWatch();  // the state folder may exist by now
    check = true;
  }
  if (!check) return;

  const core::FileStamp stamp = core::fileStamp(core::usageCachePath(m_stateDir));
  std::uint64_t version = 0;
  {
    std::lock_guard lock(m_mutex);
    if (stamp == m_stamp) return;  // the version we hold, our own write included
    version = m_cacheVersion;
  }
  // Read outside the lock: the poller thread must not wait on the disk to publish.
  auto cache = readCacheNow(m_stateDir);
  ++m_cacheReads;
  std::lock_guard lock(m_mutex);
  // A write of our own finished meanwhile and holds a newer cache; what this read saw may be newer
  // still, so look at the stamp again at the next update (the poller's publish wakes the loop).
  if (version != m_cacheVersion) {
    m_noticed = true;
    return;
  }
  m_cache = std::move(cache);
  m_stamp = stamp;
  const auto merged = core::mergeWithCache(m_polled, m_cache);
  // Another process wrote what we already show (the status line repeats itself): no frame for it.
  if (merged.usage == m_publishedUsage) return;
  publishLocked();
  requestHistoryLoad();
}

void MergedUsage::publishLocked() {
  core::UsageSnapshot merged = m_useCache ? core::mergeWithCache(m_polled, m_cache) : m_polled;
  if (m_useCache) merged.history = m_history;
  m_publishedUsage = merged.usage;
  m_store.publish(std::move(merged));
}

std::optional<double> MergedUsage::secondsToNextCheck() const {
  if (!m_useCache || m_watch) return std::nullopt;
  const auto left = m_nextCheck - std::chrono::steady_clock::now();
  return std::max(0.0, std::chrono::duration<double>(left).count());
}

}  // namespace cut::app
