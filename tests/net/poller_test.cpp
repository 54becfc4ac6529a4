#include "net/poller.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <thread>

#include "net/poller_fakes.h"

using cut::core::ErrorKind;
using cut::core::FetchError;
using cut::core::FetchOutcome;
using cut::core::TimePoint;
using cut::net::FetchResult;
using cut::net::Poller;
using cut::test::FetchCall;
using cut::test::PollerHarness;
using std::chrono::seconds;

namespace {

const TimePoint kT0 = TimePoint{} + std::chrono::hours(24 * 365 * 50);

TimePoint at(long long secondsFromT0) { return kT0 + seconds(secondsFromT0); }

PollerHarness::Step succeed(double fiveHourPercent, std::string orgUuid = "org-1") {
  return [=](const FetchCall& call) -> FetchResult {
    FetchOutcome outcome;
    outcome.organization = {.uuid = orgUuid, .name = "Test org"};
    outcome.organizations = {outcome.organization};
    outcome.usage.limits.push_back({.id = "five_hour",
                                    .label = "Session (5h)",
                                    .usedPercent = fiveHourPercent,
                                    .windowSeconds = cut::core::kFiveHourSeconds,
                                    .observedAt = call.now});
    return outcome;
  };
}

PollerHarness::Step failWith(ErrorKind kind, std::optional<std::int64_t> retryAfter = std::nullopt) {
  return [=](const FetchCall&) -> FetchResult {
    return cut::core::fail(FetchError{.kind = kind, .message = "scripted", .retryAfterSeconds = retryAfter});
  };
}

double fiveHour(const cut::core::UsageSnapshot& snapshot) {
  REQUIRE(snapshot.usage.has_value());
  const auto* limit = snapshot.usage->find("five_hour");
  REQUIRE(limit != nullptr);
  return limit->usedPercent;
}

}  // namespace

TEST_CASE("the poller publishes fetching, then the result, and wakes the reader after each publish") {
  PollerHarness h(kT0);
  h.script = {succeed(38.0)};
  Poller poller(h.options(), h.sink());
  poller.start();

  CHECK(h.settle(2) == at(60));
  const auto fetching = h.snapshot(0);
  CHECK(fetching->fetching);
  CHECK_FALSE(fetching->usage.has_value());
  CHECK(fetching->lastAttempt == kT0);
  CHECK_FALSE(fetching->nextAttempt.has_value());

  const auto done = h.snapshot(1);
  CHECK_FALSE(done->fetching);
  CHECK(fiveHour(*done) == 38.0);
  CHECK_FALSE(done->error.has_value());
  CHECK(done->lastSuccess == kT0);
  CHECK(done->nextAttempt == at(60));
  REQUIRE(done->organization.has_value());
  CHECK(done->organization->uuid == "org-1");
  CHECK(h.store.generation() == 2);  // one wake per publish

  poller.stop();
  CHECK(h.publishCount() == 2);
  REQUIRE(h.callCount() == 1);
  CHECK(h.calls[0].key == "sk-ant-sid01-TESTKEY_abc123xyz");
  CHECK(h.calls[0].orgUuid.empty());
}

TEST_CASE("the last good numbers survive a failure and the error clears on the next success") {
  PollerHarness h(kT0);
  h.script = {succeed(38.0), failWith(ErrorKind::Server), succeed(52.0)};
  Poller poller(h.options(), h.sink());
  poller.start();
  h.settle(2);

  h.clock->advance(seconds(60));
  CHECK(h.settle(4) == at(120));  // first backoff step: the interval, jitter in the middle
  const auto failed = h.snapshot(3);
  CHECK(fiveHour(*failed) == 38.0);
  REQUIRE(failed->error.has_value());
  CHECK(failed->error->kind == ErrorKind::Server);
  CHECK(failed->lastSuccess == kT0);
  CHECK(failed->lastAttempt == at(60));

  h.clock->advance(seconds(60));
  CHECK(h.settle(6) == at(180));
  const auto recovered = h.snapshot(5);
  CHECK(fiveHour(*recovered) == 52.0);
  CHECK_FALSE(recovered->error.has_value());
  CHECK(recovered->lastSuccess == at(120));
  CHECK(h.calls[1].orgUuid == "org-1");  // the first organization found is remembered
}

