#include "platform/process_clock.h"

#include <doctest/doctest.h>

#include <string>

using cut::platform::millisecondsSinceProcessStart;
using cut::platform::parseStartTicks;

namespace {
// A real line's shape: pid, comm, state, then fields 4..21, starttime (22), and more after it.
std::string statLine(const std::string& comm) {
  return "4242 (" + comm +
         ") S 1 4242 4242 0 -1 4194560 120 0 0 0 3 1 0 0 20 0 1 0 987654 "
         "12345678 300 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
}
}  // namespace

TEST_CASE("the start time is the 22nd field of a stat line") {
  CHECK(parseStartTicks(statLine("claude-usage-tr")) == 987654ULL);
}

TEST_CASE("a command name with spaces and parentheses does not shift the fields") {
  CHECK(parseStartTicks(statLine("a) b (c) d")) == 987654ULL);
}

TEST_CASE("a stat line that is cut short or not a number gives no start time") {
  CHECK_FALSE(parseStartTicks("4242 (x) S 1 2 3").has_value());
  CHECK_FALSE(parseStartTicks("no parenthesis at all").has_value());
  CHECK_FALSE(parseStartTicks("1 (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 0 0 1 0 12x3 5").has_value());
}

TEST_CASE("this process is older than zero and younger than a day") {
  const auto age = millisecondsSinceProcessStart();
  REQUIRE(age.has_value());
  CHECK(*age >= 0.0);
  CHECK(*age < 86'400'000.0);
}
