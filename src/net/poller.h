#pragma once
// The poller: one background thread that fetches usage on the PollSchedule, one request at a time,
// and hands an immutable UsageSnapshot to its publish function after every change (the widget's
// MergedUsage, which folds in the usage cache and publishes to the store the UI reads), then calls
// the wake callback. Tests drive the same code synchronously through runOnce().
//
// Threads: every public member is callable from any thread, except runOnce() (never while the
// thread runs). The fetch, key-source, success and wake callbacks run on the poller thread (or the
// runOnce() caller), never under the poller's lock, so they may call back into the Poller.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/claude/claude_client.h"
#include "core/claude/error.h"
#include "core/claude/poll_schedule.h"
#include "core/model/snapshot.h"
#include "core/result.h"

namespace cut::net {

/// Time as the poller sees it. Tests substitute a fake that advances only when told.
class PollerClock {
 public:
  virtual ~PollerClock() = default;
  virtual core::TimePoint now() = 0;
  /// Blocks on `cv` (whose mutex `lock` holds) until `deadline`, a notification or a spurious
  /// wake-up; with no deadline, until a notification. The caller re-checks its state afterwards.
  virtual void waitUntil(std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                         std::optional<core::TimePoint> deadline) = 0;
};

/// The wall clock (system_clock), so a deadline survives a suspend and resume.
class SystemPollerClock final : public PollerClock {
 public:
  core::TimePoint now() override;
  void waitUntil(std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                 std::optional<core::TimePoint> deadline) override;
};

using FetchResult = core::Result<core::FetchOutcome, core::FetchError>;

struct PollerOptions {
  /// One fetch of everything shown (the app wires ClaudeClient::fetch). Blocking; must return soon
  /// after `cancel` was called.
  std::function<FetchResult(const std::string& key, const std::string& orgUuid, core::TimePoint now)> fetch;
  /// Ends a request in flight and every later one (the app wires Transport::cancel). Called by stop().
  std::function<void()> cancel;
  /// Reads the key before each attempt, so a replaced key file is picked up (no_key when absent).
  std::function<core::Result<std::string, core::FetchError>()> keySource;
  /// Called after every publish, from the publishing thread (the app passes postEmptyEvent).
  std::function<void()> wake;
  /// Called after each successful fetch, before its snapshot is published (cache, remembered org).
  std::function<void(const core::FetchOutcome&)> onSuccess;
  /// Returns a number in 0..1 that places each backoff in its jitter band; random when empty.
  std::function<double()> jitter;
  /// Time source; the system clock when empty.
  std::shared_ptr<PollerClock> clock;
  /// Seconds between polls, from settings (held to 30 s at least).
  std::chrono::seconds interval = std::chrono::seconds(60);
  /// The organization to fetch; empty means the first one listed (then remembered).
  std::string organizationUuid;
};

class Poller {
 public:
  /// Receives every snapshot, in order, on the publishing thread, never under the poller's lock.
  using Publish = std::function<void(core::UsageSnapshot)>;

  Poller(PollerOptions options, Publish publish);
  /// Stops the thread if it runs.
  ~Poller();
  Poller(const Poller&) = delete;
  Poller& operator=(const Poller&) = delete;

  /// Starts the thread; the first attempt is made at once. Call at most once.
  void start();
  /// Asks the thread to end, cancels a request in flight and joins. Returns promptly even when the
  /// server hangs, provided `cancel` ends the fetch. Idempotent; nothing is published after it.
  void stop();

  /// Fetch as soon as allowed; coalesced with an attempt in flight or already due, and held back
  /// by a Retry-After or 429 wait.
  void refreshNow();
  /// The key file changed: resume polling if paused and try at once.
  void keyChanged();
  /// A new interval from settings.
  void setInterval(std::chrono::seconds interval);
  /// Show another organization; fetches it as soon as allowed.
  void setOrganization(std::string uuid);

  /// One attempt on the calling thread, published like any other; returns the resulting snapshot.
  /// Must not be called while the thread runs.
  std::shared_ptr<const core::UsageSnapshot> runOnce();

 private:
  void threadMain();
  void loop(std::unique_lock<std::mutex>& lock);
  /// Makes one attempt; `lock` is held on entry and exit but released around every callback.
  void attempt(std::unique_lock<std::mutex>& lock);
  /// Publishes a copy of m_state and calls wake, with `lock` released meanwhile.
  void publish(std::unique_lock<std::mutex>& lock);
  FetchResult fetchGuarded(const std::string& orgUuid, core::TimePoint now);
  double nextJitter();

  PollerOptions m_options;
  Publish m_publish;
  std::shared_ptr<PollerClock> m_clock;

  std::mutex m_mutex;  ///< guards everything below
  std::condition_variable m_cv;
  core::PollSchedule m_schedule;
  core::UsageSnapshot m_state;  ///< the next snapshot to publish; owned by the publishing thread
  std::string m_orgUuid;

  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

}  // namespace cut::net