TEST_CASE("an expired key pauses polling until keyChanged wakes the poller with the new key") {
  PollerHarness h(kT0);
  h.script = {failWith(ErrorKind::AuthExpired), succeed(10.0)};
  Poller poller(h.options(), h.sink());
  poller.start();

  CHECK_FALSE(h.settle(2).has_value());  // waiting for a request, not a time
  const auto paused = h.snapshot(1);
  CHECK(paused->paused);
  CHECK_FALSE(paused->nextAttempt.has_value());
  REQUIRE(paused->error.has_value());
  CHECK(paused->error->kind == ErrorKind::AuthExpired);

  h.clock->advance(seconds(3600));
  CHECK_FALSE(h.clock->waitIdle().has_value());
  CHECK(h.callCount() == 1);

  {
    std::lock_guard lock(h.mutex);
    h.key = "sk-ant-sid01-TESTKEY_new456";
  }
  poller.keyChanged();
  h.settle(4);
  CHECK_FALSE(h.snapshot(2)->paused);
  CHECK(h.snapshot(2)->fetching);
  CHECK(fiveHour(*h.snapshot(3)) == 10.0);
  CHECK_FALSE(h.snapshot(3)->paused);
  REQUIRE(h.callCount() == 2);
  CHECK(h.calls[1].key == "sk-ant-sid01-TESTKEY_new456");
  CHECK(h.calls[1].now == at(3600));
}

TEST_CASE("a missing key is reported as no_key without a request and pauses polling") {
  PollerHarness h(kT0);
  h.key.clear();
  h.script = {succeed(20.0)};
  Poller poller(h.options(), h.sink());
  poller.start();

  CHECK_FALSE(h.settle(2).has_value());
  REQUIRE(h.snapshot(1)->error.has_value());
  CHECK(h.snapshot(1)->error->kind == ErrorKind::NoKey);
  CHECK(h.snapshot(1)->paused);
  CHECK(h.callCount() == 0);
}

TEST_CASE("refresh requests coalesce with an attempt already due and with one in flight") {
  PollerHarness h(kT0);
  h.script = {succeed(1.0), succeed(2.0)};
  Poller poller(h.options(), h.sink());
  poller.refreshNow();  // the first attempt is already due: these join it
  poller.refreshNow();
  poller.refreshNow();
  poller.start();
  h.settle(2);
  CHECK(h.callCount() == 1);

  {
    std::lock_guard lock(h.mutex);
    h.gateOpen = false;
  }
  h.clock->advance(seconds(10));
  h.clock->waitIdle();
  poller.refreshNow();
  h.waitFor([&] { return h.calls.size() == 2; });
  for (int i = 0; i < 5; ++i) poller.refreshNow();
  {
    std::lock_guard lock(h.mutex);
    h.gateOpen = true;
    h.changed.notify_all();
  }
  CHECK(h.settle(4) == at(70));  // an interval after the refresh, no third attempt queued
  CHECK(h.callCount() == 2);
  CHECK(h.calls[1].now == at(10));
  CHECK(fiveHour(*h.snapshot(3)) == 2.0);
}

TEST_CASE("a refresh skips a network backoff but not a Retry-After wait") {
  PollerHarness network(kT0);
  network.script = {failWith(ErrorKind::Network), succeed(5.0)};
  Poller networkPoller(network.options(), network.sink());
  networkPoller.start();
  CHECK(network.settle(2) == at(60));
  network.clock->advance(seconds(10));
  network.clock->waitIdle();
  networkPoller.refreshNow();
  network.settle(4);
  REQUIRE(network.callCount() == 2);
  CHECK(network.calls[1].now == at(10));

  PollerHarness limited(kT0);
  limited.script = {failWith(ErrorKind::RateLimited, 300), succeed(6.0)};
  Poller limitedPoller(limited.options(), limited.sink());
  limitedPoller.start();
  CHECK(limited.settle(2) == at(300));
  limitedPoller.refreshNow();
  limited.clock->advance(seconds(299));
  CHECK(limited.clock->waitIdle() == at(300));
  CHECK(limited.callCount() == 1);
  CHECK(limited.publishCount() == 2);
  limited.clock->advance(seconds(1));
  limited.settle(4);
  REQUIRE(limited.callCount() == 2);
  CHECK(limited.calls[1].now == at(300));
}

