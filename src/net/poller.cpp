#include "poller.h"

#include <cassert>
#include <exception>
#include <random>
#include <string_view>
#include <utility>

namespace cut::net {

namespace {

/// Exception text can come from anywhere; it is shortened and never allowed to carry the key.
std::string redacted(std::string_view text, const std::string& key) {
  return core::redactKey(std::string(text), key).substr(0, 200);
}

core::FetchError internalError(std::string_view what, const std::string& key) {
  core::FetchError error;
  error.kind = core::ErrorKind::BadResponse;
  error.message = "Could not read the usage answer (internal error: " + redacted(what, key) +
                  "). Retrying automatically; if this keeps happening, please report it.";
  return error;
}

std::function<double()> defaultJitter() {
  auto engine = std::make_shared<std::mt19937>(std::random_device{}());
  return [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
}

}  // namespace

core::TimePoint SystemPollerClock::now() { return core::Clock::now(); }

void SystemPollerClock::waitUntil(std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                                  std::optional<core::TimePoint> deadline) {
  if (deadline) {
    cv.wait_until(lock, *deadline);
  } else {
    cv.wait(lock);
  }
}

Poller::Poller(PollerOptions options, Publish publish)
    : m_options(std::move(options)),
      m_publish(std::move(publish)),
      m_clock(m_options.clock ? m_options.clock : std::make_shared<SystemPollerClock>()),
      m_schedule(m_options.interval, m_clock->now()),
      m_orgUuid(m_options.organizationUuid) {
  assert(m_options.fetch && m_options.keySource && m_publish);
  if (!m_options.jitter) m_options.jitter = defaultJitter();
}

Poller::~Poller() { stop(); }

void Poller::start() {
  assert(!m_thread.joinable());
  m_thread = std::thread([this] { threadMain(); });
}

void Poller::stop() {
  if (!m_thread.joinable()) return;
  m_stop = true;
  // Cancel first: the thread may be inside a fetch that only cancel can end.
  if (m_options.cancel) m_options.cancel();
  {
    // Taking the lock orders the flag before the thread's next check-then-wait.
    std::lock_guard lock(m_mutex);
  }
  m_cv.notify_all();
  m_thread.join();
}

void Poller::refreshNow() {
  std::lock_guard lock(m_mutex);
  if (m_schedule.refreshRequested(m_clock->now())) m_cv.notify_all();
}

void Poller::keyChanged() {
  std::lock_guard lock(m_mutex);
  m_schedule.keyChanged(m_clock->now());
  m_cv.notify_all();
}

void Poller::setInterval(std::chrono::seconds interval) {
  std::lock_guard lock(m_mutex);
  m_schedule.setInterval(interval);
  m_cv.notify_all();
}

void Poller::setOrganization(std::string uuid) {
  std::lock_guard lock(m_mutex);
  if (uuid == m_orgUuid) return;
  m_orgUuid = std::move(uuid);
  // What is fetched changed, as with a new key: an answer in flight is about the old organization.
  m_schedule.keyChanged(m_clock->now());
  m_cv.notify_all();
}

std::shared_ptr<const core::UsageSnapshot> Poller::runOnce() {
  assert(!m_thread.joinable());
  std::unique_lock lock(m_mutex);
  attempt(lock);
  return std::make_shared<const core::UsageSnapshot>(m_state);
}

void Poller::threadMain() {
  std::unique_lock lock(m_mutex);
  try {
    loop(lock);
  } catch (...) {
    // Whatever escaped the attempt's own guards ends polling, but as a status the UI can show.
    try {
      if (!lock.owns_lock()) lock.lock();
      if (m_stop) return;
      std::string what = "unknown";
      try {
        throw;
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      core::FetchError error;
      error.kind = core::ErrorKind::BadResponse;
      error.message = "Background refresh stopped after an internal error (" + redacted(what, {}) +
                      "). Restart the program to resume.";
      m_state.error = std::move(error);
      m_state.fetching = false;
      m_state.nextAttempt.reset();
      publish(lock);
    } catch (...) {
    }
  }
}

void Poller::loop(std::unique_lock<std::mutex>& lock) {
  while (!m_stop) {
    if (m_schedule.due(m_clock->now())) {
      attempt(lock);
      continue;
    }
    // Requests from other threads (key change, interval) move the schedule without publishing;
    // the snapshot catches up here, on the publishing thread.
    const auto next = m_schedule.nextAttempt();
    if (m_state.nextAttempt != next || m_state.paused != m_schedule.paused()) {
      m_state.nextAttempt = next;
      m_state.paused = m_schedule.paused();
      publish(lock);
      continue;
    }
    m_clock->waitUntil(lock, m_cv, next);
  }
}

void Poller::attempt(std::unique_lock<std::mutex>& lock) {
  const auto started = m_clock->now();
  m_schedule.onAttemptStarted(started);
  m_state.fetching = true;
  m_state.paused = false;
  m_state.lastAttempt = started;
  m_state.nextAttempt.reset();
  const std::string orgUuid = m_orgUuid;
  publish(lock);
  if (m_stop) return;

  lock.unlock();
  FetchResult result = fetchGuarded(orgUuid, started);
  if (result.ok() && m_options.onSuccess && !m_stop) {
    try {
      m_options.onSuccess(result.value());
    } catch (...) {
      // Only the cache or the remembered organization is lost; the numbers themselves are good.
    }
  }
  lock.lock();
  if (m_stop) return;  // a cancelled request is not news, and nobody may be listening any more

  const auto finished = m_clock->now();
  if (result.ok()) {
    core::FetchOutcome& outcome = result.value();
    m_schedule.onSuccess(finished);
    if (orgUuid.empty() && m_orgUuid.empty()) m_orgUuid = outcome.organization.uuid;
    m_state.usage = std::move(outcome.usage);
    m_state.organization = std::move(outcome.organization);
    if (!outcome.organizations.empty()) m_state.organizations = std::move(outcome.organizations);
    m_state.error.reset();
    m_state.lastSuccess = finished;
  } else {
    m_schedule.onFailure(result.error(), finished, nextJitter());
    m_state.error = result.error();
  }
  m_state.fetching = false;
  m_state.paused = m_schedule.paused();
  m_state.nextAttempt = m_schedule.nextAttempt();
  publish(lock);
}

FetchResult Poller::fetchGuarded(const std::string& orgUuid, core::TimePoint now) {
  std::string key;
  try {
    auto keyResult = m_options.keySource();
    if (!keyResult) return core::fail(keyResult.error());
    key = std::move(keyResult.value());
    return m_options.fetch(key, orgUuid, now);
  } catch (const std::exception& e) {
    return core::fail(internalError(e.what(), key));
  } catch (...) {
    return core::fail(internalError("unknown exception", key));
  }
}

void Poller::publish(std::unique_lock<std::mutex>& lock) {
  core::UsageSnapshot copy = m_state;
  lock.unlock();
  m_publish(std::move(copy));
  if (m_options.wake) {
    try {
      m_options.wake();
    } catch (...) {
      // The next publish wakes the reader again; nothing here can be reported anywhere better.
    }
  }
  lock.lock();
}

double Poller::nextJitter() {
  try {
    return m_options.jitter();
  } catch (...) {
    return 0.5;
  }
}

}  // namespace cut::net
