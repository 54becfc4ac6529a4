#include "core/model/format.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <limits>

#include "core/claude/usage_parser.h"
#include "core/model/terminal_text.h"
#include "support/times.h"

namespace format_test {

using namespace cut::core;
using namespace std::chrono;
using cut::test::iso;
using cut::test::useTimeZone;

TEST_CASE("durations read as the two largest whole units") {
  CHECK(formatDuration(seconds{0}) == "now");
  CHECK(formatDuration(seconds{-5}) == "now");
  CHECK(formatDuration(seconds{1}) == "<1m");
  CHECK(formatDuration(seconds{59}) == "<1m");
  CHECK(formatDuration(seconds{60}) == "1m");
  CHECK(formatDuration(minutes{12} + seconds{59}) == "12m");
  CHECK(formatDuration(hours{3} + minutes{47} + seconds{30}) == "3h 47m");
  CHECK(formatDuration(hours{3}) == "3h");
  CHECK(formatDuration(hours{23} + minutes{59}) == "23h 59m");
  CHECK(formatDuration(hours{24 * 2 + 4} + minutes{59}) == "2d 4h");
  CHECK(formatDuration(hours{24 * 7}) == "7d");
}

TEST_CASE("resets-in text covers a running window, a passed reset and an unknown one") {
  const TimePoint now = iso("2026-11-29T00:12:00Z");
  Limit session{
      .id = "five_hour", .resetsAt = now + hours{3} + minutes{47}, .windowSeconds = kFiveHourSeconds};
  CHECK(formatResetsIn(session, now) == "resets in 3h 47m");
  session.resetsAt = now + seconds{20};
  CHECK(formatResetsIn(session, now) == "resets in <1m");
  session.resetsAt = now - seconds{1};
  CHECK(formatResetsIn(session, now) == "window has reset");
  session.resetsAt.reset();
  CHECK(formatResetsIn(session, now) == "no active session");
  const Limit weekly{.id = "seven_day_opus", .windowSeconds = kSevenDaySeconds};
  CHECK(formatResetsIn(weekly, now) == "reset time unknown");
}

TEST_CASE("local time is 24-hour or 12-hour, with the weekday when not today") {
  useTimeZone("UTC0");
  const TimePoint now = iso("2026-11-24T10:00:00Z");  // a Tuesday
  CHECK(formatLocalTime(iso("2026-11-24T14:05:00Z"), now, true) == "14:05");
  CHECK(formatLocalTime(iso("2026-11-24T14:05:59Z"), now, false) == "2:05 PM");
  CHECK(formatLocalTime(iso("2026-11-24T00:05:00Z"), now, false) == "12:05 AM");
  CHECK(formatLocalTime(iso("2026-11-24T12:00:00Z"), now, false) == "12:00 PM");
  CHECK(formatLocalTime(iso("2026-11-25T09:00:00Z"), now, true) == "Wed 09:00");
  CHECK(formatLocalTime(iso("2026-11-29T03:59:59Z"), now, false) == "Sun 3:59 AM");
  CHECK(formatLocalTime(iso("2026-12-02T16:59:59Z"), now, true) == "2 Dec 16:59");   // over six days away
  CHECK(formatLocalTime(iso("2026-11-23T16:00:00Z"), now, true) == "23 Nov 16:00");  // yesterday
}

TEST_CASE("local time follows the time zone's offset, so today is the local day") {
  useTimeZone("CET-1");                               // central Europe in winter, one hour east of UTC
  const TimePoint now = iso("2026-11-24T23:05:00Z");  // Wednesday 00:05 there, still Tuesday in UTC
  CHECK(formatLocalTime(iso("2026-11-25T10:00:00Z"), now, true) == "11:00");
  CHECK(formatLocalTime(iso("2026-11-25T10:00:00Z"), now - hours{1}, true) == "Wed 11:00");
  useTimeZone("UTC0");
}

TEST_CASE("money uses a symbol for dollars, euros, pounds and yen, else the code") {
  CHECK(formatMoney(12.75, "USD") == "$12.75");
  CHECK(formatMoney(15.375, "EUR") == "€15.38");
  CHECK(formatMoney(3, "GBP") == "£3.00");
  CHECK(formatMoney(1200, "JPY") == "¥1200");
  CHECK(formatMoney(12.75, "CHF") == "12.75 CHF");
  CHECK(formatMoney(12.75, "") == "12.75");
  CHECK(formatMoney(-4.5, "USD") == "-$4.50");
  CHECK(formatMoney(-0.001, "USD") == "$0.00");
  CHECK(formatMoney(std::numeric_limits<double>::infinity(), "USD") == "? USD");
}

TEST_CASE("percent shows a decimal only when the value is not whole") {
  CHECK(formatPercent(38.0) == "38%");
  CHECK(formatPercent(38.5) == "38.5%");
  CHECK(formatPercent(38.04) == "38%");
  CHECK(formatPercent(99.96) == "100%");
  CHECK(formatPercent(140.0) == "140%");
  CHECK(formatPercent(0.0) == "0%");
  CHECK(formatPercent(-0.01) == "0%");
  CHECK(formatPercent(std::numeric_limits<double>::quiet_NaN()) == "?%");
}

TEST_CASE("age of the numbers reads just now, minutes, hours, days") {
  const TimePoint now = iso("2026-11-24T10:00:00Z");
  CHECK(formatAge(now, now) == "updated just now");
  CHECK(formatAge(now - seconds{59}, now) == "updated just now");
  CHECK(formatAge(now + seconds{5}, now) == "updated just now");  // a clock that stepped back
  CHECK(formatAge(now - minutes{2} - seconds{30}, now) == "updated 2 min ago");
  CHECK(formatAge(now - hours{3} - minutes{59}, now) == "updated 3 h ago");
  CHECK(formatAge(now - hours{50}, now) == "updated 2 d ago");
}

TEST_CASE("terminal-safe text replaces control bytes, DEL and C1 controls and keeps other UTF-8") {
  CHECK(terminalSafe("plain ascii") == "plain ascii");
  CHECK(terminalSafe("a\x1b]0;title\x07z") == "a?]0;title?z");
  CHECK(terminalSafe("line\nbreak\rtab\t") == "line?break?tab?");
  CHECK(terminalSafe(std::string("nul\0x", 5)) == "nul?x");
  CHECK(terminalSafe("del\x7f") == "del?");
  CHECK(terminalSafe("csi\xc2\x9b"
                     "31m") == "csi?31m");  // U+009B, the one-byte CSI
  CHECK(terminalSafe("Zürich €5 ▰ \xc2\xa0") == "Zürich €5 ▰ \xc2\xa0");
  CHECK(terminalSafe("cut\xc2") == "cut\xc2");
  CHECK(terminalSafe("") == "");
}

TEST_CASE("money never prints a control character from the currency code") {
  CHECK(formatMoney(1.5, "X\x1b[2J") == "1.50 X?[2J");
}

}  // namespace format_test
