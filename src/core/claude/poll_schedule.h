#pragma once
// When the poller tries next: a pure state machine with time passed in, so every timing rule is
// tested with explicit times and no thread. The delays themselves come from fetch_policy.h.
//
// Rules:
// - The first attempt is at the time given to the constructor; after a success, one interval later.
// - The interval comes from settings and is held to kMinPollInterval (fetch_policy.h).
// - After failures, backoffDelay(): exponential with jitter, capped, never under Retry-After.
// - After an error for which pausesPolling() holds (auth_expired, invalid_key, no_key), no attempt is
//   scheduled until keyChanged() (or an explicit refresh).
// - A refresh request brings the next attempt forward to now, past a normal interval or backoff wait,
//   but never before a Retry-After / rate-limit wait ends. Requests made while an attempt is in
//   flight or already due are coalesced into that attempt.
//
// Not thread-safe: the owner (the poller) guards it with its own mutex.

#include <chrono>
#include <optional>

#include "core/claude/error.h"
#include "core/model/usage.h"

namespace cut::core {

class PollSchedule {
 public:
  /// `interval` is clamped like the setting; the first attempt is due at `firstAttempt`.
  PollSchedule(std::chrono::seconds interval, TimePoint firstAttempt);

  /// An attempt begins: nothing else is due until it ends with onSuccess() or onFailure().
  void onAttemptStarted(TimePoint now);
  /// The attempt succeeded: backoff and any Retry-After wait are over; next one interval from `now`.
  void onSuccess(TimePoint now);
  /// The attempt failed. `jitterUnit` (0..1) picks the point in the ±20 % jitter band.
  void onFailure(const FetchError& error, TimePoint now, double jitterUnit);

  /// The key was replaced: resume if paused, forget the backoff, try at once (or when a Retry-After
  /// wait ends). During an attempt, the attempt's outcome belongs to the old key, so another attempt
  /// follows it immediately and a pausing error from it does not pause.
  void keyChanged(TimePoint now);
  /// Someone asked for fresh numbers. Returns whether this request moved the next attempt earlier;
  /// false when it was coalesced into an attempt in flight or already due, or is held by Retry-After.
  /// While paused it schedules one attempt (a key fixed behind our back is found; a still-expired
  /// key pauses again).
  bool refreshRequested(TimePoint now);
  /// A new interval from settings (clamped). While waiting a normal interval, the wait is re-timed
  /// from the end of the last attempt; a backoff in progress is left alone.
  void setInterval(std::chrono::seconds interval);

  /// When the next attempt is due; empty while paused or while an attempt is in flight.
  std::optional<TimePoint> nextAttempt() const;
  /// Whether an attempt should start at `now`.
  bool due(TimePoint now) const;
  bool paused() const { return m_paused; }
  bool inFlight() const { return m_inFlight; }
  int consecutiveFailures() const { return m_failures; }
  std::chrono::seconds interval() const { return m_interval; }
  /// The end of the wait the server asked for (Retry-After, or the 429 floor); empty when none.
  std::optional<TimePoint> notBefore() const { return m_notBefore; }

 private:
  /// `now`, or later when a Retry-After wait is still running.
  TimePoint earliestAllowed(TimePoint now) const;

  std::chrono::seconds m_interval;
  TimePoint m_next;
  std::optional<TimePoint> m_notBefore;
  std::optional<TimePoint> m_lastFinished;
  int m_failures = 0;
  bool m_paused = false;
  bool m_inFlight = false;
  bool m_keyChangedInFlight = false;
};

}  // namespace cut::core
