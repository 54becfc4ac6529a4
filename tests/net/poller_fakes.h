#pragma once
// Test doubles for the poller: a clock that moves only when told, and a scripted fetch function.
// Waits are on condition variables, each bounded by a generous guard so a broken poller fails the
// test instead of hanging it; no assertion depends on how long anything took.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/model/snapshot.h"
#include "net/poller.h"

namespace cut::test {

inline constexpr std::chrono::seconds kGuard{20};

/// Time stands still until advance(). The poller is "idle" while it waits inside waitUntil() after
/// seeing the current time; advance() changes the time under the poller's own mutex, so an idle
/// flag is never left over from before the change.
class FakeClock final : public net::PollerClock {
 public:
  explicit FakeClock(core::TimePoint start) : m_now(start) {}

  core::TimePoint now() override {
    std::lock_guard lock(m_mutex);
    return m_now;
  }

  void waitUntil(std::unique_lock<std::mutex>& pollerLock, std::condition_variable& cv,
                 std::optional<core::TimePoint> deadline) override {
    {
      std::lock_guard lock(m_mutex);
      m_pollerMutex = pollerLock.mutex();
      m_pollerCv = &cv;
      m_idle = true;
      m_deadline = deadline;
    }
    m_changed.notify_all();
    cv.wait(pollerLock);  // never times out by itself: only advance() moves time
    std::lock_guard lock(m_mutex);
    m_idle = false;
  }

  /// Moves time on and wakes the poller. Call only once the poller has waited at least once.
  void advance(std::chrono::seconds by) {
    std::mutex* pollerMutex = nullptr;
    std::condition_variable* pollerCv = nullptr;
    {
      std::lock_guard lock(m_mutex);
      pollerMutex = m_pollerMutex;
      pollerCv = m_pollerCv;
    }
    REQUIRE(pollerMutex != nullptr);
    {
      std::lock_guard pollerLock(*pollerMutex);
      std::lock_guard lock(m_mutex);
      m_now += by;
      m_idle = false;
    }
    pollerCv->notify_all();
  }

  /// Blocks until the poller waits again, having seen the current time. Returns its deadline
  /// (empty: waiting for a request, e.g. while paused).
  std::optional<core::TimePoint> waitIdle() {
    std::unique_lock lock(m_mutex);
    const bool idle = m_changed.wait_for(lock, kGuard, [&] { return m_idle; });
    REQUIRE(idle);
    return m_deadline;
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_changed;
  core::TimePoint m_now;
  bool m_idle = false;
  std::optional<core::TimePoint> m_deadline;
  std::mutex* m_pollerMutex = nullptr;
  std::condition_variable* m_pollerCv = nullptr;
};

struct FetchCall {
  std::string key;
  std::string orgUuid;
  core::TimePoint now;
  std::thread::id thread;
};

/// Owns the store, the fake clock, the fetch script and a record of every publish and call.
class PollerHarness {
 public:
  using Step = std::function<net::FetchResult(const FetchCall&)>;

  explicit PollerHarness(core::TimePoint start) : clock(std::make_shared<FakeClock>(start)) {}

  net::PollerOptions options() {
    net::PollerOptions o;
    o.fetch = [this](const std::string& fetchKey, const std::string& org, core::TimePoint now) {
      return fetch(FetchCall{fetchKey, org, now, std::this_thread::get_id()});
    };
    o.cancel = [this] {
      std::lock_guard lock(mutex);
      cancelled = true;
      changed.notify_all();
    };
    o.keySource = [this]() -> core::Result<std::string, core::FetchError> {
      std::lock_guard lock(mutex);
      if (key.empty())
        return core::fail(core::FetchError{.kind = core::ErrorKind::NoKey, .message = "no key"});
      return key;
    };
    o.wake = [this] {
      // Only the poller publishes, so the store holds exactly what was just published.
      auto snapshot = store.load();
      std::lock_guard lock(mutex);
      published.push_back(std::move(snapshot));
      changed.notify_all();
    };
    o.jitter = [] { return 0.5; };
    o.clock = clock;
    return o;
  }

  /// Where the poller publishes: the harness's store.
  net::Poller::Publish sink() {
    return [this](core::UsageSnapshot snapshot) { store.publish(std::move(snapshot)); };
  }

  /// Blocks until `predicate` (called under `mutex`) holds.
  template <typename Predicate>
  void waitFor(Predicate predicate) {
    std::unique_lock lock(mutex);
    const bool met = changed.wait_for(lock, kGuard, predicate);
    REQUIRE(met);
  }

  /// Blocks until `count` snapshots were published and the poller waits again.
  std::optional<core::TimePoint> settle(std::size_t count) {
    waitFor([&] { return published.size() >= count; });
    return clock->waitIdle();
  }

  std::shared_ptr<const core::UsageSnapshot> snapshot(std::size_t index) {
    std::lock_guard lock(mutex);
    REQUIRE(index < published.size());
    return published[index];
  }

  std::size_t publishCount() {
    std::lock_guard lock(mutex);
    return published.size();
  }

  std::size_t callCount() {
    std::lock_guard lock(mutex);
    return calls.size();
  }

  core::SnapshotStore store;
  std::shared_ptr<FakeClock> clock;

  std::mutex mutex;  ///< guards everything below
  std::condition_variable changed;
  std::deque<Step> script;  ///< one step per fetch call, in order
  std::vector<FetchCall> calls;
  std::vector<std::shared_ptr<const core::UsageSnapshot>> published;
  std::string key = "sk-ant-sid01-TESTKEY_abc123xyz";
  bool cancelled = false;
  bool gateOpen = true;  ///< while false, a fetch waits for the gate or a cancel

 private:
  net::FetchResult fetch(const FetchCall& call) {
    Step step;
    {
      std::unique_lock lock(mutex);
      calls.push_back(call);
      changed.notify_all();
      const bool released = changed.wait_for(lock, kGuard, [&] { return gateOpen || cancelled; });
      CHECK_MESSAGE(released, "a held fetch was neither released nor cancelled");
      if (cancelled) {
        return core::fail(core::FetchError{.kind = core::ErrorKind::Network, .message = "cancelled"});
      }
      CHECK_FALSE(script.empty());  // a REQUIRE would throw into the poller, which catches it
      if (script.empty()) {
        return core::fail(core::FetchError{.kind = core::ErrorKind::Server, .message = "script ran out"});
      }
      step = std::move(script.front());
      script.pop_front();
    }
    return step(call);
  }
};

}  // namespace cut::test
