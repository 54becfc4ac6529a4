#include <doctest/doctest.h>

#include "core/claude/usage_parser.h"

namespace iso_time_test {

using namespace cut::core;
using namespace std::chrono;

TEST_CASE("ISO times take 0 to 9 fraction digits") {
  const TimePoint whole = Clock::from_time_t(1'795'924'799);  // 2026-11-29T03:59:59Z
  CHECK(parseIsoTime("2026-11-29T03:59:59Z") == whole);
  CHECK(parseIsoTime("2026-11-29T03:59:59.5Z") == whole + 500ms);
  CHECK(parseIsoTime("2026-11-29T03:59:59.61Z") == whole + 610ms);
  CHECK(parseIsoTime("2026-11-29T03:59:59.611287Z") == whole + 611287us);
  CHECK(parseIsoTime("2026-11-29T03:59:59.611287123Z") ==
        whole + duration_cast<Clock::duration>(611287123ns));
  CHECK_FALSE(parseIsoTime("2026-11-29T03:59:59.6112871234Z"));  // 10 digits
  CHECK_FALSE(parseIsoTime("2026-11-29T03:59:59.Z"));
}

TEST_CASE("ISO times take Z or a +hh:mm / -hh:mm offset") {
  const TimePoint utc = Clock::from_time_t(1'795'924'799);
  CHECK(parseIsoTime("2026-11-29T03:59:59+00:00") == utc);
  CHECK(parseIsoTime("2026-11-29T03:59:59z") == utc);
  CHECK(parseIsoTime("2026-11-29T05:59:59+02:00") == utc);
  CHECK(parseIsoTime("2026-11-28T22:29:59-05:30") == utc);
  CHECK(parseIsoTime("2026-11-29 03:59:59.000+00:00") == utc);
}

TEST_CASE("ISO time garbage is refused") {
  for (const char* text :
       {"", "2026-11-29", "2026-11-29T03:59:59", "2026-11-29T03:59Z", "2026-13-01T00:00:00Z",
        "2026-02-29T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-29T24:00:00Z", "2026-11-29T03:60:00Z",
        "2026-11-29T03:59:59+2:00", "2026-11-29T03:59:59+24:00", "2026-11-29T03:59:59Z trailing",
        " 2026-11-29T03:59:59Z", "9999-11-29T03:59:59Z", "0001-01-01T00:00:00Z", "2026/11/29T03:59:59Z",
        "abcd-ef-ghTij:kl:mnZ", "2026-11-29T03:59:59+0200"}) {
    CAPTURE(text);
    CHECK_FALSE(parseIsoTime(text).has_value());
  }
  CHECK(parseIsoTime("2028-02-29T00:00:00Z").has_value());  // a leap day
}

TEST_CASE("formatIsoTimeUtc writes whole UTC seconds and round-trips") {
  CHECK(formatIsoTimeUtc(Clock::from_time_t(1'795'924'799) + 611ms) == "2026-11-29T03:59:59Z");
  CHECK(formatIsoTimeUtc(Clock::from_time_t(0)) == "1970-01-01T00:00:00Z");
  const auto parsed = parseIsoTime("2026-12-02T16:59:59.611310+00:00");
  REQUIRE(parsed);
  CHECK(formatIsoTimeUtc(*parsed) == "2026-12-02T16:59:59Z");
  CHECK(parseIsoTime(formatIsoTimeUtc(*parsed)) == floor<seconds>(*parsed));
}

}  // namespace iso_time_test
