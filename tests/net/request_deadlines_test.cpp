#include "net/request_deadlines.h"

#include <doctest/doctest.h>

namespace request_deadlines_test {

using namespace cut;
using namespace std::chrono_literals;
using Clock = net::Deadlines::Clock;

namespace {

net::TransportOptions limits() {
  net::TransportOptions options;
  options.totalTimeout = 30s;
  options.lowSpeedBytes = 64;
  options.lowSpeedTime = 15s;
  return options;
}

}  // namespace

TEST_CASE("the whole-request deadline ends a request at the total timeout, not before") {
  const auto options = limits();
  const Clock::time_point start{};
  net::Deadlines deadlines(options, start);
  CHECK(deadlines.next() == start + 30s);
  CHECK_FALSE(deadlines.expired(start + 29s));
  const auto late = deadlines.expired(start + 30s);
  REQUIRE(late);
  CHECK(late->kind == core::TransportErrorKind::Timeout);
  CHECK(late->message == "no complete answer within 30 s");
}

TEST_CASE("the low-speed window ends a request that sends too little and starts over for one that keeps up") {
  const auto options = limits();
  const Clock::time_point start{};
  net::Deadlines deadlines(options, start);
  deadlines.startWindow(start + 1s);
  CHECK(deadlines.next() == start + 16s);
  // 64 bytes a second for 15 s is 960 bytes: enough starts a new window at its end.
  deadlines.received(960);
  CHECK_FALSE(deadlines.expired(start + 16s));
  CHECK(deadlines.next() == start + 30s);  // the new window ends at 31 s, after the total
  // The next window sees a byte a second: too slow.
  net::Deadlines slow(options, start);
  slow.startWindow(start);
  slow.received(15);
  const auto dripping = slow.expired(start + 15s);
  REQUIRE(dripping);
  CHECK(dripping->kind == core::TransportErrorKind::Timeout);
  CHECK(dripping->message == "fewer than 64 bytes a second arrived for 15 s");
}

TEST_CASE("before the request is sent only the total deadline applies") {
  const auto options = limits();
  const Clock::time_point start{};
  net::Deadlines deadlines(options, start);
  CHECK_FALSE(deadlines.expired(start + 20s));
  CHECK(deadlines.next() == start + 30s);
}

}  // namespace request_deadlines_test
