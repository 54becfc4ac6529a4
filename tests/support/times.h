#pragma once
// Time for the suites that read or format it: an ISO-8601 text as a time point, and the local time
// zone pinned for a test.

#include <doctest/doctest.h>

#include <ctime>

#include "core/claude/usage_parser.h"
#include "support/env_scope.h"

namespace cut::test {

/// `text` as a time point; the test fails when it is not ISO-8601.
inline core::TimePoint iso(const char* text) {
  const auto time = core::parseIsoTime(text);
  REQUIRE_MESSAGE(time.has_value(), text);
  return *time;
}

/// Local-time formatting reads TZ; every test that depends on it pins it first. Zones written as a
/// name and an offset ("UTC0", "CET-1") read alike in glibc and the Windows C runtime; summer-time
/// rules ("CET-1CEST,M3.5.0,M10.5.0/3") are POSIX's alone.
inline void useTimeZone(const char* zone) {
  setEnvironment("TZ", zone);
  ::tzset();
}

}  // namespace cut::test