TEST_CASE("stop during a fetch that hangs until cancelled cancels it, returns and publishes nothing more") {
  PollerHarness h(kT0);
  h.gateOpen = false;  // the fetch returns only when cancel() is called
  h.script = {succeed(1.0)};
  Poller poller(h.options(), h.sink());
  poller.start();
  h.waitFor([&] { return h.calls.size() == 1 && h.published.size() == 1; });

  poller.stop();  // joins the thread: returning at all is the assertion
  {
    std::lock_guard lock(h.mutex);
    CHECK(h.cancelled);
    CHECK(h.published.size() == 1);
  }
  CHECK(h.snapshot(0)->fetching);
  poller.stop();        // idempotent
  poller.refreshNow();  // harmless once stopped
  CHECK(h.publishCount() == 1);
}

TEST_CASE("an exception thrown by the fetch becomes an error status and polling goes on") {
  PollerHarness h(kT0);
  h.script = {
      [](const FetchCall& call) -> FetchResult {
        throw std::runtime_error("parser exploded near " + call.key);
      },
      [](const FetchCall&) -> FetchResult { throw 42; },
      succeed(7.0),
  };
  Poller poller(h.options(), h.sink());
  poller.start();

  CHECK(h.settle(2) == at(60));
  const auto first = h.snapshot(1);
  CHECK_FALSE(first->fetching);
  REQUIRE(first->error.has_value());
  CHECK(first->error->kind == ErrorKind::BadResponse);
  CHECK(first->error->message.find("parser exploded") != std::string::npos);
  CHECK(first->error->message.find("TESTKEY") == std::string::npos);

  h.clock->advance(seconds(60));
  CHECK(h.settle(4) == at(180));
  REQUIRE(h.snapshot(3)->error.has_value());
  CHECK(h.snapshot(3)->error->message.find("unknown exception") != std::string::npos);

  h.clock->advance(seconds(120));
  h.settle(6);
  CHECK(fiveHour(*h.snapshot(5)) == 7.0);
  CHECK_FALSE(h.snapshot(5)->error.has_value());
}

TEST_CASE("runOnce makes one attempt on the calling thread and publishes it") {
  PollerHarness h(kT0);
  h.script = {succeed(38.0), failWith(ErrorKind::Cloudflare)};
  std::vector<int> successCalls;
  auto options = h.options();
  options.onSuccess = [&](const FetchOutcome& outcome) {
    // Runs before the result is published, so a cache is written before the reader hears of it.
    successCalls.push_back(static_cast<int>(h.publishCount()));
    CHECK(outcome.organization.uuid == "org-1");
  };
  Poller poller(std::move(options), h.sink());

  const auto ok = poller.runOnce();
  CHECK(fiveHour(*h.store.load()) == 38.0);
  CHECK(fiveHour(*ok) == 38.0);
  CHECK_FALSE(ok->fetching);
  CHECK(h.publishCount() == 2);
  REQUIRE(h.callCount() == 1);
  CHECK(h.calls[0].thread == std::this_thread::get_id());
  CHECK(successCalls == std::vector<int>{1});

  const auto failed = poller.runOnce();
  REQUIRE(failed->error.has_value());
  CHECK(failed->error->kind == ErrorKind::Cloudflare);
  CHECK(fiveHour(*failed) == 38.0);
  CHECK(successCalls.size() == 1);
}

TEST_CASE("setOrganization fetches the new organization at once") {
  PollerHarness h(kT0);
  h.script = {succeed(1.0, "org-1"), succeed(2.0, "org-2")};
  Poller poller(h.options(), h.sink());
  poller.start();
  h.settle(2);
  h.clock->advance(seconds(5));
  h.clock->waitIdle();

  poller.setOrganization("org-2");
  CHECK(h.settle(4) == at(65));
  REQUIRE(h.callCount() == 2);
  CHECK(h.calls[1].orgUuid == "org-2");
  CHECK(h.snapshot(3)->organization->uuid == "org-2");
}

TEST_CASE("setInterval re-times the wait, held to 30 seconds, and publishes the new time") {
  PollerHarness h(kT0);
  h.script = {succeed(1.0)};
  auto options = h.options();
  options.interval = seconds(120);
  Poller poller(std::move(options), h.sink());
  poller.start();
  CHECK(h.settle(2) == at(120));

  poller.setInterval(seconds(300));
  CHECK(h.settle(3) == at(300));
  CHECK(h.snapshot(2)->nextAttempt == at(300));
  poller.setInterval(seconds(5));
  CHECK(h.settle(4) == at(30));
  CHECK(h.callCount() == 1);
}
