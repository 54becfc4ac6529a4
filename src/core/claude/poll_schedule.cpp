#include "core/claude/poll_schedule.h"

#include <algorithm>

#include "core/claude/fetch_policy.h"

namespace cut::core {

namespace {

/// The part of a failure's wait that a person asking for a refresh may not shorten: what the server
/// asked for in Retry-After and, for a 429, the same floor backoffDelay() keeps.
std::chrono::seconds serverMandatedWait(const FetchError& error) {
  auto wait = std::chrono::seconds(std::max<std::int64_t>(error.retryAfterSeconds.value_or(0), 0));
  if (error.kind == ErrorKind::RateLimited) wait = std::max(wait, kMinPollInterval);
  return wait;
}

}  // namespace

PollSchedule::PollSchedule(std::chrono::seconds interval, TimePoint firstAttempt)
    : m_interval(clampPollInterval(interval)), m_next(firstAttempt) {}

void PollSchedule::onAttemptStarted(TimePoint /*now*/) { m_inFlight = true; }

void PollSchedule::onSuccess(TimePoint now) {
  m_inFlight = false;
  m_paused = false;
  m_failures = 0;
  m_notBefore.reset();
  m_lastFinished = now;
  m_next = now + m_interval;
  if (m_keyChangedInFlight) {
    m_keyChangedInFlight = false;
    m_next = now;
  }
}

void PollSchedule::onFailure(const FetchError& error, TimePoint now, double jitterUnit) {
  m_inFlight = false;
  m_lastFinished = now;
  const auto mandated = serverMandatedWait(error);
  if (mandated.count() > 0) {
    m_notBefore = now + mandated;
  } else {
    m_notBefore.reset();
  }

  if (m_keyChangedInFlight) {
    // The answer was about the old key; the new one gets a fresh start.
    m_keyChangedInFlight = false;
    m_failures = 0;
    m_paused = false;
    m_next = earliestAllowed(now);
    return;
  }

  ++m_failures;
  if (pausesPolling(error.kind)) {
    m_paused = true;
    return;
  }
  m_paused = false;
  m_next = now + backoffDelay(m_failures, m_interval, error, jitterUnit);
}

void PollSchedule::keyChanged(TimePoint now) {
  m_failures = 0;
  m_paused = false;
  if (m_inFlight) {
    m_keyChangedInFlight = true;
    return;
  }
  m_next = earliestAllowed(now);
}

bool PollSchedule::refreshRequested(TimePoint now) {
  if (m_inFlight) return false;
  const TimePoint target = earliestAllowed(now);
  if (m_paused) {
    m_paused = false;
    m_next = target;
    return true;
  }
  if (m_next <= target) return false;
  m_next = target;
  return true;
}

void PollSchedule::setInterval(std::chrono::seconds interval) {
  const auto previous = m_interval;
  m_interval = clampPollInterval(interval);
  // Only a plain interval wait is re-timed: a backoff, a pending refresh or a pause keeps its time.
  const bool waitingInterval =
      m_failures == 0 && !m_paused && !m_inFlight && m_lastFinished && m_next == *m_lastFinished + previous;
  if (waitingInterval) m_next = *m_lastFinished + m_interval;
}

std::optional<TimePoint> PollSchedule::nextAttempt() const {
  if (m_paused || m_inFlight) return std::nullopt;
  return m_next;
}

bool PollSchedule::due(TimePoint now) const {
  const auto next = nextAttempt();
  return next && *next <= now;
}

TimePoint PollSchedule::earliestAllowed(TimePoint now) const {
  if (m_notBefore && *m_notBefore > now) return *m_notBefore;
  return now;
}

}  // namespace cut::core
