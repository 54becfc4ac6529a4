#include "core/claude/poll_schedule.h"

#include <doctest/doctest.h>

#include <chrono>
#include <optional>

namespace poll_schedule_test {

using cut::core::ErrorKind;
using cut::core::FetchError;
using cut::core::PollSchedule;
using cut::core::TimePoint;
using std::chrono::seconds;

namespace {

// A fixed origin far from the epoch, so no arithmetic below can look like "no time".
const TimePoint kT0 = TimePoint{} + std::chrono::hours(24 * 365 * 50);

TimePoint at(long long secondsFromT0) { return kT0 + seconds(secondsFromT0); }

FetchError error(ErrorKind kind, std::optional<std::int64_t> retryAfter = std::nullopt) {
  FetchError e;
  e.kind = kind;
  e.message = "test";
  e.retryAfterSeconds = retryAfter;
  return e;
}

/// One attempt started and failed at `t`.
void failAt(PollSchedule& schedule, long long t, const FetchError& e, double jitter = 0.5) {
  schedule.onAttemptStarted(at(t));
  schedule.onFailure(e, at(t), jitter);
}

void succeedAt(PollSchedule& schedule, long long t) {
  schedule.onAttemptStarted(at(t));
  schedule.onSuccess(at(t));
}

}  // namespace

TEST_CASE("the first attempt is due when given and the next one an interval after a success") {
  PollSchedule schedule(seconds(60), at(0));
  CHECK(schedule.due(at(0)));
  schedule.onAttemptStarted(at(0));
  CHECK_FALSE(schedule.nextAttempt().has_value());
  CHECK_FALSE(schedule.due(at(1000)));
  schedule.onSuccess(at(2));
  CHECK(schedule.nextAttempt() == at(62));
  CHECK_FALSE(schedule.due(at(61)));
  CHECK(schedule.due(at(62)));
}

TEST_CASE("consecutive failures back off exponentially from the interval, capped at 15 minutes") {
  PollSchedule schedule(seconds(60), at(0));
  long long t = 0;
  const long long expected[] = {60, 120, 240, 480, 900, 900, 900};
  for (const long long delay : expected) {
    failAt(schedule, t, error(ErrorKind::Network));
    REQUIRE(schedule.nextAttempt().has_value());
    CHECK(*schedule.nextAttempt() == at(t + delay));
    t += delay;
  }
  CHECK(schedule.consecutiveFailures() == 7);
  CHECK_FALSE(schedule.paused());
}

TEST_CASE("the jitter spreads each backoff step by 20 percent either way") {
  const long long low[] = {48, 96, 192, 384, 768, 900};
  const long long high[] = {72, 144, 288, 576, 900, 900};
  PollSchedule lowSchedule(seconds(60), at(0));
  PollSchedule highSchedule(seconds(60), at(0));
  for (int i = 0; i < 6; ++i) {
    failAt(lowSchedule, 0, error(ErrorKind::Server), 0.0);
    failAt(highSchedule, 0, error(ErrorKind::Server), 1.0);
    CHECK(lowSchedule.nextAttempt() == at(low[i]));
    CHECK(highSchedule.nextAttempt() == at(high[i]));
  }
}

TEST_CASE("a Retry-After in seconds is never retried before, even past the backoff cap") {
  PollSchedule schedule(seconds(60), at(0));
  failAt(schedule, 0, error(ErrorKind::Server, 1200));
  CHECK(schedule.nextAttempt() == at(1200));
  CHECK(schedule.notBefore() == at(1200));

  // A shorter Retry-After than the backoff leaves the backoff in charge.
  failAt(schedule, 1200, error(ErrorKind::Server, 5));
  CHECK(schedule.nextAttempt() == at(1200 + 120));
}

TEST_CASE("a 429 waits at least 30 seconds even without a Retry-After") {
  // Jitter 0 takes the first step to 24 s; the 429 floor holds it at 30.
  PollSchedule rateLimited(seconds(30), at(0));
  failAt(rateLimited, 0, error(ErrorKind::RateLimited), 0.0);
  CHECK(rateLimited.nextAttempt() == at(30));

  PollSchedule shortRetryAfter(seconds(30), at(0));
  failAt(shortRetryAfter, 0, error(ErrorKind::RateLimited, 3), 0.0);
  CHECK(shortRetryAfter.nextAttempt() == at(30));
}

TEST_CASE("auth_expired, invalid_key and no_key pause polling until the key changes") {
  for (const ErrorKind kind : {ErrorKind::AuthExpired, ErrorKind::InvalidKey, ErrorKind::NoKey}) {
    CAPTURE(static_cast<int>(kind));
    PollSchedule schedule(seconds(60), at(0));
    failAt(schedule, 0, error(kind));
    CHECK(schedule.paused());
    CHECK_FALSE(schedule.nextAttempt().has_value());
    CHECK_FALSE(schedule.due(at(100000)));

    schedule.keyChanged(at(500));
    CHECK_FALSE(schedule.paused());
    CHECK(schedule.consecutiveFailures() == 0);
    CHECK(schedule.nextAttempt() == at(500));
  }
}

TEST_CASE("errors that do not concern the key never pause") {
  for (const ErrorKind kind : {ErrorKind::Cloudflare, ErrorKind::OrgPermission, ErrorKind::RateLimited,
                               ErrorKind::Server, ErrorKind::Network, ErrorKind::Timeout, ErrorKind::Tls,
                               ErrorKind::BadResponse, ErrorKind::TooLarge}) {
    CAPTURE(static_cast<int>(kind));
    PollSchedule schedule(seconds(60), at(0));
    failAt(schedule, 0, error(kind));
    CHECK_FALSE(schedule.paused());
    CHECK(schedule.nextAttempt().has_value());
  }
}

TEST_CASE("refresh requests bypass the interval and coalesce into one attempt") {
  PollSchedule schedule(seconds(60), at(0));
  succeedAt(schedule, 0);
  REQUIRE(schedule.nextAttempt() == at(60));

  CHECK(schedule.refreshRequested(at(10)));
  CHECK(schedule.nextAttempt() == at(10));
  CHECK_FALSE(schedule.refreshRequested(at(11)));  // already due: same attempt
  CHECK(schedule.nextAttempt() == at(10));

  schedule.onAttemptStarted(at(12));
  CHECK_FALSE(schedule.refreshRequested(at(13)));  // in flight: same attempt
  CHECK_FALSE(schedule.refreshRequested(at(14)));
  schedule.onSuccess(at(15));
  CHECK(schedule.nextAttempt() == at(75));  // no second attempt queued behind it
}

TEST_CASE("a refresh request shortens a plain backoff but never a Retry-After or 429 wait") {
  PollSchedule network(seconds(60), at(0));
  failAt(network, 0, error(ErrorKind::Network));
  CHECK(network.refreshRequested(at(5)));
  CHECK(network.nextAttempt() == at(5));

  PollSchedule retryAfter(seconds(60), at(0));
  failAt(retryAfter, 0, error(ErrorKind::Server));
  failAt(retryAfter, 60, error(ErrorKind::Server));
  failAt(retryAfter, 180, error(ErrorKind::Server));
  failAt(retryAfter, 420, error(ErrorKind::Server, 100));  // backoff 480 s, server asks for 100 s
  REQUIRE(retryAfter.nextAttempt() == at(900));
  CHECK(retryAfter.refreshRequested(at(430)));
  CHECK(retryAfter.nextAttempt() == at(520));
  CHECK_FALSE(retryAfter.refreshRequested(at(440)));
  CHECK(retryAfter.nextAttempt() == at(520));

  PollSchedule rateLimited(seconds(60), at(0));
  failAt(rateLimited, 0, error(ErrorKind::RateLimited));
  REQUIRE(rateLimited.nextAttempt() == at(60));
  CHECK(rateLimited.refreshRequested(at(1)));
  CHECK(rateLimited.nextAttempt() == at(30));
  CHECK_FALSE(rateLimited.refreshRequested(at(2)));
  CHECK_FALSE(rateLimited.due(at(29)));
  CHECK(rateLimited.due(at(30)));
}

TEST_CASE("a success resets the backoff and any Retry-After wait") {
  PollSchedule schedule(seconds(60), at(0));
  failAt(schedule, 0, error(ErrorKind::Server));
  failAt(schedule, 60, error(ErrorKind::Server));
  failAt(schedule, 180, error(ErrorKind::RateLimited, 200));
  REQUIRE(schedule.consecutiveFailures() == 3);
  succeedAt(schedule, 420);
  CHECK(schedule.consecutiveFailures() == 0);
  CHECK_FALSE(schedule.notBefore().has_value());
  CHECK(schedule.nextAttempt() == at(480));
  failAt(schedule, 480, error(ErrorKind::Server));
  CHECK(schedule.nextAttempt() == at(540));  // back to the first step
}

TEST_CASE("the interval is held to 30 seconds and a new one re-times a plain wait only") {
  PollSchedule schedule(seconds(5), at(0));
  CHECK(schedule.interval() == seconds(30));
  schedule.setInterval(seconds(0));
  CHECK(schedule.interval() == seconds(30));
  schedule.setInterval(seconds(-40));
  CHECK(schedule.interval() == seconds(30));

  succeedAt(schedule, 0);
  CHECK(schedule.nextAttempt() == at(30));
  schedule.setInterval(seconds(300));
  CHECK(schedule.nextAttempt() == at(300));

  failAt(schedule, 300, error(ErrorKind::Server));
  REQUIRE(schedule.nextAttempt() == at(600));
  schedule.setInterval(seconds(60));  // a backoff in progress keeps its time
  CHECK(schedule.nextAttempt() == at(600));

  PollSchedule refreshed(seconds(60), at(0));
  succeedAt(refreshed, 0);
  refreshed.refreshRequested(at(10));
  refreshed.setInterval(seconds(120));  // a pending refresh stays pending
  CHECK(refreshed.nextAttempt() == at(10));
}

TEST_CASE("a key change during an attempt ignores the old key's pausing answer and retries at once") {
  PollSchedule schedule(seconds(60), at(0));
  schedule.onAttemptStarted(at(0));
  schedule.keyChanged(at(1));
  schedule.onFailure(error(ErrorKind::AuthExpired), at(2), 0.5);
  CHECK_FALSE(schedule.paused());
  CHECK(schedule.consecutiveFailures() == 0);
  CHECK(schedule.nextAttempt() == at(2));

  succeedAt(schedule, 2);
  schedule.onAttemptStarted(at(10));
  schedule.keyChanged(at(11));
  schedule.onSuccess(at(12));
  CHECK(schedule.nextAttempt() == at(12));
}

TEST_CASE("a refresh while paused makes one attempt and a still-bad key pauses again") {
  PollSchedule schedule(seconds(60), at(0));
  failAt(schedule, 0, error(ErrorKind::AuthExpired));
  REQUIRE(schedule.paused());
  CHECK(schedule.refreshRequested(at(100)));
  CHECK(schedule.nextAttempt() == at(100));
  failAt(schedule, 100, error(ErrorKind::AuthExpired));
  CHECK(schedule.paused());
  CHECK_FALSE(schedule.nextAttempt().has_value());
}

}  // namespace poll_schedule_test
