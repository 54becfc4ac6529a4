// Local time under a POSIX time-zone rule with summer time, which glibc reads from TZ and the
// Windows C runtime does not (it takes summer time from the system's zone). The cases both OSes
// share are in format_test.cpp.
#include <doctest/doctest.h>
#include <ctime>

#include "core/claude/usage_parser.h"
#include "core/model/format.h"
#include "support/times.h"

namespace format_posix_test {

using namespace cut::core;
using namespace std::chrono;
using cut::test::iso;
using cut::test::useTimeZone;

TEST_CASE("local time follows the time zone's summer-time rule, so today is the local day") {
  useTimeZone("CET-1CEST,M3.5.0,M10.5.0/3");          // central Europe as a POSIX rule: no tz database needed
  const TimePoint now = iso("2026-11-24T23:05:00Z");  // Wednesday 00:05 there, still Tuesday in UTC
  CHECK(formatLocalTime(iso("2026-11-25T10:00:00Z"), now, true) == "11:00");
  CHECK(formatLocalTime(iso("2026-11-25T10:00:00Z"), now - hours{1}, true) == "Wed 11:00");
  CHECK(formatLocalTime(iso("2026-07-01T12:00:00Z"), iso("2026-07-01T06:00:00Z"), true) ==
        "14:00");  // summer
  useTimeZone("UTC0");
}

}  // namespace format_posix_test
